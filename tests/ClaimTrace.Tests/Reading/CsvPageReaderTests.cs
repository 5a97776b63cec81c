using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

[Collection(HeavyReadingCollection.Name)]
public sealed class CsvPageReaderTests
{
    private static List<ReadResult> Read(string csv, ReadingOptions? options = null) =>
        new CsvPageReader(options ?? ReadingOptions.Default).ReadAll("news.csv", csv);

    [Fact]
    public void Each_row_becomes_a_page_with_its_content_as_text_and_the_columns_as_container_metadata()
    {
        const string csv = "id,Domain,TYPE,url,Content,scraped_at,Title,authors,Published,extra\n"
            + "7,southfront.org,bias,https://southfront.org/a,\"Syria, retaken.\",2018-01-25 16:17:44.789555,Headline,\"Ann, Bob\",\"December 12, 2018\",x\n";
        var page = Assert.Single(Read(csv)).Page!;
        Assert.Equal("news.csv#row=1", page.Source);
        Assert.Equal("Syria, retaken.", page.Text);
        Assert.Null(page.Bytes);
        Assert.Null(page.Format);
        var meta = page.Container;
        Assert.Equal(new MetaValue("southfront.org", "container:csv"), meta.Outlet);
        Assert.Equal("https://southfront.org/a", meta.Url!.Value);
        Assert.Equal("Headline", meta.Title!.Value);
        Assert.Equal("Ann, Bob", meta.Author!.Value);
        Assert.Equal("2018-12-12", meta.Published!.Value);
        Assert.Equal("2018-01-25T16:17:44.789555", meta.ScrapedAt!.Value);
        Assert.True(meta.Title.FromContainer);
        Assert.Empty(page.Warnings);
    }

    [Fact]
    public void Quoted_content_keeps_its_line_breaks_commas_and_doubled_quotes()
    {
        const string content = "First paragraph, with a comma.\r\n\r\nHe said \"\"96.5%\"\".\nLast line.";
        var csv = $"title,content\r\nT1,\"{content}\"\r\nT2,plain\r\n";
        var pages = Read(csv).Pages();
        Assert.Equal(2, pages.Count);
        Assert.Equal(content.Replace("\"\"", "\"", StringComparison.Ordinal), pages[0].Text);
        Assert.Equal("plain", pages[1].Text);
        Assert.Equal("news.csv#row=2", pages[1].Source);
    }

    [Fact]
    public void A_row_without_content_fails_and_the_next_row_is_read()
    {
        var results = Read("content,title\nfirst,A\n  ,B\nthird,C\n");
        Assert.Equal(3, results.Count);
        var failure = results[1].Failure!;
        Assert.Equal(FailureKind.Empty, failure.Kind);
        Assert.Equal("row 2: no content", failure.Reason);
        Assert.Equal("news.csv#row=2", failure.Source);
        Assert.Equal("line 3", failure.Location);
        Assert.Equal("third", results[2].Page!.Text);
    }

    [Fact]
    public void A_quote_that_never_closes_keeps_the_rows_before_and_names_its_row_and_line()
    {
        var results = Read("content,title\nok one,A\n\"ok\ntwo\",B\n\"broken,C\nmore text\nand more\n");
        Assert.Equal(["ok one", "ok\ntwo"], results.Pages().Select(p => p.Text));
        var failure = results[^1].Failure!;
        Assert.Equal(FailureKind.Malformed, failure.Kind);
        Assert.Equal("news.csv#row=3", failure.Source);
        Assert.Equal("line 5", failure.Location);
        Assert.StartsWith("row 3: a quote opened on line 5 is never closed", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_fails_for_want_of_a_header()
    {
        var failure = Assert.Single(Read("")).Failure!;
        Assert.Equal(new ReadFailure("news.csv", null, FailureKind.Empty, "empty: no header row"), failure);
    }

    [Fact]
    public void A_binary_file_fails_once_as_binary()
    {
        byte[] image = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, .. "JFIF"u8, 0, 1, (byte)',', (byte)'\n'];
        var failure = Assert.Single(new CsvPageReader(ReadingOptions.Default).ReadAll("photo.csv", image)).Failure!;
        Assert.Equal(new ReadFailure("photo.csv", null, FailureKind.Binary, "looks binary (a JPEG image)"), failure);
    }

    [Fact]
    public void A_header_without_a_content_column_names_what_it_has()
    {
        var failure = Assert.Single(Read("id,title,url\n1,a,b\n")).Failure!;
        Assert.Equal(FailureKind.Malformed, failure.Kind);
        Assert.StartsWith("no content column (expected one of content, text, body", failure.Reason, StringComparison.Ordinal);
        Assert.EndsWith("the header has: id, title, url", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_alone_gives_no_pages_and_no_failures()
    {
        Assert.Empty(Read("content,title\r\n"));
    }

    [Fact]
    public void A_cell_that_is_not_utf8_is_decoded_as_windows_1252_with_a_warning()
    {
        var bytes = WarcBuilder.Concat("content,title\n"u8.ToArray(), CodePages.Strict(1252).GetBytes("\u201cQuoted\u201d claim,Caf\u00e9\n"));
        var page = Assert.Single(new CsvPageReader(ReadingOptions.Default).ReadAll("old.csv", bytes)).Page!;
        Assert.Equal("\u201cQuoted\u201d claim", page.Text);
        Assert.Equal("windows-1252", page.DeclaredCharset);
        Assert.Equal("Caf\u00e9", page.Container.Title!.Value);
        Assert.Contains("content: not valid UTF-8 at byte 0; decoded as windows-1252", page.Warnings);
        Assert.Contains("title: not valid UTF-8 at byte 3; the stray bytes decoded as windows-1252", page.Warnings);
        Assert.Equal("windows-1252", ReadingHelpers.DecodeOk(page).Encoding);
    }

    [Fact]
    public void A_utf16_file_with_a_bom_is_read_like_utf8()
    {
        var encoding = new UnicodeEncoding(false, true);
        var bytes = WarcBuilder.Concat(encoding.GetPreamble(), encoding.GetBytes("text,domain\n\"Мир, “да”\",rt.com\n"));
        var page = Assert.Single(new CsvPageReader(ReadingOptions.Default).ReadAll("wide.csv", bytes)).Page!;
        Assert.Equal("Мир, “да”", page.Text);
        Assert.Equal("rt.com", page.Container.Outlet!.Value);
    }

    [Fact]
    public void A_row_larger_than_the_record_limit_fails_and_the_next_row_is_read()
    {
        var options = new ReadingOptions { MaxRecordBytes = 1000 };
        var results = Read($"content\n\"{new string('x', 5000)}\"\nsmall\n", options);
        Assert.Equal(FailureKind.TooLarge, results[0].Failure!.Kind);
        Assert.StartsWith("row 1: 4.9 KB is over the 1000 bytes record limit", results[0].Failure!.Reason, StringComparison.Ordinal);
        Assert.Equal("small", results[1].Page!.Text);
    }

    [Fact]
    public void When_several_columns_name_one_field_the_first_listed_name_wins()
    {
        var page = Assert.Single(Read("site,source,domain,body,text\nS,Src,example.com,the body,the text\n")).Page!;
        Assert.Equal("example.com", page.Container.Outlet!.Value);
        Assert.Equal("the text", page.Text);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_kept_with_a_warning()
    {
        var page = Assert.Single(Read("content\n\"quoted\" tail\n")).Page!;
        Assert.Equal("quoted tail", page.Text);
        Assert.Contains("a cell has text after its closing quote; kept as part of the cell", page.Warnings);
    }

    [Fact]
    public void Any_table_written_as_rfc_4180_parses_back_to_the_same_cells_whatever_the_buffer_size()
    {
        var cell = Gen.Elements("", "a", "b c", ",", "\"", "\r\n", "\n", "“x”", "\r", "  ").ArrayOf().Select(string.Concat);
        var table = Gen.Choose(1, 4).SelectMany(width => cell.ArrayOf(width).NonEmptyListOf());
        Prop.ForAll(Arb.From(Gen.Zip(table, Gen.Choose(1, 17))), input =>
        {
            var (rows, bufferSize) = input;
            var csv = string.Concat(rows.Select(r => string.Join(",", r.Select(Quote)) + "\r\n"));
            var parser = new CsvRecordParser(new ByteReader(new MemoryStream(Encoding.UTF8.GetBytes(csv)), bufferSize), 1 << 20);
            var record = new CsvRecord();
            foreach (var row in rows)
            {
                if (parser.Next(record) != CsvStatus.Record || record.CellCount != row.Length)
                    return false;
                for (var i = 0; i < row.Length; i++)
                {
                    if (Encoding.UTF8.GetString(record.Cell(i)) != row[i])
                        return false;
                }
            }

            return parser.Next(record) == CsvStatus.End;
        }).QuickCheckThrowOnFailure();

        static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    [Fact]
    public void The_fakenewscorpus_sample_reads_fully_with_its_multi_line_articles()
    {
        var path = Corpus.Require("fakenewscorpus-sample", "news_sample.csv");
        using var stream = File.OpenRead(path);
        var results = new CsvPageReader(ReadingOptions.Default).Read(path, stream).ToList();
        Assert.Empty(results.Failures());
        var pages = results.Pages();
        Assert.Equal(250, pages.Count);
        Assert.Equal($"{path}#row=250", pages[^1].Source);
        Assert.True(pages.Count(p => p.Text!.Contains('\n', StringComparison.Ordinal)) > 200);
        Assert.All(pages, p => Assert.False(string.IsNullOrWhiteSpace(p.Text)));
        Assert.All(pages, p => Assert.NotNull(p.Container.Outlet));
        Assert.All(pages, p => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", p.Container.ScrapedAt!.Value));
        var first = pages[0];
        Assert.Equal("awm.com", first.Container.Outlet!.Value);
        Assert.StartsWith("http://awm.com/church-congregation", first.Container.Url!.Value, StringComparison.Ordinal);
        Assert.Equal("Ruth Harris", first.Container.Author!.Value);
        Assert.StartsWith("Sometimes the power of Christmas", first.Text, StringComparison.Ordinal);
    }
}
