using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>
/// Month and weekday names, day words and small counts (data files under <c>analysis/</c>), compiled into the one
/// pattern the resolver runs over a page. Every name is an escaped literal, so a user's additions cannot make the
/// pattern backtrack badly; the pieces between names are bounded.
/// </summary>
internal sealed class DateLexicon
{
    private static readonly Lazy<DateLexicon> Shipped = new(Load);

    public static DateLexicon Default => Shipped.Value;

    public required IReadOnlyDictionary<string, int> Months { get; init; }
    public required IReadOnlyDictionary<string, int> Weekdays { get; init; }
    public required IReadOnlyDictionary<string, int> RelativeDays { get; init; }
    public required IReadOnlyDictionary<string, int> Counts { get; init; }
    public required Regex Pattern { get; init; }

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
        string[] alternatives =
        [
            $@"(?<iy>{year})-(?<im>0[1-9]|1[0-2])-(?<id>0[1-9]|[12]\d|3[01])(?!\d)",
            $@"(?<since>(?i:since\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+year|this\s+year|(?<sy>{year}))))(?!\d)",
            $@"(?<ago>(?i:(?<an>{n})\s+(?<au>day|week|month|year)s?\s+(?<ad>ago|later|earlier))){end}",
            $@"(?<dd>\d{{1,2}}){ord}(?:{dash}(?<dd2>\d{{1,2}}){ord})?\s+(?:of\s+)?(?<dm>{m})(?:,?\s+(?<dy>{year}))?(?!\p{{L}}|\p{{N}}|\.\p{{L}})",
            $@"(?<mm>{m})\s+(?<md>\d{{1,2}}){ord}(?:{dash}(?<md2>\d{{1,2}}){ord})?(?:,?\s+(?<my>{year}))?(?!\p{{N}}|[.,]\d|\s*(?:%|percent))",
            $@"(?<ym>{m})\s+(?:of\s+)?(?<yy>{year}){end}",
            $@"(?:(?<mq>(?i:last|this|next|early|late|mid))[\s-]+|(?i:in|since|by|until|till|during|through|throughout|from|before|after)\s+)(?<om>{mf}){end}",
            $@"(?:(?<wq>(?i:last|this\s+past|this|next))\s+)?(?<wd>{w}){end}",
            $@"(?<pq>(?i:last|this|past|previous|next|earlier\s+this|later\s+this|the\s+past|the\s+previous))\s+(?<pu>(?i:week|month|year)){end}",
            $@"(?<rel>(?i:{r})){end}",
            $@"(?:(?i:in|since|until|till|during|early|late|mid|from|before|after|of))[\s-]+(?<yr>{year})(?![\p{{L}}\p{{N}}]|[.,]\d)",
        ];
        var pattern = @"(?<![\p{L}\p{N}]|\p{N}[,.])(?:" + string.Join('|', alternatives.Select(a => "(?:" + a + ")")) + ")";
        return new DateLexicon
        {
            Months = months,
            Weekdays = weekdays,
            RelativeDays = relative,
            Counts = counts,
            Pattern = new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture),
        };
    }

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
