namespace ClaimTrace;

/// <summary>
/// How a <see cref="DateMention"/> was resolved, so a reader can weigh it: a date the page spells out in full is
/// evidence; one whose year or day was taken from the publication date is an inference.
/// </summary>
public static class DateResolutions
{
    /// <summary>The page gives the full date ("8 December 2017", "Dec. 11, 2018", "2018-12-11").</summary>
    public const string Absolute = "absolute";

    /// <summary>The page gives a month and a year ("March of 2012").</summary>
    public const string MonthYear = "month-year";

    /// <summary>The page gives only a year ("in 2013").</summary>
    public const string Year = "year";

    /// <summary>Day and month from the page, the year from the publication date ("on December 11").</summary>
    public const string YearFromPublished = "year-from-published";

    /// <summary>Day and month from the page and no publication year to take one from: kept partial ("--12-11").</summary>
    public const string PartialNoYear = "partial-no-year";

    /// <summary>A month with the year taken from the publication date ("in November").</summary>
    public const string Month = "month";

    /// <summary>A month and no publication year: kept partial ("--11").</summary>
    public const string PartialMonthNoYear = "partial-month-no-year";

    /// <summary>A day counted from the publication date ("yesterday", "earlier today").</summary>
    public const string RelativeDay = "relative-day";

    /// <summary>The weekday nearest on or before publication ("Wednesday"); after it for "next Wednesday".</summary>
    public const string Weekday = "weekday";

    /// <summary>A week, month or year counted from publication ("last week" as an ISO week, "last month").</summary>
    public const string RelativePeriod = "relative-period";

    /// <summary>A span counted back from publication ("three days ago").</summary>
    public const string Ago = "ago";

    /// <summary>A span counted from the date mentioned just before in the paragraph ("eight days later").</summary>
    public const string RelativeToDate = "relative-to-date";

    /// <summary>From the start of a year to publication ("since the start of the year").</summary>
    public const string SinceYearStart = "since-year-start";

    /// <summary>Two dates joined as a range ("between June 3 and June 14", "September 14-15"): "start..end".</summary>
    public const string Range = "range";
}
