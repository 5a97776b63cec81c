using System.Text;

namespace ClaimTrace.Tests;

[Collection(HeavyReadingCollection.Name)]
public sealed class PlainFileReaderTests
{
    private static readonly ReadingOptions Options = ReadingOptions.Default;

    [Fact]
    public void A_file_becomes_one_page_with_its_bytes_untouched_and_the_format_of_its_reader()
    {
        var bytes = Encoding.UTF8.GetBytes("Title\r\n\r\nBody “text”.\n");
        var page = Assert.Single(new PlainFileReader(PageFormat.Text, Options).ReadAll("a.txt", bytes)).Page!;
        Assert.Equal("a.txt", page.Source);
        Assert.Equal(bytes, page.Bytes);
        Assert.Null(page.Text);
        Assert.Equal(PageFormat.Text, page.Format);
        Assert.Same(PageMetadata.Empty, page.Container);
    }

    [Fact]
    public void An_empty_file_fails_as_empty()
    {
        var failure = Assert.Single(new PlainFileReader(PageFormat.Html, Options).ReadAll("e.html", [])).Failure!;
        Assert.Equal(new ReadFailure("e.html", null, FailureKind.Empty, "empty (0 bytes)"), failure);
    }

    [Fact]
    public void Deeply_nested_and_unclosed_html_passes_through_as_bytes()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div><span><b>", 20_000)) + "unclosed <p>text <!-- never closed";
        var bytes = Encoding.UTF8.GetBytes(html);
        var page = Assert.Single(new PlainFileReader(PageFormat.Html, Options).ReadAll("deep.html", bytes)).Page!;
        Assert.Equal(bytes, page.Bytes);
        Assert.Equal(PageFormat.Html, page.Format);
        Assert.Equal(html, ReadingHelpers.DecodeOk(page).Text);
    }

    [Fact]
    public void A_binary_file_is_read_and_then_refused_by_the_decoder()
    {
        byte[] pdf = [.. "%PDF-1.7\n"u8, 0, 1, 2, 3, 0xFF, 0xFE];
        var page = Assert.Single(new PlainFileReader(PageFormat.Text, Options).ReadAll("paper.txt", pdf)).Page!;
        var decoded = TextDecoder.Decode(page);
        Assert.Equal(FailureKind.Binary, decoded.Kind);
        Assert.Equal("paper.txt: looks binary (a PDF document)", decoded.ToFailure(page.Source).ToString());
    }

    [Fact]
    public void A_50_MB_single_line_file_is_too_large_by_default_and_reads_once_the_limit_is_raised()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "huge.txt");
        const int size = 50 * 1024 * 1024;
        using (var file = File.Create(path))
        {
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("claim ", 1024 * 1024 / 6 + 1))[..(1024 * 1024)]);
            for (var i = 0; i < size / chunk.Length; i++)
                file.Write(chunk);
        }

        List<ReadResult> Read(ReadingOptions options)
        {
            using var stream = File.OpenRead(path);
            return [.. new PlainFileReader(PageFormat.Text, options).Read(path, stream)];
        }

        var failure = Assert.Single(Read(ReadingOptions.Default)).Failure!;
        Assert.Equal(FailureKind.TooLarge, failure.Kind);
        Assert.Equal("50 MB is over the 20 MB page limit (ReadingOptions.MaxPageBytes = 20971520)", failure.Reason);

        var page = Assert.Single(Read(new ReadingOptions { MaxPageBytes = 64 * 1024 * 1024 })).Page!;
        Assert.Equal(size, page.Bytes!.Length);
    }

    [Fact]
    public void A_pipe_longer_than_the_limit_is_too_large_without_being_held_whole()
    {
        var options = new ReadingOptions { MaxPageBytes = 10_000 };
        using var pipe = ReadingHelpers.Pipe(new byte[50_000]);
        var failure = Assert.Single(new PlainFileReader(null, options).Read("stdin", pipe)).Failure!;
        Assert.Equal(FailureKind.TooLarge, failure.Kind);
        Assert.StartsWith("more than 9.8 KB, over the 9.8 KB page limit", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_error_becomes_an_io_failure_instead_of_an_exception()
    {
        using var broken = new FailingStream(afterBytes: 100);
        var failure = Assert.Single(new PlainFileReader(PageFormat.Text, Options).Read("bad.txt", broken)).Failure!;
        Assert.Equal(FailureKind.Io, failure.Kind);
        Assert.Contains("disk on fire", failure.Reason, StringComparison.Ordinal);
    }
}

/// <summary>A stream whose device fails after some bytes, as a bad disk or a dropped network mount does.</summary>
internal sealed class FailingStream(int afterBytes) : ForwardReadStream
{
    private int _given;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_given >= afterBytes)
            throw new IOException("disk on fire");
        var n = Math.Min(count, afterBytes - _given);
        Array.Fill(buffer, (byte)'{', offset, n);
        _given += n;
        return n;
    }

}
