using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>
/// Month and weekday names, day words and small counts (data files under <c>analysis/</c>), compiled into the
/// date pattern: an ordered list of alternatives, each with the phrases it can start with, which the
/// <see cref="DateScanner"/> tries only where one of those phrases stands. Every name is an escaped literal, so
/// a user's additions cannot make the pattern backtrack badly; the pieces between names are bounded.
/// </summary>
internal sealed class DateLexicon
{
    private static readonly Lazy<DateLexicon> Shipped = new(Load);

    public static DateLexicon Default => Shipped.Value;

    public required IReadOnlyDictionary<string, int> Months { get; init; }
    public required IReadOnlyDictionary<string, int> Weekdays { get; init; }
    public required IReadOnlyDictionary<string, int> RelativeDays { get; init; }
    public required IReadOnlyDictionary<string, int> Counts { get; init; }

    /// <summary>The alternatives of the date pattern in priority order: at one position the first that matches wins.</summary>
    public required IReadOnlyList<DateAlternative> Alternatives { get; init; }

    /// <summary>The whole pattern, for scanning a text with <c>Regex.Matches</c>; the scanner's result must equal it.</summary>
    public Regex Pattern => Compose(Enumerable.Range(0, Alternatives.Count), anchored: false);

    /// <summary>
    /// The given alternatives (indexes into <see cref="Alternatives"/>), kept in priority order, behind the look-behind
    /// that keeps dates out of words and numbers; anchored, the pattern matches at the position it is started at only.
    /// </summary>
    public Regex Compose(IEnumerable<int> alternatives, bool anchored)
    {
        var body = string.Join('|', alternatives.Order().Select(i => "(?:" + Alternatives[i].Pattern + ")"));
        return new Regex((anchored ? @"\G" : "") + WordStart + "(?:" + body + ")", RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
    }

    private static DateLexicon Load()
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        var fullMonths = new List<string>();
        foreach (var (number, names) in NumberedNames("analysis/months.tsv"))
        {
            fullMonths.Add(names[0]);
            foreach (var name in names)
                months[name] = number;
        }

        var weekdays = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (number, names) in NumberedNames("analysis/weekdays.tsv"))
        {
            foreach (var name in names)
                weekdays[name] = number;
        }

        var relative = PhraseValues("analysis/relative-days.tsv");
        var counts = PhraseValues("analysis/date-counts.tsv");

        const string year = @"(?:1[89]|20)\d{2}";
        const string ord = @"(?:st|nd|rd|th)?";
        const string dash = @"\s*(?:-|–|—)\s*";
        var m = Alternation(months.Keys);
        var mf = Alternation(fullMonths);
        var w = Alternation(weekdays.Keys);
        var r = Alternation(relative.Keys);
        var n = Alternation(counts.Keys) + @"|\d{1,3}";
        var end = @"(?![\p{L}\p{N}])";
        string[] digit = ["0"];
        DateAlternative[] alternatives =
        [
            new($@"(?<iy>{year})-(?<im>0[1-9]|1[0-2])-(?<id>0[1-9]|[12]\d|3[01])(?!\d)", digit),
            new($@"(?<since>(?i:{Words(SinceWords)}\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+year|this\s+year|(?<sy>{year}))))(?!\d)", SinceWords),
            new($@"(?<ago>(?i:(?<an>{n})\s+(?<au>day|week|month|year)s?\s+(?<ad>ago|later|earlier))){end}", [.. counts.Keys, .. digit]),
            new($@"(?<dd>\d{{1,2}}){ord}(?:{dash}(?<dd2>\d{{1,2}}){ord})?\s+(?:of\s+)?(?<dm>{m})(?:,?\s+(?<dy>{year}))?(?!\p{{L}}|\p{{N}}|\.\p{{L}})", digit),
            new($@"(?<mm>{m})\s+(?<md>\d{{1,2}}){ord}(?:{dash}(?<md2>\d{{1,2}}){ord})?(?:,?\s+(?<my>{year}))?(?!\p{{N}}|[.,]\d|\s*(?:%|percent))", [.. months.Keys]),
            new($@"(?<ym>{m})\s+(?:of\s+)?(?<yy>{year}){end}", [.. months.Keys]),
            new($@"(?:(?<mq>(?i:{Words(MonthQualifiers)}))[\s-]+|(?i:{Words(MonthPrepositions)})\s+)(?<om>{mf}){end}", [.. MonthQualifiers, .. MonthPrepositions]),
            new($@"(?:(?<wq>(?i:{Words(WeekdayQualifiers)}))\s+)?(?<wd>{w}){end}", [.. WeekdayQualifiers, .. weekdays.Keys]),
            new($@"(?<pq>(?i:{Words(PeriodQualifiers)}))\s+(?<pu>(?i:week|month|year)){end}", PeriodQualifiers),
            new($@"(?<rel>(?i:{r})){end}", [.. relative.Keys]),
            new($@"(?:(?i:{Words(YearPrepositions)}))[\s-]+(?<yr>{year})(?![\p{{L}}\p{{N}}]|[.,]\d)", YearPrepositions),
        ];
        return new DateLexicon
        {
            Months = months,
            Weekdays = weekdays,
            RelativeDays = relative,
            Counts = counts,
            Alternatives = alternatives,
        };
    }

    /// <summary>No date starts inside a word or inside a number ("1,2018" is not the year 2018).</summary>
    private const string WordStart = @"(?<![\p{L}\p{N}]|\p{N}[,.])";

    // The English words that open the fixed parts of the pattern, in the order the pattern tries them. Each list
    // serves as both the pattern's text and its alternative's starters, so the two cannot drift apart.
    private static readonly string[] SinceWords = ["since"];
    private static readonly string[] MonthQualifiers = ["last", "this", "next", "early", "late", "mid"];
    private static readonly string[] MonthPrepositions = ["in", "since", "by", "until", "till", "during", "through", "throughout", "from", "before", "after"];
    private static readonly string[] WeekdayQualifiers = ["last", "this past", "this", "next"];
    private static readonly string[] PeriodQualifiers = ["last", "this", "past", "previous", "next", "earlier this", "later this", "the past", "the previous"];
    private static readonly string[] YearPrepositions = ["in", "since", "until", "till", "during", "early", "late", "mid", "from", "before", "after", "of"];

    /// <summary>Fixed words in the order given (the pattern's own priority), a space standing for any white space.</summary>
    private static string Words(string[] words) => string.Join('|', words.Select(x => x.Replace(" ", @"\s+", StringComparison.Ordinal)));

    private static IEnumerable<(int Number, string[] Names)> NumberedNames(string file)
    {
        foreach (var line in DataFiles.ReadLines(file))
        {
            var columns = line.Split('\t', StringSplitOptions.TrimEntries);
            if (columns.Length < 2 || !int.TryParse(columns[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                throw new FormatException($"{file}: expected 'number<TAB>name[<TAB>other|names]' but found '{line}'.");
            var names = new List<string> { columns[1] };
            if (columns.Length > 2)
                names.AddRange(columns[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            yield return (number, [.. names]);
        }
    }

    private static Dictionary<string, int> PhraseValues(string file)
    {
        var values = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in DataFiles.ReadLines(file))
        {
            var columns = line.Split('\t', StringSplitOptions.TrimEntries);
            if (columns.Length < 2 || !int.TryParse(columns[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                throw new FormatException($"{file}: expected 'phrase<TAB>number' but found '{line}'.");
            values[columns[0]] = value;
        }

        return values;
    }

    /// <summary>Longest first, so "the day before yesterday" wins over "yesterday" and "Sept." over "Sep".</summary>
    private static string Alternation(IEnumerable<string> names) =>
        string.Join('|', names.Distinct(StringComparer.Ordinal).OrderByDescending(x => x.Length)
            .Select(x => Regex.Escape(x).Replace(@"\ ", @"\s+", StringComparison.Ordinal)));

    /// <summary>The number a count word or digits stands for ("eight", "a few", "12").</summary>
    public int? Count(string written)
    {
        var key = string.Join(' ', written.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (Counts.TryGetValue(key, out var value))
            return value;
        return int.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}

/// <summary>
/// One alternative of the date pattern and the phrases a match of it can begin with ("0" standing for any digit):
/// the scanner tries it only at a word those phrases start with.
/// </summary>
internal sealed record DateAlternative(string Pattern, IReadOnlyList<string> Starters);
