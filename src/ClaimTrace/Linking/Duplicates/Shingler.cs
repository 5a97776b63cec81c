namespace ClaimTrace;

/// <summary>
/// Word n-grams ("shingles", Broder 1997) of a text, each as a 64-bit hash. Words are normalised so that
/// what a re-publisher's CMS changes does not count as an edit: case, curly against straight quotes,
/// punctuation, and separators inside words and numbers ("Russia’s" = "Russias", "1,411" = "1411",
/// "U.S." = "US"). Only letters and digits make words; everything else separates them.
/// </summary>
public sealed class Shingler
{
    /// <summary>Five words: long enough that two reports of one event in their own words share few shingles
    /// (names and stock phrases are shorter), short enough that one edited word spoils only five.</summary>
    public const int DefaultWords = 5;

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public Shingler(int words = DefaultWords)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(words, 1);
        Words = words;
    }

    public int Words { get; }

    /// <summary>The distinct shingle hashes of the page's article text, sorted; empty for a page without one.</summary>
    public ulong[] Shingles(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var words = new List<ulong>();
        foreach (var (start, end) in ArticleText.Ranges(page))
            AddWords(page.Text.AsSpan(start, end - start), words);
        return FromWords(words);
    }

    /// <summary>The distinct shingle hashes of a plain text, sorted.</summary>
    public ulong[] Shingles(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<ulong>();
        AddWords(text, words);
        return FromWords(words);
    }

    /// <summary>The normalised words of a text, as a reader would compare them (for tests and explanations).</summary>
    public static IReadOnlyList<string> NormalisedWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<string>();
        var current = new System.Text.StringBuilder();
        Walk(text, c => current.Append(c), () =>
        {
            if (current.Length > 0)
                list.Add(current.ToString());
            current.Clear();
        });
        return list;
    }

    private ulong[] FromWords(List<ulong> words)
    {
        // A text shorter than one shingle is still a text: its words make a single shorter shingle.
        var n = Math.Min(Words, words.Count);
        if (n == 0)
            return [];
        var shingles = new ulong[words.Count - n + 1];
        for (var i = 0; i < shingles.Length; i++)
        {
            var h = (ulong)n;
            for (var j = 0; j < n; j++)
                h = (h ^ words[i + j]) * 0x9E3779B97F4A7C15UL + (ulong)j;
            shingles[i] = Mix(h);
        }

        Array.Sort(shingles);
        var distinct = 1;
        for (var i = 1; i < shingles.Length; i++)
        {
            if (shingles[i] != shingles[distinct - 1])
                shingles[distinct++] = shingles[i];
        }

        return shingles[..distinct];
    }

    private static void AddWords(ReadOnlySpan<char> text, List<ulong> words)
    {
        var hash = FnvOffset;
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                hash = (hash ^ char.ToLowerInvariant(c)) * FnvPrime;
                length++;
            }
            else if (length > 0 && IsJoiner(c) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
            {
                // An apostrophe, comma or point between two word characters is part of the word.
            }
            else if (length > 0)
            {
                words.Add(Mix(hash));
                hash = FnvOffset;
                length = 0;
            }
        }

        if (length > 0)
            words.Add(Mix(hash));
    }

    private static void Walk(string text, Action<char> letter, Action boundary)
    {
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                letter(char.ToLowerInvariant(c));
                inWord = true;
            }
            else if (inWord && IsJoiner(c) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
            {
                continue;
            }
            else if (inWord)
            {
                boundary();
                inWord = false;
            }
        }

        boundary();
    }

    private static bool IsJoiner(char c) => c is '\'' or '’' or '‘' or 'ʼ' or ',' or '.';

    /// <summary>MurmurHash3's 64-bit finaliser: spreads every input bit over every output bit.</summary>
    internal static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }
}
