namespace ClaimTrace.Cli;

internal static class Stores
{
    /// <summary>
    /// A PostgreSQL server when <paramref name="database"/> is a connection string or a <c>postgres://</c> URL
    /// (docs/deploy.md), else a SQLite file.
    /// </summary>
    public static IPageStore Open(string database, CliEnvironment env) => PageStores.Open(database, env.Time, new IndexingReport(env.StandardError));

    /// <summary>Opens (creating when needed) a database; null, with the reason printed, when it cannot.</summary>
    public static IPageStore? TryOpen(string database, CliEnvironment env)
    {
        try
        {
            return Open(database, env);
        }
        catch (StoreException e)
        {
            env.StandardError.WriteLine($"claimtrace: {e.Message}");
            return null;
        }
    }

    /// <summary>Opens a database that must already exist: reading commands never create an empty one by mistake.</summary>
    public static IPageStore? TryOpenExisting(string database, CliEnvironment env)
    {
        if (!PostgresPageStore.Names(database) && !File.Exists(database))
        {
            env.StandardError.WriteLine($"claimtrace: no database at {database}; run 'claimtrace ingest PATH' or 'claimtrace demo' first, or pass --db.");
            return null;
        }

        try
        {
            return Open(database, env);
        }
        catch (StoreException e)
        {
            env.StandardError.WriteLine($"claimtrace: {e.Message}");
            return null;
        }
    }
}

/// <summary>
/// Says on standard error what a store opening after an upgrade is doing, so a command on a large store does not look
/// hung for minutes: the first report, then at most one line every <see cref="Every"/>, and the last.
/// </summary>
internal sealed class IndexingReport(TextWriter error) : IProgress<IndexingProgress>
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    private readonly System.Diagnostics.Stopwatch sinceLast = new();

    public void Report(IndexingProgress value)
    {
        if (value.Done == 0)
        {
            error.WriteLine($"claimtrace: writing the search index of {value.Total:N0} stored pages (once, after an upgrade of the store)...");
            sinceLast.Restart();
            return;
        }

        if (value.Done < value.Total && sinceLast.Elapsed < Every)
            return;
        error.WriteLine($"claimtrace: search index: {value.Done:N0} of {value.Total:N0} pages");
        sinceLast.Restart();
    }
}
