namespace ClaimTrace;

/// <summary>
/// Repairs in text that decoded fine but must not travel on as it is: NUL characters (C strings and many
/// tools cut text at them) and lone UTF-16 surrogates (from JSON escapes such as <c>\ud800</c>; SQLite's
/// UTF-8 conversion throws on them). Each becomes U+FFFD, in place, so offsets do not move.
/// </summary>
internal static class TextRepair
{
    public static string Repair(string text, ICollection<string> warnings)
    {
        var span = text.AsSpan();
        if (span.IndexOf('\0') < 0 && span.IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
            return text;

        char[]? copy = null;
        int nuls = 0, firstNul = -1, lone = 0, firstLone = -1;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c == '\0')
            {
                nuls++;
                if (firstNul < 0)
                    firstNul = i;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
                continue;
            }
            else if (char.IsSurrogate(c))
            {
                lone++;
                if (firstLone < 0)
                    firstLone = i;
            }
            else
            {
                continue;
            }

            copy ??= text.ToCharArray();
            copy[i] = '\uFFFD';
        }

        if (nuls > 0)
            warnings.Add($"{Count(nuls, "NUL character")} replaced with U+FFFD (the first at character {firstNul})");
        if (lone > 0)
            warnings.Add($"{Count(lone, "lone surrogate")} replaced with U+FFFD (the first at character {firstLone})");
        return copy is null ? text : new string(copy);
    }

    /// <summary>Repairs a short metadata value the same way; the field name goes into the warning.</summary>
    public static string RepairField(string value, string field, ICollection<string> warnings)
    {
        var local = new List<string>(0);
        var repaired = Repair(value, local);
        foreach (var warning in local)
            warnings.Add($"{field}: {warning}");
        return repaired;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
