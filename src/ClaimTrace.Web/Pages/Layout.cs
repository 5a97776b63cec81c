using System.Text;
using Microsoft.AspNetCore.Http;

namespace ClaimTrace.Web;

/// <summary>The top bar a page is in.</summary>
public enum Section
{
    Search,
    Claims,
    Sources,
    Ingest,
    Documents,
}

/// <summary>A rendered page and the status it goes out with (a missing claim is a 404 page, not an empty 200).</summary>
public sealed record HtmlPage(string Html, int Status = StatusCodes.Status200OK)
{
    public IResult ToResult() => Results.Content(Html, "text/html; charset=utf-8", Encoding.UTF8, Status);
}

/// <summary>
/// The frame every page shares: the top bar (Search, Claims, Sources, Ingest), one stylesheet from /static, and
/// scripts only from /static, so the Content-Security-Policy can forbid inline script altogether.
/// </summary>
public static class Layout
{
    private static readonly (Section Section, string Href, string Label)[] Nav =
    [
        (Section.Search, "/", "Search"),
        (Section.Claims, "/claims", "Claims"),
        (Section.Sources, "/sources", "Sources"),
        (Section.Ingest, "/ingest", "Ingest"),
    ];

    /// <param name="title">plain text; escaped here</param>
    /// <param name="body">markup, already escaped by the page</param>
    /// <param name="scripts">names of files under /static to load at the end of the body</param>
    public static string Render(string title, Section section, string body, params string[] scripts)
    {
        var h = new StringBuilder(body.Length + 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.E(title)).Append(" \u2014 ClaimTrace</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"/static/site.css\">\n</head>\n<body>\n")
            .Append("<header class=\"topbar\"><a class=\"brand\" href=\"/\">ClaimTrace</a><nav>");
        foreach (var (s, href, label) in Nav)
        {
            h.Append("<a href=\"").Append(href).Append('"');
            if (s == section)
                h.Append(" class=\"active\" aria-current=\"page\"");
            h.Append('>').Append(label).Append("</a>");
        }

        h.Append("</nav></header>\n<main>\n").Append(body).Append("</main>\n")
            .Append("<footer>ClaimTrace shows what pages say and who said it; it does not say which figure is true.</footer>\n");
        foreach (var script in scripts)
            h.Append("<script src=\"/static/").Append(Html.E(script)).Append("\"></script>\n");
        return h.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>A page that says what is missing, with the status that goes with it.</summary>
    public static HtmlPage Problem(int status, string title, string message, Section section) =>
        new(Render(title, section, $"<h1>{Html.E(title)}</h1>\n<p class=\"problem\">{Html.E(message)}</p>\n"), status);
}
