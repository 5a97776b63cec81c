using System.Globalization;
using ClaimTrace.Web;

namespace ClaimTrace.Tests;

/// <summary>The claim dossier (<c>/claims/{id}</c>) and the claims list (<c>/claims</c>) over the seeds.</summary>
public sealed class ClaimPageTests(SeedSite site) : IClassFixture<SeedSite>
{
    [Fact]
    public void The_timeline_chart_draws_85_before_96_5_with_a_hover_title_naming_speaker_value_date_and_outlet()
    {
        var doc = Dom.Parse(ClaimPage.Render(site.Mizintsev.Id, site.Corpus));

        var chart = doc.QuerySelector("svg[data-testid=timeline-chart]");
        Assert.NotNull(chart);
        var points = chart.QuerySelectorAll("[data-value]")
            .Select(p => (Value: double.Parse(p.GetAttribute("data-value")!, CultureInfo.InvariantCulture), X: double.Parse(p.GetAttribute("data-x")!, CultureInfo.InvariantCulture), Title: p.QuerySelector("title")?.TextContent ?? ""))
            .OrderBy(p => p.X)
            .ToList();
        var order = points.Select(p => p.Value).Where(v => v is 85 or 96.5).ToList();
        Assert.True(order.IndexOf(85) >= 0 && order.IndexOf(85) < order.LastIndexOf(96.5), string.Join(", ", order));
        var hover = points.Last(p => p.Value == 96.5).Title;
        Assert.Contains("Mizintsev", hover, StringComparison.Ordinal);
        Assert.Contains("96.5%", hover, StringComparison.Ordinal);
        Assert.Contains("11 Dec 2018", hover, StringComparison.Ordinal);
        Assert.Contains("South Front", hover, StringComparison.Ordinal);
        Assert.NotEmpty(chart.QuerySelectorAll("circle.disputed"));
    }

    [Fact]
    public void Every_report_names_its_outlet_and_date_and_quotes_the_sentence_with_the_figure_marked_linking_to_its_place()
    {
        var claim = site.Mizintsev;
        var doc = Dom.Parse(ClaimPage.Render(claim.Id, site.Corpus));

        var reports = doc.QuerySelectorAll("[data-testid=report]");
        Assert.Equal(claim.Reports.Count, reports.Length);
        Assert.Equal(["Global Research", "South Front"], reports.Select(r => r.QuerySelector(".outlet")!.TextContent).Distinct().Order(StringComparer.Ordinal));
        foreach (var (report, element) in claim.Reports.Zip(reports))
        {
            Assert.Contains(report.Date is null ? "no date" : ClaimWords.Date(report.Date), element.QuerySelector(".report-meta")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(site.Corpus.Pages[report.PageId].Page.Text[report.Evidence.Start..report.Evidence.End], element.QuerySelector("q mark.number")!.TextContent);
            Assert.Equal($"/documents/{report.PageId}#s{report.Evidence.Start}", element.QuerySelector(".note a")!.GetAttribute("href"));
        }
    }

    [Fact]
    public void The_disputes_and_the_revision_from_85_are_listed_with_their_evidence()
    {
        var doc = Dom.Parse(ClaimPage.Render(site.Mizintsev.Id, site.Corpus));

        var conflicts = doc.QuerySelectorAll("[data-testid=conflict]");
        Assert.Equal(2, conflicts.Count(c => c.GetAttribute("data-kind") == "dispute"));
        Assert.Contains(conflicts, c => c.GetAttribute("data-kind") == "revision" && c.TextContent.Contains("85%", StringComparison.Ordinal));
        Assert.All(conflicts, c => Assert.NotEmpty(c.QuerySelector("q")!.TextContent.Trim()));
    }

    [Fact]
    public void The_crosspost_tree_puts_the_copy_under_the_page_it_copied()
    {
        var doc = Dom.Parse(ClaimPage.Render(site.Mizintsev.Id, site.Corpus));

        var crossposts = doc.QuerySelector("[data-testid=crossposts]")!;
        var nested = crossposts.QuerySelectorAll(".tree li li");
        Assert.NotEmpty(nested);
        Assert.All(nested, li => Assert.Contains("copied by", li.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_claim_is_a_404_page()
    {
        var page = ClaimPage.Render("nope", site.Corpus);

        Assert.Equal(404, page.Status);
        Assert.Contains("nope", Dom.Parse(page).QuerySelector(".problem")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_claims_list_links_every_claim_and_filters_by_measure_speaker_and_disputed()
    {
        var all = Dom.Parse(ClaimsPage.Render(new ClaimsForm(), site.Corpus)).QuerySelectorAll("[data-testid=claim-row]");
        Assert.Equal(site.Corpus.Result.Claims.Count, all.Length);

        var mizintsev = Dom.Parse(ClaimsPage.Render(new ClaimsForm(Speaker: "mizintsev"), site.Corpus)).QuerySelectorAll("[data-testid=claim-row]");
        Assert.Contains(mizintsev, r => r.GetAttribute("data-claim") == site.Mizintsev.Id);
        Assert.True(mizintsev.Length < all.Length);

        var disputed = Dom.Parse(ClaimsPage.Render(new ClaimsForm(Disputed: true), site.Corpus)).QuerySelectorAll("[data-testid=claim-row]");
        Assert.Contains(disputed, r => r.GetAttribute("data-claim") == site.Mizintsev.Id);
        Assert.All(disputed, r => Assert.NotNull(r.QuerySelector(".tag.dispute, .tag.contradiction")));

        var none = Dom.Parse(ClaimsPage.Render(new ClaimsForm(Measure: "no.such.measure"), site.Corpus));
        Assert.Empty(none.QuerySelectorAll("[data-testid=claim-row]"));
    }
}
