using System.Globalization;
using System.Text;

namespace ClaimTrace;

/// <summary>
/// The keys names are compared by. <see cref="Clean"/> is the name as a person would write it again (one space
/// between words, straight apostrophes, no possessive); <see cref="Fold"/> ignores case and diacritics ("Erdoğan"
/// = "Erdogan"); <see cref="Transliteration"/> also ignores what romanisations of one Arabic or Russian name
/// disagree on (hyphens, apostrophes, the article al-/el-/ez-, an article fused into the next word, doubled
/// letters, "ou" for "u"), so "Deir ez-Zor" = "Deir Ezzor" and "al Tanf" = "at-Tanf". <see cref="Skeleton"/> keeps
/// only consonants: equal skeletons ("Deir el-Zour", "Deir Ezzor") are a merge only with other evidence.
/// </summary>
internal static class NameKey
{
    private static readonly Lazy<HashSet<string>> Articles = new(() =>
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in DataFiles.ReadLines("linking/name-articles.txt"))
        {
            foreach (var word in line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                set.Add(word.ToLowerInvariant());
        }

        return set;
    });

    /// <summary>The name with whitespace collapsed, curly apostrophes straightened, quotes, brackets and a possessive dropped; "" for no name.</summary>
    public static string Clean(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
            return "";
        var words = written.Replace('’', '\'').Replace('‘', '\'').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var name = string.Join(' ', words).Trim(' ', '"', '“', '”', '\'', ',', ';', ':', '(', ')', '[', ']', '{', '}', '!', '?', '*', '|');
        if (name.EndsWith("'s", StringComparison.OrdinalIgnoreCase) && name.Length > 3)
            name = name[..^2];
        else if (name.EndsWith("s'", StringComparison.Ordinal) && name.Length > 3)
            name = name[..^1];
        // A trailing full stop is the sentence's unless the name is an abbreviation ("U.S.").
        if (name.EndsWith('.') && name.IndexOf('.', StringComparison.Ordinal) == name.Length - 1)
            name = name[..^1];
        return name.Any(char.IsLetterOrDigit) ? name : "";
    }

    /// <summary>Lowercase, no diacritics, one space between words, apostrophes dropped: the key spellings are counted by.</summary>
    public static string Fold(string name)
    {
        var clean = Clean(name);
        var builder = new StringBuilder(clean.Length);
        foreach (var c in clean.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or 'ʿ' or 'ʾ' or '`' or '´')
                continue;
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>True when every letter of the name is a capital ("SAA", "U.S."): such names are acronyms and match only as written.</summary>
    public static bool IsAcronym(string name) =>
        name.Length is >= 2 and <= 8 && name.Any(char.IsLetter) && !name.Any(char.IsLower) && !name.Contains(' ', StringComparison.Ordinal);

    /// <summary>The folded words of a name, split at spaces and hyphens, with whether each was joined to the next by a hyphen.</summary>
    private static List<(string Word, bool Hyphened)> Words(string folded)
    {
        var words = new List<(string, bool)>();
        var start = 0;
        for (var i = 0; i <= folded.Length; i++)
        {
            if (i < folded.Length && folded[i] is not (' ' or '-' or '–'))
                continue;
            if (i > start)
                words.Add((Letters(folded[start..i]), i < folded.Length && folded[i] != ' '));
            start = i + 1;
        }

        words.RemoveAll(w => w.Item1.Length == 0);
        return words;
    }

    private static string Letters(string word) => string.Concat(word.Where(char.IsLetterOrDigit));

    /// <summary>
    /// The transliteration key: folded words, Arabic articles dropped (joined by a hyphen, or "al"/"el" before a
    /// word), an article fused into its word with a doubled sun letter dropped ("ezzor" → "zor"), then the words run
    /// together with doubled letters single and "ou"/"oo" as "u".
    /// </summary>
    public static string Transliteration(string name)
    {
        var words = Words(Fold(name));
        var builder = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            var (word, hyphened) = words[i];
            var last = i == words.Count - 1;
            if (!last && Articles.Value.Contains(word) && (hyphened || word is "al" or "el"))
                continue;
            // A regnal or sequel number ("III", "II") is kept as written: "Act II" and "Act III" are two things.
            if (word.Length <= 4 && word.All(c => c is 'i' or 'v' or 'x') && i > 0)
                builder.Append('#').Append(word).Append('#');
            else
                builder.Append(FusedArticleDropped(word));
        }

        return Simplify(builder.ToString());
    }

    /// <summary>The transliteration key of a person's surname: the last word, its article dropped ("al-Assad" → "sad").</summary>
    public static string SurnameKey(string fullName)
    {
        var words = Words(Fold(fullName));
        return words.Count == 0 ? "" : Simplify(FusedArticleDropped(words[^1].Word));
    }

    /// <summary>The folded first word of a name with at least two words, or null.</summary>
    public static string? GivenName(string fullName)
    {
        var words = Fold(fullName).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 ? words[0].TrimEnd('.') : null;
    }

    /// <summary>Two given names that may be one person's: equal by transliteration, or one an initial of the other ("V." / "Vladimir").</summary>
    public static bool GivenNamesAgree(string a, string b)
    {
        if (a.Length == 1 || b.Length == 1)
            return a[0] == b[0];
        return Transliteration(a) == Transliteration(b);
    }

    /// <summary>Number of words in a cleaned name.</summary>
    public static int WordCount(string name) => Clean(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string FusedArticleDropped(string word) =>
        word.Length >= 5 && word[0] is 'a' or 'e' && word[1] == word[2] && word[1] is 't' or 'd' or 'r' or 'z' or 's' or 'n' or 'l'
            ? word[2..]
            : word;

    private static string Simplify(string joined)
    {
        var builder = new StringBuilder(joined.Length);
        foreach (var c in joined.Replace("ou", "u", StringComparison.Ordinal).Replace("oo", "u", StringComparison.Ordinal))
        {
            if (builder.Length > 0 && builder[^1] == c && char.IsLetter(c) && !InNumeral(builder))
                continue;
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool InNumeral(StringBuilder builder)
    {
        for (var i = builder.Length - 1; i >= 0; i--)
        {
            if (builder[i] == '#')
                return builder.ToString(0, i).Count(c => c == '#') % 2 == 0;
            if (builder[i] is not ('i' or 'v' or 'x'))
                return false;
        }

        return false;
    }

    /// <summary>The key's consonants in order ("deirzor" → "drzr"), first letter kept even when a vowel.</summary>
    public static string Skeleton(string key)
    {
        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (i == 0 || key[i] is not ('a' or 'e' or 'i' or 'o' or 'u' or 'y'))
                builder.Append(key[i]);
        }

        return builder.ToString();
    }

    /// <summary>The key with one letter left out, at every position: two keys one edit apart share one of these or the key itself (symmetric deletion, as in SymSpell).</summary>
    public static IEnumerable<string> Deletions(string key)
    {
        yield return key;
        for (var i = 0; i < key.Length; i++)
            yield return string.Concat(key.AsSpan(0, i), key.AsSpan(i + 1));
    }

    /// <summary>True when one insertion, deletion, substitution or swap of neighbours turns <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static bool WithinOneEdit(string a, string b)
    {
        if (a == b)
            return true;
        if (Math.Abs(a.Length - b.Length) > 1)
            return false;
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
            i++;
        if (a.Length == b.Length)
        {
            if (a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1)))
                return true;
            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
        }

        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return longer.AsSpan(i + 1).SequenceEqual(shorter.AsSpan(i));
    }

    /// <summary>A stable, readable id part: the folded name with every run of other characters as one hyphen.</summary>
    public static string Slug(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in Fold(name))
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }

        return builder.ToString().Trim('-');
    }
}
