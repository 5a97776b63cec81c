namespace ClaimTrace.Tests;

/// <summary>The five seed pages linked in memory, as <see cref="StoreLinking"/> would link them from a store.</summary>
internal static class SeedDossier
{
    private static readonly Lazy<LinkedCorpus> Linked = new(() => Link([.. SeedDuplicateTests.SeedPages().Select(s => s.Page)]));

    public static LinkedCorpus Corpus => Linked.Value;

    /// <summary>Pages analysed and linked in memory: copy links first, then claims.</summary>
    public static LinkedCorpus Link(IReadOnlyList<Page> input)
    {
        var analyser = new PageAnalyser();
        var pages = input.Select(p => new LinkedPage(p, analyser.Analyse(p))).ToList();
        var fingerprinter = new Fingerprinter();
        var copyLinker = new CopyLinker();
        var links = pages.SelectMany(p => copyLinker.Add(fingerprinter.Of(p.Page))).Where(l => l.IsPagePair).ToList();
        return new LinkedCorpus(new ClaimLinker(analyser).Link(pages, links), pages.ToDictionary(p => p.Id, StringComparer.Ordinal), links);
    }
}
