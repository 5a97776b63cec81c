using System.Diagnostics;
using ClaimTrace.StoreKiller;
using Microsoft.Data.Sqlite;

namespace ClaimTrace.Tests;

/// <summary>
/// SaveBatch is one transaction: a process killed with SIGKILL, mid-batch or anywhere, leaves a store that
/// is intact, self-consistent and exactly as after some whole batch; running the ingest again finishes it.
/// The ingest runs in a child process (tests/ClaimTrace.StoreKiller) so it can really be killed.
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class StoreCrashTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly TempFolder folder = new("crash");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_process_killed_inside_a_batch_leaves_the_store_as_after_the_previous_batch_and_a_rerun_completes_it()
    {
        const int stallBatch = 4;
        var expected = ExpectedCountsAfterEachBatch();
        var path = folder.File("stalled.db");

        using (var child = Killer.Start(path, stallBatch, stallPage: IngestPlan.PagesPerBatch / 2))
        {
            var lines = child.ReadUntil(StallingList.Marker);
            Assert.Equal([.. Enumerable.Range(0, stallBatch).Select(b => $"saved {b}"), StallingList.Marker], lines);
            child.Kill();
        }

        AssertIntactAndConsistent(path);
        using (var store = SqlitePageStore.Open(path))
            Assert.Equal(expected[stallBatch - 1], store.Counts());

        RunToCompletion(path);
        using var finished = SqlitePageStore.Open(path);
        Assert.Equal(expected[^1] with { Failures = expected[^1].Failures + stallBatch }, finished.Counts());
    }

    [Fact]
    public void A_process_killed_at_an_arbitrary_moment_leaves_the_store_as_after_some_whole_batch()
    {
        var expected = ExpectedCountsAfterEachBatch();
        var path = folder.File("anytime.db");

        using (var child = Killer.Start(path))
        {
            // Wait until the store has documents, then kill while later batches are being written.
            child.ReadUntil("saved 1");
            child.Kill();
        }

        AssertIntactAndConsistent(path);
        int committed;
        using (var store = SqlitePageStore.Open(path))
        {
            var counts = store.Counts();
            committed = counts.Failures;
            Assert.InRange(committed, 2, IngestPlan.Batches);
            Assert.Equal(expected[committed - 1], counts);
        }

        RunToCompletion(path);
        using var finished = SqlitePageStore.Open(path);
        Assert.Equal(expected[^1] with { Failures = expected[^1].Failures + committed }, finished.Counts());
    }

    /// <summary>The counts after batch 0, 1, ... of the plan, from an uninterrupted run in this process.</summary>
    private List<StoreCounts> ExpectedCountsAfterEachBatch()
    {
        using var store = SqlitePageStore.Open(folder.File("reference.db"));
        var counts = new List<StoreCounts>();
        for (var batch = 0; batch < IngestPlan.Batches; batch++)
        {
            store.SaveBatch(IngestPlan.Pages(batch), IngestPlan.Failures(batch));
            counts.Add(store.Counts());
        }

        return counts;
    }

    private static void RunToCompletion(string path)
    {
        using var child = Killer.Start(path);
        Assert.Equal("done", child.ReadUntil("done")[^1]);
        Assert.Equal(0, child.WaitForExit());
    }

    private static void AssertIntactAndConsistent(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM pragma_foreign_key_check"));
        // Every document has versions 1..current and nothing above.
        Assert.Equal(0L, Scalar(connection,
            """
            SELECT COUNT(*) FROM documents d
            WHERE d.current_version <> (SELECT COUNT(*) FROM versions v WHERE v.doc_id = d.id)
               OR d.current_version <> (SELECT MAX(version) FROM versions v WHERE v.doc_id = d.id)
            """));
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM versions v WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = v.doc_id)"));
        // Every version has all its segments and comments.
        Assert.Equal(0L, Scalar(connection,
            """
            SELECT COUNT(*) FROM versions v
            WHERE v.segment_count <> (SELECT COUNT(*) FROM segments s WHERE s.doc_id = v.doc_id AND s.version = v.version)
               OR v.comment_count <> (SELECT COUNT(*) FROM comments c WHERE c.doc_id = v.doc_id AND c.version = v.version)
            """));
        // Every batch that left a trace left all of it: its run row carries its tallies.
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM ingest_runs WHERE pages <> @pages", ("@pages", IngestPlan.PagesPerBatch)));
    }

    private static object? Scalar(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command.ExecuteScalar();
    }

    /// <summary>The StoreKiller child process, read line by line.</summary>
    private sealed class Killer : IDisposable
    {
        private readonly Process process;

        private Killer(Process process) => this.process = process;

        public static Killer Start(string database, int stallBatch = -1, int stallPage = -1)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "ClaimTrace.StoreKiller.dll");
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : "dotnet";
            var info = new ProcessStartInfo(host)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { dll, database, stallBatch.ToString(System.Globalization.CultureInfo.InvariantCulture), stallPage.ToString(System.Globalization.CultureInfo.InvariantCulture) })
                info.ArgumentList.Add(arg);
            return new Killer(Process.Start(info) ?? throw new InvalidOperationException("could not start " + dll));
        }

        /// <summary>Lines printed up to and including <paramref name="last"/>; fails if the child exits or hangs first.</summary>
        public List<string> ReadUntil(string last)
        {
            var lines = new List<string>();
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < Patience)
            {
                var read = process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask();
                if (!read.Wait(Patience - deadline.Elapsed, TestContext.Current.CancellationToken))
                    break;
                var line = read.Result;
                if (line is null)
                {
                    Assert.Fail($"the ingest process ended before '{last}': {string.Join(" | ", lines)} {process.StandardError.ReadToEnd()}");
                    return lines;
                }

                lines.Add(line);
                if (line == last)
                    return lines;
            }

            Assert.Fail($"no '{last}' from the ingest process within {Patience}: {string.Join(" | ", lines)}");
            return lines;
        }

        /// <summary>SIGKILL on Unix: no finalisers, no rollback, no flush.</summary>
        public void Kill()
        {
            process.Kill();
            process.WaitForExit();
        }

        public int WaitForExit()
        {
            process.WaitForExit();
            return process.ExitCode;
        }

        public void Dispose()
        {
            if (!process.HasExited)
                process.Kill();
            process.Dispose();
        }
    }
}
