using System.Text;

namespace ClaimTrace.Tests;

/// <summary>The seeds' <c>syndication</c> and <c>same_event</c> gold (../shared/corpus/seeds/expected.json) against the duplicate index.</summary>
public sealed class SeedDuplicateTests(ITestOutputHelper output)
{
    internal static IReadOnlyList<(string File, Page Page)> SeedPages()
    {
        var folder = Corpus.Require("seeds");
        var segmenter = new PlainTextSegmenter();
        return [.. Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).Select(path =>
        {
            var text = File.ReadAllText(path, Encoding.UTF8);
            var page = PageAssembler.Assemble(path, PageFormat.Text, "utf-8", segmenter.Segment(path, text, PageMetadata.Empty));
            return (Path.GetFileName(path), page);
        })];
    }

    [Fact]
    public void No_two_seeds_are_near_duplicates_by_text_alone_because_001_rewrites_000_around_shared_sentences()
    {
        var seeds = SeedPages();
        var fingerprinter = new Fingerprinter();
        var index = new NearDuplicateIndex();
        var fileOf = seeds.ToDictionary(s => s.Page.Id, s => s.File[..3]);
        var prints = seeds.Select(s => fingerprinter.Of(s.Page)).ToList();
        for (var i = 0; i < prints.Count; i++)
        {
            for (var j = 0; j < i; j++)
                output.WriteLine($"{fileOf[prints[j].PageId]}-{fileOf[prints[i].PageId]}: J={prints[j].EstimatedJaccard(prints[i]):F3} C={prints[j].EstimatedContainment(prints[i], prints[j].EstimatedJaccard(prints[i])):F3} shingles {prints[j].ShingleCount}/{prints[i].ShingleCount}");
        }

        var pairs = prints.SelectMany(index.Add)
            .Select(p => string.Join('-', new[] { fileOf[p.Earlier.PageId], fileOf[p.Later.PageId] }.Order(StringComparer.Ordinal)))
            .ToList();

        Assert.Empty(pairs);
        Assert.True(prints[0].EstimatedJaccard(prints[1]) >= CopyLinker.CreditOverlapFloor, "000 and 001 share sentences word for word");
    }

    [Fact]
    public void Seed_001_is_linked_to_000_as_its_credited_origin_and_no_other_seeds_are_copies()
    {
        var seeds = SeedPages();
        var fileOf = seeds.ToDictionary(s => s.Page.Id, s => s.File[..3]);
        var fingerprinter = new Fingerprinter();

        // Both arrival orders: the links must not depend on which page came first.
        foreach (var order in new[] { seeds, seeds.Reverse().ToList() })
        {
            var linker = new CopyLinker();
            var links = order.SelectMany(s => linker.Add(fingerprinter.Of(s.Page))).ToList();
            foreach (var link in links)
                output.WriteLine($"{fileOf[link.CopyId]} -> {(link.OriginId is { } o ? fileOf[o] : link.OriginOutlet)}: {link.Explain()}");

            var pair = Assert.Single(links, l => l.IsPagePair);
            Assert.Equal(("001", "000"), (fileOf[pair.CopyId], fileOf[pair.OriginId!]));
            Assert.Equal(LinkDirection.Credited, pair.Direction);
            Assert.Equal("South Front", pair.Credit?.Credited);
            Assert.NotNull(pair.Similarity);

            // 004 credits Zero Hedge, which is not among the seeds: a link to the outlet only.
            var outletLinks = links.Where(l => !l.IsPagePair).Select(l => (fileOf[l.CopyId], l.OriginOutlet)).Order().ToList();
            Assert.Equal([("001", "South Front"), ("004", "Zero Hedge")], outletLinks);
        }
    }
}
