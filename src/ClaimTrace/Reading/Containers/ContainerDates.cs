using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>
/// Normalises the dates containers give (publication and scrape times) to ISO 8601: a date, a date-time
/// (with its offset when the source gave one), or a partial date (<c>2017-09</c>). Anything not read with
/// certainty is kept exactly as given: an ambiguous <c>03/04/2017</c> or an epoch number stays as it is,
/// because a wrong normalised date is worse than an unnormalised one.
/// </summary>
internal static partial class ContainerDates
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Formats that carry an offset or a zone letter; their offset is kept.
    private static readonly string[] WithOffset =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF zzz", "yyyy-MM-dd HH:mm:ss zzz",
        "ddd, d MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss 'UTC'", "ddd, d MMM yyyy HH:mm:ss zzz",
        "d MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm 'GMT'",
    ];

    private static readonly string[] Local =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
        "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm",
        "MMMM d, yyyy h:mm tt", "MMM d, yyyy h:mm tt", "MMMM d, yyyy HH:mm", "MMM d, yyyy HH:mm",
    ];

    private static readonly string[] DateOnlyFormats =
    [
        "yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd", "yyyyMMdd",
        "MMMM d, yyyy", "MMM d, yyyy", "MMM. d, yyyy", "MMMM d yyyy", "MMM d yyyy",
        "d MMMM yyyy", "d MMM yyyy", "d MMM. yyyy", "d MMMM, yyyy",
        "dddd, MMMM d, yyyy", "dddd, d MMMM yyyy", "ddd, MMM d, yyyy", "ddd, d MMM yyyy",
    ];

    private static readonly string[] MonthFormats = ["yyyy-MM", "MMMM yyyy", "MMM yyyy"];

    public static string Normalise(string value)
    {
        var text = WhiteSpace().Replace(value.Trim(), " ");
        if (text.Length is 0 or > 64)
            return value;

        if (DateTimeOffset.TryParseExact(text, WithOffset, Invariant, DateTimeStyles.AllowWhiteSpaces, out var offsetTime)
            && HasExplicitZone(text))
        {
            return offsetTime.Offset == TimeSpan.Zero
                ? offsetTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", Invariant)
                : offsetTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", Invariant);
        }

        if (DateTime.TryParseExact(text, Local, Invariant, DateTimeStyles.AllowWhiteSpaces, out var local))
            return local.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", Invariant);
        if (DateTime.TryParseExact(text, DateOnlyFormats, Invariant, DateTimeStyles.AllowWhiteSpaces, out var date))
            return Iso(date);
        if (SlashedDate(text) is { } slashed)
            return slashed;
        if (DateTime.TryParseExact(text, MonthFormats, Invariant, DateTimeStyles.AllowWhiteSpaces, out var month))
            return month.ToString("yyyy-MM", Invariant);
        return value;
    }

    /// <summary>
    /// 12/31/2017 is read as month/day and 31/12/2017 as day/month, since only one reading is a date;
    /// when both are (03/04/2017) the value is left alone rather than guessed.
    /// </summary>
    private static string? SlashedDate(string text)
    {
        var m = Slashed().Match(text);
        if (!m.Success)
            return null;
        var a = int.Parse(m.Groups["a"].ValueSpan, Invariant);
        var b = int.Parse(m.Groups["b"].ValueSpan, Invariant);
        var year = int.Parse(m.Groups["y"].ValueSpan, Invariant);
        int month, day;
        if (a == b || (a <= 12 && b > 12))
            (month, day) = (a, b);
        else if (a > 12 && b <= 12)
            (month, day) = (b, a);
        else
            return null;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        return Iso(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified));
    }

    /// <summary>'K' also accepts a missing zone; only an explicit one may be reported as an offset.</summary>
    private static bool HasExplicitZone(string text) => ZoneSuffix().IsMatch(text);

    private static string Iso(DateTime date) => date.ToString("yyyy-MM-dd", Invariant);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^(?<a>\d{1,2})[/.-](?<b>\d{1,2})[/.-](?<y>\d{4})$")]
    private static partial Regex Slashed();

    [GeneratedRegex(@"(?:Z|[+-]\d{2}:?\d{2}|GMT|UTC)$", RegexOptions.IgnoreCase)]
    private static partial Regex ZoneSuffix();
}
