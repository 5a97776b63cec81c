using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ClaimTrace;

/// <summary>
/// What a unit is filtered by, written into the word index beside its words as tokens of their own (SQLite: the
/// <c>tags</c> column of <c>search_text</c>; PostgreSQL: the <c>tags</c> tsvector), so the index intersects a
/// filter with the words as it does two words: a rare filter on a common word no longer walks thousands of units
/// through joins (stance on "government" looked at 25,000 units, 0.8 s, on the 100,000-page store). Tokens are
/// letters and digits only, start with a letter pair no word of the query can reach (the query's words are kept to
/// the text columns), and are one token to both indexes:
/// <list type="bullet">
/// <item>outlet, measure, place: a hash of the folded value (exact, of any length or script);</item>
/// <item>speaker: each beginning (three characters or more) of each folded word of a statement's speaker, name and
/// mention, so a filter word matches the words it begins as one token;</item>
/// <item>stance: the kind of a stance toward a statement in the unit;</item>
/// <item>date: the year, and the year and month (month 00 for a date of a year alone).</item>
/// </list>
/// The filters of <see cref="SearchRunner"/> stay the definition: a tag query may let through more than they do
/// (a date range is rounded out to whole months or years), never less, except where it is exact and stands in for a
/// join (<see cref="SearchTagQuery.SpeakerExact"/> and friends).
/// </summary>
internal static class SearchTags
{
    private const string OutletPrefix = "xo";
    private const string SpeakerPrefix = "xs";
    private const string StancePrefix = "xt";
    private const string MeasurePrefix = "xq";
    private const string PlacePrefix = "xp";
    private const string YearPrefix = "xy";
    private const string MonthPrefix = "xd";

    /// <summary>
    /// A speaker word is tagged with each of its beginnings of at least this many characters, so a filter word is one
    /// exact token: an index prefix query merges the postings of every token that begins so, in full, before the first
    /// hit ("trump*" among 159,000 units: 12 ms a query, against under 1 ms for the token). Shorter filter words are
    /// prefix queries.
    /// </summary>
    private const int ShortestBeginning = 3;

    /// <summary>A date range longer than this many years is not worth its tokens: the date filter alone decides.</summary>
    private const int MostYears = 40;

    /// <summary>The tags of a unit: <paramref name="statements"/> and <paramref name="quantities"/> are those inside it.</summary>
    public static List<string> Of(string? outlet, string? date, IEnumerable<Statement> statements, IEnumerable<Quantity> quantities, IEnumerable<StanceKind> stances)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        if (PageRow.FoldOutlet(outlet) is { } o)
            tags.Add(Hashed(OutletPrefix, o));
        foreach (var s in statements)
        {
            if (s.Speaker is { } sp)
            {
                foreach (var word in SearchTokens.Of(sp.Name + "\n" + sp.Written))
                    tags.UnionWith(Beginnings(word.Folded).Select(b => SpeakerPrefix + b));
            }
        }

        foreach (var q in quantities)
        {
            if (AnalysisWriter.Fold(q.Measure) is { } measure)
                tags.Add(Hashed(MeasurePrefix, measure));
            if (AnalysisWriter.Fold(q.Scope) is { } place)
                tags.Add(Hashed(PlacePrefix, place));
        }

        foreach (var stance in stances)
            tags.Add(StancePrefix + stance.ToWire());
        if (DateParts(date) is var (year, month))
        {
            tags.Add(YearPrefix + year.ToString("D4", CultureInfo.InvariantCulture));
            tags.Add(MonthPrefix + year.ToString("D4", CultureInfo.InvariantCulture) + month.ToString("D2", CultureInfo.InvariantCulture));
        }

        return [.. tags.Order(StringComparer.Ordinal)];
    }

    /// <summary>The tag query for the filters of <paramref name="query"/>; empty when none of them has tags.</summary>
    public static SearchTagQuery For(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var groups = new List<IReadOnlyList<SearchTag>>();
        if (PageRow.FoldOutlet(query.Outlet) is { } outlet)
            groups.Add([new SearchTag(Hashed(OutletPrefix, outlet), false)]);

        var speakerWords = AnalysisWriter.Fold(query.Speaker) is { } speaker ? SearchTokens.Of(speaker) : [];
        foreach (var word in speakerWords)
            groups.Add([new SearchTag(SpeakerPrefix + word.Folded, word.Folded.Length < ShortestBeginning)]);
        if (query.Stance is { } stance)
            groups.Add([new SearchTag(StancePrefix + stance.ToWire(), false)]);
        if (AnalysisWriter.Fold(query.Measure) is { } measure)
            groups.Add([new SearchTag(Hashed(MeasurePrefix, measure), false)]);
        if (AnalysisWriter.Fold(query.Place) is { } place)
            groups.Add([new SearchTag(Hashed(PlacePrefix, place), false)]);
        var dates = DateRange(query.From, query.To);
        if (dates is { Tags: var dateTags })
            groups.Add(dateTags);

        // One speaker word without a stance is what the speaker join would find: some statement in the unit has a
        // speaker with a word that begins so. Two words could come from two speakers, and a stance with a speaker
        // must be toward that speaker's statement: the join then checks the candidates.
        var speakerExact = speakerWords.Count == 1 && query.Stance is null && query.Speaker is not null;
        var stanceExact = query.Stance is not null && query.Speaker is null;
        var quantityExact = query.Measure is null != (query.Place is null);
        return new SearchTagQuery(groups)
        {
            SpeakerExact = speakerExact || stanceExact,
            QuantityExact = quantityExact,
            DateExact = dates is { Whole: true },
        };
    }

    /// <summary>
    /// Tokens for a date range: every month of it (and "month 00" of each year, for dates of a year alone) when it
    /// spans no more than two calendar years, else every year. Null when there is no lower bound or the range is
    /// too long or reversed: then only the date filter decides. <c>Whole</c>: the tokens are the filter exactly.
    /// </summary>
    private static (List<SearchTag> Tags, bool Whole)? DateRange(string? from, string? to)
    {
        if (DateParts(from) is not var (fromYear, fromMonth))
            return null;
        var (toYear, toMonth) = DateParts(to) ?? (DateTime.UtcNow.Year + 1, 12);
        if (toYear < fromYear || toYear - fromYear >= MostYears)
            return null;
        var tags = new List<SearchTag>();
        var months = toYear - fromYear <= 1;

        // The tags are the filter itself when both ends are given without a day, and a range of years is in whole years:
        // then no unit inside a tagged month or year falls outside the range.
        var whole = to is not null && from!.Length <= 7 && to.Length <= 7 && (months || fromMonth == 0 && toMonth == 0);
        if (months)
        {
            for (var year = fromYear; year <= toYear; year++)
            {
                var first = year == fromYear ? Math.Max(fromMonth, 1) : 1;
                var last = year == toYear && toMonth > 0 ? toMonth : 12;
                tags.Add(Month(year, 0));
                for (var month = first; month <= last; month++)
                    tags.Add(Month(year, month));
            }

            return (tags, whole);
        }

        for (var year = fromYear; year <= toYear; year++)
            tags.Add(new SearchTag(YearPrefix + year.ToString("D4", CultureInfo.InvariantCulture), false));
        return (tags, whole);
    }

    /// <summary>The word's beginnings from <see cref="ShortestBeginning"/> characters to the whole word, never splitting a surrogate pair.</summary>
    private static IEnumerable<string> Beginnings(string word)
    {
        for (var length = Math.Min(ShortestBeginning, word.Length); length < word.Length; length++)
        {
            if (!char.IsHighSurrogate(word[length - 1]))
                yield return word[..length];
        }

        yield return word;
    }

    private static SearchTag Month(int year, int month) =>
        new(MonthPrefix + year.ToString("D4", CultureInfo.InvariantCulture) + month.ToString("D2", CultureInfo.InvariantCulture), false);

    /// <summary>The year and month (0 when only the year is given) of an ISO date or date-time; null otherwise.</summary>
    private static (int Year, int Month)? DateParts(string? date)
    {
        if (date is null || date.Length < 4 || !int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            return null;
        if (date.Length >= 7 && date[4] == '-' && int.TryParse(date.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            return (year, month);
        return (year, 0);
    }

    /// <summary>A value of any length and script as one token: 64 bits of its SHA-256 (a collision in 2^32 values).</summary>
    private static string Hashed(string prefix, string value)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), hash);
        return prefix + Convert.ToHexStringLower(hash[..8]);
    }
}

/// <summary>A token of <see cref="SearchTags"/>; <see cref="Prefix"/> when it matches every tag that begins so.</summary>
internal readonly record struct SearchTag(string Token, bool Prefix);

/// <summary>
/// Tags a unit must have: one of each group. <see cref="SpeakerExact"/>: the tags find exactly the units the speaker
/// and stance filters do, so the join over statements can be left out; <see cref="QuantityExact"/> the same for
/// measure and place over quantities; <see cref="DateExact"/> for the date range. The outlet's tag is always exact.
/// </summary>
internal sealed record SearchTagQuery(IReadOnlyList<IReadOnlyList<SearchTag>> Groups)
{
    public bool DateExact { get; init; }

    public static SearchTagQuery None { get; } = new([]);

    public bool IsEmpty => Groups.Count == 0;

    public bool SpeakerExact { get; init; }

    public bool QuantityExact { get; init; }
}
