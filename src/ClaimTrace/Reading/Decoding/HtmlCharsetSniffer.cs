using System.Text;

namespace ClaimTrace;

/// <summary>
/// Finds the charset an HTML page declares for itself early on: <c>&lt;meta charset&gt;</c>, the older
/// <c>&lt;meta http-equiv="Content-Type" content="...; charset=..."&gt;</c>, or an XML declaration. A
/// simplified form of the WHATWG "prescan a byte stream" algorithm: bytes only, no decoding, comments skipped.
/// </summary>
internal static class HtmlCharsetSniffer
{
    public const int ScanBytes = 2048;

    public static string? Find(ReadOnlySpan<byte> bytes)
    {
        var head = bytes.Length > ScanBytes ? bytes[..ScanBytes] : bytes;
        if (head.StartsWith("<?xml"u8))
        {
            var end = head.IndexOf("?>"u8);
            var declaration = end < 0 ? head : head[..end];
            var label = ValueAfter(declaration, "encoding"u8);
            if (label is not null)
                return label;
        }

        var i = 0;
        while (i < head.Length)
        {
            var lt = head[i..].IndexOf((byte)'<');
            if (lt < 0)
                return null;
            i += lt;
            var rest = head[i..];
            if (rest.StartsWith("<!--"u8))
            {
                var close = rest.IndexOf("-->"u8);
                if (close < 0)
                    return null;
                i += close + 3;
                continue;
            }

            if (rest.Length > 5 && StartsWithIgnoreCase(rest, "<meta"u8) && IsSpaceOrSlash(rest[5]))
            {
                var (label, consumed) = FromMetaTag(rest[5..]);
                if (label is not null)
                    return label;
                i += 5 + consumed;
                continue;
            }

            i++;
        }

        return null;
    }

    private static (string? Label, int Consumed) FromMetaTag(ReadOnlySpan<byte> tag)
    {
        string? charset = null, content = null;
        var httpEquivContentType = false;
        var i = 0;
        while (i < tag.Length)
        {
            while (i < tag.Length && IsSpaceOrSlash(tag[i]))
                i++;
            if (i >= tag.Length || tag[i] == '>')
                break;
            var nameStart = i;
            while (i < tag.Length && tag[i] is not ((byte)'=' or (byte)'>') && !IsSpaceOrSlash(tag[i]))
                i++;
            var name = tag[nameStart..i];
            while (i < tag.Length && IsSpace(tag[i]))
                i++;
            ReadOnlySpan<byte> value = default;
            if (i < tag.Length && tag[i] == '=')
            {
                i++;
                while (i < tag.Length && IsSpace(tag[i]))
                    i++;
                if (i < tag.Length && tag[i] is (byte)'"' or (byte)'\'')
                {
                    var quote = tag[i++];
                    var close = tag[i..].IndexOf(quote);
                    var end = close < 0 ? tag.Length : i + close;
                    value = tag[i..end];
                    i = Math.Min(tag.Length, end + 1);
                }
                else
                {
                    var start = i;
                    while (i < tag.Length && tag[i] != '>' && !IsSpace(tag[i]))
                        i++;
                    value = tag[start..i];
                }
            }

            if (EqualsIgnoreCase(name, "charset"u8))
                charset ??= Ascii(value);
            else if (EqualsIgnoreCase(name, "content"u8))
                content ??= Ascii(value);
            else if (EqualsIgnoreCase(name, "http-equiv"u8))
                httpEquivContentType |= EqualsIgnoreCase(value.Trim(" \t"u8), "content-type"u8);
        }

        if (!string.IsNullOrWhiteSpace(charset))
            return (charset.Trim(), i);
        if (httpEquivContentType && content is not null)
            return (ValueAfter(Encoding.ASCII.GetBytes(content), "charset"u8), i);
        return (null, i);
    }

    /// <summary>The value of <c>key=value</c> (optionally quoted) anywhere in the span, compared without case.</summary>
    private static string? ValueAfter(ReadOnlySpan<byte> text, ReadOnlySpan<byte> key)
    {
        for (var i = 0; i + key.Length <= text.Length; i++)
        {
            if (!EqualsIgnoreCase(text.Slice(i, key.Length), key))
                continue;
            var j = i + key.Length;
            while (j < text.Length && IsSpace(text[j]))
                j++;
            if (j >= text.Length || text[j] != '=')
                continue;
            j++;
            while (j < text.Length && IsSpace(text[j]))
                j++;
            if (j < text.Length && text[j] is (byte)'"' or (byte)'\'')
                j++;
            var start = j;
            while (j < text.Length && text[j] is not ((byte)'"' or (byte)'\'' or (byte)';' or (byte)'>') && !IsSpace(text[j]))
                j++;
            return j > start ? Ascii(text[start..j]) : null;
        }

        return null;
    }

    private static string Ascii(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f';

    private static bool IsSpaceOrSlash(byte b) => IsSpace(b) || b == '/';

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix) =>
        text.Length >= prefix.Length && EqualsIgnoreCase(text[..prefix.Length], prefix);

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => System.Text.Ascii.EqualsIgnoreCase(a, b);
}
