using System.Globalization;
using System.Text;

namespace ClaimTrace.Web;

/// <summary>
/// The few ways the pages put untrusted text into markup. Everything a page shows from the database — titles,
/// sentences, comments, names, outlets, URLs — goes through <see cref="E"/> (text and quoted attributes alike, since
/// it escapes quotes too); links to outside pages go through <see cref="SafeHref"/> so a stored "javascript:" URL
/// never becomes clickable; links inside the app are built by <see cref="Url"/>, which escapes every value.
/// </summary>
internal static class Html
{
    public static string E(string? text) => HtmlText.Escape(text);

    public static string N(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    public static string N(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>An absolute http(s) URL fit for an href, or null ("javascript:", "data:", relative junk).</summary>
    public static string? SafeHref(string? url) => DossierHtml.SafeUrl(url);

    /// <summary>A path inside the app with a query string of the values given; null or empty values are left out.</summary>
    public static string Url(string path, params (string Name, string? Value)[] query)
    {
        var sb = new StringBuilder(path);
        var first = true;
        foreach (var (name, value) in query)
        {
            if (string.IsNullOrEmpty(value))
                continue;
            sb.Append(first ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }

        return sb.ToString();
    }

    /// <summary>A path segment (an id from the database) escaped for a URL.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>The document view of a page, at the fact that starts at <paramref name="start"/> when given.</summary>
    public static string DocumentHref(string pageId, int? start = null) =>
        "/documents/" + Segment(pageId) + (start is { } s ? "#" + Anchor(s) : "");

    public static string ClaimHref(string claimId) => "/claims/" + Segment(claimId);

    /// <summary>The element id of the fact that starts at an offset of a page's text: "s1234".</summary>
    public static string Anchor(int start) => "s" + start.ToString(CultureInfo.InvariantCulture);

    /// <summary>What a link to a page says: its title, else the last part of its key ("002_dbfbad72b89a1c39.txt").</summary>
    public static string PageTitle(string? title, string key)
    {
        if (!string.IsNullOrWhiteSpace(title))
            return title;
        var cut = key.TrimEnd('/').LastIndexOfAny(['/', '\\']);
        return cut >= 0 && cut < key.Length - 1 ? key[(cut + 1)..] : key;
    }

    /// <summary>"3 reports", "1 report".</summary>
    public static string Count(int n, string noun, string? plural = null) => $"{N(n)} {(n == 1 ? noun : plural ?? noun + "s")}";

    /// <summary>An ISO date as a reader writes it ("11 Dec 2018"), or the fallback when there is none.</summary>
    public static string Date(string? iso, string none = "no date") => iso is null ? none : ClaimWords.Date(iso);

    /// <summary>The label of a conflict kind as the pages tag it.</summary>
    public static string Tag(ConflictKind kind) => kind switch
    {
        ConflictKind.Dispute => "<span class=\"tag dispute\">disputed</span>",
        ConflictKind.Contradiction => "<span class=\"tag contradiction\">contradicted</span>",
        _ => "<span class=\"tag revision\">revised</span>",
    };

    public static string Wire(ConflictKind kind) => kind switch
    {
        ConflictKind.Dispute => "dispute",
        ConflictKind.Contradiction => "contradiction",
        _ => "revision",
    };

    /// <summary>A stretch of a page's text, clamped to the text so a bad span never throws.</summary>
    public static string Slice(string text, int start, int end)
    {
        var s = Math.Clamp(start, 0, text.Length);
        var e = Math.Clamp(end, s, text.Length);
        return text[s..e];
    }
}
