namespace ClaimTrace.Cli;

internal static class Stores
{
    /// <summary>
    /// A PostgreSQL server when <paramref name="database"/> is a connection string or a <c>postgres://</c> URL
    /// (docs/deploy.md), else a SQLite file.
    /// </summary>
    public static IPageStore Open(string database, TimeProvider time) => PageStores.Open(database, time);

    /// <summary>Opens (creating when needed) a database; null, with the reason printed, when it cannot.</summary>
    public static IPageStore? TryOpen(string database, CliEnvironment env)
    {
        try
        {
            return Open(database, env.Time);
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
            return Open(database, env.Time);
        }
        catch (StoreException e)
        {
            env.StandardError.WriteLine($"claimtrace: {e.Message}");
            return null;
        }
    }
}
