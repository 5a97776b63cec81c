
namespace ClaimTrace;

/// <summary>
/// Finds people, organisations, places and armed groups. Evidence, strongest first: a name the gazetteer knows
/// (alias groups resolve to their head), a title before a capitalised name ("Colonel General Mikhail Mizintsev",
/// "spokesman Igor Tsarikov"), a head word that makes a capitalised run an organisation ("... Defense Management
/// Center", "... Observatory for Human Rights"), a capitalised name before a reporting verb ("Pell said"), and a
/// surname of a person named earlier in the page ("Mizintsev"). A capitalised word with none of this evidence is
/// not reported: sentence-initial words and headline case would otherwise flood the list.
/// </summary>
public sealed class EntityRecognizer
{
    private readonly Gazetteer _gazetteer;
    private readonly EntityLexicon _lexicon;

    public EntityRecognizer()
        : this(Gazetteer.Default, EntityLexicon.Default)
    {
    }

    internal EntityRecognizer(Gazetteer gazetteer, EntityLexicon lexicon)
    {
        _gazetteer = gazetteer;
        _lexicon = lexicon;
    }

    /// <summary>
    /// The next word at or after <paramref name="from"/>: letters and digits, with inner hyphens, apostrophes and
    /// full stops ("ez-Zor", "al-Tanf", "Hay'at", "U.S") and a trailing full stop ("U.S."); a possessive is split
    /// off later. Written out by hand because it runs over every character of every page; it is the regular
    /// expression <c>[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*\.?</c>, whose greedy match never needs to backtrack.
    /// </summary>
    internal static bool NextWord(string text, int from, out int start, out int end)
    {
        start = from;
        while (start < text.Length && !RegexWordChar.Is(text[start]))
            start++;
        end = start;
        if (start >= text.Length)
            return false;
        while (true)
        {
            while (end < text.Length && RegexWordChar.Is(text[end]))
                end++;
            if (end + 1 < text.Length && text[end] is '-' or '\'' or '’' or '.' && RegexWordChar.Is(text[end + 1]))
            {
                end++;
                continue;
            }

            break;
        }

        if (end < text.Length && text[end] == '.')
            end++;
        return true;
    }

    internal readonly record struct Token(int Start, int End, bool Capitalised, bool JoinedToNext);

    public IReadOnlyList<EntityMention> Extract(string text, IReadOnlyList<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        if (text.Length == 0)
            return [];
        var tokens = Tokenise(text);
        var mentions = new List<EntityMention>();
        var taken = new bool[tokens.Count];
        Gazetteered(text, tokens, taken, mentions);
        Typed(text, tokens, taken, mentions);
        Titled(text, tokens, taken, mentions);
        Organisations(text, tokens, taken, mentions);
        Cued(text, tokens, taken, mentions);
        Surnames(text, tokens, taken, mentions);
        mentions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return mentions;
    }

    private static List<Token> Tokenise(string text)
    {
        // About one word in six characters of English prose: sized once rather than grown by doubling.
        var tokens = new List<Token>(text.Length / 6 + 16);
        for (var position = 0; NextWord(text, position, out var start, out var wordEnd); position = wordEnd)
        {
            var end = wordEnd;
            // A full stop ends a word unless it is an abbreviation the title list or gazetteer knows ("Mr.", "U.S.").
            if (text[end - 1] == '.' && end - start > 1)
                end--;
            var possessive = false;
            if (end - start > 2 && (text[end - 1] == 's' || text[end - 1] == 'S') && (text[end - 2] == '\'' || text[end - 2] == '’'))
            {
                end -= 2;
                possessive = true;
            }

            var first = text[start];
            tokens.Add(new Token(start, end, char.IsUpper(first), !possessive));
        }

        // Words join into one name only across a single space or tab, never across punctuation or a line break.
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!tokens[i].JoinedToNext)
                continue;
            var gap = text.AsSpan(tokens[i].End, tokens[i + 1].Start - tokens[i].End);
            var joined = gap.Length is >= 1 and <= 2 && !gap.ContainsAnyExcept(' ', '\t');
            if (gap.Length == 2 && gap[0] == '.' && gap[1] == ' ')
                joined = true;
            tokens[i] = tokens[i] with { JoinedToNext = joined };
        }

        return tokens;
    }

    /// <summary>Names the gazetteer knows, longest first at each word.</summary>
    private void Gazetteered(string text, List<Token> tokens, bool[] taken, List<EntityMention> mentions)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!t.Capitalised && !IsLowerParticle(text, t))
                continue;
            var matched = false;
            var longest = _gazetteer.MayStartName(text.AsSpan(t.Start, t.End - t.Start)) ? Math.Min(_gazetteer.LongestName, RunLength(tokens, i)) : 0;
            for (var n = longest; n >= 1 && !matched; n--)
            {
                var end = tokens[i + n - 1].End;
                if (End(text, tokens[i + n - 1], out var withDot) && _gazetteer.Find(text.AsSpan(t.Start, withDot - t.Start)) is { } dotted)
                {
                    Add(mentions, taken, i, n, t.Start, withDot, text, dotted.Kind, dotted.Canonical);
                    matched = true;
                    i += n - 1;
                }
                else if (_gazetteer.Find(text.AsSpan(t.Start, end - t.Start)) is { } entry && (t.Capitalised || entry.Canonical.Length > 0))
                {
                    if (entry.ExactCase && !AllCapsContextAllows(text, tokens, i, n))
                        continue;
                    Add(mentions, taken, i, n, t.Start, end, text, entry.Kind, entry.Canonical);
                    matched = true;
                    i += n - 1;
                }
            }

            if (!matched && text.AsSpan(t.Start, t.End - t.Start).IndexOfAny('-', '–') is var dash and > 0 && t.Capitalised)
            {
                // "US-backed", "Russian-led": the name before a hyphen and a lowercase word is still a mention.
                var head = text.AsSpan(t.Start, dash);
                var rest = text.AsSpan(t.Start + dash + 1, t.End - t.Start - dash - 1);
                if (rest.Length > 0 && char.IsLower(rest[0]) && _gazetteer.Find(head) is { } prefix)
                {
                    taken[i] = true;
                    mentions.Add(new EntityMention(t.Start, t.Start + dash, head.ToString(), prefix.Kind, prefix.Canonical));
                }
            }
        }
    }

    /// <summary>A trailing full stop that belongs to an abbreviation ("U.S.", "Mr.") is part of the word.</summary>
    private static bool End(string text, Token last, out int withDot)
    {
        withDot = last.End + 1;
        return last.End < text.Length && text[last.End] == '.' && last.End - last.Start <= 4;
    }

    /// <summary>"IS" in "THE IS FIGHTERS ARE ..." is shouting, not the group: an all-caps alias needs lowercase near it.</summary>
    private static bool AllCapsContextAllows(string text, List<Token> tokens, int i, int n)
    {
        bool Shouted(int k) => k >= 0 && k < tokens.Count && IsAllCaps(text, tokens[k]) && tokens[k].End - tokens[k].Start > 1;
        return !(Shouted(i - 1) && Shouted(i + n)) && !(Shouted(i - 1) && Shouted(i - 2)) && !(Shouted(i + n) && Shouted(i + n + 1));
    }

    private static bool IsAllCaps(string text, Token t)
    {
        var span = text.AsSpan(t.Start, t.End - t.Start);
        return span.ContainsAnyInRange('A', 'Z') && !span.ContainsAnyInRange('a', 'z');
    }

    /// <summary>"al-Tanf", "at-Tanf", "de Mistura": lowercase particles that begin names.</summary>
    private bool IsLowerParticle(string text, Token t)
    {
        var span = text.AsSpan(t.Start, t.End - t.Start);
        var dash = span.IndexOf('-');
        if (dash > 0 && dash + 1 < span.Length && char.IsUpper(span[dash + 1]))
            return _lexicon.Particles.Contains(span[..dash]);
        return _lexicon.Particles.Contains(span);
    }

    /// <summary>How many words from <paramref name="i"/> are joined by single spaces.</summary>
    private static int RunLength(List<Token> tokens, int i)
    {
        var n = 1;
        while (i + n - 1 < tokens.Count - 1 && tokens[i + n - 1].JoinedToNext && n < 12)
            n++;
        return Math.Min(n, tokens.Count - i);
    }

    private static void Add(List<EntityMention> mentions, bool[] taken, int i, int n, int start, int end, string text, EntityKind kind, string canonical)
    {
        for (var k = i; k < i + n; k++)
            taken[k] = true;
        mentions.Add(new EntityMention(start, end, text[start..end], kind, canonical));
    }

    /// <summary>A title, then one to four capitalised name words: a person ("President Bashar al-Assad").</summary>
    private void Titled(string text, List<Token> tokens, bool[] taken, List<EntityMention> mentions)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var titleLength = _lexicon.TitleAt(text, tokens, i);
            if (titleLength == 0)
                continue;
            var first = i + titleLength;
            if (first >= tokens.Count || !tokens[first - 1].JoinedToNext && !Dotted(text, tokens[first - 1]))
                continue;
            var n = NameLength(text, tokens, taken, first);
            if (n == 0)
                continue;
            var start = tokens[first].Start;
            var end = tokens[first + n - 1].End;
            var written = text[start..end];
            Add(mentions, taken, first, n, start, end, text, EntityKind.Person, _gazetteer.Find(written) is { Kind: EntityKind.Person } known ? known.Canonical : written);
            i = first + n - 1;
        }
    }

    private static bool Dotted(string text, Token t) => t.End < text.Length && text[t.End] == '.';

    /// <summary>Capitalised words (and name particles) not already taken, not titles, not head words, at most four.</summary>
    private int NameLength(string text, List<Token> tokens, bool[] taken, int first)
    {
        var n = 0;
        while (first + n < tokens.Count && n < 4)
        {
            var k = first + n;
            var t = tokens[k];
            var word = text.AsSpan(t.Start, t.End - t.Start);
            var isName = !taken[k] && (t.Capitalised || (n > 0 && IsLowerParticle(text, t))) && !_lexicon.NotNames.Contains(word)
                && !_lexicon.IsHeadWord(word) && _lexicon.TitleAt(text, tokens, k) == 0 && !IsAllCaps(text, t);
            if (!isName)
                break;
            n++;
            if (!t.JoinedToNext)
                break;
        }

        // A name does not end in a particle ("de").
        while (n > 0 && !tokens[first + n - 1].Capitalised)
            n--;
        return n;
    }

    /// <summary>A run of capitalised words holding a head word: "Russian National Defense Management Center".</summary>
    private void Organisations(string text, List<Token> tokens, bool[] taken, List<EntityMention> mentions)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (taken[i] || !tokens[i].Capitalised || _lexicon.NotNames.Contains(text.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start)))
                continue;
            var last = i;
            var head = -1;
            EntityKind kind = EntityKind.Organisation;
            for (var k = i; k < tokens.Count; k++)
            {
                var t = tokens[k];
                var word = text.AsSpan(t.Start, t.End - t.Start);
                if (taken[k] || _lexicon.TitleAt(text, tokens, k) > 0 && k > i)
                    break;
                if (t.Capitalised)
                {
                    last = k;
                    if (_lexicon.HeadWord(word) is { } headKind)
                    {
                        head = k;
                        kind = headKind;
                    }
                }
                else if (!_lexicon.IsConnector(word) || k + 1 >= tokens.Count || !tokens[k + 1].Capitalised)
                    break;
                if (!t.JoinedToNext)
                    break;
            }

            if (head < 0 || last == i && head == i && _lexicon.IsHeadWord(text.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start)))
            {
                i = Math.Max(i, last);
                continue;
            }

            var start = tokens[i].Start;
            var end = tokens[last].End;
            Add(mentions, taken, i, last - i + 1, start, end, text, kind, text[start..end]);
            i = last;
        }
    }

    /// <summary>
    /// One to three capitalised words right before a place-type word make a place the gazetteer does not know:
    /// "the Lower Brenn district", "Kessel village". The mention spans the type word, as a reader names the place.
    /// Names the data or an earlier pass already took (a known place, a person) are left to them.
    /// </summary>
    private void Typed(string text, List<Token> tokens, bool[] taken, List<EntityMention> mentions)
    {
        for (var k = 1; k < tokens.Count; k++)
        {
            var type = tokens[k];
            if (type.Capitalised || taken[k] || !_lexicon.PlaceTypes.Contains(text.AsSpan(type.Start, type.End - type.Start)) || !tokens[k - 1].JoinedToNext)
                continue;
            var first = k;
            while (first > 0 && k - first < 3 && tokens[first - 1].Capitalised && !taken[first - 1] && (first == k || tokens[first - 1].JoinedToNext)
                   && !_lexicon.NotNames.Contains(text.AsSpan(tokens[first - 1].Start, tokens[first - 1].End - tokens[first - 1].Start)))
                first--;
            if (first == k)
                continue;
            var start = tokens[first].Start;
            Add(mentions, taken, first, k - first + 1, start, type.End, text, EntityKind.Place, text[start..type.End]);
        }
    }

    /// <summary>One to three capitalised words right before a reporting verb: "Pell said", "Aron Lindqvist said".</summary>
    private void Cued(string text, List<Token> tokens, bool[] taken, List<EntityMention> mentions)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            var verb = text.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start);
            if (!_lexicon.CueVerbs.Contains(verb) || !tokens[i - 1].JoinedToNext || taken[i - 1] || !tokens[i - 1].Capitalised)
                continue;
            var first = i - 1;
            while (first > 0 && i - first < 3 && tokens[first - 1].JoinedToNext && !taken[first - 1] && tokens[first - 1].Capitalised)
                first--;
            var n = NameLength(text, tokens, taken, first);
            while (n > 0 && first + n != i)
            {
                first++;
                n = NameLength(text, tokens, taken, first);
            }

            if (n == 0)
                continue;
            var start = tokens[first].Start;
            var end = tokens[i - 1].End;
            var written = text[start..end];
            Add(mentions, taken, first, n, start, end, text, EntityKind.Person, _gazetteer.Find(written) is { Kind: EntityKind.Person } known ? known.Canonical : written);
        }
    }

    /// <summary>"Mizintsev" once the page has named "Mikhail Mizintsev": the surname stands for the full name.</summary>
    private static void Surnames(string text, List<Token> tokens, bool[] taken, List<EntityMention> mentions)
    {
        var people = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (m.Kind != EntityKind.Person)
                continue;
            var space = m.Canonical.LastIndexOf(' ');
            if (space > 0)
                people.TryAdd(m.Canonical[(space + 1)..], m.Canonical);
        }

        if (people.Count == 0)
            return;
        var lookup = people.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (taken[i] || !t.Capitalised || !lookup.TryGetValue(text.AsSpan(t.Start, t.End - t.Start), out var full))
                continue;
            Add(mentions, taken, i, 1, t.Start, t.End, text, EntityKind.Person, full);
        }

        // A surname found earlier by its cue verb ("Mizintsev said") also stands for the full name.
        for (var k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k];
            if (m.Kind == EntityKind.Person && !m.Canonical.Contains(' ', StringComparison.Ordinal) && people.TryGetValue(m.Canonical, out var full))
                mentions[k] = m with { Canonical = full };
        }
    }
}
