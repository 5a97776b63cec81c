using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

public sealed class EntityIndexTests(ITestOutputHelper output)
{
    private static readonly PageAnalyser Analyser = new();

    /// <summary>A page as the pipeline makes it from plain text, analysed.</summary>
    internal static (string DocId, Page Page, PageAnalysis Analysis) Analysed(string doc, string text)
    {
        var source = $"/entities/{doc}.txt";
        var page = PageAssembler.Assemble(source, PageFormat.Text, "utf-8", new PlainTextSegmenter().Segment(source, text, PageMetadata.Empty));
        return (doc, page, Analyser.Analyse(page));
    }

    private static readonly (string DocId, Page Page, PageAnalysis Analysis)[] TwoCarters =
    [
        Analysed("a", "The convoy reached the border on Monday, General John Carter said in a statement.\n\nThe general said the road was open."),
        Analysed("b", "The bill failed in committee, Senator Jane Carter said after the vote.\n\nShe said the vote was close."),
        Analysed("c", "The talks would resume next week, Carter said on Tuesday.\n\nNo date was given."),
        Analysed("d", "The troops had left the town, General Carter said.\n\nThe town was quiet."),
    ];

    [Fact]
    public void Two_people_sharing_a_surname_across_pages_are_not_merged_and_the_bare_surname_says_why()
    {
        var index = EntityIndex.Build(TwoCarters);
        foreach (var e in index.Entities.Where(e => e.Kind == EntityKind.Person))
            output.WriteLine($"{e.Id}: {string.Join(" | ", e.Spellings.Select(s => $"{s.Text} {string.Join(",", s.Docs)}"))}; {string.Join("; ", e.Reasons.Select(r => r.Explain()))}; {string.Join("; ", e.Ambiguities)}");

        Assert.False(index.SameEntity("John Carter", "Jane Carter"));
        var bare = index.Resolve("Carter", EntityKind.Person);
        Assert.NotNull(bare);
        Assert.NotEqual(index.Resolve("John Carter")!.Id, bare.Id);
        Assert.NotEqual(index.Resolve("Jane Carter")!.Id, bare.Id);
        Assert.Contains(bare.Ambiguities, a => a.Contains("John Carter", StringComparison.Ordinal) && a.Contains("Jane Carter", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bare_surname_with_the_title_of_one_of_two_full_names_joins_that_one()
    {
        var index = EntityIndex.Build(TwoCarters);
        var john = index.Get(index.Resolve("John Carter")!.Id)!;
        Assert.Contains("d", john.Docs);
        Assert.DoesNotContain("c", john.Docs);
        Assert.Contains(john.Reasons, r => r.Rule == MergeRule.SurnameByTitle && r.Evidence.Contains("general", StringComparison.Ordinal));
    }

    [Fact]
    public void A_surname_joins_the_only_full_name_in_the_corpus_that_carries_it()
    {
        var index = EntityIndex.Build([TwoCarters[0], TwoCarters[2]]);
        Assert.True(index.SameEntity("Carter", "John Carter"));
        var reason = Assert.Single(index.Resolve("Carter")!.Reasons, r => r.Rule == MergeRule.SurnameUnique);
        Assert.Contains("only full name", reason.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_name_the_corpus_never_writes_does_not_resolve_to_a_different_given_name()
    {
        var index = EntityIndex.Build([TwoCarters[0], TwoCarters[2]]);
        Assert.Null(index.Resolve("Jimmy Carter"));
        Assert.NotNull(index.Resolve("J. Carter"));
    }

    [Fact]
    public void An_acronym_a_page_defines_joins_its_name_and_resolves_elsewhere()
    {
        var index = EntityIndex.Build(
        [
            Analysed("x", "Fighters of the Eastern Shield Brigade (ESB) crossed the river, the Eastern Shield Brigade said. The ESB then withdrew."),
        ]);
        var esb = index.Resolve("ESB");
        Assert.NotNull(esb);
        Assert.Equal("Eastern Shield Brigade", esb.Canonical);
        Assert.Contains(esb.Reasons, r => r.Rule == MergeRule.PageAcronym && r.Evidence.Contains("(ESB)", StringComparison.Ordinal));
        Assert.Null(index.Resolve("esb"));
    }

    [Fact]
    public void An_acronym_two_pages_define_differently_merges_with_neither()
    {
        var index = EntityIndex.Build(
        [
            Analysed("x", "Fighters of the Eastern Shield Brigade (ESB) crossed the river."),
            Analysed("y", "Gunmen of the Emergency Support Brigade (ESB) opened fire."),
        ]);
        foreach (var e in index.Entities)
            output.WriteLine($"{e.Id}: {string.Join(" | ", e.Spellings.Select(s => s.Text))}; {string.Join("; ", e.Ambiguities)}");
        Assert.Null(index.Resolve("ESB"));
        Assert.Contains(index.Entities, e => e.Ambiguities.Any(a => a.Contains("'ESB'", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"")]
    [InlineData("()")]
    [InlineData("'s")]
    [InlineData("Mr")]
    [InlineData("the")]
    [InlineData("\u0000\u0001")]
    public void Empty_or_malformed_names_resolve_to_nothing(string name)
    {
        var index = EntityIndex.Build(TwoCarters);
        Assert.Null(index.Resolve(name));
        Assert.False(index.SameEntity(name, name));
        Assert.False(index.Contains(name, "Syria"));
    }

    [Fact]
    public void An_empty_corpus_has_no_entities_and_resolves_nothing()
    {
        var index = EntityIndex.Build([]);
        Assert.Empty(index.Entities);
        Assert.Null(index.Resolve("Syria"));
        Assert.True(index.Contains("Syria", "Deir el-Zour"), "containment still comes from the gazetteer");
    }

    [Fact]
    public void Entity_ids_come_from_kind_and_name()
    {
        var index = EntityIndex.Build([TwoCarters[0]]);
        Assert.Equal("person:john-carter", index.Resolve("John Carter")?.Id);
    }

    [Fact]
    public void Resolution_does_not_depend_on_page_order()
    {
        var seeds = SeedEntityTests.SeedAnalyses().Concat(TwoCarters).ToArray();
        var expected = Describe(EntityIndex.Build(seeds));
        var orders = Gen.Shuffle(Enumerable.Range(0, seeds.Length).ToArray()).ToArbitrary();
        Prop.ForAll(orders, order =>
        {
            var actual = Describe(EntityIndex.Build(order.Select(i => seeds[i])));
            return actual == expected;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(20));
    }

    private static string Describe(EntityIndex index) =>
        string.Join('\n', index.Entities.Select(e =>
            $"{e.Id}|{e.Canonical}|{e.Mentions}|{string.Join(",", e.Spellings.Select(s => $"{s.Text}:{s.Count}:{string.Join("+", s.Docs)}"))}|{string.Join(";", e.Reasons.Select(r => r.Explain()))}|{string.Join(";", e.Ambiguities)}"));
}
