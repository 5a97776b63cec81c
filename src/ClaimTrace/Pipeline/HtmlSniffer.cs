using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>Tells markup from prose when no extension or content type says which (stdin, CSV and JSONL cells).</summary>
public static partial class HtmlSniffer
{
    [GeneratedRegex(@"<(?:!doctype\s+html|html|head|body|article|div|p|br|span|a\s+href|table|section)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkupTag();

    /// <summary>
    /// True for documents (a doctype or html element near the start) and for fragments dense in block
    /// tags; false for prose that merely contains a stray tag (scraped text often keeps a few, like &lt;u&gt;).
    /// </summary>
    public static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart();
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
            return true;
        var sample = text.Length > 8192 ? text[..8192] : text;
        var tags = MarkupTag().Count(sample);
        return tags >= 3 && tags * 200 > sample.Length;
    }
}
