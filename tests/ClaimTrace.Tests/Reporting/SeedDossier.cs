namespace ClaimTrace.Tests;

/// <summary>The five seed pages linked in memory, as <see cref="StoreLinking"/> would link them from a store.</summary>
internal static class SeedDossier
{
    private static readonly Lazy<LinkedCorpus> Linked = new(() =>
    {
        var analyser = new PageAnalyser();
        var pages = SeedDuplicateTests.SeedPages().Select(s => new LinkedPage(s.Page, analyser.Analyse(s.Page))).ToList();
        var fingerprinter = new Fingerprinter();
        var copyLinker = new CopyLinker();
        var links = pages.SelectMany(p => copyLinker.Add(fingerprinter.Of(p.Page))).Where(l => l.IsPagePair).ToList();
        return new LinkedCorpus(new ClaimLinker(analyser).Link(pages, links), pages.ToDictionary(p => p.Id, StringComparer.Ordinal), links);
    });

    public static LinkedCorpus Corpus => Linked.Value;
}
