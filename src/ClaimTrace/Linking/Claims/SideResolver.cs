namespace ClaimTrace;

/// <summary>
/// Places a statement's speaker on a <see cref="Side"/>: from the organisation its role names ("Head of the Russian
/// National Defense Management Center"), the organisation it is ("Russian General Staff"), a shipped affiliation for
/// widely reported officials (data file <c>linking/affiliations.tsv</c>), then up the organisation tree
/// (<c>linking/organisation-parents.tsv</c>) to the highest organisation below the country. A place that speaks is
/// its country's government. A bare "Defense Ministry" takes the one fuller name the page gives it ("Russia's
/// Defense Ministry" in the headline).
/// </summary>
public sealed class SideResolver
{
    private readonly Gazetteer _gazetteer;
    private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _orgNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<(string Organisation, int? Since, int? Until)>> _affiliations = new(StringComparer.OrdinalIgnoreCase);

    private static readonly Lazy<SideResolver> Shipped = new(() => new SideResolver(
        Gazetteer.Default,
        DataFiles.ReadLines("linking/organisation-parents.tsv"),
        DataFiles.ReadLines("linking/affiliations.tsv"),
        DataFiles.ReadLines("analysis/organisations.tsv")));

    public static SideResolver Default => Shipped.Value;

    public SideResolver(Gazetteer gazetteer, IEnumerable<string> parents, IEnumerable<string> affiliations, IEnumerable<string> organisations)
    {
        _gazetteer = gazetteer;
        foreach (var line in organisations)
        {
            var cells = line.Split('\t');
            AddNames(cells[0].Trim(), cells.Length > 1 ? cells[1] : null);
        }

        foreach (var line in parents)
        {
            var cells = line.Split('\t');
            if (cells.Length < 2 || cells[0].Trim().Length == 0 || cells[1].Trim().Length == 0)
                throw new FormatException($"organisation-parents.tsv: '{line}' needs an organisation and its parent separated by a tab.");
            var head = cells[0].Trim();
            _parent[head] = cells[1].Trim();
            AddNames(head, cells.Length > 2 ? cells[2] : null);
        }

        foreach (var line in affiliations)
        {
            var cells = line.Split('\t');
            if (cells.Length < 2 || cells[0].Trim().Length == 0 || cells[1].Trim().Length == 0)
                throw new FormatException($"affiliations.tsv: '{line}' needs a person and an organisation separated by a tab.");
            var person = cells[0].Trim();
            if (!_affiliations.TryGetValue(person, out var posts))
                _affiliations[person] = posts = [];
            posts.Add((cells[1].Trim(), Year(cells, 2, line), Year(cells, 3, line)));
        }
    }

    /// <summary>
    /// The side of <paramref name="statement"/>'s speaker in <paramref name="page"/>; <paramref name="year"/> (when
    /// the report is dated) picks the post an official held then.
    /// </summary>
    /// <param name="people">The corpus's entity index, when there is one: a surname the page gives alone ("Mizintsev
    /// said") is the full name the corpus knows for it, so the shipped affiliations and other pages' reports apply.</param>
    public Side Resolve(LinkedPage page, Statement statement, int? year, EntityIndex? people = null)
    {
        if (statement.Speaker is not { } speaker || speaker.Kind == SpeakerKind.Unknown)
            return Side.Outlet(page.Outlet, page.Id);
        var name = speaker.Name;

        var organisation = OrganisationNamed(name)
            ?? (_gazetteer.Find(name) is { Kind: EntityKind.Organisation } known ? known.Canonical : null)
            ?? FullerNameInPage(page, name);
        if (speaker.Kind == SpeakerKind.Person && organisation is null)
        {
            var person = _gazetteer.Canonical(name) ?? name;
            if (people?.Resolve(person, EntityKind.Person) is { Kind: EntityKind.Person } resolved && resolved.Canonical.Length > person.Length
                && resolved.Canonical.EndsWith(person, StringComparison.OrdinalIgnoreCase))
                person = resolved.Canonical;
            if ((OrganisationIn(speaker.Role) ?? OrganisationIn(speaker.Organisation)) is { } fromRole)
                return ForOrganisation(fromRole, person, $"{person}: role names {fromRole}");
            if (Affiliation(person, year) is { } post)
                return ForOrganisation(post, person, $"{person}: {post} (affiliations.tsv)");
            return new Side("person:" + person, person, SideLevel.Person, null, null, $"{person}: no organisation known");
        }

        if (_gazetteer.Find(name) is { Kind: EntityKind.Place } place && _gazetteer.Outermost(place.Canonical) is { } country)
            return CountrySide(country, name, $"'{name}' speaks as the government of {country}");

        if (organisation is not null)
            return ForOrganisation(organisation, null, organisation == name ? name : $"'{name}' is {organisation}");
        return new Side("org:" + name.ToLowerInvariant(), name, SideLevel.Institution, name, null, $"{name}: organisation not in the data");
    }

    /// <summary>The country an institution's side belongs to, or null when its tree ends below one.</summary>
    public string? CountryOf(string organisation)
    {
        var current = organisation;
        for (var depth = 0; depth < 16; depth++)
        {
            if (_gazetteer.Find(current) is { Kind: EntityKind.Place } place)
                return _gazetteer.Outermost(place.Canonical) ?? place.Canonical;
            if (!_parent.TryGetValue(current, out var up))
                return null;
            current = up;
        }

        return null;
    }

    public static Side CountrySide(string country, string written, string why) =>
        new("country:" + country, country, SideLevel.Country, null, country, why);

    private Side ForOrganisation(string organisation, string? person, string why)
    {
        var institution = InstitutionOf(organisation);
        var country = CountryOf(organisation);
        var display = person is null ? institution : $"{person} ({institution})";
        return new Side("institution:" + institution, display, SideLevel.Institution, institution, country,
            institution == organisation ? why : $"{why}, part of {institution}");
    }

    /// <summary>The highest organisation above <paramref name="organisation"/> that is not a country.</summary>
    private string InstitutionOf(string organisation)
    {
        var current = organisation;
        for (var depth = 0; depth < 16 && _parent.TryGetValue(current, out var up); depth++)
        {
            if (_gazetteer.Find(up) is { Kind: EntityKind.Place })
                break;
            current = up;
        }

        return current;
    }

    private string? OrganisationNamed(string name) =>
        _orgNames.TryGetValue(name.Trim(), out var head) ? head : null;

    /// <summary>The known organisation a role or post text names ("Head of the Russian National Defense Management Center").</summary>
    private string? OrganisationIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        string? best = null;
        var bestLength = 0;
        foreach (var (alias, head) in _orgNames)
        {
            if (alias.Length > bestLength && ContainsWords(text, alias))
                (best, bestLength) = (head, alias.Length);
        }

        return best;
    }

    /// <summary>"Defense Ministry" alone is the one known organisation of the page whose name ends with those words.</summary>
    private string? FullerNameInPage(LinkedPage page, string bare)
    {
        string? found = null;
        foreach (var (alias, head) in _orgNames)
        {
            if (alias.Length <= bare.Length || !alias.EndsWith(bare, StringComparison.OrdinalIgnoreCase)
                || char.IsLetterOrDigit(alias[alias.Length - bare.Length - 1]) || !ContainsWords(page.Page.Text, alias))
                continue;
            if (found is not null && found != head)
                return null;
            found = head;
        }

        return found;
    }

    private string? Affiliation(string person, int? year)
    {
        if (!_affiliations.TryGetValue(person, out var posts))
            return null;
        var held = posts.Where(p => year is not { } y || ((p.Since ?? int.MinValue) <= y && y <= (p.Until ?? int.MaxValue))).Select(p => p.Organisation).Distinct().ToList();
        return held.Count == 1 ? held[0] : null;
    }

    private void AddNames(string head, string? others)
    {
        _orgNames.TryAdd(head, head);
        foreach (var other in (others ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            _orgNames.TryAdd(other, head);
    }

    private static bool ContainsWords(string text, string words)
    {
        for (var at = text.IndexOf(words, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + words.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                return true;
        }

        return false;
    }

    private static int? Year(string[] cells, int index, string line)
    {
        if (cells.Length <= index || cells[index].Trim().Length == 0)
            return null;
        return int.TryParse(cells[index].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            ? year
            : throw new FormatException($"affiliations.tsv: '{cells[index]}' in '{line}' is not a year.");
    }
}
