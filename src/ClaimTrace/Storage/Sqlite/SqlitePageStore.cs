using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ClaimTrace;

/// <summary>
/// The default page store: one SQLite file in WAL mode. Readers never block the writer, a killed process
/// loses at most the batch it was writing (<c>synchronous=NORMAL</c> keeps every committed batch through a
/// process crash; only a power cut can undo the last few), and a second process waits on a busy file
/// instead of failing at once.
/// </summary>
public sealed class SqlitePageStore : SqlPageStore
{
    private const int BusyTimeoutMilliseconds = 10_000;

    /// <summary>
    /// Page ids are hashes, so rows land at random places in the key-ordered tables; with SQLite's default
    /// 2 MB cache each insert then goes to the file (measured 17 µs instead of 5 µs per segment row at 100,000
    /// rows). The cache is only allocated as it fills.
    /// </summary>
    private const int CacheKibibytes = 64 * 1024;

    private static readonly Lazy<IReadOnlyList<Migration>> Shipped = new(() => ShippedMigrations.For(SqlDialect.Sqlite.Name));

    private SqlitePageStore(SqliteConnection connection, string database, int schemaVersion, TimeProvider time)
        : base(connection, SqlDialect.Sqlite, database, schemaVersion, time)
    {
    }

    /// <summary>The schema steps this build knows, in order.</summary>
    internal static IReadOnlyList<Migration> Migrations => Shipped.Value;

    /// <summary>
    /// Opens the store at <paramref name="path"/>, creating the file and its folders if needed and migrating
    /// an older schema in place. Throws <see cref="StoreException"/> for a file that cannot be opened, is not
    /// a SQLite database, or was written by a newer ClaimTrace.
    /// </summary>
    /// <param name="path">the file (created when missing)</param>
    /// <param name="time">the clock of ingest times (tests pass their own)</param>
    /// <param name="indexing">told how far the store has got when it writes the search index of pages stored before
    /// it (after an upgrade that rebuilds the index: minutes for a large store)</param>
    public static SqlitePageStore Open(string path, TimeProvider? time = null, IProgress<IndexingProgress>? indexing = null) => Open(path, Migrations, time, indexing);

    /// <summary>Opens with the given migrations instead of the shipped ones: tests add a step to check upgrades.</summary>
    internal static SqlitePageStore Open(string path, IReadOnlyList<Migration> migrations, TimeProvider? time = null, IProgress<IndexingProgress>? indexing = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        time ??= TimeProvider.System;
        var inMemory = path == ":memory:";
        var database = inMemory ? path : Path.GetFullPath(path);
        if (!inMemory)
            PrepareFolder(database);

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Unpooled, so disposing the store really closes the file (and checkpoints the WAL).
            Pooling = false,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString());
        try
        {
            connection.Open();
            Configure(connection);
            var version = new MigrationRunner(connection, database, time).Migrate(migrations);
            return Indexed(new SqlitePageStore(connection, database, version, time), indexing);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreException(database, $"cannot be opened: {Explain(e)}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private protected override SearchIndex? SearchIndex => SchemaVersion >= SearchIndexSchema ? Fts5SearchIndex.Instance : null;

    private protected override StoreException Describe(DbException error, string doing) =>
        new(Database, $"{doing}: {(error is SqliteException e ? Explain(e) : error.Message)}", error);

    private protected override void BeforeClose(DbConnection open)
    {
        try
        {
            using var command = open.CreateCommand();
            command.CommandText = "PRAGMA optimize";
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Statistics are a nicety; closing must not fail for them.
        }
    }

    private static void PrepareFolder(string database)
    {
        if (Directory.Exists(database))
            throw new StoreException(database, "cannot be opened: it is a folder, not a database file");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(database, $"cannot create its folder: {e.Message}", e);
        }
    }

    private static void Configure(SqliteConnection connection)
    {
        // The first statement reads the header: a file that is not a database fails here (SQLITE_NOTADB).
        using var command = connection.CreateCommand();
        command.CommandText =
            $"""
            PRAGMA journal_mode = WAL;
            PRAGMA busy_timeout = {BusyTimeoutMilliseconds};
            PRAGMA foreign_keys = ON;
            PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -{CacheKibibytes};
            """;
        command.ExecuteNonQuery();
    }

    private static string Explain(SqliteException e) => (e.SqliteErrorCode & 0xFF) switch
    {
        raw.SQLITE_NOTADB => "the file is not a SQLite database",
        raw.SQLITE_CORRUPT => "the database file is damaged (" + e.Message + ")",
        raw.SQLITE_CANTOPEN => "the file cannot be opened (no permission, or a path that is not a file)",
        raw.SQLITE_READONLY => "the database is read-only",
        raw.SQLITE_BUSY or raw.SQLITE_LOCKED => "the database is locked by another process",
        raw.SQLITE_FULL => "the disk is full",
        raw.SQLITE_IOERR => "a read or write of the file failed (" + e.Message + ")",
        _ => e.Message,
    };
}
