using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>
/// Finds the dates a page mentions and resolves each against the publication date as far as the evidence goes:
/// "on December 11" takes the publication year (or the year before when that would put it well after
/// publication), "Wednesday" the last Wednesday on or before publication, "eight days later" counts from the date
/// mentioned just before it in the paragraph. Without a publication date nothing is invented: a day without a
/// year stays partial ("--12-11") and words that need an anchor ("yesterday") are left out. Relative words in
/// reader comments are left out too: a reader's "yesterday" is the day of the comment, which the page rarely gives.
/// </summary>
public sealed class DateResolver
{
    /// <summary>How far after publication a yearless date may fall before it is read as last year's (a page can
    /// announce an event a few days ahead).</summary>
    private const int FutureSlackDays = 7;

    private readonly DateLexicon _lexicon;
    private readonly DateScanner _scanner;

    public DateResolver()
        : this(DateLexicon.Default)
    {
    }

    internal DateResolver(DateLexicon lexicon)
    {
        _lexicon = lexicon;
        _scanner = new DateScanner(lexicon);
    }

    public IReadOnlyList<DateMention> Extract(string text, IReadOnlyList<Sentence> sentences, PageMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(metadata);
        if (text.Length == 0)
            return [];
        var anchor = PublishedAnchor.Parse(metadata.Published?.Value);
        var places = new SentenceLocator(sentences);
        var found = new List<Found>();
        foreach (var match in _scanner.Matches(text))
        {
            var where = places.At(match.Index);
            if (Resolve(text, match, anchor, where, found, places) is { } item)
                found.Add(item);
        }

        return MergeRanges(text, found);
    }

    /// <summary>A resolved mention; <see cref="Day"/> is set when it names one whole day, so later mentions can
    /// count from it and two can form a range.</summary>
    private readonly record struct Found(int Start, int End, string Value, string Resolution, DateOnly? Day, string? PartialDay, int Paragraph);

    private Found? Resolve(string text, Match m, PublishedAnchor? anchor, SentenceLocator.Place where, List<Found> before, SentenceLocator places)
    {
        var g = m.Groups;
        var start = m.Index;
        var end = m.Index + m.Length;
        var paragraph = where.Paragraph;
        if (g["iy"].Success)
            return Whole(start, end, Int(g["iy"]), Int(g["im"]), Int(g["id"]), paragraph);
        if (g["dm"].Success)
            return DayMonth(start, end, _lexicon.Months[g["dm"].Value], Int(g["dd"]), OptionalInt(g["dd2"]), OptionalInt(g["dy"]), anchor, paragraph);
        if (g["mm"].Success)
            return DayMonth(start, end, _lexicon.Months[g["mm"].Value], Int(g["md"]), OptionalInt(g["md2"]), OptionalInt(g["my"]), anchor, paragraph);
        if (g["ym"].Success)
            return new Found(start, end, $"{Int(g["yy"]):D4}-{_lexicon.Months[g["ym"].Value]:D2}", DateResolutions.MonthYear, null, null, paragraph);
        if (g["yr"].Success)
            return new Found(g["yr"].Index, end, g["yr"].Value, DateResolutions.Year, null, null, paragraph);
        if (g["since"].Success)
            return SinceYearStart(start, end, OptionalInt(g["sy"]), anchor, where);
        if (g["om"].Success)
            return MonthOnly(g["mq"].Success ? start : g["om"].Index, end, g["mq"].Success ? g["mq"].Value : null, _lexicon.Months[g["om"].Value], anchor, where);

        // Everything below counts from an anchor, and a reader comment has no anchor the page states.
        if (where.InComments)
            return null;
        if (g["ago"].Success)
            return Ago(text, start, end, g, anchor, where, before, places);
        var day = anchor?.Date;
        if (g["wd"].Success)
            return day is { } d ? WeekdayBefore(start, end, g["wq"].Success ? g["wq"].Value : null, _lexicon.Weekdays[g["wd"].Value], d, paragraph) : null;
        if (g["pq"].Success)
            return RelativePeriod(start, end, g["pq"].Value, g["pu"].Value, anchor, paragraph);
        if (g["rel"].Success && day is { } published)
        {
            var offset = _lexicon.RelativeDays[string.Join(' ', g["rel"].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))];
            return DayFound(start, end, published.AddDays(offset), DateResolutions.RelativeDay, paragraph);
        }

        return null;
    }

    private static Found? Whole(int start, int end, int year, int month, int day, int paragraph) =>
        IsValid(year, month, day) ? DayFound(start, end, new DateOnly(year, month, day), DateResolutions.Absolute, paragraph) : null;

    private static Found? DayMonth(int start, int end, int month, int day, int? dayEnd, int? year, PublishedAnchor? anchor, int paragraph)
    {
        if (dayEnd is { } last && last <= day)
            return null;
        var lastDay = dayEnd ?? day;
        if (year is { } y)
        {
            if (!IsValid(y, month, day) || !IsValid(y, month, lastDay))
                return null;
            return dayEnd is null
                ? Whole(start, end, y, month, day, paragraph)
                : new Found(start, end, $"{Iso(new DateOnly(y, month, day))}..{Iso(new DateOnly(y, month, lastDay))}", DateResolutions.Range, null, null, paragraph);
        }

        if (!IsValid(2000, month, lastDay))
            return null;
        if (anchor is { } a && InferYear(a, month, day) is { } inferred && IsValid(inferred, month, lastDay))
        {
            if (dayEnd is null)
                return DayFound(start, end, new DateOnly(inferred, month, day), DateResolutions.YearFromPublished, paragraph);
            return new Found(start, end, $"{Iso(new DateOnly(inferred, month, day))}..{Iso(new DateOnly(inferred, month, lastDay))}", DateResolutions.Range, null, null, paragraph);
        }

        var partial = $"--{month:D2}-{day:D2}";
        return dayEnd is null
            ? new Found(start, end, partial, DateResolutions.PartialNoYear, null, partial, paragraph)
            : new Found(start, end, $"{partial}..--{month:D2}-{lastDay:D2}", DateResolutions.Range, null, null, paragraph);
    }

    /// <summary>The publication year, or the one before when the date would fall well after publication.</summary>
    private static int? InferYear(PublishedAnchor anchor, int month, int day)
    {
        if (anchor.Date is { } published)
        {
            if (!IsValid(published.Year, month, day))
                return IsValid(published.Year - 1, month, day) ? published.Year - 1 : null;
            var candidate = new DateOnly(published.Year, month, day);
            return candidate.DayNumber - published.DayNumber > FutureSlackDays ? published.Year - 1 : published.Year;
        }

        if (anchor.Month is { } pubMonth)
            return month > pubMonth ? anchor.Year - 1 : anchor.Year;
        return anchor.Year;
    }

    private static Found? MonthOnly(int start, int end, string? qualifier, int month, PublishedAnchor? anchor, SentenceLocator.Place where)
    {
        var next = qualifier is not null && qualifier.Equals("next", StringComparison.OrdinalIgnoreCase);
        if (anchor is not { } a)
            return new Found(start, end, $"--{month:D2}", DateResolutions.PartialMonthNoYear, null, null, where.Paragraph);
        int year;
        if (a.Month is { } pubMonth)
        {
            if (next)
                year = month > pubMonth ? a.Year : a.Year + 1;
            else
                year = month > pubMonth ? a.Year - 1 : a.Year;
        }
        else
            year = a.Year;

        return new Found(start, end, $"{year:D4}-{month:D2}", DateResolutions.Month, null, null, where.Paragraph);
    }

    private static Found? SinceYearStart(int start, int end, int? year, PublishedAnchor? anchor, SentenceLocator.Place where)
    {
        if (where.InComments && year is null)
            return null;
        var y = year ?? anchor?.Year;
        if (y is null)
            return null;
        var until = anchor?.Date is { } d && d.Year == y ? Iso(d) : string.Empty;
        return new Found(start, end, $"{y:D4}-01-01..{until}", DateResolutions.SinceYearStart, null, null, where.Paragraph);
    }

    private static Found WeekdayBefore(int start, int end, string? qualifier, int isoWeekday, DateOnly published, int paragraph)
    {
        var publishedDay = IsoWeekday(published);
        var q = qualifier is null ? string.Empty : string.Join(' ', qualifier.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        DateOnly day;
        if (q == "next")
        {
            var ahead = (isoWeekday - publishedDay + 7) % 7;
            day = published.AddDays(ahead == 0 ? 7 : ahead);
        }
        else
        {
            var back = (publishedDay - isoWeekday + 7) % 7;
            if (back == 0 && q is "last" or "this past")
                back = 7;
            day = published.AddDays(-back);
        }

        return DayFound(start, end, day, DateResolutions.Weekday, paragraph);
    }

    private static Found? RelativePeriod(int start, int end, string qualifier, string unit, PublishedAnchor? anchor, int paragraph)
    {
        if (anchor is not { } a)
            return null;
        var q = string.Join(' ', qualifier.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var step = q switch
        {
            "next" => 1,
            "this" or "earlier this" or "later this" => 0,
            _ => -1,
        };
        switch (unit.ToLowerInvariant())
        {
            case "year":
                return new Found(start, end, (a.Year + step).ToString("D4", CultureInfo.InvariantCulture), DateResolutions.RelativePeriod, null, null, paragraph);
            case "month" when a.Month is { } month:
                var first = new DateOnly(a.Year, month, 1).AddMonths(step);
                return new Found(start, end, $"{first.Year:D4}-{first.Month:D2}", DateResolutions.RelativePeriod, null, null, paragraph);
            case "week" when a.Date is { } published:
                var inWeek = published.AddDays(7 * step).ToDateTime(TimeOnly.MinValue);
                var value = $"{ISOWeek.GetYear(inWeek):D4}-W{ISOWeek.GetWeekOfYear(inWeek):D2}";
                return new Found(start, end, value, DateResolutions.RelativePeriod, null, null, paragraph);
            default:
                return null;
        }
    }

    private Found? Ago(string text, int start, int end, GroupCollection g, PublishedAnchor? anchor, SentenceLocator.Place where, List<Found> before, SentenceLocator places)
    {
        if (_lexicon.Count(g["an"].Value) is not { } count)
            return null;
        var direction = g["ad"].Value.ToLowerInvariant();
        DateOnly from;
        string resolution;
        if (direction == "ago")
        {
            if (anchor?.Date is not { } published)
                return null;
            from = published;
            resolution = DateResolutions.Ago;
            count = -count;
        }
        else
        {
            // "Eight days later" counts from the date the paragraph named last, never from one in another paragraph.
            var previous = before.Count > 0 ? before[^1] : (Found?)null;
            if (previous is not { Day: { } day } p || p.Paragraph != where.Paragraph || !places.SameBlock(text, p.Start, start))
                return null;
            from = day;
            resolution = DateResolutions.RelativeToDate;
            if (direction == "earlier")
                count = -count;
        }

        DateOnly result;
        switch (g["au"].Value.ToLowerInvariant())
        {
            case "day":
                result = from.AddDays(count);
                break;
            case "week":
                result = from.AddDays(7 * count);
                break;
            case "month":
                var m = from.AddMonths(count);
                return new Found(start, end, $"{m.Year:D4}-{m.Month:D2}", resolution, null, null, where.Paragraph);
            default:
                return new Found(start, end, (from.Year + count).ToString("D4", CultureInfo.InvariantCulture), resolution, null, null, where.Paragraph);
        }

        return DayFound(start, end, result, resolution, where.Paragraph);
    }

    /// <summary>"between June 3 and June 14", "from 3 to 14 June" read as one range, not two days.</summary>
    private static List<DateMention> MergeRanges(string text, List<Found> found)
    {
        var mentions = new List<DateMention>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            var a = found[i];
            if (i + 1 < found.Count && RangeJoin(text, a, found[i + 1]) is { } value)
            {
                var b = found[i + 1];
                mentions.Add(new DateMention(a.Start, b.End, value, DateResolutions.Range));
                i++;
                continue;
            }

            mentions.Add(new DateMention(a.Start, a.End, a.Value, a.Resolution));
        }

        return mentions;
    }

    private static string? RangeJoin(string text, Found a, Found b)
    {
        string? first = a.Day is { } da ? Iso(da) : a.PartialDay;
        string? last = b.Day is { } db ? Iso(db) : b.PartialDay;
        if (first is null || last is null || (a.Day is null) != (b.Day is null) || string.CompareOrdinal(first, last) >= 0)
            return null;
        var between = text.AsSpan(a.End, b.Start - a.End).Trim();
        var lead = text.AsSpan(0, a.Start).TrimEnd();
        var opened = lead.EndsWith("between", StringComparison.OrdinalIgnoreCase) || lead.EndsWith("from", StringComparison.OrdinalIgnoreCase);
        var joins = between switch
        {
            "and" => lead.EndsWith("between", StringComparison.OrdinalIgnoreCase),
            "to" or "until" or "till" or "through" => opened,
            "-" or "–" or "—" => true,
            _ => false,
        };
        return joins ? $"{first}..{last}" : null;
    }

    private static Found DayFound(int start, int end, DateOnly day, string resolution, int paragraph) =>
        new(start, end, Iso(day), resolution, day, null, paragraph);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int IsoWeekday(DateOnly day) => day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;

    private static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static int Int(Group group) => int.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int? OptionalInt(Group group) => group.Success ? Int(group) : null;
}
