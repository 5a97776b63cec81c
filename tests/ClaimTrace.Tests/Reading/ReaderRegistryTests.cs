namespace ClaimTrace.Tests;

public sealed class ReaderRegistryTests
{
    private static readonly ReaderRegistry Registry = ReaderRegistry.CreateDefault(ReadingOptions.Default);

    [Fact]
    public void The_formats_are_listed_in_a_fixed_order()
    {
        Assert.Equal(["txt", "html", "csv", "jsonl", "warc"], ReaderRegistry.Formats);
    }

    [Theory]
    [InlineData("a.txt", "txt")]
    [InlineData("a.TEXT", "txt")]
    [InlineData("notes.md", "txt")]
    [InlineData("x/y.html", "html")]
    [InlineData("y.htm", "html")]
    [InlineData("y.xhtml", "html")]
    [InlineData("data.csv", "csv")]
    [InlineData("feed.jsonl", "jsonl")]
    [InlineData("feed.ndjson", "jsonl")]
    [InlineData("crawl.warc", "warc")]
    [InlineData("crawl.WARC.GZ", "warc")]
    [InlineData("photo.png", null)]
    [InlineData("archive.tar.gz", null)]
    [InlineData("README", null)]
    public void Paths_map_to_formats_by_extension(string path, string? format)
    {
        Assert.Equal(format, ReaderRegistry.FormatOf(path));
        Assert.Equal(format is null, Registry.ForPath(path) is null);
        if (format is not null)
            Assert.Same(Registry.ForFormat(format), Registry.ForPath(path));
    }

    [Fact]
    public void Format_names_are_matched_without_case_and_with_common_aliases()
    {
        Assert.Same(Registry.ForFormat("jsonl"), Registry.ForFormat("NDJSON"));
        Assert.Same(Registry.ForFormat("warc"), Registry.ForFormat(".warc.gz"));
        Assert.Same(Registry.ForFormat("html"), Registry.ForFormat("htm"));
        Assert.Null(Registry.ForFormat("pdf"));
        Assert.IsType<CsvPageReader>(Registry.ForFormat("csv"));
        Assert.Equal(PageFormat.Html, Assert.IsType<PlainFileReader>(Registry.ForFormat("html")).Format);
    }

    [Fact]
    public void Limits_no_reader_can_honour_are_refused_when_the_registry_is_built()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReaderRegistry.CreateDefault(new ReadingOptions { MaxPageBytes = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReaderRegistry.CreateDefault(new ReadingOptions { MaxRecordBytes = -1 }));
    }
}
