using System.Collections.Concurrent;
using System.Text;

namespace ClaimTrace;

/// <summary>How an encoding behaves, which decides what the decoder checks before trusting it.</summary>
internal enum CharsetFamily
{
    Utf8,

    /// <summary>windows-1252 and the labels browsers treat as it (iso-8859-1, us-ascii): every byte decodes.</summary>
    Latin,
    Utf16,
    Utf32,
    Other,
}

/// <summary>An encoding chosen for some bytes: its canonical name (as reported in <see cref="DecodedText.Encoding"/>) and a strict decoder.</summary>
internal sealed record Charset(string Name, CharsetFamily Family, Encoding Strict)
{
    /// <summary>The same encoding, but invalid input becomes U+FFFD instead of an exception.</summary>
    public Encoding Lenient { get; } = Encoding.GetEncoding(Strict.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
}

/// <summary>
/// Resolves charset labels (from HTTP headers and &lt;meta&gt;) the way browsers do: the WHATWG Encoding
/// standard maps iso-8859-1 and us-ascii to windows-1252, because pages labelled so are nearly always
/// windows-1252 in fact (curly quotes in 0x91-0x94). UTF-7 is refused, as browsers refuse it.
/// </summary>
internal static class Charsets
{
    public static readonly Charset Utf8 = new("utf-8", CharsetFamily.Utf8, new UTF8Encoding(false, throwOnInvalidBytes: true));
    public static readonly Charset Utf16Le = new("utf-16le", CharsetFamily.Utf16, new UnicodeEncoding(false, false, throwOnInvalidBytes: true));
    public static readonly Charset Utf16Be = new("utf-16be", CharsetFamily.Utf16, new UnicodeEncoding(true, false, throwOnInvalidBytes: true));
    public static readonly Charset Utf32Le = new("utf-32le", CharsetFamily.Utf32, new UTF32Encoding(false, false, throwOnInvalidCharacters: true));
    public static readonly Charset Utf32Be = new("utf-32be", CharsetFamily.Utf32, new UTF32Encoding(true, false, throwOnInvalidCharacters: true));
    public static readonly Charset Windows1252 = new("windows-1252", CharsetFamily.Latin, CodePages.Strict(1252));

    private static readonly ConcurrentDictionary<string, Charset?> Resolved = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The charset a label names, or null when the label is unknown or refused.</summary>
    public static Charset? Resolve(string? label)
    {
        var key = Normalise(label);
        return key.Length == 0 ? null : Resolved.GetOrAdd(key, Lookup);
    }

    private static string Normalise(string? label) =>
        label is null ? "" : label.Trim().Trim('"', '\'', ';', ' ').Trim().ToLowerInvariant();

    private static Charset? Lookup(string label)
    {
        switch (label)
        {
            case "utf-8" or "utf8" or "unicode-1-1-utf-8" or "x-unicode20utf8":
                return Utf8;
            case "windows-1252" or "cp1252" or "x-cp1252" or "iso-8859-1" or "iso8859-1" or "iso_8859-1" or "latin1"
                or "l1" or "iso-ir-100" or "us-ascii" or "ascii" or "ansi_x3.4-1968" or "cp819" or "ibm819":
                return Windows1252;
            case "utf-16" or "utf-16le" or "ucs-2" or "unicode" or "unicodefeff" or "csunicode":
                return Utf16Le;
            case "utf-16be" or "unicodefffe":
                return Utf16Be;
            case "utf-32" or "utf-32le":
                return Utf32Le;
            case "utf-32be":
                return Utf32Be;
            case "utf-7" or "utf7" or "x-user-defined" or "replacement":
                return null;
        }

        var encoding = CodePages.TryGet(label);
        return encoding is null ? null : new Charset(encoding.WebName, CharsetFamily.Other, encoding);
    }
}

/// <summary>Legacy code pages (windows-1252, shift_jis, koi8-r...) come from a provider that must be registered once.</summary>
internal static class CodePages
{
    private static readonly bool Registered = Register();

    public static Encoding Strict(int codePage)
    {
        _ = Registered;
        return Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    public static Encoding? TryGet(string label)
    {
        _ = Registered;
        try
        {
            return Encoding.GetEncoding(label, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool Register()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    }
}
