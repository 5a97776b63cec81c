namespace ClaimTrace;

/// <summary>
/// The analysis stage: sentences and quotes, then statements, quantities, dates and entity mentions, then the
/// links between them (which statement a number belongs to, which place it is about, which date a statement
/// happened on) and the stance cues that target statements. Each extractor is independent; this class only joins.
/// </summary>
public sealed class PageAnalyser : IPageAnalyser
{
    private readonly SentenceSplitter _sentences = new();
    private readonly AttributionExtractor _attribution = new();
    private readonly QuantityExtractor _quantities = new();
    private readonly DateResolver _dates = new();
    private readonly EntityRecognizer _entities = new();
    private readonly StanceDetector _stances = StanceDetector.Default;

    public PageAnalysis Analyse(Page page)
    {
        var text = page.Text;
        var sentences = _sentences.Split(page);
        var quotes = QuoteFinder.Find(text, sentences);
        var dates = _dates.Extract(text, sentences, page.Metadata);
        var attributed = _attribution.Extract(text, sentences, quotes, page.Metadata);
        var statements = WithDates(text, WithHedgedClaims(text, attributed, _stances.HedgedWithoutStatement(text, sentences, attributed)), sentences, dates);
        var entities = _entities.Extract(text, sentences);
        var scopes = new ScopeResolver(text, sentences, entities, statements, Gazetteer.Default);
        var quantities = Link(_quantities.Extract(text, sentences, page.Metadata), statements, sentences, scopes);
        var stances = _stances.Detect(text, sentences, statements, quantities, page.Segments, quotes);
        return new PageAnalysis
        {
            Sentences = sentences,
            Quotes = quotes,
            Statements = statements,
            Quantities = quantities,
            Dates = dates,
            Entities = entities,
            Stances = stances,
        };
    }

    /// <summary>
    /// Adds an unattributed statement for each hedged sentence that has none, in text order, and renumbers: the
    /// indices are what quantities and stances point at, so this runs before either is linked.
    /// </summary>
    private static IReadOnlyList<Statement> WithHedgedClaims(string text, IReadOnlyList<Statement> statements, IReadOnlyList<Sentence> hedged)
    {
        if (hedged.Count == 0)
            return statements;
        var all = new List<Statement>(statements.Count + hedged.Count);
        all.AddRange(statements);
        foreach (var sentence in hedged)
            all.Add(new Statement(-1, StatementKind.Unattributed, null, null, null, AttributionExtractor.Trim(text, sentence.Span), sentence.Index, InComments: false));
        return all
            .OrderBy(s => s.Sentence) // stable: the extractor's order within a sentence stays
            .Select((s, i) => s with { Index = i })
            .ToList();
    }

    /// <summary>
    /// A statement happened on the date its sentence gives (the one nearest its cue when there are several). A
    /// statement whose sentence gives none continues the previous statement and takes its date when it is the
    /// same report: the next sentence of the same paragraph, or the same speaker going on with no other date
    /// written in between ("X said on December 11. ... 'quote,' X said." is one briefing, as news style writes
    /// it). Another speaker, a comment, or a date in between breaks the chain: a date is never carried over a
    /// date the page gives.
    /// </summary>
    private static List<Statement> WithDates(string text, IReadOnlyList<Statement> statements, IReadOnlyList<Sentence> sentences, IReadOnlyList<DateMention> dates)
    {
        var dated = new List<Statement>(statements.Count);
        foreach (var statement in statements)
        {
            var sentence = sentences[statement.Sentence];
            var date = NearestDateIn(sentence, statement.Cue?.Start ?? statement.Content.Start, dates, statement.Kind == StatementKind.Unattributed ? null : statement.Content);
            if (date is null && !statement.InComments && dated.Count > 0)
            {
                var previous = dated[^1];
                var previousSentence = sentences[previous.Sentence];
                var sameReport = previousSentence.Paragraph == sentence.Paragraph
                    || (previous.Speaker is { } before && statement.Speaker is { } now && SameSpeaker(before, now)
                        && !DateBetween(dates, previousSentence.End, sentence.Start));
                if (!previous.InComments && sameReport)
                    date = previous.Date;
            }

            if (date is null && !statement.InComments)
                date = EventOfSpeakerBefore(text, statement, sentences, dates);

            dated.Add(statement with { Date = date });
        }

        return dated;
    }

    /// <summary>
    /// The date of an event of the same speaker that the sentence before (in the same paragraph) dates: "... an
    /// earlier address by Putin to church leaders on Monday. Putin told the Christian leaders that ..." is Monday's.
    /// The date written after the speaker's name is the event's ("by Putin ... on Monday"); one before it only when
    /// none follows.
    /// </summary>
    private static int? EventOfSpeakerBefore(string text, Statement statement, IReadOnlyList<Sentence> sentences, IReadOnlyList<DateMention> dates)
    {
        if (statement.Speaker is not { Kind: not SpeakerKind.Unknown } speaker || statement.Sentence <= 0)
            return null;
        var sentence = sentences[statement.Sentence];
        var before = sentences[statement.Sentence - 1];
        if (before.Paragraph != sentence.Paragraph || before.InComments)
            return null;
        var surname = speaker.Name.AsSpan()[(speaker.Name.LastIndexOf(' ') + 1)..];
        if (surname.Length < 2)
            return null;
        var name = text.AsSpan(before.Start, before.End - before.Start).IndexOf(surname, StringComparison.Ordinal);
        if (name < 0)
            return null;
        name += before.Start;
        int? after = null, earlier = null;
        for (var i = 0; i < dates.Count; i++)
        {
            if (!before.Span.Contains(dates[i].Start))
                continue;
            if (dates[i].Start > name)
            {
                after ??= i;
            }
            else
            {
                earlier = i;
            }
        }

        return after ?? earlier;
    }

    /// <summary>
    /// The date nearest the cue, preferring one written outside what was said: in "On April 9 the spokeswoman said
    /// 85% of the households cut off on March 3 had power", April 9 is when it was said and March 3 is what it is
    /// about. A date inside the content is taken only when the sentence gives no other.
    /// </summary>
    private static int? NearestDateIn(Sentence sentence, int anchor, IReadOnlyList<DateMention> dates, TextSpan? content)
    {
        int? date = null, inside = null;
        int best = int.MaxValue, bestInside = int.MaxValue;
        for (var i = 0; i < dates.Count; i++)
        {
            if (!sentence.Span.Contains(dates[i].Start))
                continue;
            var distance = Math.Abs(dates[i].Start - anchor);
            if (content is { } c && c.Contains(dates[i].Start))
            {
                if (distance < bestInside)
                    (bestInside, inside) = (distance, i);
            }
            else if (distance < best)
            {
                (best, date) = (distance, i);
            }
        }

        return date ?? inside;
    }

    private static bool DateBetween(IReadOnlyList<DateMention> dates, int start, int end) =>
        dates.Any(d => d.Start >= start && d.Start < end);

    /// <summary>Resolved names are compared; an unresolved pronoun is not the same speaker as anyone.</summary>
    private static bool SameSpeaker(Speaker a, Speaker b) =>
        a.Kind != SpeakerKind.Unknown && string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A number belongs to the statement whose content holds it, and is about the place <see cref="ScopeResolver"/>
    /// finds for it.
    /// </summary>
    private static List<Quantity> Link(IReadOnlyList<Quantity> found, IReadOnlyList<Statement> statements, IReadOnlyList<Sentence> sentences, ScopeResolver scopes)
    {
        var linked = new List<Quantity>(found.Count);
        foreach (var quantity in found)
        {
            var sentence = SentenceSearch.At(sentences, quantity.Start);
            var inComments = quantity.InComments || sentence?.InComments == true;
            // Readers' numbers are kept but belong to nobody. Otherwise a number belongs to the statement whose
            // content it falls in, or overlaps (an implied value such as "has been completely liberated" can
            // reach past the quoted words), or to the one statement of its sentence.
            var span = quantity.Span;
            var statement = inComments ? null
                : statements.FirstOrDefault(s => !s.InComments && s.Content.Contains(span.Start))
                  ?? statements.FirstOrDefault(s => !s.InComments && s.Content.Overlaps(span))
                  ?? SoleStatementOf(sentence, statements);
            var scope = scopes.ScopeOf(quantity with { InComments = inComments }, sentence);
            linked.Add(quantity with { Statement = statement?.Index, Scope = scope, InComments = inComments });
        }

        return linked;
    }

    private static Statement? SoleStatementOf(Sentence? sentence, IReadOnlyList<Statement> statements)
    {
        if (sentence is null)
            return null;
        var inSentence = statements.Where(s => s.Sentence == sentence.Index && !s.InComments).Take(2).ToList();
        return inSentence.Count == 1 ? inSentence[0] : null;
    }
}
