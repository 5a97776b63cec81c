namespace ClaimTrace;

/// <summary>
/// Guesses the container of an input that has no telling extension (stdin, an odd file name) from its
/// first bytes: gzip or "WARC/" is a WARC, a first non-blank '{' is JSON Lines; anything else is one page.
/// </summary>
internal static class ContainerSniffer
{
    public const int HeadBytes = 1024;

    /// <summary>"warc", "jsonl", or null for a single page.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head is [0x1F, 0x8B, ..])
            return "warc";
        if (head.StartsWith("\uFEFF"u8))
            head = head[3..];
        var text = head.TrimStart(" \t\r\n"u8);
        if (text.StartsWith("WARC/"u8))
            return "warc";
        if (text.StartsWith("{"u8))
            return "jsonl";
        return null;
    }
}
