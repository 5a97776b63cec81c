using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>
/// Finds the quantities of a page: figures with their unit, qualifier, what they count and the measure they
/// report, plus the values words imply ("completely liberated"). Numbers in reader comments are kept but marked
/// <see cref="Quantity.InComments"/>. <see cref="Quantity.Statement"/> and <see cref="Quantity.Scope"/> are left
/// to the composer, which knows the statements and places.
/// </summary>
public sealed partial class QuantityExtractor
{
    private readonly QuantityParser _parser;
    private readonly MeasureTable _measures;
    private readonly ImplicitQuantities _implicit;

    public QuantityExtractor()
        : this(MeasureTable.Default)
    {
    }

    public QuantityExtractor(MeasureTable measures)
    {
        _parser = new QuantityParser(QuantityLexicon.Default);
        _measures = measures;
        _implicit = ImplicitQuantities.Default;
    }

    public IReadOnlyList<Quantity> Extract(string text, IReadOnlyList<Sentence> sentences, PageMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        var found = new List<Quantity>();
        var tokens = new List<QuantityToken>();
        var perSentence = new List<Quantity>();
        var links = new List<TextSpan>();
        foreach (var sentence in sentences)
        {
            if (IsFurniture(sentence.Segment) || sentence.End > text.Length || sentence.Start >= sentence.End)
                continue;
            FindLinks(text, sentence.Span, links);
            QuantityTokenizer.Tokenize(text, sentence.Start, sentence.End, tokens);
            perSentence.Clear();
            _parser.Parse(text, sentence, tokens, links, perSentence);
            ShareUnitsAcrossJoins(text, perSentence);
            foreach (var quantity in perSentence)
                found.Add(WithMeasure(text, sentence, quantity));
        }

        AddImplicit(text, sentences, found);
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return found;
    }

    private static readonly string[] Joins = ["to", "from", "or", "versus", "vs", "vs.", "up from", "down from", "compared with", "compared to", "against"];

    /// <summary>
    /// "dropping from 208 pounds to 193", "from 4.8 to 4.7 percent", "3.9 million headsets, up from 2.4 million":
    /// a bare figure joined to its neighbour by "to", "from", "or", "versus" is in the neighbour's unit.
    /// </summary>
    private static void ShareUnitsAcrossJoins(string text, List<Quantity> quantities)
    {
        for (var n = 0; n < quantities.Count; n++)
        {
            var bare = quantities[n];
            // A factor ("sixfold", "four times") has no unit to share.
            if (bare.Unit != "count" || bare.What is not null || bare.Implicit || text.AsSpan(bare.Start, bare.End - bare.Start).EndsWith("fold", StringComparison.OrdinalIgnoreCase))
                continue;
            var donor = n + 1 < quantities.Count && Joined(text, bare.End, quantities[n + 1].Start) ? quantities[n + 1]
                : n > 0 && Joined(text, quantities[n - 1].End, bare.Start) ? quantities[n - 1]
                : null;
            if (donor is null || (donor.Unit == "count" && donor.What is null) || donor.Unit == "fraction")
                continue;
            quantities[n] = bare with { Unit = donor.Unit, What = donor.What };
        }
    }

    private static bool Joined(string text, int from, int to)
    {
        if (to <= from || to - from > 30)
            return false;
        var gap = text.AsSpan(from, to - from).Trim().TrimEnd(',').Trim();
        foreach (var join in Joins)
        {
            if (gap.Equals(join, StringComparison.OrdinalIgnoreCase) || (gap.EndsWith(join, StringComparison.OrdinalIgnoreCase) && gap.Length > join.Length && gap[gap.Length - join.Length - 1] == ' ' && !gap.ContainsAnyInRange('0', '9')))
                return true;
        }

        return false;
    }

    /// <summary>Page furniture (bylines, datelines, related links, boilerplate) carries dates and counters, not claims.</summary>
    private static bool IsFurniture(SegmentKind kind) =>
        kind is SegmentKind.Boilerplate or SegmentKind.RelatedLink or SegmentKind.Byline or SegmentKind.Dateline;

    private Quantity WithMeasure(string text, Sentence sentence, Quantity quantity)
    {
        var bare = quantity.What is null && quantity.Unit == "count";
        var measure = _measures.Find(text, sentence.Span, quantity.Span, quantity.Unit, quantity.What, bare);
        return measure is { } m ? quantity with { Measure = m.Key, Unit = m.Unit } : quantity;
    }

    private void AddImplicit(string text, IReadOnlyList<Sentence> sentences, List<Quantity> found)
    {
        if (sentences.Count == 0 || _implicit.Any is not { } any || !any.IsMatch(text))
            return;
        var seen = new HashSet<(int Paragraph, string Measure)>();
        foreach (var rule in _implicit.Rules)
        {
            foreach (Match match in rule.Pattern.Matches(text))
            {
                var sentence = SentenceAt(sentences, match.Index);
                if (sentence is null || IsFurniture(sentence.Segment))
                    continue;

                // The same implied claim twice in a paragraph ("declared Syria 'completely liberated' ... 'The
                // territory of Syria has been completely liberated', he said") is one claim, not two.
                if (!seen.Add((sentence.InComments ? -1 - sentence.Paragraph : sentence.Paragraph, rule.Measure)))
                    continue;
                var qualifier = match.Groups.TryGetValue("q", out var q) && q.Success ? q.Value.ToLowerInvariant() : null;
                found.Add(new Quantity(match.Index, match.Index + match.Length, rule.Value, rule.Unit, Qualifier: qualifier, Measure: rule.Measure, WrittenAs: match.Value, Implicit: true, InComments: sentence.InComments));
            }
        }
    }

    private static Sentence? SentenceAt(IReadOnlyList<Sentence> sentences, int offset) => SentenceSearch.At(sentences, offset);

    private static void FindLinks(string text, TextSpan sentence, List<TextSpan> links)
    {
        links.Clear();
        var span = text.AsSpan(sentence.Start, sentence.Length);
        if (!span.Contains("://", StringComparison.Ordinal) && !span.Contains("www.", StringComparison.OrdinalIgnoreCase) && !span.Contains('@'))
            return;
        foreach (var match in LinkPattern().EnumerateMatches(span))
            links.Add(new TextSpan(sentence.Start + match.Index, sentence.Start + match.Index + match.Length));
    }

    [GeneratedRegex(@"(https?://|www\.)\S+|\S+@\S+\.\w+", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();
}
