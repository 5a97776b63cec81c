using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ClaimTrace.Tests;

/// <summary>The contract on a SQLite file, plus what only SQLite has: files, WAL, migrations, its own errors.</summary>
[Collection(StoreCollection.Name)]
public sealed class SqlitePageStoreTests(ITestOutputHelper output) : PageStoreContract<SqlitePageStore>
{
    private readonly TempFolder folder = new("store");
    private int created;

    protected override SqlitePageStore CreateStore() => SqlitePageStore.Open(folder.File($"store-{++created}.db"), Time);

    protected override void Dispose(bool disposing)
    {
        folder.Dispose();
        base.Dispose(disposing);
    }

    [Fact]
    public void Opening_creates_missing_folders_and_a_wal_database_at_the_newest_schema()
    {
        var path = folder.File("deep", "er", "pages.db");

        using (var store = SqlitePageStore.Open(path, Time))
        {
            Assert.Equal(SqlitePageStore.Migrations.Count, store.SchemaVersion);
            Assert.Equal(path, store.Database);
        }

        Assert.True(File.Exists(path));
        Assert.Equal("wal", Scalar(path, "PRAGMA journal_mode"));
    }

    [Fact]
    public void Pages_survive_closing_and_reopening()
    {
        var path = folder.File("reopen.db");
        var page = PageBuilder.Rich();
        using (var store = SqlitePageStore.Open(path, Time))
            store.SaveBatch([page], [new ReadFailure("x", null, FailureKind.Io, "read error")]);

        using var reopened = SqlitePageStore.Open(path, Time);

        PageAssert.Same(page, reopened.Find(page.Id)!.Page);
        Assert.Equal(new StoreCounts(1, 1, 9, 3, 1), reopened.Counts());
    }

    [Fact]
    public void A_store_at_schema_1_is_upgraded_in_place_when_a_second_migration_is_added()
    {
        var path = folder.File("upgrade.db");
        var page = PageBuilder.Rich();
        using (var v1 = SqlitePageStore.Open(path, SqlitePageStore.Migrations.Take(1).ToList(), Time))
        {
            Assert.Equal(1, v1.SchemaVersion);
            v1.SaveBatch([page], []);
        }

        var next = SqlitePageStore.Migrations.Count + 1;
        var withTestStep = SqlitePageStore.Migrations.Append(new Migration(next, "test-notes",
            "ALTER TABLE documents ADD COLUMN note TEXT; UPDATE documents SET note = 'migrated';")).ToList();

        using (var upgraded = SqlitePageStore.Open(path, withTestStep, Time))
        {
            Assert.Equal(next, upgraded.SchemaVersion);
            PageAssert.Same(page, upgraded.Find(page.Key)!.Page);
        }

        Assert.Equal("migrated", Scalar(path, "SELECT note FROM documents"));
        Assert.Equal((long)next, Scalar(path, "SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public void A_store_at_schema_1_upgrades_to_the_analysis_schema_and_its_pages_take_their_analysis_on_the_next_ingest()
    {
        var path = folder.File("schema1.db");
        var analysed = AnalysedPage.Build();
        var rich = PageBuilder.Rich();
        using (var v1 = SqlitePageStore.Open(path, SqlitePageStore.Migrations.Take(1).ToList(), Time))
            v1.SaveBatch([rich, analysed with { Analysis = PageAnalysis.Empty }], []);

        using var upgraded = SqlitePageStore.Open(path, Time);

        Assert.Equal(SqlitePageStore.Migrations.Count, upgraded.SchemaVersion);
        PageAssert.Same(rich, upgraded.Find(rich.Key)!.Page);
        Assert.Empty(upgraded.ListClaims(new ClaimQuery()));
        Assert.Equal(IngestStatus.Unchanged, Assert.Single(upgraded.SaveBatch([analysed], [])).Status);
        PageAssert.Same(analysed, upgraded.Find(analysed.Key)!.Page);
        Assert.Equal(5, upgraded.ListClaims(new ClaimQuery()).Count);
        Assert.Equal(new StoreCounts(2, 2, 9 + 4, 3 + 1, 0), upgraded.Counts());
    }

    [Fact]
    public void A_failing_migration_leaves_the_store_at_its_previous_version()
    {
        var path = folder.File("broken.db");
        SqlitePageStore.Open(path, Time).Dispose();
        var next = SqlitePageStore.Migrations.Count + 1;
        var broken = SqlitePageStore.Migrations.Append(new Migration(next, "broken",
            "CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);")).ToList();

        var error = Assert.Throws<StoreException>(() => SqlitePageStore.Open(path, broken, Time));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains($"{next:000}-broken", error.Message, StringComparison.Ordinal);
        using var store = SqlitePageStore.Open(path, Time);
        Assert.Equal(next - 1, store.SchemaVersion);
        Assert.Equal(0L, Scalar(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'"));
    }

    [Fact]
    public void A_store_newer_than_the_code_is_refused()
    {
        var path = folder.File("newer.db");
        var future = SqlitePageStore.Migrations.Append(new Migration(SqlitePageStore.Migrations.Count + 1, "from-the-future", "CREATE TABLE later (x INTEGER);")).ToList();
        SqlitePageStore.Open(path, future, Time).Dispose();

        var error = Assert.Throws<StoreException>(() => SqlitePageStore.Open(path, Time));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {future.Count}, newer than this ClaimTrace knows ({future.Count - 1})", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.Database);
    }

    [Fact]
    public void Opening_a_file_that_is_not_a_sqlite_database_throws_a_store_exception_naming_the_file()
    {
        var path = folder.File("notes.db");
        var content = string.Concat(Enumerable.Repeat("These are notes, not a database.\n", 200));
        File.WriteAllText(path, content);

        var error = Assert.Throws<StoreException>(() => SqlitePageStore.Open(path, Time));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllText(path));
    }

    [Fact]
    public void A_folder_where_the_database_file_should_be_is_refused()
    {
        var path = folder.File("a-folder.db");
        Directory.CreateDirectory(path);

        var error = Assert.Throws<StoreException>(() => SqlitePageStore.Open(path, Time));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_under_a_file_instead_of_a_folder_is_refused()
    {
        var file = folder.File("plain.txt");
        File.WriteAllText(file, "x");
        var path = Path.Combine(file, "pages.db");

        var error = Assert.Throws<StoreException>(() => SqlitePageStore.Open(path, Time));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot create its folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_that_fails_inside_the_database_is_rolled_back_whole()
    {
        var path = folder.File("atomic.db");
        using var store = SqlitePageStore.Open(path, Time);
        var earlier = PageBuilder.Rich();
        store.SaveBatch([earlier], []);
        Execute(path, "CREATE TRIGGER boom BEFORE INSERT ON versions WHEN NEW.source = 'boom' BEGIN SELECT RAISE(ABORT, 'boom trigger'); END;");
        var before = store.Counts();

        var error = Assert.Throws<StoreException>(() => store.SaveBatch(
            [PageBuilder.For("first").Build(), PageBuilder.For(earlier.Key).WithText("v2").Build(), PageBuilder.For("third").WithSource("boom").Build()],
            [new ReadFailure("f", null, FailureKind.Io, "failed read")]));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("at page 3 (boom)", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing of the batch was stored", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, store.Counts());
        Assert.Null(store.Find("first"));
        Assert.Equal(1, store.Find(earlier.Key)!.Version);
        Assert.Equal(0L, Scalar(path, "SELECT COUNT(*) FROM ingest_runs WHERE id > 1"));
        Assert.Equal(IngestStatus.Added, store.SaveBatch([PageBuilder.For("first").Build()], [])[0].Status);
    }

    [Fact]
    public void Every_batch_is_recorded_as_an_ingest_run_with_its_tallies()
    {
        var path = folder.File("runs.db");
        using (var store = SqlitePageStore.Open(path, Time))
        {
            store.SaveBatch([PageBuilder.For("a").Build(), PageBuilder.For("a").Build(), PageBuilder.For("a").WithText("2").Build(), PageBuilder.For("b").WithText("").WithSegments(new Segment(SegmentKind.Article, 0, 1, 1, 1)).Build()],
                [new ReadFailure("c", null, FailureKind.Empty, "empty")]);
        }

        Assert.Equal("4 1 1 1 1 1", Scalar(path, "SELECT pages || ' ' || added || ' ' || new_versions || ' ' || unchanged || ' ' || rejected || ' ' || failures FROM ingest_runs"));
    }

    [Fact]
    public void Ten_thousand_generated_pages_are_stored_in_batches_of_two_hundred()
    {
        const int total = 10_000;
        const int batchSize = 200;
        var pages = Enumerable.Range(0, total).Select(GeneratedPage).ToList();
        using var store = SqlitePageStore.Open(folder.File("bench.db"), Time);

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i += batchSize)
            store.SaveBatch(pages.GetRange(i, batchSize), []);
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        var chars = pages.Sum(p => (long)p.Text.Length);
        output.WriteLine($"stored {total} pages ({chars / total} chars, 4 segments, 3 comments each) in {clock.Elapsed.TotalSeconds:F2} s: {total / clock.Elapsed.TotalSeconds:F0} pages/s (process CPU {cpu.TotalSeconds:F2} s: {total / cpu.TotalSeconds:F0} pages per CPU second)");
        Assert.Equal(new StoreCounts(total, total, total * 4, total * 3, 0), store.Counts());
    }

    private static Page GeneratedPage(int n)
    {
        var body = string.Join(' ', Enumerable.Range(0, 60).Select(w => $"word{(n * 31 + w) % 997}")) + $" claim number {n}.";
        var text = $"Headline {n}\n{body}\n{body}\nreader{n % 7}: first\nreader{n % 5}: reply\nreader{n % 3}: another";
        var lines = text.Split('\n');
        var starts = new List<int> { 0 };
        foreach (var line in lines)
            starts.Add(starts[^1] + line.Length + 1);
        return PageBuilder.For($"https://gen.example/{n % 97}/{n}")
            .WithText(text)
            .WithMetadata(new PageMetadata { Title = new MetaValue($"Headline {n}", "text:title", 0, lines[0].Length), Outlet = new MetaValue($"Outlet {n % 13}", "container:csv") })
            .WithSegments(
                new Segment(SegmentKind.Title, 0, lines[0].Length, 1, 1),
                new Segment(SegmentKind.Article, starts[1], starts[3] - 1, 2, 3),
                new Segment(SegmentKind.Caption, starts[2], starts[3] - 1, 3, 3),
                new Segment(SegmentKind.Comments, starts[3], text.Length, 4, 6))
            .WithComments(
                new Comment(0, starts[3], starts[4] - 1, 4, 4, $"reader{n % 7}", 0, null, false),
                new Comment(1, starts[4], starts[5] - 1, 5, 5, $"reader{n % 5}", 1, 0, false),
                new Comment(2, starts[5], text.Length, 6, 6, $"reader{n % 3}", 0, null, n % 10 == 0))
            .Build();
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(string path, string sql) => Scalar(path, sql);
}
