using System.Text.Json;

namespace ClaimTrace.Tests;

/// <summary>The seeds' <c>aliases</c> gold (../shared/corpus/seeds/expected.json) against the entity index built from their analyses.</summary>
public sealed class SeedEntityTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<(string DocId, Page Page, PageAnalysis Analysis)>> Analysed = new(() =>
    {
        var analyser = new PageAnalyser();
        return [.. SeedDuplicateTests.SeedPages().Select(s => (s.File[..3], s.Page, analyser.Analyse(s.Page)))];
    });

    internal static IReadOnlyList<(string DocId, Page Page, PageAnalysis Analysis)> SeedAnalyses() => Analysed.Value;

    private static List<List<string>> GoldAliases()
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(Corpus.Require("seeds", "expected.json")));
        return [.. gold.RootElement.GetProperty("aliases").EnumerateArray().Select(g => g.EnumerateArray().Select(n => n.GetString()!).ToList())];
    }

    [Fact]
    public void Every_gold_alias_group_resolves_to_one_entity()
    {
        var index = EntityIndex.Build(SeedAnalyses());
        foreach (var group in GoldAliases())
        {
            var resolved = group.Select(name => (name, Entity: index.Resolve(name))).ToList();
            foreach (var (name, entity) in resolved)
                output.WriteLine($"{name} -> {entity?.Id ?? "(none)"}: {entity?.Match}");
            Assert.All(resolved, r => Assert.NotNull(r.Entity));
            Assert.Single(resolved.Select(r => r.Entity!.Id).Distinct());
        }
    }

    [Fact]
    public void Different_gold_groups_stay_different_entities()
    {
        var index = EntityIndex.Build(SeedAnalyses());
        var ids = GoldAliases().Select(g => index.Resolve(g[0])?.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.False(index.SameEntity("Mizintsev", "Rudskoi"));
        Assert.False(index.SameEntity("Mikhail Mizintsev", "Sergei Rudskoi"));
        Assert.False(index.SameEntity("Syria", "Deir Ezzor"));
    }

    [Fact]
    public void Deir_Ezzor_in_any_spelling_lies_in_Syria_but_not_the_other_way_round()
    {
        var index = EntityIndex.Build(SeedAnalyses());
        Assert.True(index.Contains("Syria", "Deir el-Zour province"));
        Assert.True(index.Contains("Syrian Arab Republic", "Deir ez-Zor"));
        Assert.False(index.Contains("Deir Ezzor", "Syria"));
        Assert.False(index.Contains("Iraq", "Deir Ezzor"));
    }

    [Fact]
    public void Every_merge_on_the_seeds_says_why()
    {
        var index = EntityIndex.Build(SeedAnalyses());
        foreach (var e in index.Entities.Where(e => e.Spellings.Count > 1))
        {
            output.WriteLine($"{e.Id} ({e.Mentions}): {string.Join(" | ", e.Spellings.Select(s => $"{s.Text} x{s.Count}"))}");
            foreach (var r in e.Reasons)
                output.WriteLine("    " + r.Explain());
            // Each spelling other than the canonical name has a reason naming it.
            foreach (var s in e.Spellings.Where(s => NameKey.Fold(s.Text) != NameKey.Fold(e.Canonical)))
                Assert.Contains(e.Reasons, r => NameKey.Fold(r.Name) == NameKey.Fold(s.Text) || e.Reasons.Any(x => x.Rule is MergeRule.AnalysisReading));
        }

        var gerasimov = index.Resolve("Gerasimov");
        Assert.NotNull(gerasimov);
        Assert.Contains(gerasimov.Reasons, r => r.Rule == MergeRule.SurnameUnique && r.Name == "Gerasimov");
        var mizintsev = index.Resolve("Colonel General Mizintsev");
        Assert.Equal("Mikhail Mizintsev", mizintsev?.Canonical);
        Assert.Contains(mizintsev!.Reasons, r => r.Rule == MergeRule.SurnameInPage);
    }
}
