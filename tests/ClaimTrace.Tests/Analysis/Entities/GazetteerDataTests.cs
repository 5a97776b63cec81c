namespace ClaimTrace.Tests;

/// <summary>
/// Checks the shipped places table as data: every container is a place, containment has no cycles, each country
/// row is followed by its capital, and no spelling is claimed by two places (the gazetteer keeps the first one
/// silently, so a clash would only show as a wrong answer much later).
/// </summary>
public sealed class GazetteerDataTests
{
    private sealed record Row(int Line, string Name, string Type, string Container, IReadOnlyList<string> Spellings);

    private static readonly Lazy<(IReadOnlyList<string> Lines, IReadOnlyList<Row> Rows)> Table = new(Load);

    private static IReadOnlyList<Row> Rows => Table.Value.Rows;

    private static (IReadOnlyList<string>, IReadOnlyList<Row>) Load()
    {
        // Read the embedded file itself, comments included: DataFiles drops them, and the capital rule uses them.
        using var stream = typeof(DataFiles).Assembly.GetManifestResourceStream("ClaimTrace.Data.analysis/places.tsv")!;
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var rows = new List<Row>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#'))
                continue;
            var c = lines[i].Split('\t');
            var spellings = c.Length > 3 ? c[3].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            rows.Add(new Row(i + 1, c[0], c[1], c.Length > 2 ? c[2] : "", spellings));
        }

        return (lines, rows);
    }

    [Fact]
    public void Every_row_has_a_name_a_type_and_no_stray_whitespace() =>
        Assert.All(Rows, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Name), $"line {r.Line}");
            Assert.False(string.IsNullOrWhiteSpace(r.Type), $"line {r.Line}");
            Assert.All(new[] { r.Name, r.Type, r.Container }.Concat(r.Spellings), v => Assert.Equal(v.Trim(), v));
        });

    [Fact]
    public void No_place_is_a_head_twice()
    {
        var twice = Rows.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "heads listed twice: " + string.Join(", ", twice));
    }

    [Fact]
    public void Every_name_of_a_place_resolves_to_that_place()
    {
        // A spelling already taken by an earlier row (or a head that is another row's spelling) resolves elsewhere.
        var wrong = Rows.SelectMany(r => r.Spellings.Prepend(r.Name).Select(n => (Written: n, Head: r.Name)))
            .Where(p => Gazetteer.Default.Canonical(p.Written) != p.Head)
            .Select(p => $"{p.Written} → {Gazetteer.Default.Canonical(p.Written)} (listed for {p.Head})")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    [Fact]
    public void Every_container_is_the_head_of_a_place_row()
    {
        var heads = Rows.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var missing = Rows.Where(r => r.Container.Length > 0 && !heads.Contains(r.Container)).Select(r => $"{r.Name} in {r.Container}").ToList();
        Assert.True(missing.Count == 0, "containers that are no place: " + string.Join(", ", missing));
    }

    [Fact]
    public void Containment_has_no_cycles_and_countries_lie_in_nothing()
    {
        var parent = Rows.Where(r => r.Container.Length > 0).ToDictionary(r => r.Name, r => r.Container, StringComparer.Ordinal);
        foreach (var row in Rows)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { row.Name };
            for (var place = row.Name; parent.TryGetValue(place, out var up); place = up)
                Assert.True(seen.Add(up), $"{row.Name}: containment loops back to {up}");
        }

        Assert.All(Rows.Where(r => r.Type == "country"), r => Assert.True(r.Container.Length == 0, $"{r.Name} lies in {r.Container}"));
    }

    [Fact]
    public void Every_UN_member_and_observer_and_the_four_listed_territories_is_a_country()
    {
        // 193 members, 2 observer states (the Holy See, Palestine), and Kosovo, Taiwan, Western Sahara.
        Assert.Equal(198, Rows.Count(r => r.Type == "country"));
    }

    [Fact]
    public void Every_country_row_is_followed_by_its_capital_or_says_why_not()
    {
        var lines = Table.Value.Lines;
        var problems = new List<string>();
        foreach (var country in Rows.Where(r => r.Type == "country"))
        {
            // The next line that is a row or a "no capital row" note.
            var next = lines.Skip(country.Line).FirstOrDefault(l => l.Length > 0 && (!l.StartsWith('#') || l.StartsWith("# no capital row:", StringComparison.Ordinal)));
            if (next is null)
            {
                problems.Add($"{country.Name}: nothing follows");
                continue;
            }

            if (next.StartsWith('#'))
                continue;
            var capital = next.Split('\t');
            if (capital[1] != "city" || !Gazetteer.Default.Contains(country.Name, capital[0]) || capital[0] == country.Name)
                problems.Add($"{country.Name}: next row {capital[0]} is not a city in it");
        }

        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }

    [Theory]
    [InlineData("Ukraine", "Kiev")]
    [InlineData("Ukraine", "Kharkiv")]
    [InlineData("Ukraine", "Kharkov region")]
    [InlineData("Ukraine", "Mariupol")]
    [InlineData("Ukraine", "Crimea")]
    [InlineData("Ukraine", "Sevastopol")]
    [InlineData("Russia", "Kursk region")]
    [InlineData("Iraq", "Erbil")]
    [InlineData("Iraq", "Mosul")]
    [InlineData("Nigeria", "Borno")]
    [InlineData("Nigeria", "Maiduguri")]
    [InlineData("Sudan", "El Fasher")]
    [InlineData("Sudan", "West Darfur")]
    [InlineData("Ethiopia", "Mekelle")]
    [InlineData("Democratic Republic of the Congo", "Goma")]
    [InlineData("Yemen", "Hodeidah")]
    [InlineData("Afghanistan", "Kandahar province")]
    [InlineData("Somalia", "Hargeisa")]
    [InlineData("Azerbaijan", "Nagorno-Karabakh")]
    [InlineData("India", "Srinagar")]
    [InlineData("Pakistan", "Muzaffarabad")]
    [InlineData("Myanmar", "Rakhine")]
    [InlineData("Lebanon", "Sidon")]
    [InlineData("Turkey", "Antakya")]
    [InlineData("Iran", "Natanz")]
    [InlineData("Libya", "Benghazi")]
    [InlineData("Palestine", "Gaza Strip")]
    [InlineData("Palestine", "Khan Yunis")]
    [InlineData("Syria", "Golan Heights")]
    [InlineData("United States", "Washington")]
    [InlineData("United Kingdom", "Belfast")]
    [InlineData("Republic of Georgia", "South Ossetia")]
    [InlineData("United States", "Atlanta")]
    public void Spot_checks_of_containment(string country, string place)
    {
        Assert.True(Gazetteer.Default.Contains(country, place), $"{place} is not in {country}");
        Assert.Equal(Gazetteer.Default.Canonical(country), Gazetteer.Default.Outermost(place));
    }

    [Theory]
    [InlineData("U.S.", "United States")]
    [InlineData("USA", "United States")]
    [InlineData("United States of America", "United States")]
    [InlineData("America", "United States")]
    [InlineData("Kiev", "Kyiv")]
    [InlineData("Ivory Coast", "Côte d'Ivoire")]
    [InlineData("Burma", "Myanmar")]
    [InlineData("DRC", "Democratic Republic of the Congo")]
    [InlineData("Georgia", "Georgia")]
    [InlineData("Washington state", "Washington State")]
    public void Spellings_news_uses_resolve_to_their_head(string written, string head) =>
        Assert.Equal(head, Gazetteer.Default.Canonical(written));

    [Theory]
    [InlineData("usa")]
    [InlineData("drc")]
    [InlineData("Male")]
    [InlineData("Congo")]
    [InlineData("Korea")]
    [InlineData("Holland")]
    [InlineData("Sofia")]
    [InlineData("Amazon")]
    [InlineData("Karen")]
    [InlineData("Chin")]
    [InlineData("Afar")]
    public void Ambiguous_or_common_words_are_no_place(string written) =>
        Assert.Null(Gazetteer.Default.Canonical(written));

    [Theory]
    [InlineData("The story ran in The New York Times on Sunday.")]
    [InlineData("A Boston Globe reporter asked the mayor.")]
    [InlineData("Rockets fell near Lake Chad overnight.", "Lake Chad")]
    [InlineData("The audience came from Nassau County on Long Island.", "Nassau County")]
    public void A_place_inside_a_longer_known_name_is_not_a_mention_of_its_own(string text, string? onlyPlace = null)
    {
        var places = new EntityRecognizer().Extract(text, DateResolverTests.Lines(text)).Where(e => e.Kind == EntityKind.Place).Select(e => e.Text).ToList();
        Assert.Equal(onlyPlace is null ? [] : [onlyPlace], places);
    }
}
