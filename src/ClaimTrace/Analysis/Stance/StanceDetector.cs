using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>
/// Finds where the outlet, or another party, takes a position toward a statement, and links each cue to the
/// statement it is about. Two kinds of cue (stance-cues.tsv): those that qualify their own sentence's statement
/// ("reportedly", "has been quoted telling") and those that answer an earlier one ("It remains unclear how ...
/// reached", "disputed"). An answering cue only counts when its sentence is about a claim (it holds a number or
/// a claim noun such as "figure") and an earlier statement with a number is there to answer: a stray "denied"
/// in a report about something else is not a stance toward anything.
/// </summary>
public sealed partial class StanceDetector
{
    private const int LookBackSentences = 15;

    private readonly IReadOnlyList<StanceRule> _rules;

    // All cues in one non-backtracking pass: most sentences hold none, and one scan that says so costs a
    // seventeenth of running every rule over them. Only built when every rule reads its pattern the same way.
    private readonly Regex? _anyRule;

    public StanceDetector(IReadOnlyList<StanceRule> rules)
    {
        _rules = rules;
        if (rules.Count > 0 && rules.All(r => r.Pattern.Options == StanceRule.Options))
            _anyRule = new Regex(string.Join('|', rules.Select(r => "(?:" + r.Pattern + ")")), StanceRule.Options);
    }

    public static StanceDetector Default { get; } = new(StanceRule.Load("analysis/stance-cues.tsv"));

    [GeneratedRegex(@"\b(?:figures?|claims?|numbers?|percent(?:age)?s?|statistics?|survey|data|estimates?|count)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClaimNoun();

    public IReadOnlyList<StanceCue> Detect(
        string text,
        IReadOnlyList<Sentence> sentences,
        IReadOnlyList<Statement> statements,
        IReadOnlyList<Quantity> quantities,
        IReadOnlyList<Segment> segments,
        IReadOnlyList<QuoteSpan>? quotes = null)
    {
        var found = new List<StanceCue>();
        var seen = new HashSet<(int Sentence, StanceKind Kind, int Target)>();
        QuestionedHeadline(text, segments, statements, quantities, found);

        foreach (var sentence in sentences)
        {
            if (sentence.InComments || sentence.Segment is SegmentKind.Title)
                continue;
            if (_anyRule is not null && !_anyRule.IsMatch(text.AsSpan(sentence.Start, sentence.End - sentence.Start)))
                continue;
            var body = text[sentence.Start..sentence.End];
            foreach (var rule in _rules)
            {
                foreach (var match in rule.Pattern.EnumerateMatches(body))
                {
                    var cue = new TextSpan(sentence.Start + match.Index, sentence.Start + match.Index + match.Length);
                    var stance = rule.AnswersEarlier
                        ? Answering(text, sentence, cue, rule.Kind, statements, quantities, segments, sentences)
                        : Qualifying(sentence, cue, rule.Kind, statements, quantities, quotes);
                    if (stance is not null && seen.Add((sentence.Index, stance.Kind, stance.TargetStatement)))
                        found.Add(stance);
                }
            }
        }

        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Kind.CompareTo(b.Kind));
        return found;
    }

    /// <summary>
    /// Sentences the outlet hedges ("strikes were allegedly responsible for ...") that carry no attributed
    /// statement: the hedge itself says the sentence passes on somebody's claim, so it becomes an unattributed
    /// statement a fact-checker can follow, and the hedge targets it.
    /// </summary>
    public IReadOnlyList<Sentence> HedgedWithoutStatement(string text, IReadOnlyList<Sentence> sentences, IReadOnlyList<Statement> statements)
    {
        var withStatement = statements.Select(s => s.Sentence).ToHashSet();
        var hedges = _rules.Where(r => r.MakesClaim).ToList();
        return sentences
            .Where(s => !s.InComments && s.Segment is SegmentKind.Article or SegmentKind.EditorNote && !withStatement.Contains(s.Index))
            .Where(s => hedges.Any(r => r.Pattern.IsMatch(text.AsSpan(s.Start, s.End - s.Start))))
            .ToList();
    }

    /// <summary>
    /// A cue inside a reported statement's sentence qualifies that statement. One exception: a speaker who
    /// concedes in their own words that something may remain ("there might be some spots of resistance") while
    /// their statement gives no figure is hedging the absolute claim made before them (all liberated, no
    /// territory held), not their own words.
    /// </summary>
    private static StanceCue? Qualifying(Sentence sentence, TextSpan cue, StanceKind kind, IReadOnlyList<Statement> statements, IReadOnlyList<Quantity> quantities, IReadOnlyList<QuoteSpan>? quotes)
    {
        var target = statements.FirstOrDefault(s => s.Sentence == sentence.Index && !s.InComments);
        if (target is null)
            return null;
        // A hedge inside the quoted words is the speaker's own caution; outside them it is the outlet's. Without
        // the quote spans, only a wholly direct statement's content counts as quoted words.
        var quoted = quotes is null ? target.Kind == StatementKind.Direct : quotes.Any(q => q.Span.Contains(cue.Start));
        var ownWords = target.Speaker is not null && target.Content.Contains(cue.Start) && quoted;
        var by = ownWords ? target.Speaker!.Name : "outlet";
        if (ownWords && kind == StanceKind.Hedged && !quantities.Any(q => q.Statement == target.Index)
            && ConcededClaim(sentence, target, statements, quantities) is { } conceded)
            target = conceded;
        return new StanceCue(cue.Start, cue.End, kind, target.Index, by);
    }

    private static Statement? ConcededClaim(Sentence sentence, Statement hedging, IReadOnlyList<Statement> statements, IReadOnlyList<Quantity> quantities) =>
        statements
            .Where(s => !s.InComments && s.Sentence < sentence.Index && s.Sentence >= sentence.Index - LookBackSentences)
            .Where(s => s.Speaker is not null && !SameSpeaker(s.Speaker, hedging.Speaker!))
            .LastOrDefault(s => quantities.Any(q => q.Statement == s.Index && IsAbsolute(q)));

    /// <summary>All or nothing: 100% or 0% of something, as figures or as words that imply them.</summary>
    private static bool IsAbsolute(Quantity q) => q.Unit == "percent" && q.Value is 0 or 100 && q.ValueMax is null;

    private static StanceCue? Answering(string text, Sentence sentence, TextSpan cue, StanceKind kind, IReadOnlyList<Statement> statements, IReadOnlyList<Quantity> quantities, IReadOnlyList<Segment> segments, IReadOnlyList<Sentence> sentences)
    {
        var own = quantities.Where(q => sentence.Span.Contains(q.Start) && !q.InComments).ToList();
        if (own.Count == 0 && !ClaimNoun().IsMatch(text.AsSpan(sentence.Start, sentence.End - sentence.Start)))
            return null;

        var disputer = statements.FirstOrDefault(s => s.Sentence == sentence.Index && s.Speaker is not null && !s.InComments);
        var candidates = statements
            .Where(s => !s.InComments && s.Sentence < sentence.Index && s.Sentence >= sentence.Index - LookBackSentences)
            .Where(s => disputer?.Speaker is null || s.Speaker is null || !SameSpeaker(s.Speaker, disputer.Speaker))
            .Reverse()
            .ToList();
        var withNumbers = candidates.Where(s => quantities.Any(q => q.Statement == s.Index)).ToList();
        // The claim answered is the nearest one with the very figure the answer names, else the first one of its
        // measure family the article makes within reach (where the claim was first made: "completely liberated",
        // then the quote "not a single settlement left under IS control" that goes on with it; a headline repeats a
        // claim rather than makes it); an answer that names neither ("questioned the figure", "the new figure still left out 400
        // families") is about the report's central figure, the one its headline gives.
        var target = withNumbers.FirstOrDefault(s => SharesValue(s, own, quantities))
            ?? withNumbers.LastOrDefault(s => SharesFamily(s, own, quantities) && sentences[s.Sentence].Segment != SegmentKind.Title)
            ?? withNumbers.FirstOrDefault(s => SharesFamily(s, own, quantities))
            ?? withNumbers.FirstOrDefault(s => SharesValue(s, TitleFigures(segments, quantities), quantities))
            ?? withNumbers.FirstOrDefault();
        if (target is null)
            return null;
        return new StanceCue(cue.Start, cue.End, kind, target.Index, disputer?.Speaker?.Name ?? "outlet");
    }

    /// <summary>A headline ending in a question mark questions the report's central figure.</summary>
    private static void QuestionedHeadline(string text, IReadOnlyList<Segment> segments, IReadOnlyList<Statement> statements, IReadOnlyList<Quantity> quantities, List<StanceCue> found)
    {
        var title = segments.FirstOrDefault(s => s.Kind == SegmentKind.Title);
        if (title is null || !text.AsSpan(title.Start, title.End - title.Start).TrimEnd().EndsWith("?", StringComparison.Ordinal))
            return;
        var titleNumbers = TitleFigures(segments, quantities);
        var withNumbers = statements.Where(s => !s.InComments && quantities.Any(q => q.Statement == s.Index)).ToList();
        var target = withNumbers.FirstOrDefault(s => SharesFigure(s, titleNumbers, quantities)) ?? withNumbers.FirstOrDefault();
        if (target is null)
            return;
        var mark = text.LastIndexOf('?', title.End - 1, title.End - title.Start);
        found.Add(new StanceCue(mark, mark + 1, StanceKind.Questioned, target.Index, "outlet"));
    }

    private static List<Quantity> TitleFigures(IReadOnlyList<Segment> segments, IReadOnlyList<Quantity> quantities) =>
        segments.FirstOrDefault(s => s.Kind == SegmentKind.Title) is { } title
            ? quantities.Where(q => q.Start >= title.Start && q.End <= title.End).ToList()
            : [];

    /// <summary>
    /// The same number, or a number of the same measure family in the same unit: "IS still holds 8%"
    /// (territory.is_held.share) answers "completely liberated" (territory.is_free.share).
    /// </summary>
    private static bool SharesFigure(Statement statement, IReadOnlyList<Quantity> figures, IReadOnlyList<Quantity> quantities) =>
        SharesValue(statement, figures, quantities) || SharesFamily(statement, figures, quantities);

    private static bool SharesValue(Statement statement, IReadOnlyList<Quantity> figures, IReadOnlyList<Quantity> quantities) =>
        quantities.Any(q => q.Statement == statement.Index && figures.Any(f => f.Value.Equals(q.Value) && f.Unit == q.Unit));

    private static bool SharesFamily(Statement statement, IReadOnlyList<Quantity> figures, IReadOnlyList<Quantity> quantities) =>
        quantities.Any(q => q.Statement == statement.Index && figures.Any(f => SameFamily(f, q)));

    private static bool SameFamily(Quantity a, Quantity b)
    {
        if (a.Measure is null || b.Measure is null || a.Unit != b.Unit)
            return false;
        var dot = a.Measure.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && b.Measure.StartsWith(a.Measure[..(dot + 1)], StringComparison.Ordinal);
    }

    private static bool SameSpeaker(Speaker a, Speaker b) => string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One line of stance-cues.tsv.</summary>
public sealed record StanceRule(StanceKind Kind, bool AnswersEarlier, Regex Pattern, bool MakesClaim = false)
{
    internal const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    public static IReadOnlyList<StanceRule> Load(string relativePath)
    {
        var rules = new List<StanceRule>();
        foreach (var line in DataFiles.ReadLines(relativePath))
        {
            var parts = line.Split('\t');
            if (parts.Length != 3 || !Enum.TryParse<StanceKind>(parts[0], ignoreCase: true, out var kind) || parts[1] is not ("self" or "claim" or "other"))
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{relativePath}: expected 'kind<TAB>self|claim|other<TAB>pattern' but found '{line}'."));
            // User-extensible patterns run non-backtracking: linear time whatever is written there.
            rules.Add(new StanceRule(kind, parts[1] == "other", new Regex(parts[2], Options), parts[1] == "claim"));
        }

        return rules;
    }
}
