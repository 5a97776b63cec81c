using Microsoft.Data.Sqlite;

namespace ClaimTrace.Tests;

/// <summary>
/// Claims kept in the store (schema 6): an ingest in several batches ends with the claims a relink from scratch
/// gives, an ingest that brings no figure leaves them alone, and a stored result this build cannot read is linked
/// again rather than trusted.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class StoredClaimsTests : IDisposable
{
    private readonly TempFolder folder = new("stored-claims");
    private readonly PageAnalyser analyser = new();

    public void Dispose() => folder.Dispose();

    private Page[] Analysed(IEnumerable<Page> pages) => [.. pages.Select(p => p with { Analysis = analyser.Analyse(p) })];

    private static Page[] Seeds(Func<string, bool> which) =>
        [.. SeedDuplicateTests.SeedPages().Where(s => which(s.File)).Select(s => s.Page)];

    [Fact]
    public void Seeds_ingested_in_two_batches_have_the_claims_of_one_batch_and_of_a_relink_from_scratch()
    {
        using var batches = SqlitePageStore.Open(folder.File("batches.db"));
        batches.SaveBatch(Analysed(Seeds(f => string.CompareOrdinal(f, "003") < 0)), []);
        Assert.True(StoreLinking.Update(batches).Relinked);
        batches.SaveBatch(Analysed(Seeds(f => string.CompareOrdinal(f, "003") >= 0)), []);
        var second = StoreLinking.Update(batches);
        var incremental = LinkResultJson.Canonical(StoreLinking.Link(batches).Result);

        using var whole = SqlitePageStore.Open(folder.File("whole.db"));
        whole.SaveBatch(Analysed(Seeds(_ => true)), []);
        var fromScratch = LinkResultJson.Canonical(StoreLinking.Relink(whole).Result);

        Assert.True(second.Relinked);
        Assert.Equal(fromScratch, incremental);
        Assert.Equal(fromScratch, LinkResultJson.Canonical(StoreLinking.Relink(batches).Result));
        Assert.Equal(LinkResultJson.Canonical(SeedDossier.Corpus.Result), fromScratch);
        Assert.Equal(
            SeedDossier.Corpus.Result.Timelines.Select(t => (t.Family, t.Scope, string.Join(" ", t.Points.Select(p => p.Id)))),
            StoreLinking.Link(batches).Result.Timelines.Select(t => (t.Family, t.Scope, string.Join(" ", t.Points.Select(p => p.Id)))));
    }

    [Fact]
    public void AllSides_ingested_in_three_batches_has_the_claims_a_store_linked_from_scratch_has()
    {
        // The pages with figures and a fifth of the others (which bring copy links and pages that change nothing)
        // keep the test to a minute while every claim-making page is in it.
        var pages = Analysed(CorpusCopyLinkTests.AllSidesPages())
            .Where((p, i) => i % 5 == 0 || p.Analysis.Quantities.Any(q => q.Measure is not null && !q.InComments))
            .ToArray();
        using var batches = SqlitePageStore.Open(folder.File("allsides-batches.db"));
        var updates = new List<LinkUpdate>();
        foreach (var batch in pages.Chunk((pages.Length / 3) + 1))
        {
            batches.SaveBatch(batch, []);
            updates.Add(StoreLinking.Update(batches));
        }

        using var whole = SqlitePageStore.Open(folder.File("allsides-whole.db"));
        whole.SaveBatch(pages, []);
        var fromScratch = StoreLinking.Relink(whole).Result;

        Assert.Contains(updates, u => u.Relinked);
        Assert.True(fromScratch.Claims.Count > 100, $"{fromScratch.Claims.Count} claims");
        Assert.Equal(LinkResultJson.Canonical(fromScratch), LinkResultJson.Canonical(StoreLinking.Link(batches).Result));
        Assert.False(StoreLinking.Update(batches).Relinked);
    }

    [Fact]
    public void A_stored_result_loads_as_the_result_that_was_linked_and_is_not_linked_again()
    {
        using var store = SqlitePageStore.Open(folder.File("seeds.db"));
        store.SaveBatch(Analysed(Seeds(_ => true)), []);
        var linked = StoreLinking.Link(store);

        var update = StoreLinking.Update(store);
        var loaded = StoreLinking.Link(store);

        Assert.False(update.Relinked);
        Assert.Equal(linked.Result.Claims.Count, update.Claims);
        Assert.Equal(LinkResultJson.Canonical(linked.Result), LinkResultJson.Canonical(loaded.Result));
        Assert.Equal(linked.Result.Timelines.Count, loaded.Result.Timelines.Count);
        var report = loaded.Result.Claims.SelectMany(c => c.Reports).First();
        Assert.Equal(linked.Pages[report.PageId].Page.Text, loaded.Pages[report.PageId].Page.Text);
        Assert.Equal(linked.Pages.Keys.Order(StringComparer.Ordinal), loaded.Pages.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_ingest_of_pages_without_figures_leaves_the_stored_claims_as_they_were()
    {
        using var store = SqlitePageStore.Open(folder.File("quiet.db"));
        store.SaveBatch(Analysed(Seeds(_ => true)), []);
        var before = StoreLinking.Update(store);

        store.SaveBatch(Analysed([LinkingText.Page("https://example.org/weather", "Rain is expected over the hills on Tuesday, forecasters said, and the wind will ease by the evening.", "2018-12-12", "Example")]), []);
        var after = StoreLinking.Update(store);

        Assert.True(before.Relinked);
        Assert.False(after.Relinked);
        Assert.Equal(before.Claims, after.Claims);
    }

    [Fact]
    public void A_new_version_of_a_page_with_figures_links_the_claims_again()
    {
        using var store = SqlitePageStore.Open(folder.File("version.db"));
        var seeds = Seeds(_ => true);
        store.SaveBatch(Analysed(seeds), []);
        var before = StoreLinking.Link(store).Result;

        var text = seeds[1].Text.Replace("96.5", "97.5", StringComparison.Ordinal);
        var changed = PageAssembler.Assemble(seeds[1].Source, PageFormat.Text, "utf-8", new PlainTextSegmenter().Segment(seeds[1].Source, text, PageMetadata.Empty));
        Assert.Equal(seeds[1].Key, changed.Key);
        store.SaveBatch(Analysed([changed]), []);
        var update = StoreLinking.Update(store);
        var after = StoreLinking.Link(store).Result;

        Assert.True(update.Relinked);
        Assert.Contains(before.Claims, c => c.Value == 96.5 && c.Pages.Contains(seeds[1].Id));
        Assert.Contains(after.Claims, c => c.Value == 97.5 && c.Pages.Contains(seeds[1].Id));
    }

    [Fact]
    public void A_stored_claim_this_build_cannot_read_is_linked_again_instead_of_trusted()
    {
        var path = folder.File("broken.db");
        string expected;
        using (var store = SqlitePageStore.Open(path))
        {
            store.SaveBatch(Analysed(Seeds(_ => true)), []);
            expected = LinkResultJson.Canonical(StoreLinking.Link(store).Result);
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE claims SET body = '{not json' WHERE ordinal = 0";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        using var reopened = SqlitePageStore.Open(path);
        Assert.Throws<StoreException>(() => LinkResultJson.FromSnapshot(reopened.LoadLinks()!));
        Assert.Equal(expected, LinkResultJson.Canonical(StoreLinking.Link(reopened).Result));
        Assert.NotNull(LinkResultJson.FromSnapshot(reopened.LoadLinks()!));
    }
}
