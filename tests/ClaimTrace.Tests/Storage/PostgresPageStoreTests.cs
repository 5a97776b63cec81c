namespace ClaimTrace.Tests;

/// <summary>The contract on a real PostgreSQL server (a database per store), plus what only PostgreSQL has.</summary>
[Collection(StoreCollection.Name)]
public sealed class PostgresPageStoreTests : PageStoreContract<PostgresPageStore>
{
    private readonly List<string> made = [];

    protected override PostgresPageStore CreateStore()
    {
        var database = PostgresServer.NewDatabase();
        made.Add(database);
        return PostgresPageStore.Open(database, Time);
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var database in made)
            PostgresServer.Drop(database);
        base.Dispose(disposing);
    }

    [Fact]
    public void Opening_creates_the_schema_and_names_the_server_without_the_password()
    {
        var database = PostgresServer.NewDatabase();
        made.Add(database);
        var withPassword = new Npgsql.NpgsqlConnectionStringBuilder(database) { Password = "hunter2-secret" }.ConnectionString;

        using var store = PostgresPageStore.Open(withPassword, Time);

        Assert.Equal(PostgresPageStore.Migrations.Count, store.SchemaVersion);
        Assert.StartsWith("postgres://claimtrace@127.0.0.1:", store.Database, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", store.Database, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_that_does_not_answer_is_a_store_error_naming_it_without_the_password()
    {
        var error = Assert.Throws<StoreException>(() => PostgresPageStore.Open("postgres://someone:hunter2-secret@127.0.0.1:1/nowhere?Timeout=2", Time));

        Assert.Contains("postgres://someone@127.0.0.1:1/nowhere", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_name_that_is_neither_a_connection_string_nor_a_url_is_refused_without_repeating_it()
    {
        var error = Assert.Throws<StoreException>(() => PostgresPageStore.Open("Host=x;Bogus Key=hunter2-secret", Time));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    private string NewDatabase()
    {
        var database = PostgresServer.NewDatabase();
        made.Add(database);
        return database;
    }

    private static object? Scalar(string database, string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(database);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public void A_store_at_schema_1_upgrades_in_place_and_its_pages_become_searchable_and_take_their_analysis()
    {
        var database = NewDatabase();
        var analysed = AnalysedPage.Build();
        var rich = PageBuilder.Rich();
        using (var v1 = PostgresPageStore.Open(database, PostgresPageStore.Migrations.Take(1).ToList(), Time))
        {
            Assert.Equal(1, v1.SchemaVersion);
            v1.SaveBatch([rich, analysed with { Analysis = PageAnalysis.Empty }], []);
        }

        using var upgraded = PostgresPageStore.Open(database, Time);

        Assert.Equal(PostgresPageStore.Migrations.Count, upgraded.SchemaVersion);
        PageAssert.Same(rich, upgraded.Find(rich.Key)!.Page);
        Assert.True(upgraded.Search(new SearchQuery("96.5")).Total > 0, "the backlog was indexed when the store opened");
        Assert.Equal(IngestStatus.Unchanged, Assert.Single(upgraded.SaveBatch([analysed], [])).Status);
        Assert.Equal(5, upgraded.ListClaims(new ClaimQuery()).Count);
        Assert.Equal(0L, Scalar(database, "SELECT COUNT(*) FROM search_backlog"));
    }

    [Fact]
    public void A_failing_migration_leaves_the_store_at_its_previous_version_and_a_newer_store_is_refused()
    {
        var database = NewDatabase();
        PostgresPageStore.Open(database, Time).Dispose();
        var next = PostgresPageStore.Migrations.Count + 1;
        var broken = PostgresPageStore.Migrations.Append(new Migration(next, "broken",
            "CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);")).ToList();

        var error = Assert.Throws<StoreException>(() => PostgresPageStore.Open(database, broken, Time));

        Assert.Contains($"{next:000}-broken", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, Scalar(database, "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'half_done'"));
        using (var store = PostgresPageStore.Open(database, Time))
            Assert.Equal(next - 1, store.SchemaVersion);

        var future = PostgresPageStore.Migrations.Append(new Migration(next, "from-the-future", "CREATE TABLE later (x INTEGER);")).ToList();
        PostgresPageStore.Open(database, future, Time).Dispose();
        var refused = Assert.Throws<StoreException>(() => PostgresPageStore.Open(database, Time));
        Assert.Contains($"schema version {next}, newer than this ClaimTrace knows ({next - 1})", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writers_storing_the_same_pages_at_once_store_each_page_once()
    {
        var database = NewDatabase();
        PostgresPageStore.Open(database, Time).Dispose();
        // Four writers, each storing the same 40 pages (and 10 of its own) in batches of 5, in its own order.
        var shared = Enumerable.Range(0, 40).Select(i => PageBuilder.For($"shared-{i}").WithText($"page {i} text").Build()).ToList();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            using var store = PostgresPageStore.Open(database, Time);
            var own = Enumerable.Range(0, 10).Select(i => PageBuilder.For($"own-{w}-{i}").WithText($"writer {w} page {i}").Build());
            var pages = shared.Skip(w * 10).Concat(shared.Take(w * 10)).Concat(own).ToList();
            return pages.Chunk(5).SelectMany(batch => store.SaveBatch(batch, [])).ToList();
        }, TestContext.Current.CancellationToken)).ToArray();

        var outcomes = (await Task.WhenAll(writers)).SelectMany(o => o).ToList();

        using var check = PostgresPageStore.Open(database, Time);
        Assert.Equal(new StoreCounts(80, 80, check.Counts().Segments, check.Counts().Comments, 0), check.Counts());
        Assert.Equal(80, outcomes.Count(o => o.Status == IngestStatus.Added));
        Assert.Equal(120, outcomes.Count(o => o.Status == IngestStatus.Unchanged));
        Assert.Equal(1L, Scalar(database, "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM versions GROUP BY doc_id) v"));
    }

    [Fact]
    public async Task Ingests_finishing_at_once_leave_the_claims_a_single_relink_makes()
    {
        var database = NewDatabase();
        var seeds = Directory.GetFiles(Corpus.Require("seeds"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        PostgresPageStore.Open(database, Time).Dispose();

        // Each of the seeds' pages is ingested by a process of its own, all at once, each then bringing claims up to date.
        await Task.WhenAll(seeds.Select(seed => Task.Run(() =>
        {
            using var store = PostgresPageStore.Open(database, Time);
            new IngestRunner(Pipelines.CreateProcessor(), store).Run(Pipelines.CreateWalker(ReadingOptions.Default, () => Stream.Null).Read([seed], null));
            StoreLinking.Update(store);
        }, TestContext.Current.CancellationToken)));

        using var check = PostgresPageStore.Open(database, Time);
        var stored = check.LoadLinks()!;
        var whole = StoreLinking.Link(check);
        Assert.Equal(stored.State.Inputs, check.LoadLinkState()!.Inputs);
        Assert.False(StoreLinking.Update(check).Relinked, "the stored result was made from every page");
        var relinked = StoreLinking.Relink(check);
        Assert.Equal(relinked.Result.Claims.Select(c => c.Id), whole.Result.Claims.Select(c => c.Id));
        Assert.Equal(relinked.Result.Conflicts.Count, whole.Result.Conflicts.Count);
        Assert.Equal(relinked.CopyLinks.Count, whole.CopyLinks.Count);
    }

    [Fact]
    public async Task Stores_opened_at_once_on_a_new_database_migrate_it_once()
    {
        var database = NewDatabase();

        var versions = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
        {
            using var store = PostgresPageStore.Open(database, Time);
            return store.SchemaVersion;
        }, TestContext.Current.CancellationToken)));

        Assert.All(versions, v => Assert.Equal(PostgresPageStore.Migrations.Count, v));
        Assert.Equal((long)PostgresPageStore.Migrations.Count, Scalar(database, "SELECT COUNT(*) FROM schema_version"));
    }
}
