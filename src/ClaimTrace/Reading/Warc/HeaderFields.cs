using System.Text;

namespace ClaimTrace;

/// <summary>
/// "Name: value" header lines, as WARC records and HTTP responses both have them: names compared without
/// case, the first occurrence wins, folded continuation lines (starting with a space or tab) joined on.
/// </summary>
internal sealed class HeaderFields
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public string? this[string name]
    {
        get
        {
            foreach (var (key, value) in _fields)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                    return value;
            }

            return null;
        }
    }

    public int Count => _fields.Count;

    /// <summary>Adds one raw header line; false when it is neither a field nor a continuation.</summary>
    public bool AddLine(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
            return true;
        if (line[0] is (byte)' ' or (byte)'\t')
        {
            if (_fields.Count == 0)
                return false;
            var (key, value) = _fields[^1];
            _fields[^1] = new(key, value + " " + Latin1(line.Trim(" \t"u8)));
            return true;
        }

        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
            return false;
        _fields.Add(new(Latin1(line[..colon].Trim(" \t"u8)), Decode(line[(colon + 1)..].Trim(" \t"u8))));
        return true;
    }

    /// <summary>A non-negative integer header, or null when it is missing or not a number.</summary>
    public long? Long(string name) =>
        long.TryParse(this[name], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The media type (lower case) and charset parameter of a Content-Type value.</summary>
    public static (string? MediaType, string? Charset) ParseContentType(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return (null, null);
        var parts = value.Split(';');
        var media = parts[0].Trim().ToLowerInvariant();
        string? charset = null;
        foreach (var part in parts.AsSpan(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
                charset = part[(eq + 1)..].Trim().Trim('"', '\'').Trim();
        }

        return (media.Length == 0 ? null : media, string.IsNullOrEmpty(charset) ? null : charset);
    }

    private static string Latin1(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>WARC 1.1 allows UTF-8 in header values (a target URI with an IRI); HTTP headers are Latin-1 in practice.</summary>
    private static string Decode(ReadOnlySpan<byte> bytes) =>
        System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Latin1(bytes);
}
