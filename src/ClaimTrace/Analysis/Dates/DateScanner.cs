using System.Text;
using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>
/// Finds the same matches as running the lexicon's whole date pattern over a page, at a fraction of the cost.
/// That pattern is a long alternation with look-arounds and case-insensitive parts: the regex engine has no
/// literal prefix to search for, so it tries every alternative at every character, and even one anchored try
/// costs microseconds. But a date only starts at the start of a word (the pattern's look-behind says so), and each
/// alternative only at a digit or at a word one of its phrases begins with ("December", "last", "in", ...). So
/// the scanner walks the word starts, looks the word up, and tries, anchored there, a pattern made of just the
/// alternatives that word can start, in their original priority order: the first match at a position is the one
/// the whole pattern would have found. A word with letters outside ASCII is tried against every alternative, so
/// case folding the look-up does not model can never hide a match.
/// </summary>
internal sealed class DateScanner
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly Dictionary<char, int> _otherStarts = [];
    private readonly Dictionary<int, Regex> _patterns = [];
    private readonly int _digit;
    private readonly int _all;

    public DateScanner(DateLexicon lexicon)
    {
        if (lexicon.Alternatives.Count > 31)
            throw new ArgumentException("the date pattern has more alternatives than the scanner's bit set holds", nameof(lexicon));
        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lexicon.Alternatives.Count; i++)
        {
            var bit = 1 << i;
            _all |= bit;
            foreach (var phrase in lexicon.Alternatives[i].Starters)
            {
                if (phrase.Length == 0)
                    continue;
                if (char.IsDigit(phrase[0]))
                    _digit |= bit;
                else if (char.IsLetter(phrase[0]))
                    words[LetterRun(phrase, 0).ToString()] = words.GetValueOrDefault(LetterRun(phrase, 0).ToString()) | bit;
                else
                    // A user's phrase may begin with punctuation ("'til"): it can start a date wherever that character
                    // stands, word start or not, and the pattern's own look-behind decides.
                    _otherStarts[phrase[0]] = _otherStarts.GetValueOrDefault(phrase[0]) | bit;
            }
        }

        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var set in words.Values.Concat(_otherStarts.Values).Append(_digit).Append(_all).Where(s => s != 0).Distinct())
            _patterns[set] = lexicon.Compose(Enumerable.Range(0, lexicon.Alternatives.Count).Where(i => (set & (1 << i)) != 0), anchored: true);
    }

    /// <summary>Matches in text order, none overlapping, exactly as <c>Regex.Matches</c> of the whole pattern.</summary>
    public List<Match> Matches(string text)
    {
        var found = new List<Match>();
        var p = 0;
        while (p < text.Length)
        {
            var set = AlternativesAt(text, p);
            if (set == 0)
            {
                p = Next(text, p);
                continue;
            }

            var match = _patterns[set].Match(text, p);
            if (!match.Success)
            {
                p = Next(text, p);
                continue;
            }

            found.Add(match);
            p = match.Index + Math.Max(match.Length, 1);
        }

        return found;
    }

    /// <summary>
    /// The next position a date may start at after <paramref name="p"/>. Without phrases that begin with punctuation,
    /// only a word start can, so the rest of a word is skipped rather than asked about letter by letter.
    /// </summary>
    private int Next(string text, int p)
    {
        p++;
        if (_otherStarts.Count > 0)
            return p;
        while (p < text.Length && RegexWordChar.Is(text[p]) && RegexWordChar.Is(text[p - 1]))
            p++;
        return p;
    }

    /// <summary>The alternatives that can match at <paramref name="p"/>, as a bit set; 0 when none can.</summary>
    private int AlternativesAt(string text, int p)
    {
        var c = text[p];
        var set = _otherStarts.Count > 0 ? _otherStarts.GetValueOrDefault(c) : 0;
        if (!RegexWordChar.Is(c) || (p > 0 && RegexWordChar.Is(text[p - 1])))
            return set;
        if (char.IsDigit(c))
            return set | _digit;
        if (!char.IsLetter(c))
            return set;
        var word = LetterRun(text, p);
        if (!Ascii.IsValid(word))
            return _all;
        return _words.TryGetValue(word, out var starts) ? set | starts : set;
    }

    private static ReadOnlySpan<char> LetterRun(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsLetter(text[end]))
            end++;
        return text.AsSpan(start, end - start);
    }

}
