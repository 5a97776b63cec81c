using System.Globalization;

namespace ClaimTrace;

/// <summary>
/// The publication date as far as the metadata gives it: a year, perhaps a month, perhaps a day. Relative dates
/// are resolved only as far as this goes; there is deliberately no fallback to today's date.
/// </summary>
internal readonly record struct PublishedAnchor(int Year, int? Month, int? Day)
{
    public DateOnly? Date => Month is { } m && Day is { } d ? new DateOnly(Year, m, d) : null;

    /// <summary>Reads a leading ISO date ("2018-12-12", "2018-12-12T10:00Z", "2017-09", "2017"); null otherwise.</summary>
    public static PublishedAnchor? Parse(string? iso)
    {
        if (string.IsNullOrWhiteSpace(iso))
            return null;
        var s = iso.AsSpan().Trim();
        if (s.Length < 4 || !int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1000)
            return null;
        if (s.Length > 4 && char.IsDigit(s[4]))
            return null;
        if (s.Length < 7 || s[4] != '-' || !int.TryParse(s.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
            return new PublishedAnchor(year, null, null);
        if (s.Length < 10 || s[7] != '-' || !int.TryParse(s.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || day < 1 || day > DateTime.DaysInMonth(year, month))
            return new PublishedAnchor(year, month, null);
        return new PublishedAnchor(year, month, day);
    }
}
