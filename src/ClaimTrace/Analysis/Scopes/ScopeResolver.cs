namespace ClaimTrace;

/// <summary>
/// Decides the place a number is about. Evidence, strongest first:
/// <list type="number">
/// <item>a place inside the number's own words (an implied value: "Syria had been completely liberated");</item>
/// <item>a place just after it ("96.5% of Syria", "8 percent of Deir Ezzor province"), else the nearest one before
/// it in its sentence ("in at-Tanf, where 6,000 militants are staying"), else places further on in the sentence
/// (their common container when several are listed: "at the Lebanese border ... in the port of Banias");</item>
/// <item>"the country" just after it, or, for a figure of a known measure, no place in its sentence at all: the
/// country the article is about, the one its places add up to (Deir Ezzor counts for Syria), when one clearly
/// leads.</item>
/// </list>
/// A place that acts rather than locates is skipped: the possessive of an actor ("Russia's air force"), the
/// first part of a hyphenated modifier ("US-occupied"), a place that is a speaker ("Moscow said"), and a place
/// that is only part of a longer name ("Damascus International Airport", "New Mexico").
/// </summary>
public sealed class ScopeResolver
{
    private const int NearAfter = 60;

    // Beyond this, a place in the same long sentence is about another clause, not this figure.
    private const int SameClause = 150;
    private const double TitleWeight = 3;

    private readonly string _text;
    private readonly List<EntityMention> _places;
    private readonly Gazetteer _gazetteer;

    public ScopeResolver(string text, IReadOnlyList<Sentence> sentences, IReadOnlyList<EntityMention> entities, IReadOnlyList<Statement> statements, Gazetteer gazetteer)
    {
        _text = text;
        _gazetteer = gazetteer;
        var speakers = statements.Where(s => s.Speaker is not null).Select(s => new TextSpan(s.Speaker!.Start, s.Speaker.End)).ToList();
        _places = entities.Where(e => e.Kind == EntityKind.Place && Locates(e, speakers)).OrderBy(e => e.Start).ToList();
        Focus = FocusCountry(sentences);
    }

    /// <summary>The country the article is about, or null when no place clearly leads.</summary>
    public string? Focus { get; }

    public string? ScopeOf(Quantity quantity, Sentence? sentence)
    {
        if (quantity.Scope is not null)
            return quantity.Scope;
        if (sentence is null)
            return null;
        var sentencePlaces = PlacesIn(sentence);
        var inSentence = sentencePlaces
            .Where(p => p.Start - quantity.End <= SameClause && quantity.Start - p.End <= SameClause)
            .ToList();
        if (inSentence.FirstOrDefault(p => p.Start >= quantity.Start && p.End <= quantity.End) is { } inside)
            return inside.Canonical;
        var after = inSentence.Where(p => p.Start >= quantity.End).ToList();
        var near = Math.Min(sentence.End, quantity.End + NearAfter);
        var country = _text.IndexOf("the country", quantity.End, near - quantity.End, StringComparison.OrdinalIgnoreCase);
        if (country >= 0 && Focus is not null && (after.Count == 0 || after[0].Start > country))
            return Focus;
        if (after.FirstOrDefault() is { } next && next.Start - quantity.End <= NearAfter)
            return next.Canonical;
        if (inSentence.LastOrDefault(p => p.End <= quantity.Start) is { } before)
            return before.Canonical;
        if (after.Count > 0)
            return CommonContainer(after) ?? after[0].Canonical;
        if (sentencePlaces.Count > 0)
            return null; // the sentence is about a place, just not near this figure: no default either
        // Only a figure the measures file knows is a claim about the article's country: an age, a duration or
        // a poll share in a sentence without a place is not about a place at all.
        if (quantity.InComments || sentence.InComments || quantity.Measure is null)
            return null;
        return Focus;
    }

    /// <summary>The places of a sentence, found by binary search: a long page can hold thousands of both.</summary>
    private List<EntityMention> PlacesIn(Sentence sentence)
    {
        int low = 0, high = _places.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_places[mid].Start < sentence.Start)
                low = mid + 1;
            else
                high = mid;
        }

        var found = new List<EntityMention>();
        for (var i = low; i < _places.Count && _places[i].Start < sentence.End; i++)
        {
            if (_places[i].End <= sentence.End)
                found.Add(_places[i]);
        }

        return found;
    }

    private bool Locates(EntityMention place, List<TextSpan> speakers)
    {
        if (speakers.Any(s => s.Start <= place.Start && place.End <= s.End))
            return false;
        var rest = _text.AsSpan(place.End, Math.Min(24, _text.Length - place.End));
        if (rest.StartsWith("'s", StringComparison.Ordinal) || rest.StartsWith("’s", StringComparison.Ordinal))
            return false;
        if (rest.Length > 1 && rest[0] == '-' && char.IsLetter(rest[1]))
            return false;
        // "Damascus International Airport", "New Mexico": a capitalised word joined to the place makes it part of
        // another name. Before it, a compass word or a capitalised preposition still leaves the place itself
        // ("Northern Syria", "Fighting In Syria").
        if (rest.Length > 1 && rest[0] == ' ' && char.IsUpper(rest[1]) && !StartsClause(rest[1..]))
            return false;
        return PreviousWord(place.Start) is not { Length: > 0 } previous || !char.IsUpper(previous[0]) || IsSentenceStart(place.Start - previous.Length - 1)
            || StandsAlone.Contains(previous.ToString());
    }

    private static readonly HashSet<string> StandsAlone = new(StringComparer.Ordinal)
    {
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Northeastern",
        "Northwestern", "Southeastern", "Southwestern", "Upper", "Lower", "Greater", "In", "Of", "Across", "From",
    };

    /// <summary>The word before <paramref name="at"/> when one space separates them; empty otherwise.</summary>
    private ReadOnlySpan<char> PreviousWord(int at)
    {
        if (at < 2 || _text[at - 1] != ' ' || !char.IsLetter(_text[at - 2]))
            return [];
        var start = at - 2;
        while (start > 0 && char.IsLetter(_text[start - 1]))
            start--;
        return _text.AsSpan(start, at - 1 - start);
    }

    private bool IsSentenceStart(int at)
    {
        var i = at - 1;
        while (i >= 0 && _text[i] == ' ')
            i--;
        return i < 0 || _text[i] is '.' or '!' or '?' or '\n' or '"' or '“' or ':' or '(' or '[';
    }

    /// <summary>A capitalised word after a place that still lets the place stand alone ("in Syria I saw").</summary>
    private static bool StartsClause(ReadOnlySpan<char> word) =>
        word.StartsWith("I ", StringComparison.Ordinal) || word.StartsWith("On ", StringComparison.Ordinal);

    private string? CommonContainer(List<EntityMention> places)
    {
        var names = places.Select(p => p.Canonical).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count < 2)
            return null;
        var root = _gazetteer.Outermost(names[0]);
        return root is not null && names.All(n => _gazetteer.Contains(root, n)) ? root : null;
    }

    /// <summary>
    /// Mentions of article places, each credited to the outermost place it lies in, a headline mention counting
    /// three times; the leader wins when it has at least two and half again as many as the runner-up.
    /// </summary>
    private string? FocusCountry(IReadOnlyList<Sentence> sentences)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var place in _places)
        {
            var sentence = SentenceSearch.At(sentences, place.Start);
            if (sentence is null || sentence.InComments || sentence.Segment is not (SegmentKind.Title or SegmentKind.Article or SegmentKind.EditorNote))
                continue;
            var root = _gazetteer.Outermost(place.Canonical) ?? place.Canonical;
            weights[root] = weights.GetValueOrDefault(root) + (sentence.Segment == SegmentKind.Title ? TitleWeight : 1);
        }

        var ranked = weights.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(2).ToList();
        if (ranked.Count == 0 || ranked[0].Value < 2)
            return null;
        return ranked.Count == 1 || ranked[0].Value >= 1.5 * ranked[1].Value ? ranked[0].Key : null;
    }
}
