using System.Text;

namespace ClaimTrace;

/// <summary>
/// Turns page bytes into text without silent loss. The order of evidence: a byte-order mark; a UTF-16/32
/// NUL pattern; binary data (refused); the charset a container declared; for HTML an early &lt;meta&gt;
/// charset; strict UTF-8; windows-1252 as the fallback, since every byte decodes in it. Whenever a guess or
/// a repair was made, <see cref="DecodedText.Warning"/> says which and where. The text is otherwise kept
/// exactly as decoded (no newline or Unicode normalisation): offsets point into it.
/// </summary>
public static class TextDecoder
{
    /// <summary>
    /// Decodes a page as a reader produced it. When a container already decoded it (<see cref="RawPage.Text"/>),
    /// this only validates and repairs; the encoding reported is then the one the container's reader used
    /// (<see cref="RawPage.DeclaredCharset"/>), utf-8 when it names none.
    /// </summary>
    public static DecodeResult Decode(RawPage raw)
    {
        var warnings = new List<string>(raw.Warnings);
        if (raw.Text is not null)
            return Finish(raw.Text, raw.DeclaredCharset ?? Charsets.Utf8.Name, warnings);
        if (raw.Bytes is null)
            return DecodeResult.Fail(FailureKind.Empty, "empty (no content)");
        return Decode(raw.Bytes, raw.DeclaredCharset, sniffHtmlMeta: raw.Format != PageFormat.Text, warnings);
    }

    /// <param name="bytes">the page as stored</param>
    /// <param name="declaredCharset">a charset the container declared (an HTTP Content-Type), or null</param>
    /// <param name="sniffHtmlMeta">look for a &lt;meta charset&gt; in the first 2 KB (for HTML or unknown formats)</param>
    public static DecodeResult Decode(ReadOnlySpan<byte> bytes, string? declaredCharset, bool sniffHtmlMeta) =>
        Decode(bytes, declaredCharset, sniffHtmlMeta, []);

    private static DecodeResult Decode(ReadOnlySpan<byte> bytes, string? declaredCharset, bool sniffHtmlMeta, List<string> warnings)
    {
        if (bytes.IsEmpty)
            return DecodeResult.Fail(FailureKind.Empty, "empty (0 bytes)");

        if (ByteOrderMark.Detect(bytes) is var (bomCharset, bomName, bomLength))
            return Finish(DecodeWith(bytes[bomLength..], bomCharset, warnings, bomLength), bomName, warnings);

        var declared = Charsets.Resolve(declaredCharset);
        if (declared is null && !string.IsNullOrWhiteSpace(declaredCharset))
            warnings.Add($"unknown charset '{declaredCharset.Trim()}' ignored");

        // A declared UTF-16/32 explains NULs and control-range bytes (Cyrillic in UTF-16 is 0x04 after 0x04),
        // so it is trusted before the binary checks; without one, a NUL pattern may still name the encoding.
        if (declared is { Family: CharsetFamily.Utf16 or CharsetFamily.Utf32 })
            return Finish(DecodeWith(bytes, declared, warnings, 0), declared.Name, warnings);
        var profile = ByteProfile.Of(bytes);
        if (profile.HasNuls && (profile.Utf32WithoutBom() ?? profile.Utf16WithoutBom()) is { } wide)
        {
            warnings.Add($"no byte-order mark, but the NUL bytes fall as in {wide.Name}; decoded as {wide.Name}");
            return Finish(DecodeWith(bytes, wide, warnings, 0), wide.Name, warnings);
        }

        if (BinarySignatures.Match(bytes) is { } format)
            return DecodeResult.Fail(FailureKind.Binary, BinarySignatures.Describe(format));
        if (profile.LooksBinary)
            return DecodeResult.Fail(FailureKind.Binary, profile.Describe());

        if (declared is not null)
            return DecodeDeclared(bytes, declared, $"declared {declared.Name}", warnings);

        if (sniffHtmlMeta && HtmlCharsetSniffer.Find(bytes) is { } metaLabel)
        {
            var meta = Charsets.Resolve(metaLabel);
            if (meta is null)
            {
                warnings.Add($"unknown <meta> charset '{metaLabel}' ignored");
            }
            else
            {
                // The tag was readable as ASCII, so a page claiming UTF-16 there is not UTF-16 (WHATWG rule).
                if (meta.Family is CharsetFamily.Utf16 or CharsetFamily.Utf32)
                    meta = Charsets.Utf8;
                return DecodeDeclared(bytes, meta, $"<meta> charset {metaLabel}", warnings);
            }
        }

        return DecodeUtf8OrFallback(bytes, null, warnings);
    }

    private static DecodeResult DecodeDeclared(ReadOnlySpan<byte> bytes, Charset declared, string claim, List<string> warnings)
    {
        if (declared.Family == CharsetFamily.Utf8)
            return DecodeUtf8OrFallback(bytes, claim, warnings);

        // Mislabelled UTF-8 is common (a CMS template saying iso-8859-1 or gb2312 over UTF-8 content, a page
        // converted to UTF-8 that kept its old <meta>). Bytes that are valid UTF-8 and use multi-byte sequences
        // are almost never meant as anything else, in a single-byte charset or a multi-byte one.
        if (System.Text.Unicode.Utf8.IsValid(bytes) && bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) >= 0)
        {
            warnings.Add($"{claim}, but the bytes are valid UTF-8; decoded as utf-8");
            return Finish(Encoding.UTF8.GetString(bytes), Charsets.Utf8.Name, warnings);
        }

        return declared.Family == CharsetFamily.Latin
            ? Finish(Charsets.Windows1252.Lenient.GetString(bytes), Charsets.Windows1252.Name, warnings)
            : Finish(DecodeWith(bytes, declared, warnings, 0), declared.Name, warnings);
    }

    private static DecodeResult DecodeUtf8OrFallback(ReadOnlySpan<byte> bytes, string? claim, List<string> warnings)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
            return Finish(Encoding.UTF8.GetString(bytes), Charsets.Utf8.Name, warnings);

        var damage = Utf8Repair.Analyse(bytes);
        var prefix = claim is null ? "" : claim + ", but ";
        if (damage.OnlyIncompleteTail)
        {
            warnings.Add($"{prefix}the input ends inside a UTF-8 character (byte {damage.FirstInvalid}); the partial character became U+FFFD");
            return Finish(Utf8Repair.DecodeReplacing(bytes), Charsets.Utf8.Name, warnings);
        }

        if (damage.ValidMultibyte > damage.InvalidBytes)
        {
            warnings.Add($"{prefix}not valid UTF-8 at byte {damage.FirstInvalid} ({damage.InvalidBytes} stray bytes among {damage.ValidMultibyte} UTF-8 characters); the stray bytes decoded as windows-1252, the rest as utf-8");
            return Finish(Utf8Repair.DecodeMixed(bytes), Charsets.Utf8.Name, warnings);
        }

        warnings.Add($"{prefix}not valid UTF-8 at byte {damage.FirstInvalid}; decoded as windows-1252");
        return Finish(Charsets.Windows1252.Lenient.GetString(bytes), Charsets.Windows1252.Name, warnings);
    }

    /// <summary>Decodes strictly; if that fails, decodes again replacing the bad sequences, and says where the first one was.</summary>
    private static string DecodeWith(ReadOnlySpan<byte> bytes, Charset charset, List<string> warnings, int offset)
    {
        if (charset.Family == CharsetFamily.Utf8)
        {
            if (System.Text.Unicode.Utf8.IsValid(bytes))
                return Encoding.UTF8.GetString(bytes);
            var damage = Utf8Repair.Analyse(bytes);
            warnings.Add($"not valid UTF-8 at byte {offset + damage.FirstInvalid} despite the byte-order mark; {damage.InvalidBytes} bad bytes replaced with U+FFFD");
            return Utf8Repair.DecodeReplacing(bytes);
        }

        try
        {
            return charset.Strict.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? $" at byte {offset + e.Index}" : "";
            warnings.Add($"not valid {charset.Name}{at}; invalid sequences replaced with U+FFFD");
            return charset.Lenient.GetString(bytes);
        }
    }

    private static DecodeResult Finish(string text, string encoding, List<string> warnings)
    {
        if (text.Length == 0)
            return DecodeResult.Fail(FailureKind.Empty, "empty (no characters after decoding)");
        if (string.IsNullOrWhiteSpace(text))
            return DecodeResult.Fail(FailureKind.Empty, $"only whitespace ({text.Length} characters)");
        var repaired = TextRepair.Repair(text, warnings);
        return DecodeResult.Ok(repaired, encoding, warnings.Count == 0 ? null : string.Join("; ", warnings));
    }
}
