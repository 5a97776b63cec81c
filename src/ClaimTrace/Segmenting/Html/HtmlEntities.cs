using System.Globalization;
using System.Text;

namespace ClaimTrace;

/// <summary>
/// Decodes character references (<c>&amp;amp;</c>, <c>&amp;#8217;</c>, <c>&amp;eacute</c>) the way a browser does:
/// the named table is the standard's (data file <c>segmenting/html/entities.tsv</c>), legacy names work
/// without their semicolon, and numeric references outside Unicode or to C1 controls are repaired.
/// </summary>
internal static class HtmlEntities
{
    private static readonly Lazy<EntityTable> Table = new(EntityTable.Load);

    /// <summary>Numeric references to 0x80-0x9F mean what windows-1252 puts there (WHATWG HTML 13.2.5.80).</summary>
    private static readonly char[] C1Replacements =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    public static string Decode(ReadOnlySpan<char> raw, bool inAttribute = false)
    {
        var amp = raw.IndexOf('&');
        if (amp < 0)
            return raw.ToString();
        var builder = new StringBuilder(raw.Length);
        Decode(raw, builder, inAttribute);
        return builder.ToString();
    }

    public static void Decode(ReadOnlySpan<char> raw, StringBuilder into, bool inAttribute = false)
    {
        var i = 0;
        while (i < raw.Length)
        {
            var amp = raw[i..].IndexOf('&');
            if (amp < 0)
            {
                into.Append(raw[i..]);
                return;
            }

            into.Append(raw.Slice(i, amp));
            i += amp;
            var consumed = TryReference(raw[i..], into, inAttribute);
            if (consumed == 0)
            {
                into.Append('&');
                i++;
            }
            else
            {
                i += consumed;
            }
        }
    }

    /// <summary>Appends what the reference at the start of <paramref name="s"/> stands for; returns the characters used (0: not a reference).</summary>
    private static int TryReference(ReadOnlySpan<char> s, StringBuilder into, bool inAttribute)
    {
        if (s.Length < 2)
            return 0;
        if (s[1] == '#')
            return TryNumeric(s, into);

        var end = 1;
        while (end < s.Length && end <= EntityTable.LongestName && char.IsAsciiLetterOrDigit(s[end]))
            end++;
        if (end == 1)
            return 0;
        var table = Table.Value;
        if (end < s.Length && s[end] == ';' && table.TryGet(s[1..(end + 1)], out var full))
        {
            into.Append(full);
            return end + 1;
        }

        // Legacy names ("&copy", "&amp") are recognised without ';' as their longest known prefix.
        for (var length = Math.Min(end - 1, EntityTable.LongestLegacyName); length >= 2; length--)
        {
            if (!table.TryGet(s.Slice(1, length), out var legacy))
                continue;
            // In attribute values "&amp=x" or "&copyright" stay as written (URLs with query strings).
            var next = 1 + length < s.Length ? s[1 + length] : '\0';
            if (inAttribute && (char.IsAsciiLetterOrDigit(next) || next == '='))
                return 0;
            into.Append(legacy);
            return 1 + length;
        }

        return 0;
    }

    private static int TryNumeric(ReadOnlySpan<char> s, StringBuilder into)
    {
        var hex = s.Length > 2 && (s[2] == 'x' || s[2] == 'X');
        var i = hex ? 3 : 2;
        var digitsStart = i;
        long value = 0;
        while (i < s.Length && (hex ? char.IsAsciiHexDigit(s[i]) : char.IsAsciiDigit(s[i])))
        {
            if (value <= 0x10FFFF)
                value = (value * (hex ? 16 : 10)) + DigitValue(s[i]);
            i++;
        }

        if (i == digitsStart)
            return 0;
        if (i < s.Length && s[i] == ';')
            i++;
        AppendCodePoint(value, into);
        return i;
    }

    private static int DigitValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static void AppendCodePoint(long value, StringBuilder into)
    {
        if (value is >= 0x80 and <= 0x9F)
            into.Append(C1Replacements[value - 0x80]);
        else if (value == 0 || value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
            into.Append('\uFFFD');
        else if (value < 0x10000)
            into.Append((char)value);
        else
            into.Append(char.ConvertFromUtf32((int)value));
    }

    private sealed class EntityTable
    {
        public const int LongestName = 32;
        public const int LongestLegacyName = 6;

        private readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        private EntityTable() => _lookup = _byName.GetAlternateLookup<ReadOnlySpan<char>>();

        public bool TryGet(ReadOnlySpan<char> name, out string value) => _lookup.TryGetValue(name, out value!);

        public static EntityTable Load()
        {
            var table = new EntityTable();
            foreach (var line in DataFiles.ReadLines("segmenting/html/entities.tsv"))
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab <= 0)
                    continue;
                var text = new StringBuilder(2);
                foreach (var hex in line[(tab + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    text.Append(char.ConvertFromUtf32(int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                table._byName[line[..tab]] = text.ToString();
            }

            return table;
        }
    }
}
