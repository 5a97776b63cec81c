using System.Globalization;
using System.Text.Json;

namespace ClaimTrace;

/// <summary>
/// Scores analysed pages against the statements, quantities, stance and dates of a gold file in the format of
/// GOLD-FORMAT.md. Gold gives lines, not offsets, so matching is by line: a predicted statement is on the line
/// where its content starts, a quantity on the line where it starts, a stance cue on the line of its cue.
/// <list type="bullet">
/// <item>Speakers: a gold statement is right when a statement on its line names the gold speaker (or one of
/// <c>speaker_accept</c>), comparing names case-insensitively and accepting a surname for a full name; a gold
/// statement with no speaker is right when no statement on its line names a speaker the gold does not give for
/// that line (a line can hold an attributed quote and an unattributed figure side by side).</item>
/// <item>Quantities: recall is the share of gold quantities found on their line with the same value and unit.
/// Precision is over the numbers the product attributes to a statement: right when a gold quantity on that line
/// has the value and unit; a number in reader comments attributed to anyone is always wrong. Numbers on lines
/// the gold does not annotate are not counted either way.</item>
/// <item>Stance: a gold entry is found when a cue of the same kind is on its line and targets a statement on its
/// target line.</item>
/// <item>Scopes: a gold quantity's <c>scope</c> is right when a quantity found for it has the same place (by the
/// gazetteer's names; "Deir Ezzor province" is "Deir Ezzor").</item>
/// <item>Dates: a gold <c>event_date</c> is right when a statement on its line has that date, partial ones
/// partial.</item>
/// </list>
/// </summary>
public static class AnalysisScorer
{
    /// <summary>
    /// Scores the gold file's pages. The pages are linked to each other first, as the product links a corpus, so a
    /// statement whose page gives no date is scored on the date linking infers for it (a report of the same event
    /// dated by another page); a date the page gives itself, even a partial one, is scored as the page gives it.
    /// </summary>
    public static AnalysisReport Score(string goldPath, Func<string, Page?> analysedPage)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(goldPath));
        var found = new List<(string File, JsonElement Doc, Page Page)>();
        foreach (var doc in gold.RootElement.GetProperty("documents").EnumerateArray())
        {
            var file = doc.GetProperty("file").GetString()!;
            if (doc.TryGetProperty("line_basis", out var basis) && basis.GetString() != "text")
                continue; // HTML pages are annotated by source line, which rendered text does not keep.
            var page = analysedPage(file);
            if (page is null)
                continue;
            found.Add((file, doc, page));
        }

        var linked = LinkedDates([.. found.Select(f => f.Page)]);
        return new AnalysisReport([.. found.Select(f => ScoreDocument(f.File, f.Doc, f.Page, linked.GetValueOrDefault(f.Page.Id)))]);
    }

    private static Dictionary<string, Dictionary<int, string>> LinkedDates(IReadOnlyList<Page> pages)
    {
        var fingerprinter = new Fingerprinter();
        var copies = new CopyLinker();
        var links = pages.SelectMany(p => copies.Add(fingerprinter.Of(p))).ToList();
        var result = new ClaimLinker().Link([.. pages.Select(p => new LinkedPage(p, p.Analysis))], links);
        return result.InferredDates
            .GroupBy(d => d.PageId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(d => d.Statement, d => d.Date));
    }

    private static AnalysisDocumentScore ScoreDocument(string file, JsonElement doc, Page page, Dictionary<int, string>? linkedDates)
    {
        var lines = new LineIndex(page.Text);
        var analysis = page.Analysis;
        var byLine = analysis.Statements.Where(s => !s.InComments).ToLookup(s => lines.LineOf(s.Content.Start));
        var misses = new List<string>();

        int speakersRight = 0, statementsTotal = 0, datesRight = 0, datesTotal = 0;
        var goldSpeakers = Array(doc, "statements")
            .SelectMany(s => Array(s, "speaker_accept").Select(a => a.GetString()).Append(String(s, "speaker")).OfType<string>().Select(name => (Line: s.GetProperty("line").GetInt32(), Name: name)))
            .ToLookup(s => s.Line, s => s.Name);
        var goldQuantities = new List<(int Line, double Value, string Unit)>();
        var goldScopes = new List<(int Line, double Value, string Unit, string Scope)>();
        foreach (var statement in Array(doc, "statements"))
        {
            var line = statement.GetProperty("line").GetInt32();
            var speaker = String(statement, "speaker");
            var accept = Array(statement, "speaker_accept").Select(a => a.GetString()!).Append(speaker).OfType<string>().ToList();
            var predicted = byLine[line].ToList();
            statementsTotal++;
            var right = speaker is null
                ? predicted.All(p => p.Speaker is null || goldSpeakers[line].Any(g => SameName(g, p.Speaker.Name)))
                : predicted.Any(p => p.Speaker is { } s && accept.Any(a => SameName(a, s.Name)));
            if (right)
                speakersRight++;
            else
                misses.Add($"line {line}: speaker {speaker ?? "(none)"}, found {string.Join(", ", predicted.Select(p => p.Speaker?.Name ?? "(none)").DefaultIfEmpty("no statement"))}");

            if (String(statement, "event_date") is { } date)
            {
                datesTotal++;
                var found = predicted.Select(p => p.Date is { } d ? analysis.Dates[d].Value : linkedDates?.GetValueOrDefault(p.Index)).ToList();
                if (found.Contains(date))
                    datesRight++;
                else
                    misses.Add($"line {line}: event date {date}, found {string.Join(", ", found.Select(f => f ?? "(none)").DefaultIfEmpty("no statement"))}");
            }

            foreach (var quantity in Array(statement, "quantities"))
            {
                var (value, unit) = (quantity.GetProperty("value").GetDouble(), quantity.GetProperty("unit").GetString()!);
                goldQuantities.Add((line, value, unit));
                if (String(quantity, "scope") is { } scope)
                    goldScopes.Add((line, value, unit, scope));
            }
        }

        var quantitiesOnLine = analysis.Quantities.ToLookup(q => lines.LineOf(q.Start));
        var quantitiesFound = 0;
        foreach (var (line, value, unit) in goldQuantities)
        {
            if (quantitiesOnLine[line].Any(q => Same(q, value, unit)))
                quantitiesFound++;
            else
                misses.Add($"line {line}: quantity {value.ToString(CultureInfo.InvariantCulture)} {unit} not found");
        }

        var scopesRight = 0;
        foreach (var (line, value, unit, scope) in goldScopes)
        {
            var found = quantitiesOnLine[line].Where(q => Same(q, value, unit)).ToList();
            if (found.Any(q => q.Scope is { } s && SamePlace(scope, s)))
                scopesRight++;
            else if (found.Count > 0)
                misses.Add($"line {line}: scope of {value.ToString(CultureInfo.InvariantCulture)} {unit} is {scope}, found {string.Join(", ", found.Select(q => q.Scope ?? "(none)"))}");
        }

        var goldLines = goldQuantities.Select(g => g.Line).ToHashSet();
        var attributed = analysis.Quantities.Where(q => q.Statement is not null && (q.InComments || goldLines.Contains(lines.LineOf(q.Start)))).ToList();
        var attributedRight = attributed.Count(q => !q.InComments && goldQuantities.Any(g => g.Line == lines.LineOf(q.Start) && Same(q, g.Value, g.Unit)));

        int stancesFound = 0, stancesTotal = 0;
        foreach (var stance in Array(doc, "stance"))
        {
            stancesTotal++;
            var line = stance.GetProperty("line").GetInt32();
            var target = stance.GetProperty("target_line").GetInt32();
            var kind = stance.GetProperty("stance").GetString();
            var hit = analysis.Stances.Any(c => string.Equals(c.Kind.ToString(), kind, StringComparison.OrdinalIgnoreCase)
                && lines.LineOf(c.Start) == line
                && lines.LineOf(analysis.Statements[c.TargetStatement].Content.Start) == target);
            if (hit)
                stancesFound++;
            else
                misses.Add($"line {line}: {kind} stance toward line {target} not found");
        }

        return new AnalysisDocumentScore(
            file,
            new Tally(speakersRight, statementsTotal),
            new Tally(quantitiesFound, goldQuantities.Count),
            new Tally(attributedRight, attributed.Count),
            new Tally(stancesFound, stancesTotal),
            new Tally(datesRight, datesTotal),
            misses)
        {
            Scopes = new Tally(scopesRight, goldScopes.Count),
        };
    }

    /// <summary>
    /// The same place by the gazetteer's names, or the gold naming the place with its kind ("Deir Ezzor province"
    /// for "Deir Ezzor").
    /// </summary>
    internal static bool SamePlace(string gold, string found)
    {
        var g = Gazetteer.Default.Canonical(gold) ?? gold;
        var f = Gazetteer.Default.Canonical(found) ?? found;
        if (string.Equals(g, f, StringComparison.OrdinalIgnoreCase))
            return true;
        var words = gold.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 && PlaceKinds.Contains(words[^1])
            && string.Equals(Gazetteer.Default.Canonical(string.Join(' ', words[..^1])) ?? string.Join(' ', words[..^1]), f, StringComparison.OrdinalIgnoreCase);
    }

    private static readonly HashSet<string> PlaceKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "province", "governorate", "district", "region", "city", "county", "state", "valley", "area",
    };

    private static bool Same(Quantity q, double value, string unit) =>
        Math.Abs(q.Value - value) <= Math.Max(1e-9, Math.Abs(value) * 1e-6) && string.Equals(q.Unit, unit, StringComparison.OrdinalIgnoreCase);

    /// <summary>Equal names, or one is the other's surname ("Mizintsev" for "Mikhail Mizintsev").</summary>
    internal static bool SameName(string gold, string found)
    {
        if (string.Equals(gold, found, StringComparison.OrdinalIgnoreCase))
            return true;
        var g = gold.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var f = found.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // A surname, with its particles ("de Mistura" for "Staffan de Mistura"), stands for the full name.
        return g.Length > 0 && f.Length > 0 && f.Length < g.Length + 1 && (g.Length == 1 || f.Length < g.Length || f.Length == 1)
            && (g.Length < f.Length ? f[^g.Length..] : g[^f.Length..]).SequenceEqual(g.Length < f.Length ? g : f, StringComparer.OrdinalIgnoreCase);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];
}

/// <summary>Right out of total; the rate of an empty tally is 1 (nothing asked, nothing missed).</summary>
public readonly record struct Tally(int Right, int Total)
{
    public double Rate => Total == 0 ? 1 : (double)Right / Total;

    public static Tally operator +(Tally a, Tally b) => new(a.Right + b.Right, a.Total + b.Total);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Right}/{Total} ({Rate:P0})");
}

/// <param name="QuantityPrecision">numbers attributed to statements on annotated lines (and in comments) that are right</param>
public sealed record AnalysisDocumentScore(
    string File,
    Tally Speakers,
    Tally QuantityRecall,
    Tally QuantityPrecision,
    Tally Stances,
    Tally EventDates,
    IReadOnlyList<string> Misses)
{
    /// <summary>Gold quantities with a scope whose found quantity (same line, value and unit) has that place.</summary>
    public Tally Scopes { get; init; }
}

public sealed record AnalysisReport(IReadOnlyList<AnalysisDocumentScore> Documents)
{
    public Tally Speakers => Sum(d => d.Speakers);
    public Tally QuantityRecall => Sum(d => d.QuantityRecall);
    public Tally QuantityPrecision => Sum(d => d.QuantityPrecision);
    public Tally Stances => Sum(d => d.Stances);
    public Tally EventDates => Sum(d => d.EventDates);
    public Tally Scopes => Sum(d => d.Scopes);

    private Tally Sum(Func<AnalysisDocumentScore, Tally> pick) => Documents.Aggregate(default(Tally), (total, d) => total + pick(d));
}

/// <summary>Maps offsets to 1-based line numbers.</summary>
internal sealed class LineIndex
{
    private readonly List<int> _starts = [0];

    public LineIndex(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
                _starts.Add(i + 1);
        }
    }

    public int LineOf(int offset)
    {
        var index = _starts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
