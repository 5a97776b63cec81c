using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace ClaimTrace;

/// <summary>A word of a text: its span (UTF-16, end exclusive) and its folded form.</summary>
public readonly record struct SearchToken(int Start, int End, string Folded);

/// <summary>
/// Words as the search index sees them, so the query, the index and the highlights agree. The rule is SQLite
/// FTS5's <c>unicode61 remove_diacritics 2</c> tokenizer: a word is a run of letters, numbers, private-use
/// characters and combining marks; everything else separates words; case and diacritics fold away. So
/// "96.5%" is the words 96 and 5, and "al-Tanf" is al and tanf: a search for either finds the pair adjacent.
/// </summary>
public static class SearchTokens
{
    /// <summary>The words of <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static List<SearchToken> Of(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        var tokens = new List<SearchToken>();
        var i = start;
        while (i < end)
        {
            var width = WordCharWidth(text, i, end);
            if (width == 0)
            {
                i++;
                continue;
            }

            var tokenStart = i;
            while (i < end && (width = WordCharWidth(text, i, end)) > 0)
                i += width;
            tokens.Add(new SearchToken(tokenStart, i, Fold(text.AsSpan(tokenStart, i - tokenStart))));
        }

        return tokens;
    }

    public static List<SearchToken> Of(string text) => Of(text, 0, text?.Length ?? 0);

    /// <summary>
    /// Lower case without diacritics: "Ruśkan" and "RUSKAN" are both "ruskan". Letters are mapped to the letter under
    /// their diacritics by a table (Data/search/diacritics.tsv) rather than by Unicode normalisation, which the
    /// product's invariant globalization does not do; combining marks written apart are dropped.
    /// </summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        if (!word.ContainsAnyExceptInRange('\0', '\u007f'))
            return word.ToString().ToLowerInvariant();
        var bases = Bases.Value;
        var folded = new StringBuilder(word.Length);
        foreach (var rune in word.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            var lower = Rune.ToLowerInvariant(rune).Value;
            folded.Append(new Rune(bases.TryGetValue(lower, out var under) ? under : lower).ToString());
        }

        return folded.ToString();
    }

    private static readonly Lazy<FrozenDictionary<int, int>> Bases = new(LoadBases);

    private static FrozenDictionary<int, int> LoadBases()
    {
        var bases = new Dictionary<int, int>();
        foreach (var line in DataFiles.ReadLines("search/diacritics.tsv"))
        {
            var fields = line.Split('\t');
            var letter = int.Parse(fields[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var under = int.Parse(fields[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            // The table maps capitals too; folding lowers first, so the lower-case letter is what is looked up.
            bases[Rune.ToLowerInvariant(new Rune(letter)).Value] = Rune.ToLowerInvariant(new Rune(under)).Value;
        }

        return bases.ToFrozenDictionary();
    }

    /// <summary>The UTF-16 width of the word character at <paramref name="i"/>, or 0 for a separator (a lone surrogate too).</summary>
    private static int WordCharWidth(string text, int i, int end)
    {
        if (Rune.DecodeFromUtf16(text.AsSpan(i, end - i), out var rune, out var width) != OperationStatus.Done)
            return 0;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                or UnicodeCategory.PrivateUse
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => width,
            _ => 0,
        };
    }
}
