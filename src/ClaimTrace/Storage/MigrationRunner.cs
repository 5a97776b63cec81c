using System.Data.Common;
using System.Globalization;

namespace ClaimTrace;

/// <summary>
/// Brings a database to the newest schema it knows. The applied steps are rows of <c>schema_version</c>;
/// each migration runs in its own transaction together with its row, so a failed or interrupted step
/// leaves the store at the previous version, never half-way. A store at a version newer than the code
/// is refused rather than written to, because this code cannot know what the newer schema requires.
/// </summary>
internal sealed class MigrationRunner(DbConnection connection, string database, TimeProvider time)
{
    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

    /// <summary>Applies every migration above the stored version and returns the version reached.</summary>
    public int Migrate(IReadOnlyList<Migration> migrations)
    {
        CheckSequence(migrations);
        var known = migrations.Count == 0 ? 0 : migrations[^1].Version;

        Execute(CreateVersionTable, null);
        var current = CurrentVersion(null);
        if (current > known)
        {
            throw new StoreException(database,
                $"the database is at schema version {current}, newer than this ClaimTrace knows ({known}); use a newer ClaimTrace or another database.");
        }

        foreach (var migration in migrations)
        {
            if (migration.Version <= current)
                continue;
            Apply(migration, ref current);
        }

        return current;
    }

    private void Apply(Migration migration, ref int current)
    {
        using var transaction = connection.BeginTransaction();
        try
        {
            // Another process may have migrated between our read and our transaction: look again inside it.
            current = CurrentVersion(transaction);
            if (migration.Version <= current)
                return;
            Execute(migration.Sql, transaction);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @applied_at)";
            AddParameter(record, "@version", migration.Version);
            AddParameter(record, "@name", migration.Name);
            AddParameter(record, "@applied_at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            record.ExecuteNonQuery();
            transaction.Commit();
            current = migration.Version;
        }
        catch (DbException e)
        {
            transaction.Rollback();
            throw new StoreException(database,
                $"migration {migration} failed, the database stays at schema version {current}: {e.Message}", e);
        }
    }

    /// <summary>Migrations must be numbered 1, 2, 3... with no gap, or a store could skip a step.</summary>
    public static void CheckSequence(IReadOnlyList<Migration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
                throw new InvalidOperationException($"Migration {migrations[i]} is at position {i + 1}: migrations must be numbered 1, 2, 3... without gaps.");
        }
    }

    private int CurrentVersion(DbTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void Execute(string sql, DbTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
