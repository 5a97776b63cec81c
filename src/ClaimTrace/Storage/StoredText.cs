namespace ClaimTrace;

/// <summary>
/// Makes strings storable. SQLite (UTF-8) and PostgreSQL refuse UTF-16 with unpaired surrogates, which
/// scraped text and fuzzed inputs do contain; failing the batch for that would lose good pages, so the
/// store replaces each one with U+FFFD and says so in a page warning. The replacement keeps the length,
/// so every offset stays valid, and matches what UTF-8 encoding does, so <see cref="Page.ContentHash"/>
/// (SHA-256 of the UTF-8 text) is the same before and after. NUL characters go the same way: PostgreSQL's text
/// cannot hold them, and a page must be stored alike on every backend (the readers already repair them in what they
/// read, <see cref="TextRepair"/>; pages made by other code reach the store as they are).
/// </summary>
internal sealed class StoredText
{
    public const char Replacement = '\uFFFD';

    /// <summary>How many unpaired surrogates the strings passed through <see cref="Clean"/> held.</summary>
    public int Replaced { get; private set; }

    /// <summary>How many NUL characters they held.</summary>
    public int Nuls { get; private set; }

    public string? Clean(string? text)
    {
        if (text is null)
            return null;
        var first = FirstToReplace(text);
        if (first < 0)
            return text;

        var chars = text.ToCharArray();
        for (var i = first; i < chars.Length; i++)
        {
            if (chars[i] == '\0')
            {
                chars[i] = Replacement;
                Nuls++;
                continue;
            }

            if (!char.IsSurrogate(chars[i]))
                continue;
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
                continue;
            }

            chars[i] = Replacement;
            Replaced++;
        }

        return new string(chars);
    }

    public string CleanRequired(string text) => Clean(text)!;

    private static int FirstToReplace(string text)
    {
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        var lone = FirstLoneSurrogate(nul < 0 ? text : text[..nul]);
        return lone >= 0 ? lone : nul;
    }

    private static int FirstLoneSurrogate(string text)
    {
        // Vectorised skip to the next surrogate: pages are long and almost never hold one.
        var from = 0;
        while (true)
        {
            var found = text.AsSpan(from).IndexOfAnyInRange('\uD800', '\uDFFF');
            if (found < 0)
                return -1;
            var i = from + found;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                from = i + 2;
                continue;
            }

            return i;
        }
    }
}
