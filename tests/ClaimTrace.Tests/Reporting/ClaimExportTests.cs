using System.Text;
using System.Text.Json;

namespace ClaimTrace.Tests;

public sealed class ClaimExportTests
{
    [Fact]
    public void A_csv_field_is_quoted_only_when_it_holds_a_comma_quote_or_line_break()
    {
        Assert.Equal("plain", ClaimExport.Csv("plain"));
        Assert.Equal("", ClaimExport.Csv(null));
        Assert.Equal("\"1,411 settlements\"", ClaimExport.Csv("1,411 settlements"));
        Assert.Equal("\"say \"\"no\"\"\"", ClaimExport.Csv("say \"no\""));
        Assert.Equal("\"two\r\nlines\"", ClaimExport.Csv("two\r\nlines"));
        Assert.Equal("\"one\nline\"", ClaimExport.Csv("one\nline"));
    }

    [Fact]
    public void The_seeds_csv_has_a_row_per_report_and_every_row_has_the_header_s_columns()
    {
        var corpus = SeedDossier.Corpus;
        var writer = new StringWriter();
        ClaimExport.WriteCsv(corpus, writer);

        var rows = ParseCsv(writer.ToString());
        Assert.Equal(ClaimExport.CsvColumns, rows[0]);
        Assert.Equal(corpus.Result.Claims.Sum(c => c.Reports.Count), rows.Count - 1);
        Assert.All(rows, r => Assert.Equal(ClaimExport.CsvColumns.Count, r.Count));
        var sentence = ClaimExport.CsvColumns.ToList().IndexOf("sentence");
        Assert.Contains(rows, r => r[sentence].Contains("96.5", StringComparison.Ordinal) && r[sentence].Contains(',', StringComparison.Ordinal));
    }

    [Fact]
    public void The_seeds_json_lines_hold_one_claim_per_line_with_its_reports_and_conflicts()
    {
        var corpus = SeedDossier.Corpus;
        using var stream = new MemoryStream();
        ClaimExport.WriteJsonLines(corpus, stream);

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(corpus.Result.Claims.Count, lines.Length);
        var docs = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var revised = Assert.Single(docs, d => d.GetProperty("measure").GetString() == "territory.government_control.share" && d.GetProperty("value").GetDouble() == 96.5);
        Assert.Contains(revised.GetProperty("conflicts").EnumerateArray(), c => c.GetProperty("kind").GetString() == "dispute" && c.GetProperty("evidence").GetString() == "It remains unclear how");
        Assert.Equal(4, revised.GetProperty("reports").GetArrayLength());
    }

    [Fact]
    public void The_seeds_claimreview_json_ld_parses_and_has_the_schema_org_fields()
    {
        var corpus = SeedDossier.Corpus;
        using var stream = new MemoryStream();
        ClaimReviewJsonLd.Write(corpus, stream);

        using var doc = JsonDocument.Parse(stream.ToArray());
        Assert.Equal("https://schema.org", doc.RootElement.GetProperty("@context").GetString());
        var reviews = doc.RootElement.GetProperty("@graph").EnumerateArray().ToList();
        Assert.Equal(corpus.Result.Claims.Count, reviews.Count);
        Assert.All(reviews, r =>
        {
            Assert.Equal("ClaimReview", r.GetProperty("@type").GetString());
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("claimReviewed").GetString()));
            var item = r.GetProperty("itemReviewed");
            Assert.Equal("Claim", item.GetProperty("@type").GetString());
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("author").GetProperty("name").GetString()));
            Assert.True(item.GetProperty("appearance").GetArrayLength() >= 1);
            Assert.Equal("Rating", r.GetProperty("reviewRating").GetProperty("@type").GetString());
        });

        var control = Assert.Single(reviews, r => r.GetProperty("claimReviewed").GetString()!.Contains("96.5% of Syria is under government control", StringComparison.Ordinal));
        var author = control.GetProperty("itemReviewed").GetProperty("author");
        Assert.Equal(("Person", "Mikhail Mizintsev", "Russian Defense Ministry"),
            (author.GetProperty("@type").GetString(), author.GetProperty("name").GetString(), author.GetProperty("worksFor").GetProperty("name").GetString()));
        var first = control.GetProperty("itemReviewed").GetProperty("firstAppearance");
        Assert.Equal("Global Research", first.GetProperty("publisher").GetProperty("name").GetString());
        Assert.StartsWith("Disputed", control.GetProperty("reviewRating").GetProperty("alternateName").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_count_an_outlet_that_carries_a_disputed_claim_without_flagging_it()
    {
        var rows = SourceSummary.Of(SeedDossier.Corpus);

        var sheeple = Assert.Single(rows, r => r.Outlet == "The Daily Sheeple");
        Assert.True(sheeple.DisputedUnflagged >= 1);
        var southFront = Assert.Single(rows, r => r.Outlet == "South Front");
        Assert.Equal(0, southFront.DisputedUnflagged);
        Assert.True(southFront.FlagsRaised >= 1);
        Assert.Equal(1, Assert.Single(rows, r => r.Outlet == "Global Research").Copies.GetValueOrDefault("South Front"));
    }

    /// <summary>An RFC 4180 reader, independent of the writer, to check what a spreadsheet would see.</summary>
    internal static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    (field, i) = (field.Append('"'), i + 1);
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
