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
            foreach (var quantity in perSentence)
                found.Add(WithMeasure(text, sentence, quantity));
        }

        AddImplicit(text, sentences, found);
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return found;
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
        if (sentences.Count == 0)
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

    private static Sentence? SentenceAt(IReadOnlyList<Sentence> sentences, int offset)
    {
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = sentences[mid];
            if (offset < s.Start)
                hi = mid - 1;
            else if (offset >= s.End)
                lo = mid + 1;
            else
                return s;
        }

        return null;
    }

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
