using System.Data.Common;
using Npgsql;

namespace ClaimTrace;

/// <summary>
/// The shared page store on a PostgreSQL server, for a team: several people query one database and several
/// machines ingest into it (docs/deploy.md). The same store core as SQLite's (<see cref="SqlPageStore"/>), its own
/// schema steps (Storage/Migrations/postgres) and a <c>tsvector</c> word index. The database is named by a
/// connection string (<c>Host=...;Database=...;Username=...</c>) or a <c>postgres://user@host:port/database</c> URL;
/// a password is best left to <c>PGPASSWORD</c> or a <c>.pgpass</c> file, which Npgsql reads, and it is never
/// part of what the store prints.
/// </summary>
public sealed class PostgresPageStore : SqlPageStore
{
    private static readonly Lazy<IReadOnlyList<Migration>> Shipped = new(() => ShippedMigrations.For(SqlDialect.Postgres.Name));

    private PostgresPageStore(NpgsqlConnection connection, string database, int schemaVersion, TimeProvider time)
        : base(connection, SqlDialect.Postgres, database, schemaVersion, time)
    {
    }

    /// <summary>The schema steps this build knows, in order.</summary>
    internal static IReadOnlyList<Migration> Migrations => Shipped.Value;

    /// <summary>True when <paramref name="database"/> names a PostgreSQL server rather than a SQLite file.</summary>
    public static bool Names(string database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var d = database.TrimStart();
        return d.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || d.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || d.Contains("Host=", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Opens the store on the server <paramref name="database"/> names, creating or upgrading its schema in place.
    /// Throws <see cref="StoreException"/> (naming host and database, never the password) when it cannot.
    /// </summary>
    public static PostgresPageStore Open(string database, TimeProvider? time = null, IProgress<IndexingProgress>? indexing = null) => Open(database, Migrations, time, indexing);

    /// <summary>Opens with the given migrations instead of the shipped ones: tests add a step to check upgrades.</summary>
    internal static PostgresPageStore Open(string database, IReadOnlyList<Migration> migrations, TimeProvider? time = null, IProgress<IndexingProgress>? indexing = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        time ??= TimeProvider.System;
        var settings = PostgresConnection.Parse(database);
        var shown = PostgresConnection.Describe(settings);
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            connection.Open();
            var version = Migrate(connection, shown, migrations, time);
            return Indexed(new PostgresPageStore(connection, shown, version, time), indexing);
        }
        catch (Exception e) when (e is NpgsqlException or PostgresException or TimeoutException)
        {
            connection.Dispose();
            throw new StoreException(shown, $"cannot be opened: {PostgresConnection.Explain(e)}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // A store kept at a schema before the index's current form (tests of upgrades) has none to fill.
    private protected override SearchIndex? SearchIndex => SchemaVersion >= SearchIndexSchema ? PostgresSearchIndex.Instance : null;

    /// <summary>
    /// Any advisory lock key works as long as every ClaimTrace uses the same: "ClaimTrace" in ASCII, as a number.
    /// </summary>
    private const long MigrationLock = 0x436C61696D5472;

    /// <summary>
    /// Migrates with a session-wide advisory lock held, so workers started together on a new database take turns:
    /// PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against itself run at the same moment.
    /// </summary>
    private static int Migrate(NpgsqlConnection connection, string shown, IReadOnlyList<Migration> migrations, TimeProvider time)
    {
        using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", connection))
            take.ExecuteNonQuery();
        try
        {
            return new MigrationRunner(connection, shown, time).Migrate(migrations);
        }
        finally
        {
            using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", connection);
            release.ExecuteNonQuery();
        }
    }

    private protected override bool IsConflict(DbException error) =>
        error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    private protected override StoreException Describe(DbException error, string doing) =>
        new(Database, $"{doing}: {PostgresConnection.Explain(error)}", error);
}
