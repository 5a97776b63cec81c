namespace ClaimTrace.Tests;

public sealed class DossierHtmlTests
{
    private const string Attack = "<script>alert(1)</script>";

    private static LinkedCorpus Hostile() => SeedDossier.Link(
    [
        LinkingText.Page(
            "javascript:alert(1)",
            $"Syria update.\n\nColonel General Mikhail Mizintsev said on Tuesday that {Attack} more than 96.5% of Syria's territory has been retaken.\n",
            "2018-12-12",
            Attack),
    ]);

    [Fact]
    public void A_claim_whose_sentence_and_outlet_hold_a_script_tag_renders_it_as_inert_text()
    {
        var corpus = Hostile();
        Assert.NotEmpty(corpus.Result.Claims);

        var html = DossierHtml.Render(Dossier.For(corpus, ""));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Only_http_and_https_addresses_become_links()
    {
        Assert.Equal("https://southfront.org/a", DossierHtml.SafeUrl("https://southfront.org/a"));
        Assert.Null(DossierHtml.SafeUrl("javascript:alert(1)"));
        Assert.Null(DossierHtml.SafeUrl("data:text/html,<b>x</b>"));
        Assert.Null(DossierHtml.SafeUrl("/relative/path"));
    }

    [Fact]
    public void The_seeds_dossier_on_territory_tells_the_claims_in_words_with_chart_reports_disputes_and_copies()
    {
        var html = DossierHtml.Render(Dossier.For(SeedDossier.Corpus, "territory"));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Russian Defense Ministry said 100% of Syria is free of the armed group (6\u20138 Dec 2017)", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
        Assert.Contains("It remains unclear how", html, StringComparison.Ordinal);
        Assert.Contains("Who copied whom", html, StringComparison.Ordinal);
        Assert.Contains("South Front", html, StringComparison.Ordinal);
        // Self-contained: nothing loaded from elsewhere, nothing to run.
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_are_written_no_more_precisely_than_known()
    {
        Assert.Equal("6 Dec 2017", ClaimWords.Date("2017-12-06"));
        Assert.Equal("Sep 2017", ClaimWords.Date("2017-09"));
        Assert.Equal("2011", ClaimWords.Date("2011"));
        Assert.Equal("11 Dec (year unknown)", ClaimWords.Date("--12-11"));
        Assert.Equal("6\u20138 Dec 2017", ClaimWords.Date("2017-12-06..2017-12-08"));
        Assert.Equal("1 Jan 2018 \u2013 12 Dec 2018", ClaimWords.Date("2018-01-01..2018-12-12"));
    }
}
