using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

public sealed class EntityRecognizerTests(ITestOutputHelper output)
{
    private static readonly EntityRecognizer Recognizer = new();

    private static IReadOnlyList<EntityMention> Entities(string text) => Recognizer.Extract(text, DateResolverTests.Lines(text));

    private static EntityMention Single(string text, string written)
    {
        var found = Entities(text).Where(e => e.Text == written).ToList();
        Assert.True(found.Count == 1, $"'{written}' not found once in: {string.Join(", ", Entities(text).Select(e => e.Text))}");
        return found[0];
    }

    [Theory]
    [InlineData("the remaining forces of Daesh that had been hiding", "Daesh", EntityKind.ArmedGroup, "ISIS")]
    [InlineData("This major SAA operation was responsible", "SAA", EntityKind.ArmedGroup, "Syrian Arab Army")]
    [InlineData("the oil-rich province of Deir el-Zour in eastern Syria", "Deir el-Zour", EntityKind.Place, "Deir Ezzor")]
    [InlineData("the US-occupied area of at-Tanf where, he said", "at-Tanf", EntityKind.Place, "al-Tanf")]
    [InlineData("preventing delivery of aid to refugees in Rubkan camp", "Rubkan camp", EntityKind.Place, "Rukban")]
    [InlineData("blocked from Hayat Tarir al-Sham (AQ in Syria) control", "Hayat Tarir al-Sham", EntityKind.ArmedGroup, "Hayat Tahrir al-Sham")]
    [InlineData("syrian forces and US-backed groups survived", "US", EntityKind.Place, "United States")]
    [InlineData("the forces of Islamic State were routed", "Islamic State", EntityKind.ArmedGroup, "ISIS")]
    public void Gazetteer_names_resolve_to_their_group_head(string text, string written, EntityKind kind, string canonical)
    {
        var e = Single(text, written);
        Assert.Equal(kind, e.Kind);
        Assert.Equal(canonical, e.Canonical);
    }

    [Fact]
    public void A_title_makes_a_person_and_the_surname_later_refers_to_the_full_name()
    {
        const string text = "1,411 areas were freed, Head of the Russian National Defense Management Center Colonel General Mikhail Mizintsev said on December 11.\n“In total,” Mizintsev said.";
        var people = Entities(text).Where(e => e.Kind == EntityKind.Person).ToList();
        Assert.Equal(["Mikhail Mizintsev", "Mizintsev"], people.Select(p => p.Text));
        Assert.All(people, p => Assert.Equal("Mikhail Mizintsev", p.Canonical));
        var org = Single(text, "Russian National Defense Management Center");
        Assert.Equal(EntityKind.Organisation, org.Kind);
    }

    [Theory]
    [InlineData("Russian Foreign Ministry spokesman Igor Tsarikov said that the area is unstable.", "Igor Tsarikov")]
    [InlineData("the ministry's spokesman, Mr Rudskoi said", "Rudskoi")]
    [InlineData("the talks were led by Staffan de Mistura on Friday", "Staffan de Mistura")]
    [InlineData("The announcement was made, Pell said.", "Pell")]
    public void People_are_found_from_titles_cue_verbs_and_known_names(string text, string written) =>
        Assert.Equal(EntityKind.Person, Single(text, written).Kind);

    [Fact]
    public void An_organisation_named_by_its_head_word_is_one_mention()
    {
        var e = Single("The Syrian Observatory for Human Rights, which monitors the conflict, said so.", "Syrian Observatory for Human Rights");
        Assert.Equal(EntityKind.Organisation, e.Kind);
    }

    [Theory]
    [InlineData("Thats a stupid rational.")]
    [InlineData("Bwahahaha in your dreams.")]
    [InlineData("Mainly far out. Even hard for me to see.")]
    [InlineData("Humans have fundamental rights, it is what it is.")]
    [InlineData("THIS IS THE END OF THE STORY")]
    public void Capitalised_words_without_evidence_are_not_entities(string text)
    {
        var found = Entities(text);
        Assert.True(found.Count == 0, string.Join(", ", found.Select(e => e.Text)));
    }

    [Fact]
    public void The_gazetteer_knows_what_contains_what()
    {
        var g = Gazetteer.Default;
        Assert.True(g.Contains("Syria", "Deir ez-Zor"));
        Assert.True(g.Contains("Syria", "Abu Kamal"));
        Assert.True(g.Contains("Deir Ezzor", "Abu Kamal"));
        Assert.True(g.Contains("Syria", "Syria"));
        Assert.False(g.Contains("Syria", "Mosul"));
        Assert.False(g.Contains("Deir Ezzor", "Syria"));
        Assert.False(g.Contains("Atlantis", "Syria"));
        Assert.Equal("ISIS", g.Canonical("ISIL"));
        Assert.Equal("Deir Ezzor", g.Canonical("Deir el-Zour"));
        Assert.Null(g.Canonical("is"));
        Assert.Null(g.Canonical("Atlantis"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("“")]
    [InlineData("al-")]
    [InlineData("Mr.")]
    [InlineData("President")]
    [InlineData("US-")]
    [InlineData("’s ’s Syria’s")]
    public void Odd_input_never_throws(string text) => _ = Entities(text);

    [Fact]
    public void Mention_offsets_stay_inside_the_text_and_match_its_text() =>
        Prop.ForAll(
            Arb.From(Gen.Elements("Colonel General ", "Mikhail ", "Mizintsev", " said", "Daesh", " IS ", "is", "al-", "Tanf", "Syria’s", "US-backed", "Ministry", " of ", "Mr.", "\n", ". ", "“", " ").ArrayOf()),
            parts =>
            {
                var text = string.Concat(parts);
                foreach (var e in Entities(text))
                {
                    if (e.Start < 0 || e.End > text.Length || e.Start >= e.End || text[e.Start..e.End] != e.Text)
                        return false;
                }

                return true;
            }).QuickCheckThrowOnFailure();

    [Fact]
    public void Seed_pages_yield_their_speakers_places_and_groups()
    {
        var folder = Path.GetDirectoryName(Corpus.Require("seeds", "expected.json"))!;
        var all = new List<EntityMention>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var found = Entities(text);
            all.AddRange(found);
            foreach (var e in found)
                output.WriteLine($"{Path.GetFileName(file)[..3]} {e.Kind,-12} {e.Text} -> {e.Canonical}");
        }

        var canon = all.Select(e => e.Canonical).ToHashSet();
        foreach (var expected in new[] { "Mikhail Mizintsev", "Igor Tsarikov", "Vladimir Putin", "Valery Gerasimov", "ISIS", "Deir Ezzor", "al-Tanf", "Rukban", "Syria", "Hayat Tahrir al-Sham", "Syrian Arab Army", "Syrian Observatory for Human Rights" })
            Assert.Contains(expected, canon);
    }
}
