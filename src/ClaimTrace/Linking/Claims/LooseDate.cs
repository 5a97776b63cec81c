using System.Globalization;

namespace ClaimTrace;

/// <summary>
/// An ISO 8601 date as the analysis writes it, as precise as the page was: a day, a month, a year, an ISO week, or
/// a day without a year ("--12-11"). <see cref="First"/> and <see cref="Last"/> bound the days it may be, when its
/// year is known, so two reports can be told apart or joined by how far apart they could be.
/// </summary>
public readonly record struct LooseDate(string Iso, int? Month, int? Day, DateOnly? First, DateOnly? Last)
{
    public bool HasYear => First is not null;

    public static LooseDate? Parse(string? iso)
    {
        if (string.IsNullOrWhiteSpace(iso))
            return null;
        var s = iso.Trim();
        if (s.IndexOf("..", StringComparison.Ordinal) is var dots and > 0)
        {
            // A range ("2017-12-06..2017-12-07", "--09-14..--09-15") is as loose as both of its ends together.
            if (Parse(s[..dots]) is not { } from || Parse(s[(dots + 2)..]) is not { } to)
                return null;
            return new LooseDate(s, from.Month, from.Day, from.First, to.Last ?? from.Last);
        }

        if (s.StartsWith("--", StringComparison.Ordinal))
        {
            var month = Number(s, 2, 2);
            var day = s.Length >= 7 && s[4] == '-' ? Number(s, 5, 2) : null;
            return month is >= 1 and <= 12 ? new LooseDate(s, month, day, null, null) : null;
        }

        if (Number(s, 0, 4) is not { } year || year < 1000)
            return null;
        if (s.Length == 4)
            return new LooseDate(s, null, null, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        if (s.Length >= 8 && s[4] == '-' && s[5] == 'W' && Number(s, 6, 2) is { } week and >= 1 and <= 53)
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, Math.Min(week, ISOWeek.GetWeeksInYear(year)), DayOfWeek.Monday));
            return new LooseDate(s, null, null, monday, monday.AddDays(6));
        }

        if (s.Length < 7 || s[4] != '-' || Number(s, 5, 2) is not { } m || m is < 1 or > 12)
            return null;
        if (s.Length < 10 || s[7] != '-' || Number(s, 8, 2) is not { } d || d < 1 || d > DateTime.DaysInMonth(year, m))
            return new LooseDate(s, m, null, new DateOnly(year, m, 1), new DateOnly(year, m, DateTime.DaysInMonth(year, m)));
        var date = new DateOnly(year, m, d);
        return new LooseDate(s, m, d, date, date);
    }

    /// <summary>
    /// True when the two could be within <paramref name="days"/> of each other: their spans come that close, or,
    /// for a date without a year, its month and day agree with the other's.
    /// </summary>
    public bool Near(LooseDate other, int days)
    {
        if (First is { } a0 && Last is { } a1 && other.First is { } b0 && other.Last is { } b1)
            return a0.DayNumber <= b1.DayNumber + days && b0.DayNumber <= a1.DayNumber + days;
        if (Month is { } m && other.Month is { } n && m != n)
            return false;
        return Day is not { } d || other.Day is not { } e || d == e;
    }

    /// <summary>Days from the end of this date to the start of the other (negative when the other is earlier); null without years.</summary>
    public int? DaysBefore(LooseDate other) =>
        Last is { } a && other.First is { } b ? b.DayNumber - a.DayNumber : null;

    private static int? Number(string s, int start, int length) =>
        s.Length >= start + length && int.TryParse(s.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
