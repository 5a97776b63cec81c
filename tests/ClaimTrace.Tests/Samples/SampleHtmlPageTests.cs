using System.Text.Json;

namespace ClaimTrace.Tests;

/// <summary>
/// The sample's HTML pages through the whole pipeline (reader, decoder, HTML segmenter) against the gold in
/// samples/expected.json: metadata, and the comment threads by author, depth and reply. The gold's line numbers
/// for HTML pages count source lines, so threads are compared by author order and depth, not by line.
/// </summary>
public sealed class SampleHtmlPageTests(ITestOutputHelper output)
{
    private static string Folder => Path.Combine(Corpus.RepositoryRoot, "samples");

    public static TheoryData<string> HtmlPages()
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json")));
        var data = new TheoryData<string>();
        foreach (var doc in gold.RootElement.GetProperty("documents").EnumerateArray())
        {
            var file = doc.GetProperty("file").GetString()!;
            if (file.EndsWith(".html", StringComparison.Ordinal))
                data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HtmlPages))]
    public void Each_html_sample_has_the_gold_title_outlet_author_dates_and_original_source(string file)
    {
        var (page, gold) = Process(file);
        var problems = new List<string>();
        Check("title", gold, page.Metadata.Title, problems);
        Check("outlet", gold, page.Metadata.Outlet, problems);
        Check("author", gold, page.Metadata.Author, problems);
        Check("published", gold, page.Metadata.Published, problems);
        Check("original_source", gold, page.Metadata.OriginalSource, problems);
        foreach (var problem in problems)
            output.WriteLine(problem);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [MemberData(nameof(HtmlPages))]
    public void Each_html_sample_has_the_gold_comment_thread(string file)
    {
        var (page, gold) = Process(file);
        if (!gold.TryGetProperty("comment_threads", out var thread))
        {
            Assert.Empty(page.Comments);
            return;
        }

        var authors = thread.GetProperty("authors_in_order").EnumerateArray().Select(a => a.GetString()).ToList();
        var depths = thread.GetProperty("depths").EnumerateArray().Select(d => d.GetInt32()).ToList();
        Assert.Equal(authors, page.Comments.Select(c => c.Author).ToList());
        Assert.Equal(depths, page.Comments.Select(c => c.Depth).ToList());
        foreach (var comment in page.Comments.Where(c => c.Depth > 0))
            Assert.Equal(comment.Depth - 1, page.Comments[comment.ReplyTo!.Value].Depth);
        var spam = thread.GetProperty("spam").EnumerateArray().Select(s => s.GetProperty("author").GetString()).ToList();
        Assert.Equal(spam, page.Comments.Where(c => c.LikelySpam).Select(c => c.Author).ToList());
    }

    [Fact]
    public void A_title_made_of_markup_is_kept_as_literal_text()
    {
        var (page, _) = Process("10-newsharbor-script-title.html");
        Assert.Equal("<script>alert(1)</script>", page.Metadata.Title?.Value);
        Assert.Contains("<script>alert(1)</script>", page.Text, StringComparison.Ordinal);
    }

    private static (Page Page, JsonElement Gold) Process(string file)
    {
        var path = Path.Combine(Folder, file);
        var raw = Pipelines.CreateWalker(ReadingOptions.Default, () => Stream.Null).Read([path], null).Single();
        var outcome = Pipelines.CreateProcessor().Process(raw.Page!);
        Assert.True(outcome.Page is not null, $"{file}: {outcome.Failure}");
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json")));
        var doc = gold.RootElement.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("file").GetString() == file);
        return (outcome.Page, doc.Clone());
    }

    private static void Check(string field, JsonElement gold, MetaValue? found, List<string> problems)
    {
        if (!gold.TryGetProperty(field, out var want) || want.ValueKind != JsonValueKind.String)
            return;
        var expected = want.GetString()!;
        var value = found?.Value;
        // Dates are compared by day: the gold gives the day, the page a full timestamp.
        var same = field == "published"
            ? value is not null && value.StartsWith(expected, StringComparison.Ordinal)
            : string.Equals(expected, value?.Trim(), StringComparison.OrdinalIgnoreCase);
        if (!same)
            problems.Add($"{field}: expected '{expected}', found '{value ?? "(none)"}' ({found?.Origin ?? "no origin"})");
    }
}
