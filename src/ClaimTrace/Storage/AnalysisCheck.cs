namespace ClaimTrace;

/// <summary>
/// The part of <see cref="PageCheck"/> that covers the analysis: every span inside the text, every index
/// (statement, sentence) pointing at something that is there, every number finite. A statement whose
/// evidence cannot be shown, or a stance aimed at a statement that does not exist, is not kept.
/// </summary>
internal static class AnalysisCheck
{
    public static string? Problem(PageAnalysis analysis, int length)
    {
        if (analysis.Sentences is null || analysis.Quotes is null || analysis.Statements is null || analysis.Quantities is null
            || analysis.Dates is null || analysis.Entities is null || analysis.Stances is null)
        {
            return "the analysis lacks one of its lists";
        }

        return Sentences(analysis.Sentences, length)
            ?? Quotes(analysis.Quotes, length)
            ?? Statements(analysis.Statements, analysis.Sentences.Count, analysis.Dates.Count, length)
            ?? Quantities(analysis.Quantities, analysis.Statements.Count, length)
            ?? Dates(analysis.Dates, length)
            ?? Entities(analysis.Entities, length)
            ?? Stances(analysis.Stances, analysis.Statements.Count, length);
    }

    private static string? Sentences(IReadOnlyList<Sentence> sentences, int length)
    {
        for (var i = 0; i < sentences.Count; i++)
        {
            var s = sentences[i];
            if (s is null)
                return $"sentence {i} is null";
            if (s.Index != i)
                return $"sentence {i} says it is sentence {s.Index}";
            if (PageCheck.SpanProblem(s.Start, s.End, length) is { } problem)
                return $"sentence {i} {problem}";
            if (s.Paragraph < 0)
                return $"sentence {i} is in paragraph {s.Paragraph}";
        }

        return null;
    }

    private static string? Quotes(IReadOnlyList<QuoteSpan> quotes, int length)
    {
        for (var i = 0; i < quotes.Count; i++)
        {
            if (quotes[i] is not { } q)
                return $"quote {i} is null";
            if (PageCheck.SpanProblem(q.Start, q.End, length) is { } problem)
                return $"quote {i} {problem}";
        }

        return null;
    }

    private static string? Statements(IReadOnlyList<Statement> statements, int sentences, int dates, int length)
    {
        for (var i = 0; i < statements.Count; i++)
        {
            var s = statements[i];
            if (s is null)
                return $"statement {i} is null";
            if (s.Index != i)
                return $"statement {i} says it is statement {s.Index}";
            if (PageCheck.SpanProblem(s.Content.Start, s.Content.End, length) is { } content)
                return $"statement {i}'s content {content}";
            if (s.Cue is { } cue && PageCheck.SpanProblem(cue.Start, cue.End, length) is { } cueProblem)
                return $"statement {i}'s cue {cueProblem}";
            // Statements point into the sentence list; a page analysed without one may only say sentence 0.
            if (s.Sentence < 0 || (s.Sentence >= sentences && s.Sentence > 0))
                return $"statement {i} is in sentence {s.Sentence}, which the page does not have";
            if (s.Date is { } date && (date < 0 || date >= dates))
                return $"statement {i} is dated by date {date}, which the page does not have";
            if (s.Speaker is { } speaker)
            {
                if (speaker.Written is null || speaker.Name is null)
                    return $"statement {i}'s speaker lacks its written form or name";
                if (PageCheck.SpanProblem(speaker.Start, speaker.End, length) is { } written)
                    return $"statement {i}'s speaker {written}";
                if (PageCheck.SpanProblem(speaker.NameStart, speaker.NameEnd, length) is { } name)
                    return $"statement {i}'s speaker name {name}";
            }
        }

        return null;
    }

    private static string? Quantities(IReadOnlyList<Quantity> quantities, int statements, int length)
    {
        for (var i = 0; i < quantities.Count; i++)
        {
            var q = quantities[i];
            if (q is null)
                return $"quantity {i} is null";
            if (PageCheck.SpanProblem(q.Start, q.End, length) is { } problem)
                return $"quantity {i} {problem}";
            if (!double.IsFinite(q.Value) || q.ValueMax is { } max && !double.IsFinite(max))
                return $"quantity {i} has a value that is not a finite number";
            if (string.IsNullOrEmpty(q.Unit))
                return $"quantity {i} has no unit";
            if (q.Statement is { } s && (s < 0 || s >= statements))
                return $"quantity {i} belongs to statement {s}, which the page does not have";
        }

        return null;
    }

    private static string? Dates(IReadOnlyList<DateMention> dates, int length)
    {
        for (var i = 0; i < dates.Count; i++)
        {
            var d = dates[i];
            if (d is null || d.Value is null || d.Resolution is null)
                return $"date {i} lacks its value or resolution";
            if (PageCheck.SpanProblem(d.Start, d.End, length) is { } problem)
                return $"date {i} {problem}";
        }

        return null;
    }

    private static string? Entities(IReadOnlyList<EntityMention> entities, int length)
    {
        for (var i = 0; i < entities.Count; i++)
        {
            var e = entities[i];
            if (e is null || e.Text is null || e.Canonical is null)
                return $"entity {i} lacks its text or canonical name";
            if (PageCheck.SpanProblem(e.Start, e.End, length) is { } problem)
                return $"entity {i} {problem}";
        }

        return null;
    }

    private static string? Stances(IReadOnlyList<StanceCue> stances, int statements, int length)
    {
        for (var i = 0; i < stances.Count; i++)
        {
            var s = stances[i];
            if (s is null || s.By is null)
                return $"stance {i} lacks who takes it";
            if (PageCheck.SpanProblem(s.Start, s.End, length) is { } problem)
                return $"stance {i} {problem}";
            if (s.TargetStatement < 0 || s.TargetStatement >= statements)
                return $"stance {i} targets statement {s.TargetStatement}, which the page does not have";
        }

        return null;
    }
}
