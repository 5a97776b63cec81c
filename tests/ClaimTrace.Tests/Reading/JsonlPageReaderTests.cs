using System.Text;

namespace ClaimTrace.Tests;

[Collection(HeavyReadingCollection.Name)]
public sealed class JsonlPageReaderTests
{
    private static List<ReadResult> Read(string jsonl, ReadingOptions? options = null) =>
        new JsonlPageReader(options ?? ReadingOptions.Default).ReadAll("feed.jsonl", jsonl);

    [Fact]
    public void Each_line_becomes_a_page_with_the_known_fields_as_container_metadata()
    {
        const string line = """{"ID":"x1","date":"2012-05-24","source":"CNN (Web News)","url":"http://cnn.com/a","authors":["Ann Lee","Bob Roe"],"title":"Romney","content_original":"Body “text”\n\nmore","story_key":"2012-05-24|elections","count":3}""";
        var page = Assert.Single(Read(line + "\n")).Page!;
        Assert.Equal("feed.jsonl#line=1", page.Source);
        Assert.Equal("Body “text”\n\nmore", page.Text);
        Assert.Null(page.Format);
        Assert.Equal(new MetaValue("CNN (Web News)", "container:jsonl"), page.Container.Outlet);
        Assert.Equal("http://cnn.com/a", page.Container.Url!.Value);
        Assert.Equal("Ann Lee, Bob Roe", page.Container.Author!.Value);
        Assert.Equal("2012-05-24", page.Container.Published!.Value);
        Assert.Equal("Romney", page.Container.Title!.Value);
        Assert.Empty(page.Warnings);
    }

    [Fact]
    public void A_line_that_is_not_json_fails_with_its_number_and_the_next_line_is_read()
    {
        var results = Read("{\"text\":\"one\"}\nthis is not json\n{\"text\":\"three\"}\n");
        Assert.Equal(3, results.Count);
        var failure = results[1].Failure!;
        Assert.Equal(FailureKind.Malformed, failure.Kind);
        Assert.Equal("feed.jsonl#line=2", failure.Source);
        Assert.Equal("byte 15", failure.Location);
        Assert.StartsWith("line 2: not valid JSON (at column 2: ", failure.Reason, StringComparison.Ordinal);
        Assert.Equal("three", results[2].Page!.Text);
    }

    [Fact]
    public void A_lone_surrogate_escape_becomes_a_replacement_character_with_a_warning()
    {
        var page = Assert.Single(Read("{\"text\":\"emoji half \\ud83d here\",\"title\":\"t \\udc00\"}")).Page!;
        Assert.Equal("emoji half \uFFFD here", page.Text);
        Assert.Equal("t \uFFFD", page.Container.Title!.Value);
        Assert.Contains("content: 1 lone surrogate escape replaced with U+FFFD (the first at character 11)", page.Warnings);
        Assert.Contains("title: 1 lone surrogate escape replaced with U+FFFD (the first at character 2)", page.Warnings);
        Assert.False(ReadingHelpers.HasLoneSurrogate(page.Text!));
        Assert.Contains("lone surrogate", ReadingHelpers.DecodeOk(page).Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paired_surrogate_escape_is_kept_as_the_character_it_encodes()
    {
        var page = Assert.Single(Read("{\"text\":\"smile \\ud83d\\ude00 \\u201cq\\u201d\"}")).Page!;
        Assert.Equal("smile 😀 “q”", page.Text);
        Assert.Empty(page.Warnings);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_inside_a_string_are_repaired_with_a_warning()
    {
        byte[] line = [.. "{\"text\":\"caf"u8, 0xE9, .. " \\u00e9 ok\"}"u8];
        var page = Assert.Single(new JsonlPageReader(ReadingOptions.Default).ReadAll("x.jsonl", line)).Page!;
        Assert.Equal("café é ok", page.Text);
        Assert.Contains("content: 1 byte not valid UTF-8 decoded as windows-1252", page.Warnings);
    }

    [Fact]
    public void An_empty_file_gives_nothing_to_read()
    {
        Assert.Empty(Read(""));
        Assert.Empty(Read("\n\n"));
    }

    [Fact]
    public void A_binary_file_fails_once_instead_of_once_per_line()
    {
        var gz = WarcBuilder.Gzip(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"text\":\"x\"}\n", 1000))));
        var failure = Assert.Single(new JsonlPageReader(ReadingOptions.Default).ReadAll("feed.jsonl", gz)).Failure!;
        Assert.Equal(new ReadFailure("feed.jsonl", null, FailureKind.Binary, "looks binary (gzip-compressed data)"), failure);

        var random = new byte[20_000];
        new Random(3).NextBytes(random);
        var noise = Assert.Single(new JsonlPageReader(ReadingOptions.Default).ReadAll("noise.jsonl", random)).Failure!;
        Assert.Equal(FailureKind.Binary, noise.Kind);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_still_counted()
    {
        var results = Read("\n{\"body\":\"a\"}\r\n   \n{\"body\":\"b\"}");
        Assert.Equal(["feed.jsonl#line=2", "feed.jsonl#line=4"], results.Pages().Select(p => p.Source));
    }

    [Fact]
    public void A_line_that_is_not_an_object_or_has_two_values_or_no_content_fails_for_that_reason()
    {
        var failures = Read("[1,2]\n{\"text\":\"a\"} {\"text\":\"b\"}\n{\"title\":\"no body\",\"text\":\"  \"}\n\"str\"\n").Failures();
        Assert.Equal(
            [
                "line 1: expected a JSON object, found an array",
                "line 2: more than one JSON value on the line",
                "line 3: no content",
                "line 4: expected a JSON object, found a string",
            ],
            failures.Select(f => f.Reason));
        Assert.Equal(FailureKind.Empty, failures[2].Kind);
    }

    [Fact]
    public void Numbers_nested_objects_and_nulls_are_read_sensibly()
    {
        var page = Assert.Single(Read("""{"text":"t","published":20180101,"scraped_at":1527000000,"author":{"name":"Jane","id":4},"url":null,"title":["a",["skip"],{"name":"b"}]}""")).Page!;
        Assert.Equal("2018-01-01", page.Container.Published!.Value);
        Assert.Equal("1527000000", page.Container.ScrapedAt!.Value);
        Assert.Equal("Jane", page.Container.Author!.Value);
        Assert.Null(page.Container.Url);
        Assert.Equal("a, b", page.Container.Title!.Value);
    }

    [Fact]
    public void Content_given_as_an_array_of_paragraphs_is_joined_by_blank_lines()
    {
        var page = Assert.Single(Read("""{"content":["First.","Second.",3,"Third."]}""")).Page!;
        Assert.Equal("First.\n\nSecond.\n\nThird.", page.Text);
    }

    [Fact]
    public void A_line_longer_than_the_record_limit_fails_and_the_next_line_is_read()
    {
        var options = new ReadingOptions { MaxRecordBytes = 100 };
        var results = Read($"{{\"text\":\"{new string('x', 500)}\"}}\n{{\"text\":\"ok\"}}\n", options);
        Assert.Equal(FailureKind.TooLarge, results[0].Failure!.Kind);
        Assert.StartsWith("line 1: 511 bytes is over the 100 bytes record limit", results[0].Failure!.Reason, StringComparison.Ordinal);
        Assert.Equal("ok", results[1].Page!.Text);
    }

    [Fact]
    public void A_read_error_mid_file_keeps_the_lines_before_and_ends_with_an_io_failure()
    {
        var good = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"text\":\"fine\"}\n", 1000)));
        using var stream = new ChainedStream(new MemoryStream(good), new FailingStream(0));
        var results = new JsonlPageReader(ReadingOptions.Default).Read("f.jsonl", stream).ToList();
        Assert.Equal(1000, results.Pages().Count);
        Assert.Equal(FailureKind.Io, Assert.Single(results.Failures()).Kind);
        Assert.Same(results.Failures()[0], results[^1].Failure);
    }

    [Fact]
    public void The_whole_allsides_file_reads_one_page_per_line()
    {
        var path = Corpus.Require("allsides", "allsides-dev.jsonl");
        var lines = File.ReadLines(path, Encoding.UTF8).Count(l => l.Trim().Length > 0);
        using var stream = File.OpenRead(path);
        var results = new JsonlPageReader(ReadingOptions.Default).Read(path, stream).ToList();
        Assert.Empty(results.Failures());
        var pages = results.Pages();
        Assert.Equal(lines, pages.Count);
        Assert.All(pages, p => Assert.NotNull(p.Container.Outlet));
        Assert.All(pages, p => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", p.Container.Published!.Value));
        Assert.All(pages, p => Assert.False(ReadingHelpers.HasLoneSurrogate(p.Text!)));
    }
}

/// <summary>One stream after another, as one.</summary>
internal sealed class ChainedStream(Stream first, Stream second) : ForwardReadStream
{
    private bool _onSecond;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (!_onSecond)
        {
            var n = first.Read(buffer, offset, count);
            if (n > 0)
                return n;
            _onSecond = true;
        }

        return second.Read(buffer, offset, count);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            first.Dispose();
            second.Dispose();
        }

        base.Dispose(disposing);
    }
}
