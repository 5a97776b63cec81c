using System.Text;

namespace ClaimTrace.Tests;

public sealed class SourceWalkerTests
{
    private static SourceWalker Walker(Func<Stream>? stdin = null) =>
        new(ReaderRegistry.CreateDefault(ReadingOptions.Default), ReadingOptions.Default, stdin ?? (() => Stream.Null));

    private static string Rel(TempFolder temp, string source) =>
        source.StartsWith(temp.Path, StringComparison.Ordinal) ? source[(temp.Path.Length + 1)..].Replace('\\', '/') : source;

    [Fact]
    public void A_folder_of_mixed_files_is_walked_recursively_in_ordinal_order_skipping_hidden_and_unknown_files()
    {
        using var temp = new TempFolder();
        temp.Write("b.html", "<html><body>b</body></html>");
        temp.Write("a.txt", "a text");
        temp.Write("B.txt", "capital B");
        temp.Write("c.csv", "content,title\nrow one,T1\nrow two,T2\n");
        temp.Write("d.jsonl", "{\"text\":\"line one\"}\n");
        temp.Write("e.warc.gz", new WarcBuilder().Html("https://x.org/e", "<html>e</html>").GzipPerRecord());
        temp.Write("sub/f.md", "# f");
        temp.Write("sub/deeper/g.htm", "<p>g</p>");
        temp.Write("a-sub/h.text", "h");
        temp.Write(".hidden.txt", "hidden");
        temp.Write(".git/config.txt", "hidden folder");
        temp.Write("photo.PNG", [0x89, 0x50]);
        temp.Write("paper.pdf", "%PDF");
        temp.Write("README", "no extension");
        temp.Write("sub/other.pdf", "%PDF");

        var walker = Walker();
        var results = walker.Read([temp.Path], null).ToList();

        Assert.Empty(results.Failures());
        Assert.Equal(
            ["B.txt", "a-sub/h.text", "a.txt", "b.html", "c.csv#row=1", "c.csv#row=2", "d.jsonl#line=1", "e.warc.gz#record=1", "sub/deeper/g.htm", "sub/f.md"],
            results.Pages().Select(p => Rel(temp, p.Source)));
        Assert.Equal(PageFormat.Text, results.Pages()[0].Format);
        Assert.Equal(PageFormat.Html, results.Pages()[3].Format);
        Assert.Equal(4, walker.Skipped.Total);
        Assert.Equal(new Dictionary<string, int> { ["(none)"] = 1, [".pdf"] = 2, [".png"] = 1 }, walker.Skipped.ByExtension);
        Assert.Equal("4 files skipped (1 (none), 2 .pdf, 1 .png)", walker.Skipped.ToString());
    }

    [Fact]
    public void A_missing_path_fails_as_not_found_and_the_other_paths_are_still_read()
    {
        using var temp = new TempFolder();
        var real = temp.Write("real.txt", "here");
        var missing = Path.Combine(temp.Path, "nope.txt");
        var results = Walker().Read([missing, real], null).ToList();
        Assert.Equal(new ReadFailure(missing, null, FailureKind.NotFound, "no such file or folder"), results[0].Failure);
        Assert.Equal(real, results[1].Page!.Source);
    }

    [Theory]
    [InlineData("{\"text\":\"from a pipe\"}\n{\"text\":\"second\"}\n", "stdin#line=1", null)]
    [InlineData("  <html><body>page</body></html>", "stdin", null)]
    [InlineData("plain words", "stdin", null)]
    public void Stdin_is_sniffed_and_named_stdin(string input, string firstSource, PageFormat? format)
    {
        var results = Walker(() => ReadingHelpers.Pipe(Encoding.UTF8.GetBytes(input))).Read(["-"], null).ToList();
        var page = results[0].Page!;
        Assert.Equal(firstSource, page.Source);
        Assert.Equal(format, page.Format);
    }

    [Fact]
    public void Stdin_holding_a_warc_plain_or_gzipped_is_read_as_one()
    {
        var builder = new WarcBuilder().Warcinfo().Html("https://x.org/s", "<html>s</html>");
        foreach (var bytes in new[] { builder.Plain(), builder.GzipPerRecord() })
        {
            var page = Assert.Single(Walker(() => ReadingHelpers.Pipe(bytes)).Read(["-"], null)).Page!;
            Assert.Equal("stdin#record=2", page.Source);
            Assert.Equal("https://x.org/s", page.Container.Url!.Value);
        }
    }

    [Fact]
    public void A_forced_format_applies_to_every_input_including_stdin()
    {
        using var temp = new TempFolder();
        var csv = temp.Write("data.csv", "content\nx\n");
        var results = Walker(() => ReadingHelpers.Pipe("{\"text\":\"not sniffed\"}"u8.ToArray())).Read([csv, "-"], "TXT").ToList();
        Assert.Equal([csv, "stdin"], results.Pages().Select(p => p.Source));
        Assert.All(results.Pages(), p => Assert.Equal(PageFormat.Text, p.Format));
    }

    [Fact]
    public void An_unknown_forced_format_fails_each_input_as_unsupported()
    {
        var failures = Walker().Read(["a", "-"], "pdf").Failures();
        Assert.Equal(["a", "stdin"], failures.Select(f => f.Source));
        Assert.All(failures, f => Assert.Equal("unknown format 'pdf' (known: txt, html, csv, jsonl, warc)", f.Reason));
        Assert.All(failures, f => Assert.Equal(FailureKind.Unsupported, f.Kind));
    }

    [Fact]
    public void A_file_with_an_unknown_extension_named_explicitly_is_sniffed_instead_of_skipped()
    {
        using var temp = new TempFolder();
        var page = temp.Write("article.php", "<html><body>x</body></html>");
        var feed = temp.Write("feed.json", "{\"body\":\"b\"}\n");
        var results = Walker().Read([page, feed], null).ToList();
        Assert.Equal(page, results[0].Page!.Source);
        Assert.Null(results[0].Page!.Format);
        Assert.Equal(feed + "#line=1", results[1].Page!.Source);
    }

    [Fact]
    public void An_empty_stdin_fails_as_empty()
    {
        var failure = Assert.Single(Walker(() => new MemoryStream()).Read(["-"], null)).Failure!;
        Assert.Equal(new ReadFailure("stdin", null, FailureKind.Empty, "empty (0 bytes)"), failure);
    }

    [Fact]
    public void Stdin_that_cannot_be_opened_is_an_io_failure()
    {
        var failure = Assert.Single(Walker(() => throw new IOException("closed")).Read(["-"], null)).Failure!;
        Assert.Equal(FailureKind.Io, failure.Kind);
        Assert.Equal("stdin", failure.Source);
    }
}
