namespace ClaimTrace;

/// <summary>A byte-order mark at the start of the input: it names the encoding with certainty, so it beats every other clue.</summary>
internal static class ByteOrderMark
{
    /// <summary>The encoding the input's BOM names, its reported name and the BOM's length; null without a BOM.</summary>
    public static (Charset Charset, string Name, int Length)? Detect(ReadOnlySpan<byte> bytes)
    {
        // UTF-32 LE starts with the UTF-16 LE mark, so it is tested first.
        if (bytes is [0xFF, 0xFE, 0x00, 0x00, ..])
            return (Charsets.Utf32Le, "utf-32le", 4);
        if (bytes is [0x00, 0x00, 0xFE, 0xFF, ..])
            return (Charsets.Utf32Be, "utf-32be", 4);
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
            return (Charsets.Utf8, "utf-8-bom", 3);
        if (bytes is [0xFF, 0xFE, ..])
            return (Charsets.Utf16Le, "utf-16le", 2);
        if (bytes is [0xFE, 0xFF, ..])
            return (Charsets.Utf16Be, "utf-16be", 2);
        return null;
    }
}
