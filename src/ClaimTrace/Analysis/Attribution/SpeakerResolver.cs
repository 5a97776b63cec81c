namespace ClaimTrace;

/// <summary>
/// Turns the source phrase of an attribution into a <see cref="Speaker"/>, resolving it within the page:
/// a surname or "Mr X" to the full name given earlier, "the colonel general" to the person of that rank,
/// "he"/"she" to the person the sentence or the page last quoted, and a bare description ("the head of Russian
/// troops in Syria") to the named speaker whose role matches, even one named later (a lede often describes
/// before it names). A phrase that names nobody stays as written with kind Unknown or Group: never guessed.
/// </summary>
internal sealed class SpeakerResolver(string text, CueLexicon lexicon)
{
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "some", "many", "several", "two", "three" };
    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal) { "de", "al", "el", "van", "von", "bin", "ibn", "da", "del", "der", "la", "le", "di", "du", "dos", "ben" };

    private readonly List<Speaker> _known = [];
    private readonly List<Token> _words = [];
    private Speaker? _lastPerson;
    private Speaker? _lastOrganisation;

    // Keyed by the speaker object itself: two equal records named at different places are still looked up apart.
    private readonly Dictionary<Speaker, KnownForms> _forms = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<Speaker> Known => _known;

    /// <param name="start">source phrase start</param>
    /// <param name="end">source phrase end</param>
    /// <param name="role">an appositive role ("a doctor", "head of Russia's operations in Syria"), if any</param>
    /// <param name="sentenceStart">where the sentence begins, to find a name earlier in it for a pronoun</param>
    public Speaker Resolve(int start, int end, string? role, int sentenceStart)
    {
        var written = text[start..end];
        var words = Words(start, end);
        if (words.Count == 1 && IsPronoun(written, out var personal))
            return ResolvePronoun(written, start, end, personal, sentenceStart);

        var first = 0;
        while (first < words.Count - 1 && Determiners.Has(Word(words[first])))
            first++;

        // "The United States and France", "Trump and Clinton": two parties speaking together are a group, not the last name.
        for (var i = first + 1; i < words.Count - 1; i++)
        {
            if (Word(words[i]) is "and" && char.IsUpper(text[words[i - 1].Start]) && char.IsUpper(text[words[i + 1].Start])
                && !AnyTitle(words))
                return new Speaker(written, start, end, text[words[first].Start..end], words[first].Start, end, SpeakerKind.Group, role);
        }

        // The trailing run of capitalised non-title words is the name; ranks and roles sit in front of it.
        var nameFrom = words.Count;
        while (nameFrom > first && IsNameWord(words, nameFrom - 1))
            nameFrom--;
        // "The head of Russian troops in Syria": a name after a preposition is not who the phrase is about.
        var hasName = nameFrom < words.Count && !(nameFrom > first && Word(words[nameFrom - 1]) is "in" or "of" or "for" or "from" or "at" or "to");
        string? rank = null;
        var roleEnd = nameFrom;
        if (hasName)
        {
            var rankFrom = nameFrom;
            while (rankFrom > first && lexicon.TitleType(Word(words[rankFrom - 1])) is "rank" or "honorific")
                rankFrom--;
            var (firstRank, lastRank) = (-1, -1);
            for (var i = rankFrom; i < nameFrom; i++)
            {
                if (lexicon.TitleType(Word(words[i])) == "rank")
                    (firstRank, lastRank) = (firstRank < 0 ? i : firstRank, i);
            }

            if (firstRank >= 0)
                rank = text[words[firstRank].Start..words[lastRank].End];
            roleEnd = rankFrom;
        }

        var prefixRole = roleEnd > first ? text[words[first].Start..words[roleEnd - 1].End] : null;
        var hasOrgWord = false;
        var hasRoleWord = false;
        var hasGroupWord = false;
        for (var i = first; i < words.Count; i++)
        {
            var type = lexicon.TitleType(Word(words[i]));
            hasOrgWord |= type == "org";
            hasRoleWord |= type is "role" or "rank" && i < nameFrom;
            hasGroupWord |= type == "group";
        }

        if (hasName && (hasRoleWord || !hasOrgWord))
        {
            var nameStart = words[nameFrom].Start;
            var nameEnd = words[^1].End;
            var name = text[nameStart..nameEnd];
            if (!hasRoleWord && rank is null && nameFrom == first && Gazetteer.Default.Find(name) is { Kind: EntityKind.Place } place)
            {
                // "Moscow's declaration", "Washington said": a place that speaks is its government. It is no
                // person, and no body with a spokesman either, so a later "he" does not resolve to it.
                var government = new Speaker(written, start, end, place.Canonical, nameStart, nameEnd, SpeakerKind.Organisation, role);
                _known.Add(government);
                return government;
            }

            var organisation = prefixRole is null ? null : OrganisationIn(prefixRole);
            Speaker? same = null;
            if (nameFrom == words.Count - 1)
                same = _known.LastOrDefault(k => k.Kind == SpeakerKind.Person && Surname(k.Name).Equals(name, StringComparison.OrdinalIgnoreCase));
            else
                same = _known.LastOrDefault(k => k.Kind == SpeakerKind.Person && k.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            var speaker = same is not null
                ? new Speaker(written, start, end, same.Name, same.NameStart, same.NameEnd, SpeakerKind.Person, prefixRole ?? role ?? same.Role, rank ?? same.Rank, organisation ?? same.Organisation)
                : new Speaker(written, start, end, name, nameStart, nameEnd, SpeakerKind.Person, prefixRole ?? role, rank, organisation);
            Remember(speaker);
            return speaker;
        }

        var phraseStart = words[first].Start;
        var phrase = text[phraseStart..end];
        if (hasOrgWord && char.IsUpper(phrase[0]))
        {
            // "Veldmark's Ministry of Energy": the owner names the country, the organisation is what follows.
            var owner = Word(words[first]);
            if (words.Count - first > 1 && (owner.EndsWith("'s", StringComparison.Ordinal) || owner.EndsWith("’s", StringComparison.Ordinal)))
            {
                phraseStart = words[first + 1].Start;
                phrase = text[phraseStart..end];
            }

            var speaker = new Speaker(written, start, end, phrase, phraseStart, end, SpeakerKind.Organisation, role);
            Remember(speaker);
            return speaker;
        }

        if (hasGroupWord)
            return new Speaker(written, start, end, phrase, phraseStart, end, SpeakerKind.Group, role);

        var described = Describe(phrase);
        if (described is not null)
            return new Speaker(written, start, end, described.Name, described.NameStart, described.NameEnd, described.Kind, described.Role, described.Rank, described.Organisation);
        return new Speaker(written, start, end, phrase, phraseStart, end, hasOrgWord ? SpeakerKind.Organisation : SpeakerKind.Unknown, role);
    }

    /// <summary>A description ("the colonel general", "the head of ...") matched to a known person by rank or role.</summary>
    public Speaker? Describe(string phrase)
    {
        var lower = phrase.ToLowerInvariant();
        // The description's words are the same for every known person: split once, not once per person.
        var words = ContentWords(lower);
        var byRole = words.Length >= 2 && lexicon.TitleType(words[0]) == "role";
        for (var k = _known.Count - 1; k >= 0; k--)
        {
            var known = _known[k];
            if (known.Kind != SpeakerKind.Person)
                continue;
            var forms = FormsOf(known);
            if (forms.Rank is { } rank && lower.EndsWith(rank, StringComparison.Ordinal))
                return known;
            if (byRole && forms.RoleWords is { } role && SameRole(words, role))
                return known;
        }

        return null;
    }

    /// <summary>Same head noun ("head", "spokesman") and at least one more content word in common.</summary>
    private static bool SameRole(string[] description, string[] role)
    {
        if (role.Length < 2 || description[0] != role[0])
            return false;
        for (var i = 1; i < description.Length; i++)
        {
            for (var j = 1; j < role.Length; j++)
            {
                if (description[i] == role[j])
                    return true;
            }
        }

        return false;
    }

    private static string[] ContentWords(string lower) =>
        lower.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Determiners.Contains(w) && w is not ("of" or "in" or "for")).ToArray();

    /// <summary>
    /// A known person's rank and role lower-cased and split, kept per speaker: a page's descriptions are compared
    /// with every person it has named, and lower-casing those each time was most of the resolver's cost.
    /// </summary>
    private KnownForms FormsOf(Speaker known)
    {
        if (!_forms.TryGetValue(known, out var forms))
        {
            forms = new KnownForms(known.Rank?.ToLowerInvariant(), known.Role is { } role ? ContentWords(role.ToLowerInvariant()) : null);
            _forms[known] = forms;
        }

        return forms;
    }

    private sealed record KnownForms(string? Rank, string[]? RoleWords);

    private Speaker ResolvePronoun(string written, int start, int end, bool personal, int sentenceStart)
    {
        if (personal)
        {
            // A person named earlier in the same sentence ("After President X was briefed, he said") comes first.
            var inSentence = _known.LastOrDefault(k => k.Kind == SpeakerKind.Person && k.Start >= sentenceStart && k.End <= start);
            var target = inSentence ?? _lastPerson;
            if (target is not null)
                return new Speaker(written, start, end, target.Name, target.NameStart, target.NameEnd, SpeakerKind.Person, target.Role, target.Rank, target.Organisation);

            // Only an organisation has spoken so far: "he" is its unnamed spokesman.
            if (_lastOrganisation is { } org)
                return new Speaker(written, start, end, org.Name, org.NameStart, org.NameEnd, SpeakerKind.Person, Organisation: org.Name);
        }
        else if (written.Equals("they", StringComparison.OrdinalIgnoreCase) && _lastOrganisation is { } org)
        {
            return new Speaker(written, start, end, org.Name, org.NameStart, org.NameEnd, SpeakerKind.Organisation);
        }

        return new Speaker(written, start, end, written, start, end, SpeakerKind.Unknown);
    }

    public void Remember(Speaker speaker)
    {
        _known.Add(speaker);
        if (speaker.Kind == SpeakerKind.Person)
            _lastPerson = speaker;
        else if (speaker.Kind == SpeakerKind.Organisation)
            _lastOrganisation = speaker;
    }

    /// <summary>A mention of a person that is not a speaker ("After President X was briefed"), kept for pronouns.</summary>
    public void Mention(int start, int end)
    {
        var words = Words(start, end);
        if (words.Count < 2 || !IsNameWord(words, words.Count - 1))
            return;
        // A mention is a candidate for a pronoun in its own sentence; it never displaces the last speaker.
        var (lastPerson, lastOrganisation) = (_lastPerson, _lastOrganisation);
        var speaker = Resolve(start, end, null, start);
        (_lastPerson, _lastOrganisation) = (lastPerson, lastOrganisation);
        if (speaker.Kind != SpeakerKind.Person)
            _known.Remove(speaker);
    }

    private string? OrganisationIn(string role)
    {
        foreach (var w in role.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lexicon.TitleType(w) == "org" && char.IsUpper(w[0]))
                return role[..(role.IndexOf(w, StringComparison.Ordinal) + w.Length)];
        }

        return null;
    }

    private static ReadOnlySpan<char> Surname(string name)
    {
        var space = name.LastIndexOf(' ');
        return space < 0 ? name : name.AsSpan(space + 1);
    }

    private bool IsNameWord(List<Token> words, int i)
    {
        var w = text.AsSpan(words[i].Start, words[i].Length);
        if (w.Length == 0)
            return false;
        if (char.IsUpper(w[0]))
            return !Determiners.Has(w) && lexicon.TitleType(w) is null;
        // Lower-case particles inside a name ("Staffan de Mistura", "Bashar al-Assad") when a capital follows.
        return i + 1 < words.Count && NameParticles.Has(w) && char.IsUpper(text[words[i + 1].Start]);
    }

    private static bool IsPronoun(string word, out bool personal)
    {
        personal = word is "he" or "He" or "she" or "She" or "his" or "His" or "her" or "Her";
        return personal || word.ToLowerInvariant() is "i" or "we" or "they" or "you" or "it" or "their" or "its" or "our";
    }

    private ReadOnlySpan<char> Word(Token t) => text.AsSpan(t.Start, t.Length);

    private bool AnyTitle(List<Token> words)
    {
        foreach (var w in words)
        {
            if (lexicon.TitleType(Word(w)) is not null)
                return true;
        }

        return false;
    }

    /// <summary>
    /// The words of a phrase, in one list the resolver reuses (a page resolves one phrase at a time): valid until the
    /// next call.
    /// </summary>
    private List<Token> Words(int start, int end)
    {
        Tokenizer.Tokenize(text, start, end, _words);
        _words.RemoveAll(t => !t.IsWord);
        return _words;
    }
}
