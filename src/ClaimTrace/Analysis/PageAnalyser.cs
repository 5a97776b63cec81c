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
        var statements = WithDates(_attribution.Extract(text, sentences, quotes, page.Metadata), sentences, dates);
        var entities = _entities.Extract(text, sentences);
        var quantities = Link(_quantities.Extract(text, sentences, page.Metadata), statements, sentences, entities);
        var stances = _stances.Detect(text, sentences, statements, quantities, page.Segments);
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
    /// A statement happened on the date its sentence gives (the one nearest its cue when there are several); a
    /// statement whose sentence gives none continues the previous statement of its paragraph and takes its date.
    /// </summary>
    private static List<Statement> WithDates(IReadOnlyList<Statement> statements, IReadOnlyList<Sentence> sentences, IReadOnlyList<DateMention> dates)
    {
        var dated = new List<Statement>(statements.Count);
        foreach (var statement in statements)
        {
            var sentence = sentences[statement.Sentence];
            var anchor = statement.Cue?.Start ?? statement.Content.Start;
            int? date = null;
            var best = int.MaxValue;
            for (var i = 0; i < dates.Count; i++)
            {
                if (!sentence.Span.Contains(dates[i].Start))
                    continue;
                var distance = Math.Abs(dates[i].Start - anchor);
                if (distance < best)
                    (best, date) = (distance, i);
            }

            if (date is null && !statement.InComments && dated.Count > 0)
            {
                var previous = dated[^1];
                if (!previous.InComments && sentences[previous.Sentence].Paragraph == sentence.Paragraph)
                    date = previous.Date;
            }

            dated.Add(statement with { Date = date });
        }

        return dated;
    }

    /// <summary>
    /// A number belongs to the statement whose content holds it, and is about the place named nearest to it in
    /// its sentence (after it first: "96.5% of Syria", then before it: "in Deir Ezzor, 300 militants").
    /// </summary>
    private static List<Quantity> Link(IReadOnlyList<Quantity> found, IReadOnlyList<Statement> statements, IReadOnlyList<Sentence> sentences, IReadOnlyList<EntityMention> entities)
    {
        var places = entities.Where(e => e.Kind == EntityKind.Place).ToList();
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
            var scope = quantity.Scope ?? (sentence is null ? null : NearestPlace(quantity, sentence, places));
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

    private static string? NearestPlace(Quantity quantity, Sentence sentence, List<EntityMention> places)
    {
        var inSentence = places.Where(p => p.Start >= sentence.Start && p.End <= sentence.End).ToList();
        var after = inSentence.Where(p => p.Start >= quantity.End).OrderBy(p => p.Start - quantity.End).FirstOrDefault();
        if (after is not null && after.Start - quantity.End <= 60)
            return after.Canonical;
        return inSentence.Where(p => p.End <= quantity.Start).OrderBy(p => quantity.Start - p.End).FirstOrDefault()?.Canonical ?? after?.Canonical;
    }
}
