namespace ClaimTrace;

/// <summary>
/// The analysis as the store writes it: its strings made storable by the page's <see cref="StoredText"/>
/// (so a replaced surrogate in a speaker's name is counted in the page's warning like any other), and the
/// event date of each statement, which the claims query filters on.
/// </summary>
internal static class StoredAnalysis
{
    /// <summary>True when the page went through the analysis stage: an analysed page always has sentences or more.</summary>
    public static bool IsPresent(PageAnalysis analysis) =>
        analysis.Sentences.Count + analysis.Quotes.Count + analysis.Statements.Count + analysis.Quantities.Count
        + analysis.Dates.Count + analysis.Entities.Count + analysis.Stances.Count > 0;

    public static PageAnalysis Clean(PageAnalysis a, StoredText cleaner)
    {
        if (!IsPresent(a))
            return a;
        return a with
        {
            Statements = [.. a.Statements.Select(s => s.Speaker is null && s.CueLemma is null ? s : s with
            {
                CueLemma = cleaner.Clean(s.CueLemma),
                Speaker = s.Speaker is not { } sp ? null : sp with
                {
                    Written = cleaner.CleanRequired(sp.Written),
                    Name = cleaner.CleanRequired(sp.Name),
                    Role = cleaner.Clean(sp.Role),
                    Rank = cleaner.Clean(sp.Rank),
                    Organisation = cleaner.Clean(sp.Organisation),
                },
            })],
            Quantities = [.. a.Quantities.Select(q => q with
            {
                Unit = cleaner.CleanRequired(q.Unit),
                Qualifier = cleaner.Clean(q.Qualifier),
                What = cleaner.Clean(q.What),
                Measure = cleaner.Clean(q.Measure),
                Scope = cleaner.Clean(q.Scope),
                WrittenAs = cleaner.Clean(q.WrittenAs),
            })],
            Dates = [.. a.Dates.Select(d => d with { Value = cleaner.CleanRequired(d.Value), Resolution = cleaner.CleanRequired(d.Resolution) })],
            Entities = [.. a.Entities.Select(e => e with { Text = cleaner.CleanRequired(e.Text), Canonical = cleaner.CleanRequired(e.Canonical) })],
            Stances = [.. a.Stances.Select(s => s with { By = cleaner.CleanRequired(s.By) })],
        };
    }

    /// <summary>
    /// When a statement was made or what it is about, as the analysis resolved it (<see cref="Statement.Date"/>);
    /// null when the page does not say, and the claims query then falls back on the page's published date.
    /// </summary>
    public static string? EventDate(PageAnalysis a, Statement statement) =>
        statement.Date is { } date && date >= 0 && date < a.Dates.Count ? a.Dates[date].Value : null;
}
