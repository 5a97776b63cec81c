namespace ClaimTrace.Tests;

public sealed class DossierIndexTests
{
    [Fact]
    public void A_dossier_of_each_seed_claim_holds_what_a_walk_over_the_whole_corpus_finds_in_the_same_order()
    {
        var corpus = SeedDossier.Corpus;
        var result = corpus.Result;
        Assert.NotEmpty(result.Claims);
        foreach (var claim in result.Claims)
        {
            var d = Dossier.For(corpus, claim.Id.ToUpperInvariant());
            var pages = claim.Pages.ToHashSet(StringComparer.Ordinal);

            Assert.Equal([claim], d.Claims);
            Assert.Equal(result.Timelines.Where(t => t.Points.Any(p => p.Id == claim.Id)), d.Timelines);
            Assert.Equal(result.Conflicts.Where(c => c.Claim == claim.Id || c.Other == claim.Id), d.Conflicts);
            Assert.Equal(result.SameEvents.Where(e => e.Pages.Any(pages.Contains)), d.SameEvents);
            Assert.Equal(corpus.CopyLinks.Where(l => pages.Contains(l.CopyId) || (l.OriginId is { } o && pages.Contains(o))), d.CopyLinks);
        }
    }

    [Fact]
    public void A_dossier_for_a_family_matches_every_claim_of_it()
    {
        var corpus = SeedDossier.Corpus;

        var d = Dossier.For(corpus, "territory");

        Assert.Equal(corpus.Result.Claims.Where(c => c.Family.StartsWith("territory", StringComparison.Ordinal)), d.Claims);
        Assert.Equal(corpus.Result.Timelines.Where(t => t.Family.StartsWith("territory", StringComparison.Ordinal)), d.Timelines);
    }
}
