using System.IO.Compression;
using System.Text;

namespace ClaimTrace.Tests;

[Collection(HeavyReadingCollection.Name)]
public sealed class WarcPageReaderTests
{
    private const string Article = "<!doctype html><html><head><title>Syria</title></head><body><p>“96.5%” retaken</p></body></html>";

    private static List<ReadResult> Read(byte[] warc, string source = "crawl.warc.gz", ReadingOptions? options = null) =>
        new WarcPageReader(options ?? ReadingOptions.Default).ReadAll(source, warc);

    private static WarcBuilder ThreeArticles() => new WarcBuilder()
        .Warcinfo()
        .Html("https://southfront.org/one", Article.Replace("Syria", "One", StringComparison.Ordinal))
        .Html("https://southfront.org/two", Article.Replace("Syria", "Two", StringComparison.Ordinal))
        .Html("https://southfront.org/three", Article.Replace("Syria", "Three", StringComparison.Ordinal));

    [Fact]
    public void Html_responses_become_pages_and_other_records_are_skipped_silently()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 };
        var warc = new WarcBuilder()
            .Warcinfo()
            .Record("request", "https://southfront.org/a", "application/http; msgtype=request", "GET /a HTTP/1.1\r\nHost: southfront.org\r\n\r\n"u8.ToArray())
            .Html("https://southfront.org/a", Article, "text/html; charset=ISO-8859-1")
            .Response("https://southfront.org/logo.png", $"HTTP/1.1 200 OK\nContent-Type: image/png\nContent-Length: {png.Length}\n", png)
            .Response("https://southfront.org/gone", "HTTP/1.1 404 Not Found\nContent-Type: text/html\n", "<html>gone</html>"u8.ToArray())
            .Record("metadata", "https://southfront.org/a", "application/warc-fields", "via: x\r\n"u8.ToArray())
            .Plain();
        var results = Read(warc, "crawl.warc");
        var page = Assert.Single(results).Page!;
        Assert.Equal("crawl.warc#record=3", page.Source);
        Assert.Equal(Encoding.UTF8.GetBytes(Article), page.Bytes);
        Assert.Equal(PageFormat.Html, page.Format);
        Assert.Equal("ISO-8859-1", page.DeclaredCharset);
        Assert.Equal(new MetaValue("https://southfront.org/a", "container:warc"), page.Container.Url);
        Assert.Equal("2018-12-12T10:00:00Z", page.Container.ScrapedAt!.Value);
        Assert.Empty(page.Warnings);
    }

    [Fact]
    public void A_declared_charset_that_lies_about_utf8_content_still_decodes_without_mojibake()
    {
        var page = Read(new WarcBuilder().Html("https://x.org/", Article, "text/html; charset=ISO-8859-1").Plain(), "x.warc").Pages().Single();
        var decoded = ReadingHelpers.DecodeOk(page);
        Assert.Equal(Article, decoded.Text);
        Assert.Equal("utf-8", decoded.Encoding);
    }

    [Fact]
    public void Warc_1_1_records_and_angle_bracketed_uris_are_read()
    {
        var warc = new WarcBuilder().Response("<https://x.org/a>", "HTTP/1.1 200 OK\nContent-Type: application/xhtml+xml\n", Encoding.UTF8.GetBytes(Article), "WARC/1.1").Plain();
        var page = Assert.Single(Read(warc, "x.warc")).Page!;
        Assert.Equal("https://x.org/a", page.Container.Url!.Value);
    }

    [Fact]
    public void One_gzip_member_per_record_and_one_member_for_the_whole_file_read_alike()
    {
        var builder = ThreeArticles();
        foreach (var bytes in new[] { builder.GzipPerRecord(), builder.GzipWhole(), builder.Plain() })
        {
            var results = Read(bytes);
            Assert.Empty(results.Failures());
            Assert.Equal(["crawl.warc.gz#record=2", "crawl.warc.gz#record=3", "crawl.warc.gz#record=4"], results.Pages().Select(p => p.Source));
            Assert.Equal("https://southfront.org/three", results.Pages()[2].Container.Url!.Value);
        }
    }

    [Fact]
    public void A_truncated_warc_gz_yields_the_records_before_the_cut_then_one_truncation_failure_wherever_the_cut_falls()
    {
        var full = ThreeArticles().GzipPerRecord(out var starts);
        for (var cut = 2; cut < full.Length; cut++) // a single byte cannot be told from non-gzip
        {
            if (starts.Contains(cut))
                continue;
            var member = starts.Count(s => s < cut) - 1; // the member the cut falls in holds record member + 1
            var results = Read(full[..cut]);
            var failure = Assert.Single(results.Failures());
            Assert.True(failure.Kind == FailureKind.Truncated, $"cut at {cut} of {full.Length}: {failure}");
            Assert.Same(failure, results[^1].Failure);

            // Records before the cut member are all kept. A cut in a member's trailer leaves its record whole:
            // that one is kept too, and the loss is reported after it.
            var memberEnd = member + 1 < starts.Count ? starts[member + 1] : full.Length;
            var failing = int.Parse(failure.Source[(failure.Source.LastIndexOf('=') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(failing == member + 1 || (failing == member + 2 && cut >= memberEnd - 12), $"cut at {cut} in member {member}: {failure}");
            Assert.Equal(Math.Max(0, failing - 2), results.Pages().Count); // the warcinfo record gives no page
            Assert.StartsWith($"record {failing} at byte ", failure.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_truncated_single_member_warc_gz_also_ends_with_one_truncation_failure()
    {
        var full = ThreeArticles().GzipWhole();
        for (var cut = 2; cut < full.Length; cut++)
        {
            var results = Read(full[..cut]);
            var failure = Assert.Single(results.Failures());
            Assert.True(failure.Kind == FailureKind.Truncated, $"cut at {cut} of {full.Length}: {failure}");
            Assert.Same(failure, results[^1].Failure);
        }
    }

    [Fact]
    public void A_warc_gz_cut_between_members_is_simply_shorter()
    {
        var full = ThreeArticles().GzipPerRecord(out var starts);
        var results = Read(full[..(int)starts[^1]]);
        Assert.Empty(results.Failures());
        Assert.Equal(2, results.Pages().Count);
    }

    [Fact]
    public void A_truncated_plain_warc_names_the_record_and_how_much_of_it_arrived()
    {
        var full = ThreeArticles().Plain();
        var results = Read(full[..^100], "crawl.warc");
        Assert.Equal(2, results.Pages().Count);
        var failure = results[^1].Failure!;
        Assert.Equal(FailureKind.Truncated, failure.Kind);
        Assert.Matches(@"^record 4 at byte \d+: the file ends after \d+ of the record's \d+ bytes; it looks truncated$", failure.Reason);
    }

    [Fact]
    public void Chunked_and_gzip_encoded_payloads_are_decoded()
    {
        var gz = WarcBuilder.Gzip(Encoding.UTF8.GetBytes(Article));
        var chunked = WarcBuilder.Concat(
            Encoding.ASCII.GetBytes($"{20:x}\r\n"), gz[..20], "\r\n"u8.ToArray(),
            Encoding.ASCII.GetBytes($"{gz.Length - 20:x};ext=1\r\n"), gz[20..], "\r\n0\r\n\r\n"u8.ToArray());
        var warc = new WarcBuilder()
            .Response("https://x.org/c", "HTTP/1.1 200 OK\nContent-Type: text/html; charset=\"utf-8\"\nTransfer-Encoding: chunked\nContent-Encoding: gzip\n", chunked)
            .GzipPerRecord();
        var page = Assert.Single(Read(warc)).Page!;
        Assert.Equal(Article, Encoding.UTF8.GetString(page.Bytes!));
        Assert.Equal("utf-8", page.DeclaredCharset);
        Assert.Empty(page.Warnings);
    }

    [Fact]
    public void Headers_claiming_codings_the_stored_body_does_not_have_are_warned_about_and_the_body_kept()
    {
        var warc = new WarcBuilder()
            .Response("https://x.org/d", "HTTP/1.1 200 OK\nContent-Type: text/html\nTransfer-Encoding: chunked\nContent-Encoding: gzip\n", Encoding.UTF8.GetBytes(Article))
            .Plain();
        var page = Assert.Single(Read(warc, "x.warc")).Page!;
        Assert.Equal(Article, Encoding.UTF8.GetString(page.Bytes!));
        Assert.Equal(2, page.Warnings.Count);
    }

    [Fact]
    public void An_unsupported_content_encoding_fails_that_record_only()
    {
        var warc = new WarcBuilder()
            .Response("https://x.org/z", "HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: zstd\n", [1, 2, 3])
            .Html("https://x.org/ok", Article)
            .Plain();
        var results = Read(warc, "x.warc");
        Assert.Equal(FailureKind.Unsupported, results[0].Failure!.Kind);
        Assert.Equal("record 1 at byte 0: Content-Encoding 'zstd' is not supported", results[0].Failure!.Reason);
        Assert.Equal("https://x.org/ok", results[1].Page!.Container.Url!.Value);
    }

    [Fact]
    public void Garbage_between_records_is_reported_and_reading_resumes_at_the_next_record()
    {
        var warc = new WarcBuilder()
            .Html("https://x.org/1", Article)
            .Raw("this is not a WARC record\r\nnor is this\r\n\r\n"u8.ToArray())
            .Html("https://x.org/2", Article)
            .Plain();
        var results = Read(warc, "x.warc");
        Assert.Equal(3, results.Count);
        Assert.Equal(FailureKind.Malformed, results[1].Failure!.Kind);
        Assert.Contains("found 'this is not a WARC record'; skipped to the next record", results[1].Failure!.Reason, StringComparison.Ordinal);
        Assert.Equal("x.warc#record=3", results[2].Page!.Source);
    }

    [Fact]
    public void A_response_larger_than_the_record_limit_fails_and_the_next_is_read()
    {
        var options = new ReadingOptions { MaxRecordBytes = 4096 };
        var big = "<html>" + new string('x', 10_000) + "</html>";
        var warc = new WarcBuilder().Html("https://x.org/big", big).Html("https://x.org/small", Article).GzipPerRecord();
        var results = Read(warc, options: options);
        Assert.Equal(FailureKind.TooLarge, results[0].Failure!.Kind);
        Assert.Contains("over the 4 KB record limit", results[0].Failure!.Reason, StringComparison.Ordinal);
        Assert.Equal("https://x.org/small", results[1].Page!.Container.Url!.Value);
    }

    [Fact]
    public void A_response_without_content_type_is_kept_only_when_its_body_looks_like_html()
    {
        var warc = new WarcBuilder()
            .Response("https://x.org/html", "HTTP/1.1 200 OK\n", Encoding.UTF8.GetBytes(Article))
            .Response("https://x.org/json", "HTTP/1.1 200 OK\n", "{\"a\":1}"u8.ToArray())
            .Plain();
        var page = Assert.Single(Read(warc, "x.warc")).Page!;
        Assert.Equal("https://x.org/html", page.Container.Url!.Value);
    }

    [Fact]
    public void A_file_that_is_not_a_warc_fails_once()
    {
        var failure = Assert.Single(Read(WarcBuilder.Gzip("<html>not a warc</html>"u8.ToArray()))).Failure!;
        Assert.Equal(FailureKind.Malformed, failure.Kind);
        Assert.StartsWith("record 1 at byte 0 (uncompressed): expected a WARC/1.0 or WARC/1.1 line, found '<html>not a warc</html>'", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_gzip_data_ends_the_file_with_one_failure_after_the_good_records()
    {
        var full = ThreeArticles().GzipPerRecord(out var starts);
        var corrupt = (byte[])full.Clone();
        for (var i = (int)starts[^1] + 12; i < (int)starts[^1] + 40; i++)
            corrupt[i] ^= 0x5A;
        var results = Read(corrupt);
        Assert.Equal(2, results.Pages().Count);
        var failure = Assert.Single(results.Failures());
        Assert.True(failure.Kind is FailureKind.Malformed or FailureKind.Truncated, failure.ToString());
        Assert.StartsWith("record 4 at byte", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_stream_one_at_a_time_from_a_pipe()
    {
        var builder = new WarcBuilder();
        for (var i = 0; i < 200; i++)
            builder.Html($"https://x.org/{i}", Article + new string(' ', 2000));
        var bytes = builder.GzipPerRecord();
        using var counting = new CountingStream(ReadingHelpers.Pipe(bytes));
        using var results = new WarcPageReader(ReadingOptions.Default).Read("stdin", counting).GetEnumerator();
        Assert.True(results.MoveNext());
        Assert.Equal("https://x.org/0", results.Current.Page!.Container.Url!.Value);
        Assert.True(counting.BytesRead < bytes.Length / 4, $"{counting.BytesRead} of {bytes.Length} bytes read for the first record");
        var count = 1;
        while (results.MoveNext())
            count++;
        Assert.Equal(200, count);
    }

    private sealed class CountingStream(Stream inner) : ForwardReadStream
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
