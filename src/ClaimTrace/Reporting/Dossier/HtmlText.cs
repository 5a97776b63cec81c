using System.Text;

namespace ClaimTrace;

/// <summary>
/// Text made safe to put between tags or in a quoted attribute of HTML or SVG. Page text is untrusted: a page
/// can hold "&lt;script&gt;", and scraped text can hold control characters that XML forbids, which would make
/// an SVG fail to open at all; those become U+FFFD rather than disappear, so a reader sees something was there.
/// </summary>
internal static class HtmlText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when c < ' ' && c is not '\t' and not '\n' and not '\r' => "\uFFFD",
                '\uFFFE' or '\uFFFF' => "\uFFFD",
                _ when char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])) => "\uFFFD",
                _ => null,
            };
            if (replacement is null)
            {
                sb?.Append(c);
                continue;
            }

            sb ??= new StringBuilder(text, 0, i, text.Length + 16);
            sb.Append(replacement);
        }

        return sb?.ToString() ?? text;
    }
}
