using System.Globalization;

namespace ClaimTrace;

/// <summary>
/// Which of two published dates is earlier, when the dates can say. Dates are ISO 8601 and may be partial
/// (2017, 2017-09): they are compared at the coarser precision of the two, so "2017-09" and "2017-09-14"
/// tell nothing, while "2017-08" is before "2017-09-14". The same day tells nothing either: syndication
/// within a day is common and the hour is rarely known for both.
/// </summary>
public static class PublishedOrder
{
    /// <summary>Negative when <paramref name="a"/> is earlier, positive when later, null when the dates cannot tell.</summary>
    public static int? Compare(string? a, string? b)
    {
        if (Parts(a) is not { } x || Parts(b) is not { } y)
            return null;
        var precision = Math.Min(x.Length, y.Length);
        for (var i = 0; i < precision; i++)
        {
            if (x[i] != y[i])
                return x[i].CompareTo(y[i]);
        }

        return null;
    }

    private static int[]? Parts(string? date)
    {
        if (string.IsNullOrWhiteSpace(date))
            return null;
        var text = date.Trim();
        if (text.Length > 10)
            text = text[..10];
        var pieces = text.Split('-');
        if (pieces.Length is 0 or > 3)
            return null;
        var parts = new int[pieces.Length];
        for (var i = 0; i < pieces.Length; i++)
        {
            if (!int.TryParse(pieces[i], NumberStyles.None, CultureInfo.InvariantCulture, out parts[i]))
                return null;
        }

        return parts[0] is >= 1000 and <= 9999 ? parts : null;
    }
}
