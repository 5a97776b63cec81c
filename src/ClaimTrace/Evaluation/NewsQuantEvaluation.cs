using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimTrace;

/// <summary>Precision, recall and F1 from counts: matched pairs, predictions, gold items.</summary>
public readonly record struct PrecisionRecall(int Matched, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"P={Precision:F3} R={Recall:F3} F1={F1:F3} ({Matched}/{Predicted} predicted, {Matched}/{Gold} gold)");
}

/// <summary>The three NewsQuant figures, and the sentences and quantities they were measured on.</summary>
public sealed record NewsQuantScore(PrecisionRecall Value, PrecisionRecall ValueUnit, PrecisionRecall Concept, int Sentences);

/// <summary>
/// Scores the quantity extractor on NewsQuant (Almasian et al., "CQE", EMNLP 2023): a JSON array of
/// <c>{ "text", "quantities": [{ "value", "unit", "normalized_unit", "change", "referred_concepts" }] }</c>,
/// one sentence each. Each sentence is one <see cref="Sentence"/>; gold and predicted quantities are paired
/// one-to-one, greedily, in text order.
/// <list type="bullet">
/// <item>value: same number (ranges "252.0-287.0": both ends, in either order), within 0.1% or 0.001;</item>
/// <item>value+unit: also the same unit, NewsQuant's <c>normalized_unit</c> mapped through
/// <c>Data/analysis/newsquant-units.tsv</c>; a unit not in that table is a counted noun ("solution", "home") and
/// matches a count or people whose <see cref="Quantity.What"/> holds its first word (plural or singular);
/// "-" and "count" match a count of nothing named;</item>
/// <item>concept: a value+unit match whose <see cref="Quantity.What"/> or <see cref="Quantity.Measure"/> shares a
/// content word with <c>referred_concepts</c>; gold items with concept "-" and predictions with neither What nor
/// Measure are left out of this figure.</item>
/// </list>
/// </summary>
public static class NewsQuantEvaluation
{
    private static readonly Lazy<Dictionary<string, string>> UnitMap = new(LoadUnitMap);

    public static NewsQuantScore Run(string path, QuantityExtractor extractor) => Run(path, extractor, misses: null);

    /// <summary>As <see cref="Run(string, QuantityExtractor)"/>, writing each sentence's unmatched gold and predictions to <paramref name="misses"/>.</summary>
    public static NewsQuantScore Run(string path, QuantityExtractor extractor, TextWriter? misses)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var items = Load(path);
        int valueMatched = 0, unitMatched = 0, predicted = 0, gold = 0;
        int conceptMatched = 0, conceptPredicted = 0, conceptGold = 0;
        foreach (var item in items)
        {
            var sentence = new Sentence(0, 0, item.Text.Length, 0, SegmentKind.Article, false);
            var found = extractor.Extract(item.Text, [sentence], PageMetadata.Empty);
            predicted += found.Count;
            gold += item.Quantities.Count;
            conceptGold += item.Quantities.Count(g => HasConcept(g.ReferredConcepts));
            conceptPredicted += found.Count(q => q.What is not null || q.Measure is not null);

            // Pair value+unit matches first, so a value-only pairing never steals the right unit's partner.
            var goldUsed = new bool[item.Quantities.Count];
            var unitMisses = new List<string>();
            var foundUsed = new bool[found.Count];
            for (var g = 0; g < item.Quantities.Count; g++)
            {
                for (var f = 0; f < found.Count; f++)
                {
                    if (foundUsed[f] || !SameValue(item.Quantities[g], found[f]) || !SameUnit(item.Quantities[g], found[f]))
                        continue;
                    goldUsed[g] = foundUsed[f] = true;
                    valueMatched++;
                    unitMatched++;
                    if (HasConcept(item.Quantities[g].ReferredConcepts) && SharesConcept(item.Quantities[g].ReferredConcepts, found[f]))
                        conceptMatched++;
                    break;
                }
            }

            for (var g = 0; g < item.Quantities.Count; g++)
            {
                if (goldUsed[g])
                    continue;
                for (var f = 0; f < found.Count; f++)
                {
                    if (foundUsed[f] || !SameValue(item.Quantities[g], found[f]))
                        continue;
                    goldUsed[g] = foundUsed[f] = true;
                    valueMatched++;
                    unitMisses.Add(string.Create(CultureInfo.InvariantCulture, $"  unit:   {item.Quantities[g].Value} {item.Quantities[g].NormalizedUnit} <> {found[f].Unit} [{found[f].What}]"));
                    break;
                }
            }

            if (misses is not null)
                WriteMisses(misses, item, found, goldUsed, foundUsed, unitMisses);
        }

        return new NewsQuantScore(
            new PrecisionRecall(valueMatched, predicted, gold),
            new PrecisionRecall(unitMatched, predicted, gold),
            new PrecisionRecall(conceptMatched, conceptPredicted, conceptGold),
            items.Count);
    }

    private static void WriteMisses(TextWriter misses, NewsQuantItem item, IReadOnlyList<Quantity> found, bool[] goldUsed, bool[] foundUsed, List<string> unitMisses)
    {
        if (goldUsed.All(u => u) && foundUsed.All(u => u) && unitMisses.Count == 0)
            return;

        // The sentence heads its misses: a unit mismatch is rarely diagnosable without it.
        misses.WriteLine(item.Text);
        foreach (var line in unitMisses)
            misses.WriteLine(line);
        for (var g = 0; g < goldUsed.Length; g++)
        {
            if (!goldUsed[g])
                misses.WriteLine($"  missed: {item.Quantities[g].Value} {item.Quantities[g].NormalizedUnit}");
        }

        for (var f = 0; f < foundUsed.Length; f++)
        {
            if (!foundUsed[f])
                misses.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  extra:  {found[f].Value}{(found[f].ValueMax is { } max ? "-" + max.ToString(CultureInfo.InvariantCulture) : "")} {found[f].Unit} [{found[f].What}]"));
        }
    }

    private static bool SameValue(NewsQuantQuantity gold, Quantity found)
    {
        var text = gold.Value.Trim();
        var dash = text.IndexOf('-', 1);
        if (dash > 0)
        {
            // NewsQuant writes a change "from 208 to 193" as the range "208-193"; ours runs low to high.
            return double.TryParse(text[..dash], NumberStyles.Float, CultureInfo.InvariantCulture, out var first)
                && double.TryParse(text[(dash + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var second)
                && Close(Math.Min(first, second), found.Value) && found.ValueMax is { } max && Close(Math.Max(first, second), max);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && (Close(value, found.Value) || (found.Unit == "fraction" && Close(value, found.Value * 100)));
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= Math.Max(0.001, Math.Abs(a) * 0.001);

    private static bool SameUnit(NewsQuantQuantity gold, Quantity found)
    {
        var unit = gold.NormalizedUnit.Trim();
        if (UnitMap.Value.TryGetValue(unit, out var ours))
            return ours == found.Unit || (ours == "percent" && found.Unit == "fraction") || NamesCountedNoun(unit, found);

        // "% US population": NewsQuant writes a share of something as a percentage followed by what it is a share of.
        if (unit.StartsWith("% ", StringComparison.Ordinal))
            return found.Unit is "percent" or "fraction";

        // "dollar per barrel" is ours "money:USD/barrel", "kilovolt per centimetre" ours "kV/cm".
        var per = unit.IndexOf(" per ", StringComparison.Ordinal);
        if (per > 0 && UnitMap.Value.TryGetValue(unit[..per], out var numerator))
        {
            var denominator = unit[(per + 5)..];
            return found.Unit.Equals(numerator + "/" + denominator, StringComparison.OrdinalIgnoreCase)
                || (UnitMap.Value.TryGetValue(denominator, out var oursDenominator) && found.Unit.Equals(numerator + "/" + oursDenominator, StringComparison.Ordinal));
        }

        // "barrel of oil": the unit is the head before "of", what it measures follows.
        var of = unit.IndexOf(" of ", StringComparison.Ordinal);
        if (of > 0 && UnitMap.Value.TryGetValue(unit[..of], out var head) && head == found.Unit)
            return true;
        if (unit is "-" or "count" or "")
            return found.Unit == "count" && found.What is null;
        return NamesCountedNoun(unit, found);
    }

    /// <summary>
    /// A NewsQuant unit that is a counted noun ("solution", "rebound", "good wireless speaker") matches a count or
    /// people whose <see cref="Quantity.What"/> names it: its head word, or any of its words.
    /// </summary>
    private static bool NamesCountedNoun(string unit, Quantity found)
    {
        if (found.Unit is not ("count" or "people") || found.What is null)
            return false;
        var words = unit.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var what = found.What.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return what.Any(w => SameWord(w, words[^1])) || words.Any(u => what.Any(w => SameWord(w, u)));
    }

    private static bool SameWord(string a, string b) =>
        Stem(a).Equals(Stem(b), StringComparison.OrdinalIgnoreCase);

    private static string Stem(string word)
    {
        var w = word.Trim('"', '\'', ',', '.').ToLowerInvariant();
        switch (w)
        {
            case "children":
                return "child";
            case "people":
                return "person";
            case "men":
                return "man";
            case "women":
                return "woman";
        }

        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
            return w[..^3] + "y";
        if (w.EndsWith("es", StringComparison.Ordinal) && w.Length > 4 && (w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal)))
            return w[..^2];
        return w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && w.Length > 3 ? w[..^1] : w;
    }

    private static bool HasConcept(string? concept) => !string.IsNullOrWhiteSpace(concept) && concept.Trim() != "-";

    private static bool SharesConcept(string? concept, Quantity found)
    {
        if (concept is null)
            return false;
        var ours = $"{found.What} {found.Measure?.Replace('.', ' ').Replace('_', ' ')}".Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return concept.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2).Any(c => ours.Any(o => SameWord(o, c)));
    }

    private static List<NewsQuantItem> Load(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return JsonSerializer.Deserialize<List<NewsQuantItem>>(stream) ?? [];
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not a NewsQuant file ({e.Message})", e);
        }
    }

    private static Dictionary<string, string> LoadUnitMap()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in DataFiles.ReadLines("analysis/newsquant-units.tsv"))
        {
            var cells = line.Split('\t');
            if (cells.Length >= 2)
                map[cells[0].Trim()] = cells[1].Trim();
        }

        return map;
    }

    private sealed record NewsQuantItem
    {
        [JsonPropertyName("text")]
        public string Text { get; init; } = "";

        [JsonPropertyName("quantities")]
        public IReadOnlyList<NewsQuantQuantity> Quantities { get; init; } = [];
    }

    private sealed record NewsQuantQuantity
    {
        [JsonPropertyName("value")]
        public string Value { get; init; } = "";

        [JsonPropertyName("normalized_unit")]
        public string NormalizedUnit { get; init; } = "";

        [JsonPropertyName("referred_concepts")]
        public string? ReferredConcepts { get; init; }
    }
}
