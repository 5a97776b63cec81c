using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ClaimTrace;

/// <summary>How one page's extraction compares with Readability.js's reviewed output.</summary>
/// <param name="TitleMatch">null when the expected metadata gives no title (likewise for byline and published)</param>
public sealed record ReadabilityCase(
    string Name,
    double Precision,
    double Recall,
    double F1,
    bool? TitleMatch,
    bool? BylineMatch,
    bool? PublishedMatch,
    string? Title,
    string? ExpectedTitle,
    string? Author,
    string? ExpectedByline,
    string? Published,
    string? ExpectedPublished,
    string? Error);

/// <summary>Per-case scores, their means, and the segmenter's throughput over the run.</summary>
public sealed record ReadabilityReport(
    IReadOnlyList<ReadabilityCase> Cases,
    double MeanPrecision,
    double MeanRecall,
    double MeanF1,
    FieldAgreement Title,
    FieldAgreement Byline,
    FieldAgreement Published,
    IReadOnlyList<string> Failures,
    TimeSpan SegmentTime,
    long MarkupCharacters)
{
    public double PagesPerSecond => SegmentTime.TotalSeconds > 0 ? Cases.Count / SegmentTime.TotalSeconds : 0;

    public string Summary()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Cases.Count} pages: mean precision {MeanPrecision:F3}, recall {MeanRecall:F3}, F1 {MeanF1:F3}\n");
        text.Append(CultureInfo.InvariantCulture, $"title {Title}, byline {Byline}, published {Published}\n");
        text.Append(CultureInfo.InvariantCulture, $"segmenting: {SegmentTime.TotalMilliseconds:F0} ms, {PagesPerSecond:F0} pages/s, {MarkupCharacters / Math.Max(1, Cases.Count) / 1000} K chars of markup a page\n");
        foreach (var failure in Failures)
            text.Append("failed: ").Append(failure).Append('\n');
        return text.ToString();
    }
}

/// <summary>How often a metadata field agrees with the expected value, over the cases that give one.</summary>
public sealed record FieldAgreement(int Matched, int Expected)
{
    public double Rate => Expected == 0 ? 1 : (double)Matched / Expected;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Matched}/{Expected} ({Rate:P0})");
}

/// <summary>
/// Runs a segmenter over a folder of Readability test cases (each subfolder holds <c>source.html</c>,
/// <c>expected.html</c> and <c>expected-metadata.json</c>) and scores the main text it extracts (the text of
/// its article, caption and editor's-note segments, in page order) against the visible text of
/// <c>expected.html</c>. The measure is precision, recall and F1 over word 4-gram shingles: words are runs of
/// letters and digits, lowercased, and shingles are compared as SETS (a repeated passage counts once), so
/// the score asks "was this stretch of text found", not "how many times". A text under four words is one
/// shingle. Title, byline and published date are compared with the expected metadata where it has them.
/// A case that throws scores F1 0 and is listed in <see cref="ReadabilityReport.Failures"/>.
/// </summary>
public static class ReadabilityComparison
{
    private const int ShingleSize = 4;
    private static readonly SegmentKind[] MainKinds = [SegmentKind.Article, SegmentKind.Caption, SegmentKind.EditorNote];

    public static ReadabilityReport Run(string folder, IPageSegmenter segmenter)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        var cases = new List<ReadabilityCase>();
        var failures = new List<string>();
        var clock = new Stopwatch();
        long markup = 0;
        foreach (var dir in Directory.GetDirectories(folder).OrderBy(d => d, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            var sourcePath = Path.Combine(dir, "source.html");
            var expectedPath = Path.Combine(dir, "expected.html");
            if (!File.Exists(sourcePath) || !File.Exists(expectedPath))
                continue;
            try
            {
                var source = File.ReadAllText(sourcePath);
                markup += source.Length;
                clock.Start();
                var page = segmenter.Segment(sourcePath, source, PageMetadata.Empty);
                clock.Stop();
                cases.Add(Score(name, page, File.ReadAllText(expectedPath), ReadExpectedMetadata(Path.Combine(dir, "expected-metadata.json"))));
            }
#pragma warning disable CA1031 // A page that breaks the segmenter is a finding to report, not a reason to stop the run.
            catch (Exception e)
#pragma warning restore CA1031
            {
                clock.Stop();
                failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
                cases.Add(new ReadabilityCase(name, 0, 0, 0, null, null, null, null, null, null, null, null, null, e.Message));
            }
        }

        double Mean(Func<ReadabilityCase, double> f) => cases.Count == 0 ? 0 : cases.Average(f);
        FieldAgreement Agreement(Func<ReadabilityCase, bool?> f) => new(cases.Count(c => f(c) == true), cases.Count(c => f(c) is not null));
        return new ReadabilityReport(
            cases,
            Mean(c => c.Precision),
            Mean(c => c.Recall),
            Mean(c => c.F1),
            Agreement(c => c.TitleMatch),
            Agreement(c => c.BylineMatch),
            Agreement(c => c.PublishedMatch),
            failures,
            clock.Elapsed,
            markup);
    }

    /// <summary>The main text of a segmented page: article, caption and editor's-note segments, each stretch once, in order.</summary>
    public static string MainText(SegmentedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var spans = page.Segments.Where(s => MainKinds.Contains(s.Kind)).Select(s => (s.Start, s.End)).OrderBy(s => s.Start).ToList();
        var text = new StringBuilder();
        var covered = 0;
        foreach (var (start, end) in spans)
        {
            var from = Math.Max(start, covered);
            if (end <= from)
                continue;
            text.Append(page.Text, from, end - from).Append('\n');
            covered = end;
        }

        return text.ToString();
    }

    /// <summary>The visible text of an HTML fragment, rendered as the segmenter renders pages.</summary>
    public static string VisibleText(string html) => HtmlTextRenderer.Render(HtmlParser.Parse(html));

    public static (double Precision, double Recall, double F1) Overlap(string extracted, string expected)
    {
        var found = Shingles(extracted);
        var wanted = Shingles(expected);
        if (found.Count == 0 && wanted.Count == 0)
            return (1, 1, 1);
        if (found.Count == 0 || wanted.Count == 0)
            return (0, 0, 0);
        var common = found.Count(wanted.Contains);
        var precision = (double)common / found.Count;
        var recall = (double)common / wanted.Count;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1);
    }

    public static HashSet<string> Shingles(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
                i++;
            list.Add(text[start..i].ToLowerInvariant());
        }

        var words = list.ToArray();
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        if (words.Length > 0 && words.Length < ShingleSize)
            shingles.Add(string.Join(' ', words));
        for (var k = 0; k + ShingleSize <= words.Length; k++)
            shingles.Add(string.Join(' ', words, k, ShingleSize));
        return shingles;
    }

    private static ReadabilityCase Score(string name, SegmentedPage page, string expectedHtml, ExpectedMetadata expected)
    {
        var (precision, recall, f1) = Overlap(MainText(page), VisibleText(expectedHtml));
        var meta = page.Metadata;
        return new ReadabilityCase(
            name,
            precision,
            recall,
            f1,
            expected.Title is null ? null : SameTitle(meta.Title?.Value, expected.Title),
            expected.Byline is null ? null : SameName(meta.Author?.Value, expected.Byline),
            expected.Published is null ? null : SameDate(meta.Published?.Value, expected.Published),
            meta.Title?.Value,
            expected.Title,
            meta.Author?.Value,
            expected.Byline,
            meta.Published?.Value,
            expected.Published,
            null);
    }

    private static IEnumerable<string> SplitWords(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
            yield return word.ToString();
    }

    /// <summary>Same words, or one title is the other plus a site name before or after it.</summary>
    internal static bool SameTitle(string? actual, string expected)
    {
        if (actual is null)
            return false;
        var a = string.Join(' ', SplitWords(actual));
        var e = string.Join(' ', SplitWords(expected));
        if (a.Length == 0 || e.Length == 0)
            return a == e;
        if (a == e)
            return true;
        var (shorter, longer) = a.Length < e.Length ? (a, e) : (e, a);
        return shorter.Split(' ').Length >= 2 && (longer.StartsWith(shorter + " ", StringComparison.Ordinal) || longer.EndsWith(" " + shorter, StringComparison.Ordinal));
    }

    /// <summary>Same name words, or one names the other (a "By X" byline, "X, Reporter").</summary>
    internal static bool SameName(string? actual, string expected)
    {
        if (actual is null)
            return false;
        var a = " " + string.Join(' ', SplitWords(actual)) + " ";
        var e = " " + string.Join(' ', SplitWords(expected)) + " ";
        if (a.Trim().Length == 0 || e.Trim().Length == 0)
            return false;
        return a.Contains(e, StringComparison.Ordinal) || e.Contains(a, StringComparison.Ordinal);
    }

    /// <summary>Same calendar day (the time of day and zone are not compared).</summary>
    internal static bool SameDate(string? actual, string expected)
    {
        if (actual is null)
            return false;
        static string? Day(string value) =>
            DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
                ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : value.Length >= 10 ? value[..10] : null;
        return Day(actual) is { } a && a == Day(expected);
    }

    private sealed record ExpectedMetadata(string? Title, string? Byline, string? Published);

    private static ExpectedMetadata ReadExpectedMetadata(string path)
    {
        if (!File.Exists(path))
            return new ExpectedMetadata(null, null, null);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        string? Field(string name) =>
            json.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString() : null;
        return new ExpectedMetadata(Field("title"), Field("byline"), Field("publishedTime"));
    }
}
