using ClaimTrace.Web;

namespace ClaimTrace.Tests.Web;

/// <summary>The web's data access: the linked corpus is reused until the database changes, whoever changed it.</summary>
public sealed class WebCorpusTests
{
    private const string Page = "Lakeside (NWA) – The governor said on Monday that 1,200 homes were rebuilt, officials reported.\n";

    [Fact]
    public void The_linked_corpus_is_kept_until_another_connection_changes_the_database()
    {
        using var folder = new TempFolder();
        var database = Path.Combine(folder.Path, "web.db");
        using var corpus = new WebCorpus(database);

        var first = corpus.Linked();
        Assert.Same(first, corpus.Linked());

        // As a 'claimtrace ingest' in another process would: a store of its own, then copy links.
        var file = folder.Write("page.txt", Page);
        using (var store = SqlitePageStore.Open(database))
        {
            new IngestRunner(Pipelines.CreateProcessor(), store).Run(Pipelines.CreateWalker(ReadingOptions.Default, () => Stream.Null).Read([file], null), cancel: TestContext.Current.CancellationToken);
        }

        var second = corpus.Linked();
        Assert.NotSame(first, second);
        // Linking writes fingerprints of its own; that is not a change to link again for.
        Assert.Same(second, corpus.Linked());
    }

    [Fact]
    public async Task Reads_run_beside_each_other_with_stores_of_their_own()
    {
        using var folder = new TempFolder();
        using var corpus = new WebCorpus(Path.Combine(folder.Path, "web.db"));
        var counts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            corpus.ReadAsync(store => store.CountDocuments(new DocumentQuery()), TestContext.Current.CancellationToken)));
        Assert.All(counts, c => Assert.Equal(0, c));
    }

    [Fact]
    public void A_search_is_answered_from_the_cache_until_another_connection_changes_the_database()
    {
        using var folder = new TempFolder();
        var database = Path.Combine(folder.Path, "web.db");
        using var corpus = new WebCorpus(database);
        var query = new SearchQuery("governor");

        var before = corpus.Read(store => corpus.Search(store, query));
        Assert.Same(before, corpus.Read(store => corpus.Search(store, query)));
        Assert.Equal(0, before.Total);

        var file = folder.Write("page.txt", Page);
        using (var store = SqlitePageStore.Open(database))
        {
            new IngestRunner(Pipelines.CreateProcessor(), store).Run(Pipelines.CreateWalker(ReadingOptions.Default, () => Stream.Null).Read([file], null), cancel: TestContext.Current.CancellationToken);
        }

        var after = corpus.Read(store => corpus.Search(store, query));
        Assert.NotSame(before, after);
        Assert.True(after.Total > 0);
    }

    [Fact]
    public void A_rendered_dossier_is_kept_with_the_corpus_it_was_made_from()
    {
        using var folder = new TempFolder();
        using var corpus = new WebCorpus(Path.Combine(folder.Path, "web.db"));
        var linked = corpus.Linked();
        var made = 0;

        var first = WebCorpus.Rendered(linked, "claim page", "c1", () => $"page {++made}");
        var again = WebCorpus.Rendered(linked, "claim page", "c1", () => $"page {++made}");
        var json = WebCorpus.Rendered(linked, "claim json", "c1", () => $"json {++made}");

        Assert.Equal("page 1", first);
        Assert.Same(first, again);
        Assert.Equal("json 2", json);
    }
}
