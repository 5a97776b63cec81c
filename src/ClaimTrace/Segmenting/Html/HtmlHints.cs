using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>What a class name, id or link says about an element (data file <c>segmenting/html/hints.tsv</c>).</summary>
internal enum HintGroup
{
    ClassWeight,
    Unlikely,
    Byline,
    Share,
    CommentSection,
    CommentItem,
    CommentAuthor,
    Caption,
    Related,
    EditorNote,
    VideoHost,
    Dateline,
    Placeholder,
}

/// <summary>
/// Weighted regular-expression cues grouped by what they reveal. Each group is one alternation tried first,
/// so the common case (no cue matches) costs one regex pass.
/// </summary>
internal sealed class HtmlHints
{
    private static readonly Lazy<HtmlHints> Shipped = new(() => Load("segmenting/html/hints.tsv"));

    /// <summary>Pages repeat the same few class names thousands of times: each is matched once.</summary>
    private const int CacheLimit = 100_000;

    private readonly Group[] _groups;
    private int _cached;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(HintGroup, string), double> _cache = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(HintGroup, string), bool> _tokenCache = new();

    private HtmlHints(Group[] groups) => _groups = groups;

    public static HtmlHints Default => Shipped.Value;

    public static HtmlHints Load(string relativePath)
    {
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;
        var cues = Enum.GetValues<HintGroup>().ToDictionary(g => g, _ => new List<(double, string)>());
        foreach (var line in DataFiles.ReadLines(relativePath))
        {
            var columns = line.Split('\t', 3);
            if (columns.Length != 3
                || !TryGroup(columns[0], out var group)
                || !double.TryParse(columns[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                throw new FormatException($"{relativePath}: expected 'group<TAB>weight<TAB>pattern' but found '{line}'.");
            }

            cues[group].Add((weight, columns[2]));
        }

        var groups = new Group[cues.Count];
        foreach (var (group, list) in cues)
        {
            var patterns = list.Select(c => (c.Item1, new Regex(c.Item2, options))).ToArray();
            var any = list.Count == 0
                ? null
                : new Regex(string.Join('|', list.Select(c => "(?:" + c.Item2 + ")")), options);
            groups[(int)group] = new Group(patterns, any);
        }

        return new HtmlHints(groups);
    }

    /// <summary>The summed weight of the group's cues that match <paramref name="value"/>.</summary>
    public double Score(HintGroup group, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return 0;
        if (_cache.TryGetValue((group, value), out var cached))
            return cached;
        var score = Compute(group, value);
        Remember(_cache, (group, value), score);
        return score;
    }

    private double Compute(HintGroup group, string value)
    {
        var g = _groups[(int)group];
        if (g.Any is null || !g.Any.IsMatch(value))
            return 0;
        var total = 0.0;
        foreach (var (weight, pattern) in g.Patterns)
        {
            if (pattern.IsMatch(value))
                total += weight;
        }

        return total;
    }

    public bool Matches(HintGroup group, string? value) => Score(group, value) > 0;

    /// <summary>Whether any single class token of the element, or its id, matches the group.</summary>
    public bool MatchesToken(HintGroup group, HtmlNode element)
    {
        if (Matches(group, element.Id))
            return true;
        var classes = element.ClassName;
        if (string.IsNullOrEmpty(classes))
            return false;
        if (_tokenCache.TryGetValue((group, classes), out var known))
            return known;
        var matches = AnyToken(group, classes);
        Remember(_tokenCache, (group, classes), matches);
        return matches;
    }

    /// <summary>Adds to a cache, emptying it first when full (a long-running process sees endless class names).</summary>
    private void Remember<T>(System.Collections.Concurrent.ConcurrentDictionary<(HintGroup, string), T> cache, (HintGroup, string) key, T value)
    {
        // ConcurrentDictionary.Count takes every lock: an approximate counter keeps the check cheap.
        if (Interlocked.Increment(ref _cached) > CacheLimit)
        {
            Interlocked.Exchange(ref _cached, 0);
            cache.Clear();
        }

        cache.TryAdd(key, value);
    }

    private bool AnyToken(HintGroup group, string classes)
    {
        foreach (var token in classes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Matches(group, token))
                return true;
        }

        return false;
    }

    private static bool TryGroup(string name, out HintGroup group)
    {
        var pascal = string.Concat(name.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
        return Enum.TryParse(pascal, ignoreCase: false, out group);
    }

    private sealed record Group((double Weight, Regex Pattern)[] Patterns, Regex? Any);
}
