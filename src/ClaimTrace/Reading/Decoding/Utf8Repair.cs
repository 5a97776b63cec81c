using System.Buffers;
using System.Text;

namespace ClaimTrace;

/// <summary>Where and how badly some bytes fail to be UTF-8 (only computed once strict validation has failed).</summary>
internal readonly record struct Utf8Damage(int FirstInvalid, int InvalidBytes, int ValidMultibyte, bool OnlyIncompleteTail);

/// <summary>
/// Decoding of bytes that are nearly, but not quite, UTF-8. Two kinds are common in scraped news: a file
/// cut in the middle of a character, and a UTF-8 page with a few stray windows-1252 bytes pasted in
/// (a curly quote from a word processor). Decoding all of such a page as windows-1252 would turn every
/// correct "’" into "â€™"; decoding it as UTF-8 with U+FFFD would lose the stray quotes. Mixed decoding
/// keeps both: valid sequences as UTF-8, each invalid byte as its windows-1252 character.
/// </summary>
internal static class Utf8Repair
{
    private static readonly char[] Windows1252Chars = BuildWindows1252Table();

    public static Utf8Damage Analyse(ReadOnlySpan<byte> bytes)
    {
        int i = 0, first = -1, invalid = 0, multibyte = 0;
        var tailOnly = false;
        while (i < bytes.Length)
        {
            var nonAscii = bytes[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (nonAscii < 0)
                break;
            i += nonAscii;
            var status = Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                multibyte++;
            }
            else
            {
                if (first < 0)
                    first = i;
                tailOnly = status == OperationStatus.NeedMoreData && invalid == 0;
                invalid += consumed;
            }

            i += consumed;
        }

        return new Utf8Damage(first, invalid, multibyte, tailOnly && invalid > 0);
    }

    /// <summary>Valid UTF-8 sequences as UTF-8; every byte of an invalid sequence as its windows-1252 character.</summary>
    public static string DecodeMixed(ReadOnlySpan<byte> bytes) => Decode(bytes, invalidAsReplacement: false);

    /// <summary>UTF-8 with each invalid sequence replaced by one U+FFFD (the Unicode "maximal subpart" practice).</summary>
    public static string DecodeReplacing(ReadOnlySpan<byte> bytes) => Decode(bytes, invalidAsReplacement: true);

    public static char Windows1252(byte b) => Windows1252Chars[b];

    private static string Decode(ReadOnlySpan<byte> bytes, bool invalidAsReplacement)
    {
        // UTF-8 never needs more UTF-16 units than it has bytes, and a byte taken as windows-1252 is one unit.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            var written = 0;
            var i = 0;
            while (i < bytes.Length)
            {
                var status = Utf8ToUtf16(bytes[i..], buffer.AsSpan(written), out var read, out var produced);
                i += read;
                written += produced;
                if (status == OperationStatus.Done)
                    break;
                Rune.DecodeFromUtf8(bytes[i..], out _, out var bad);
                bad = Math.Max(1, bad);
                if (invalidAsReplacement)
                {
                    buffer[written++] = '\uFFFD';
                }
                else
                {
                    foreach (var b in bytes.Slice(i, bad))
                        buffer[written++] = Windows1252Chars[b];
                }

                i += bad;
            }

            return new string(buffer, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static OperationStatus Utf8ToUtf16(ReadOnlySpan<byte> source, Span<char> destination, out int read, out int written) =>
        System.Text.Unicode.Utf8.ToUtf16(source, destination, out read, out written, replaceInvalidSequences: false, isFinalBlock: true);

    private static char[] BuildWindows1252Table()
    {
        var all = new byte[256];
        for (var b = 0; b < 256; b++)
            all[b] = (byte)b;

        // The five bytes windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 controls
        // of the same value, as the WHATWG decoder does: nothing is lost, the byte can be recovered.
        var chars = Charsets.Windows1252.Lenient.GetString(all).ToCharArray();
        for (var b = 0; b < 256; b++)
        {
            if (chars[b] == '\uFFFD')
                chars[b] = (char)b;
        }

        return chars;
    }
}
