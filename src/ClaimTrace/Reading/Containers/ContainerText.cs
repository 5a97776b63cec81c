using System.Text;

namespace ClaimTrace;

/// <summary>Decoding of a container's short fields (a title cell, a header name): UTF-8, or UTF-8 repaired.</summary>
internal static class ContainerText
{
    public static string Decode(ReadOnlySpan<byte> bytes, string field, ICollection<string> warnings)
    {
        if (bytes.IsEmpty)
            return "";
        if (System.Text.Unicode.Utf8.IsValid(bytes))
            return Encoding.UTF8.GetString(bytes);
        var damage = Utf8Repair.Analyse(bytes);
        warnings.Add($"{field}: not valid UTF-8 at byte {damage.FirstInvalid}; the stray bytes decoded as windows-1252");
        return Utf8Repair.DecodeMixed(bytes);
    }

    /// <summary>
    /// Why a container file is not text at all (a gzipped .jsonl, an image renamed .csv), from its first 8 KB;
    /// null when it looks like text. One failure for the file beats one per "line" of binary data.
    /// </summary>
    public static string? BinaryReason(ByteReader reader)
    {
        var head = reader.Peek(ByteProfile.SampleBytes);
        if (BinarySignatures.Match(head) is { } format)
            return BinarySignatures.Describe(format);
        var profile = ByteProfile.Of(head);
        return profile.LooksBinary ? profile.Describe() : null;
    }

    /// <summary>
    /// Containers in UTF-16 or UTF-32 (a BOM says so; spreadsheet exports do this) are transcoded to UTF-8 as
    /// they stream, so the byte-level parsers see one encoding. A UTF-8 BOM is consumed. Returns the reader.
    /// </summary>
    public static ByteReader OpenUtf8(Stream stream)
    {
        var peeked = PeekedStream.Peek(stream, 4, out var head);
        var wide = ByteOrderMark.Detect(head) is { Charset.Family: CharsetFamily.Utf16 or CharsetFamily.Utf32 } bom ? bom.Charset : null;
        var input = wide is null ? peeked : Encoding.CreateTranscodingStream(peeked, wide.Lenient, Encoding.UTF8, leaveOpen: true);
        var reader = new ByteReader(input);
        if (reader.Peek(3).SequenceEqual("\uFEFF"u8))
            reader.Advance(3);
        return reader;
    }
}
