using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>A full calendar date written in a page ("Sunday, 21 October 2018", "December 12, 2018", "2018-12-12").</summary>
internal readonly record struct FoundDate(DateOnly Date, int Start, int End, bool HasWeekday)
{
    public string Iso => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Finds complete dates (day, month and year) in header-like text. Partial and relative dates
/// ("December 11", "yesterday") are the analysis stage's business, resolved against these.
/// </summary>
internal static partial class DateText
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    [GeneratedRegex(
        @"(?<wd>\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?" +
        @"(?:(?<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m1>[a-z]{3,9})\.?,?\s+(?<y1>(?:19|20)\d{2})" +
        @"|(?<m2>[a-z]{3,9})\.?\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y2>(?:19|20)\d{2})" +
        @"|(?<y3>(?:19|20)\d{2})-(?<m3>\d{2})-(?<d3>\d{2}))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    public static IEnumerable<FoundDate> FindAll(string text, int offset = 0)
    {
        foreach (Match m in DatePattern().Matches(text))
        {
            if (TryBuild(m, out var date))
                yield return new FoundDate(date, offset + m.Index, offset + m.Index + m.Length, m.Groups["wd"].Success);
        }
    }

    /// <summary>True when the text is nothing but a date (and punctuation), like a dateline or a site header's date.</summary>
    public static bool IsDateOnly(string text, out FoundDate found)
    {
        found = default;
        var trimmed = text.Trim();
        if (trimmed.Length is 0 or > 40)
            return false;
        var m = DatePattern().Match(trimmed);
        if (!m.Success || !TryBuild(m, out var date))
            return false;
        var rest = trimmed.Remove(m.Index, m.Length);
        if (rest.Any(char.IsLetterOrDigit))
            return false;
        var lead = text.Length - text.TrimStart().Length;
        found = new FoundDate(date, lead + m.Index, lead + m.Index + m.Length, m.Groups["wd"].Success);
        return true;
    }

    private static bool TryBuild(Match m, out DateOnly date)
    {
        date = default;
        int year, month, day;
        if (m.Groups["y3"].Success)
        {
            year = int.Parse(m.Groups["y3"].ValueSpan, provider: null);
            month = int.Parse(m.Groups["m3"].ValueSpan, provider: null);
            day = int.Parse(m.Groups["d3"].ValueSpan, provider: null);
        }
        else
        {
            var first = m.Groups["d1"].Success;
            month = MonthNumber(m.Groups[first ? "m1" : "m2"].Value);
            day = int.Parse(m.Groups[first ? "d1" : "d2"].ValueSpan, provider: null);
            year = int.Parse(m.Groups[first ? "y1" : "y2"].ValueSpan, provider: null);
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static int MonthNumber(string name)
    {
        if (name.Length < 3)
            return 0;
        var prefix = name[..3].ToLowerInvariant();
        var index = Array.IndexOf(Months, prefix);
        if (index < 0)
            return 0;
        // "Mayor", "Marchers" or "Junk" must not pass as months: the rest must spell the month or be absent.
        string[] full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        var lower = name.ToLowerInvariant();
        return full[index].StartsWith(lower, StringComparison.Ordinal) || (index == 8 && lower == "sept") ? index + 1 : 0;
    }
}
