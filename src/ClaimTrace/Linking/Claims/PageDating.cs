namespace ClaimTrace;

/// <summary>
/// Dates for pages that give none, from the pages they are linked to, and the statement dates that follow.
/// A copy or a report of the same event that is dated bounds when this page's events happened: "Wednesday" in an
/// undated report of the event that a page dated Friday 8 December also reports is the Wednesday before,
/// 6 December; "December 11" in a page a copy of which is dated 12 December 2018 is 2018's. Only what the borrowed
/// date can settle is taken: weekdays, years and months; "today" and "yesterday" count from the page's own
/// publication, which stays unknown, so they are not.
/// Without links, a yearless date and a weekday the page gives can still fix the year: a page announcing talks
/// "on September 14-15" that "begin Thursday" was written in a year when 14 September was a Thursday; of those
/// years the one nearest the dates of the pages that report on the same measures is taken, when only one is
/// within <see cref="CalendarYears"/> years of them.
/// </summary>
public sealed class PageDating(IPageAnalyser analyser)
{
    public const int CalendarYears = 3;

    private static readonly HashSet<string> Borrowable = new(StringComparer.Ordinal)
    {
        DateResolutions.Weekday, DateResolutions.YearFromPublished, DateResolutions.Month,
    };

    /// <summary>
    /// The dates of the statements of <paramref name="page"/> that a borrowed publication date settles, with how:
    /// statement index to (ISO date, reason).
    /// </summary>
    public IReadOnlyDictionary<int, (string Date, string How)> Borrow(LinkedPage page, string referenceDate, string fromPage, string link)
    {
        var borrowed = page.Page with
        {
            Metadata = page.Page.Metadata with { Published = new MetaValue(referenceDate, "linked:" + fromPage) },
        };
        var again = analyser.Analyse(borrowed);
        var dates = new Dictionary<int, (string, string)>();
        if (again.Statements.Count != page.Analysis.Statements.Count)
            return dates;
        foreach (var statement in again.Statements)
        {
            // The page's own date stands unless it lacks the year the borrowed date supplies ("--12-11").
            if (OwnDate(page.Analysis, page.Analysis.Statements[statement.Index]) is { HasYear: true } || statement.Date is not { } d || d < 0 || d >= again.Dates.Count)
                continue;
            var mention = again.Dates[d];
            if (!Borrowable.Contains(mention.Resolution))
                continue;
            dates[statement.Index] = (mention.Value, $"'{page.Page.Text[mention.Start..mention.End]}' ({mention.Resolution}) read against {referenceDate}, the date of {fromPage} ({link})");
        }

        return dates;
    }

    private static LooseDate? OwnDate(PageAnalysis analysis, Statement statement) =>
        statement.Date is { } d && d >= 0 && d < analysis.Dates.Count ? LooseDate.Parse(analysis.Dates[d].Value) : null;

    /// <summary>
    /// The year-month of an undated page fixed by a yearless day and a weekday it mentions, when exactly one year
    /// near <paramref name="neighbourYears"/> fits; null otherwise.
    /// </summary>
    public static (string Date, string How)? FromCalendar(LinkedPage page, IReadOnlyCollection<int> neighbourYears)
    {
        if (neighbourYears.Count == 0 || page.Published is not null)
            return null;
        var days = page.Analysis.Dates
            .Select(d => (Mention: d, Date: LooseDate.Parse(d.Value)))
            .Where(d => d.Date is { HasYear: false, Month: not null, Day: not null })
            .ToList();
        var weekdays = WeekdaysIn(page);
        if (days.Count == 0 || weekdays.Count == 0)
            return null;

        var low = neighbourYears.Min() - CalendarYears;
        var high = neighbourYears.Max() + CalendarYears;
        var fits = new List<(int Year, int Month, string Day, string Weekday)>();
        for (var year = low; year <= high; year++)
        {
            foreach (var (mention, date) in days)
            {
                var (month, day) = (date!.Value.Month!.Value, date.Value.Day!.Value);
                if (day > DateTime.DaysInMonth(year, month))
                    continue;
                var weekday = new DateOnly(year, month, day).DayOfWeek;
                if (weekdays.FirstOrDefault(w => w.Day == weekday) is { Written: not null } w)
                    fits.Add((year, month, page.Page.Text[mention.Start..mention.End], w.Written));
            }
        }

        var years = fits.Select(f => f.Year).Distinct().ToList();
        if (years.Count != 1)
            return null;
        var fit = fits[0];
        return (FormattableString.Invariant($"{fit.Year:D4}-{fit.Month:D2}"),
            FormattableString.Invariant($"'{fit.Day}' fell on a {fit.Weekday} ('{fit.Weekday}' in the page) only in {fit.Year} within {CalendarYears} years of the pages on the same measures ({string.Join(", ", neighbourYears.Order())})"));
    }

    private static List<(DayOfWeek Day, string Written)> WeekdaysIn(LinkedPage page)
    {
        var found = new List<(DayOfWeek, string)>();
        var text = page.Page.Text;
        foreach (var sentence in page.Analysis.Sentences)
        {
            if (sentence.InComments || sentence.Segment != SegmentKind.Article)
                continue;
            foreach (var (name, iso) in DateLexicon.Default.Weekdays)
            {
                if (name.EndsWith('.'))
                    continue;
                var at = text.IndexOf(name, sentence.Start, sentence.End - sentence.Start, StringComparison.Ordinal);
                if (at >= 0 && (at + name.Length == text.Length || !char.IsLetter(text[at + name.Length])))
                    found.Add(((DayOfWeek)(iso % 7), name));
            }
        }

        return found;
    }
}
