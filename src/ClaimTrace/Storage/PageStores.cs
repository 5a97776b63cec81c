namespace ClaimTrace;

/// <summary>Opens the store a database name means: a PostgreSQL server (docs/deploy.md) or a SQLite file.</summary>
public static class PageStores
{
    /// <summary>
    /// <see cref="PostgresPageStore"/> when <paramref name="database"/> is a connection string or a <c>postgres://</c>
    /// URL, else <see cref="SqlitePageStore"/> on that file.
    /// </summary>
    public static SqlPageStore Open(string database, TimeProvider? time = null, IProgress<IndexingProgress>? indexing = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return PostgresPageStore.Names(database) ? PostgresPageStore.Open(database, time, indexing) : SqlitePageStore.Open(database, time, indexing);
    }

    /// <summary>The database as messages may name it: a file's full path, a server as <c>postgres://user@host:port/db</c> (never a password).</summary>
    public static string Describe(string database) =>
        PostgresPageStore.Names(database) ? PostgresConnection.Describe(PostgresConnection.Parse(database)) : Path.GetFullPath(database);

    /// <summary>The name messages and keys use: a SQLite file's full path, a server's name as given.</summary>
    public static string Normalise(string database) =>
        PostgresPageStore.Names(database) ? database : Path.GetFullPath(database);
}
