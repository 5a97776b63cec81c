namespace ClaimTrace;

/// <summary>
/// The reports a page makes: every figure with a measure in the article (not in reader comments), with its
/// speaker's side. A figure inside the outlet's own stance cue is left out: "it does not seem like ... 96.5% of
/// Syria" repeats the figure it doubts, and is the dispute's evidence, not another report of the figure. (A party's
/// counter-statement, "IS still holds about eight percent", is a figure of that party's and stays.)
/// </summary>
public sealed class ReportCollector(SideResolver sides, MeasureRelations measures)
{
    public static ReportCollector Default { get; } = new(SideResolver.Default, MeasureRelations.Default);

    /// <param name="dateOf">A statement's date when linking inferred one the page does not give (statement index to date and how).</param>
    /// <param name="people">The corpus's entity index, to give a surname alone its full name (<see cref="SideResolver.Resolve"/>).</param>
    public IReadOnlyList<ClaimReport> Collect(LinkedPage page, IReadOnlyDictionary<int, (string Date, string How)>? dateOf = null, EntityIndex? people = null)
    {
        var a = page.Analysis;
        var reports = new List<ClaimReport>();
        for (var q = 0; q < a.Quantities.Count; q++)
        {
            var quantity = a.Quantities[q];
            if (quantity.Measure is not { } measure || quantity.InComments || quantity.Statement is not { } index
                || index < 0 || index >= a.Statements.Count || InStanceCue(a, quantity))
                continue;
            var statement = a.Statements[index];
            if (statement.InComments)
                continue;
            var (date, how) = StatementDate(a, statement, dateOf);
            var side = sides.Resolve(page, statement, YearOf(date), people);
            var mirrored = measures.IsMirror(measure);
            var sentence = statement.Sentence >= 0 && statement.Sentence < a.Sentences.Count ? a.Sentences[statement.Sentence].Span : statement.Content;
            reports.Add(new ClaimReport(
                page.Id, page.Outlet, index, q, side, statement.Speaker?.Written, measure, measures.FamilyOf(measure),
                quantity.Value, quantity.ValueMax, measures.OnFamilyScale(measure, quantity.Value), quantity.Unit,
                quantity.Qualifier, DirectionOf(quantity.Qualifier, mirrored), quantity.Scope is { } s ? Gazetteer.Default.Canonical(s) ?? s : null,
                date, how, quantity.Span, sentence, quantity.What));
        }

        return reports;
    }

    private static (string? Date, string How) StatementDate(PageAnalysis a, Statement statement, IReadOnlyDictionary<int, (string Date, string How)>? dateOf)
    {
        if (dateOf is not null && dateOf.TryGetValue(statement.Index, out var inferred))
            return inferred;
        if (statement.Date is { } d && d >= 0 && d < a.Dates.Count)
            return (a.Dates[d].Value, "page: " + a.Dates[d].Resolution);
        return (null, "undated");
    }

    private static bool InStanceCue(PageAnalysis a, Quantity quantity)
    {
        foreach (var stance in a.Stances)
        {
            if (stance.By == "outlet" && stance.Start <= quantity.Start && quantity.End <= stance.End)
                return true;
        }

        return false;
    }

    internal static int? YearOf(string? iso) =>
        iso is { Length: >= 4 } && iso[0] != '-' && int.TryParse(iso.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : null;

    /// <summary>The qualifier's direction on the family's scale: a mirrored measure turns "at least" into "at most".</summary>
    internal static QualifierDirection DirectionOf(string? qualifier, bool mirrored)
    {
        var direction = qualifier switch
        {
            null or "" => QualifierDirection.Exact,
            "more than" or "over" or "at least" => QualifierDirection.AtLeast,
            "up to" or "less than" or "at most" or "almost" or "nearly" => QualifierDirection.AtMost,
            _ => QualifierDirection.Approximate,
        };
        return !mirrored ? direction : direction switch
        {
            QualifierDirection.AtLeast => QualifierDirection.AtMost,
            QualifierDirection.AtMost => QualifierDirection.AtLeast,
            _ => direction,
        };
    }
}
