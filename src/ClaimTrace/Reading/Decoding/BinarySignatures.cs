using System.Globalization;

namespace ClaimTrace;

/// <summary>Known binary formats by their leading bytes (Data/reading/binary-signatures.tsv).</summary>
internal static class BinarySignatures
{
    private static readonly Lazy<IReadOnlyList<(byte[] Prefix, string Name)>> Table = new(Load);

    /// <summary>What the input is when it starts with a known binary signature, else null.</summary>
    public static string? Match(ReadOnlySpan<byte> bytes)
    {
        foreach (var (prefix, name) in Table.Value)
        {
            if (bytes.StartsWith(prefix))
                return name;
        }

        return null;
    }

    private static List<(byte[] Prefix, string Name)> Load()
    {
        var table = new List<(byte[], string)>();
        foreach (var line in DataFiles.ReadLines("reading/binary-signatures.tsv"))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
                continue;
            var hex = line[..tab].Trim();
            if (hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit))
                throw new FormatException($"binary-signatures.tsv: '{hex}' is not an even run of hex digits.");
            table.Add((Convert.FromHexString(hex), line[(tab + 1)..].Trim()));
        }

        // Longest first, so a precise signature names the format before a shorter one that shares its start.
        table.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        return table;
    }

    internal static string Describe(string name) => string.Create(CultureInfo.InvariantCulture, $"looks binary ({name})");
}
