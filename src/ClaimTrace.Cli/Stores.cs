namespace ClaimTrace.Cli;

internal static class Stores
{
    public static IPageStore Open(string database, TimeProvider time) => SqlitePageStore.Open(database, time);

    /// <summary>Opens a database that must already exist: reading commands never create an empty one by mistake.</summary>
    public static IPageStore? TryOpenExisting(string database, CliEnvironment env)
    {
        if (!File.Exists(database))
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
