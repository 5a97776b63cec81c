using System.Text;

namespace ClaimTrace.Tests;

public sealed class PageMessageTests
{
    [Fact]
    public void A_page_travels_with_its_bytes_format_charset_metadata_and_repairs()
    {
        var raw = new RawPage
        {
            Source = "crawl.warc.gz#record=7",
            Bytes = Encoding.Latin1.GetBytes("<p>caf\u00e9 96.5%</p>"),
            Format = PageFormat.Html,
            DeclaredCharset = "iso-8859-1",
            Container = new PageMetadata { Url = new MetaValue("https://example.org/a", "warc:target-uri"), Outlet = new MetaValue("Example", "container:csv") },
            Warnings = ["a cell was not UTF-8"],
        };

        var back = PageMessage.Read(PageMessage.Write(ReadResult.Ok(raw))).Page!;

        Assert.Equal(raw.Source, back.Source);
        Assert.Equal(raw.Bytes, back.Bytes);
        Assert.Null(back.Text);
        Assert.Equal(raw.Format, back.Format);
        Assert.Equal(raw.DeclaredCharset, back.DeclaredCharset);
        Assert.Equal(raw.Container, back.Container);
        Assert.Equal(raw.Warnings, back.Warnings);
    }

    [Fact]
    public void A_text_page_and_a_read_failure_travel_too()
    {
        var text = PageMessage.Read(PageMessage.Write(ReadResult.Ok(new RawPage { Source = "a.txt", Text = "nul\0 and 😀" }))).Page!;
        var failure = PageMessage.Read(PageMessage.Write(ReadResult.Fail("b.csv", "row 3", FailureKind.Encoding, "not UTF-8"))).Failure!;

        Assert.Equal("nul\0 and 😀", text.Text);
        Assert.Null(text.Format);
        Assert.Equal(new ReadFailure("b.csv", "row 3", FailureKind.Encoding, "not UTF-8"), failure);
    }

    [Theory]
    [InlineData("", "not a ClaimTrace page")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"shape\":2,\"source\":\"a\",\"text\":\"x\"}", "shape is not 1")]
    [InlineData("{\"shape\":1,\"text\":\"x\"}", "no 'source'")]
    [InlineData("{\"shape\":1,\"source\":\"a\"}", "neither bytes nor text")]
    [InlineData("{\"shape\":1,\"source\":\"a\",\"text\":\"x\",\"format\":\"pdf\"}", "unknown format 'pdf'")]
    [InlineData("{\"shape\":1,\"source\":\"a\",\"bytes\":\"***\"}", "not base64")]
    public void A_message_that_is_not_a_page_is_refused_saying_why(string message, string why)
    {
        var error = Assert.Throws<FormatException>(() => PageMessage.Read(Encoding.UTF8.GetBytes(message)));

        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }
}
