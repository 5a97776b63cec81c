using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ClaimTrace;

/// <summary>
/// JSON string values that <see cref="Utf8JsonReader.GetString"/> refuses: lone surrogate escapes
/// (<c>"\ud800"</c>, written by encoders that split emoji) and raw bytes that are not UTF-8. They are
/// decoded by hand, repairs counted: a lone surrogate becomes U+FFFD, stray bytes their windows-1252 character.
/// </summary>
internal static class JsonStrings
{
    public static string Read(ref Utf8JsonReader reader, string field, ICollection<string> warnings)
    {
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return Repair(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan, field, warnings);
        }
    }

    /// <summary>Unescapes the raw bytes of a JSON string (between its quotes).</summary>
    public static string Repair(ReadOnlySpan<byte> raw, string field, ICollection<string> warnings)
    {
        var text = new StringBuilder(raw.Length);
        int lone = 0, firstLone = -1, strayBytes = 0;
        var i = 0;
        while (i < raw.Length)
        {
            var backslash = raw[i..].IndexOf((byte)'\\');
            var run = backslash < 0 ? raw[i..] : raw.Slice(i, backslash);
            if (!run.IsEmpty)
            {
                if (System.Text.Unicode.Utf8.IsValid(run))
                {
                    text.Append(Encoding.UTF8.GetString(run));
                }
                else
                {
                    strayBytes += Utf8Repair.Analyse(run).InvalidBytes;
                    text.Append(Utf8Repair.DecodeMixed(run));
                }
            }

            if (backslash < 0)
                break;
            i += backslash + 1;
            if (i >= raw.Length)
                break;
            var escape = raw[i++];
            switch (escape)
            {
                case (byte)'u' when i + 4 <= raw.Length && TryHex(raw.Slice(i, 4), out var unit):
                    i += 4;
                    if (char.IsHighSurrogate(unit) && i + 6 <= raw.Length && raw[i] == '\\' && raw[i + 1] == 'u'
                        && TryHex(raw.Slice(i + 2, 4), out var low) && char.IsLowSurrogate(low))
                    {
                        text.Append(unit).Append(low);
                        i += 6;
                    }
                    else if (char.IsSurrogate(unit))
                    {
                        if (firstLone < 0)
                            firstLone = text.Length;
                        lone++;
                        text.Append('\uFFFD');
                    }
                    else
                    {
                        text.Append(unit);
                    }

                    break;
                case (byte)'n':
                    text.Append('\n');
                    break;
                case (byte)'t':
                    text.Append('\t');
                    break;
                case (byte)'r':
                    text.Append('\r');
                    break;
                case (byte)'b':
                    text.Append('\b');
                    break;
                case (byte)'f':
                    text.Append('\f');
                    break;
                default:
                    // \" \\ \/ and, leniently, any other escaped character stands for itself.
                    text.Append((char)escape);
                    break;
            }
        }

        if (lone > 0)
            warnings.Add($"{field}: {lone} lone surrogate escape{(lone == 1 ? "" : "s")} replaced with U+FFFD (the first at character {firstLone})");
        if (strayBytes > 0)
            warnings.Add($"{field}: {strayBytes} byte{(strayBytes == 1 ? "" : "s")} not valid UTF-8 decoded as windows-1252");
        return text.ToString();
    }

    private static bool TryHex(ReadOnlySpan<byte> hex, out char unit)
    {
        var ok = int.TryParse(Encoding.ASCII.GetString(hex), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value);
        unit = (char)value;
        return ok;
    }
}
