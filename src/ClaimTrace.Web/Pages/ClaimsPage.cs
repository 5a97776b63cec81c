using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ClaimTrace.Web;

/// <summary>The claims list's query string: <c>measure, speaker, place, disputed, page</c>, blanks as null.</summary>
public sealed record ClaimsForm(string? Measure = null, string? Speaker = null, string? Place = null, bool Disputed = false, int Page = 1)
{
    public const int PageSize = 50;

    public static ClaimsForm Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? V(string name) => query[name].FirstOrDefault() is { } v && v.Trim().Length > 0 ? v.Trim() : null;
        var page = int.TryParse(V("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1;
        var disputed = V("disputed") is { } d && d is not ("0" or "false" or "no");
        return new ClaimsForm(V("measure"), V("speaker"), V("place"), disputed, page);
    }

    /// <summary>
    /// True when a claim passes every filter: the measure is its measure key or family or a prefix of either
    /// ("territory"); the speaker is in a report's side or in the speaker as the page wrote it; the place is its
    /// scope; disputed keeps claims a page disputes or another figure contradicts. Case is ignored throughout.
    /// </summary>
    internal bool Admits(Claim claim, ClaimIndex index) =>
        (Measure is null || claim.Measure.StartsWith(Measure, StringComparison.OrdinalIgnoreCase) || claim.Family.StartsWith(Measure, StringComparison.OrdinalIgnoreCase))
        && (Speaker is null || claim.Reports.Any(r => Has(r.Side.Display, Speaker) || Has(r.SpeakerWritten, Speaker) || Has(r.Side.Institution, Speaker)))
        && (Place is null || string.Equals(claim.Scope, Place, StringComparison.OrdinalIgnoreCase))
        && (!Disputed || index.IsQuestioned(claim.Id));

    public string Href(int page = 1) => Html.Url("/claims",
        ("measure", Measure), ("speaker", Speaker), ("place", Place), ("disputed", Disputed ? "1" : null),
        ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null));

    private static bool Has(string? text, string part) => text is not null && text.Contains(part, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// <c>/claims</c>: every claim the linker found, one line each in words, with how many pages report it, from which
/// outlets, and whether it is disputed, contradicted or revised; filtered and paged.
/// </summary>
public static class ClaimsPage
{
    public static HtmlPage Render(ClaimsForm form, LinkedCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(corpus);
        var index = ClaimIndex.Of(corpus);
        var matched = corpus.Result.Claims.Where(c => form.Admits(c, index)).ToList();
        var h = new StringBuilder(16_384);
        h.Append("<h1>Claims</h1>\n<p class=\"lead\">A claim is one figure given by one speaker (a person, or the institution they speak for) about one ")
            .Append("place and time; each page that repeats it is a report of it. ").Append(Html.E($"{Html.Count(corpus.Result.Claims.Count, "claim")} in the database."))
            .Append("</p>\n");
        h.Append("<form class=\"filters\" method=\"get\" action=\"/claims\" data-testid=\"claims-form\">\n");
        Input(h, "measure", "Measure", form.Measure, "territory");
        Input(h, "speaker", "Speaker", form.Speaker, "Mizintsev");
        Input(h, "place", "Place", form.Place, "Syria");
        h.Append("<label>Only questioned<span><input type=\"checkbox\" name=\"disputed\" value=\"1\"").Append(form.Disputed ? " checked" : "")
            .Append("> disputed or contradicted</span></label>\n<div class=\"actions\"><button type=\"submit\">Filter</button><a href=\"/claims\">clear</a></div>\n</form>\n");

        if (matched.Count == 0)
        {
            h.Append("<p>No claim matches these filters.</p>\n");
            return new HtmlPage(Layout.Render("Claims", Section.Claims, h.ToString()));
        }

        var pages = (matched.Count + ClaimsForm.PageSize - 1) / ClaimsForm.PageSize;
        var page = Math.Min(form.Page, pages);
        var shown = matched.Skip((page - 1) * ClaimsForm.PageSize).Take(ClaimsForm.PageSize).ToList();
        h.Append("<p class=\"note\">").Append(Html.E($"Claims {Html.N(((page - 1) * ClaimsForm.PageSize) + 1)}\u2013{Html.N(((page - 1) * ClaimsForm.PageSize) + shown.Count)} of {Html.N(matched.Count)}"))
            .Append("</p>\n<table class=\"claims\">\n<thead><tr><th>Claim</th><th>Measure</th><th class=\"num\">Reports</th><th>Outlets</th><th>Flags</th></tr></thead>\n<tbody>\n");
        foreach (var claim in shown)
        {
            var reports = claim.Reports.Where(r => !r.IsEcho).ToList();
            var outlets = reports.Select(r => r.Outlet ?? SourceSummary.UnknownOutlet).Distinct(StringComparer.Ordinal);
            h.Append("<tr data-testid=\"claim-row\" data-claim=\"").Append(Html.E(claim.Id)).Append("\"><td><a href=\"").Append(Html.E(Html.ClaimHref(claim.Id))).Append("\">")
                .Append(Html.E(ClaimWords.Default.Sentence(claim))).Append("</a></td><td><code>").Append(Html.E(claim.Measure)).Append("</code></td><td class=\"num\">")
                .Append(Html.N(reports.Count)).Append("</td><td>").Append(Html.E(string.Join(", ", outlets))).Append("</td><td>");
            foreach (var kind in index.ConflictsOf(claim.Id).Select(c => c.Kind).Distinct().Order())
                h.Append(Html.Tag(kind)).Append(' ');
            h.Append("</td></tr>\n");
        }

        h.Append("</tbody>\n</table>\n");
        if (pages > 1)
        {
            h.Append("<nav class=\"pager\" aria-label=\"Pages of claims\">");
            h.Append(page > 1 ? $"<a rel=\"prev\" href=\"{Html.E(form.Href(page - 1))}\">\u2190 previous</a>" : "<span class=\"disabled\">\u2190 previous</span>");
            h.Append("<span>page ").Append(Html.N(page)).Append(" of ").Append(Html.N(pages)).Append("</span>");
            h.Append(page < pages ? $"<a rel=\"next\" href=\"{Html.E(form.Href(page + 1))}\">next \u2192</a>" : "<span class=\"disabled\">next \u2192</span>");
            h.Append("</nav>\n");
        }

        return new HtmlPage(Layout.Render("Claims", Section.Claims, h.ToString()));
    }

    private static void Input(StringBuilder h, string name, string label, string? value, string placeholder) =>
        h.Append("<label>").Append(label).Append("<input type=\"text\" name=\"").Append(name).Append("\" placeholder=\"").Append(Html.E(placeholder))
            .Append("\" value=\"").Append(Html.E(value)).Append("\"></label>\n");
}
