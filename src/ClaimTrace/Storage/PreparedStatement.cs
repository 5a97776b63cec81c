using System.Data.Common;

namespace ClaimTrace;

/// <summary>
/// One parameterised SQL statement, reused: values are bound by position to the names given, and the
/// statement is prepared on first use so a batch of pages compiles each INSERT once, not once per row.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly DbCommand command;
    private bool prepared;

    public PreparedStatement(DbConnection connection, DbTransaction? transaction, string sql, params string[] parameterNames)
    {
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }

    public PreparedStatement Bind(params object?[] values)
    {
        if (values.Length != command.Parameters.Count)
            throw new ArgumentException($"{values.Length} values for {command.Parameters.Count} parameters of: {command.CommandText}", nameof(values));
        // A flag goes in as 0/1: the columns are INTEGER on every backend (DbColumns.Flag), and PostgreSQL will not
        // put a boolean into one; SQLite's provider writes bools as 0/1 itself.
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] switch { null => DBNull.Value, bool flag => flag ? 1 : 0, var value => value };
        return this;
    }

    public int Execute() => Ready().ExecuteNonQuery();

    public object? Scalar() => Ready().ExecuteScalar() is var value && value is DBNull ? null : value;

    public DbDataReader Query() => Ready().ExecuteReader();

    public void Dispose() => command.Dispose();

    private DbCommand Ready()
    {
        // Prepared after the first values are bound: some providers infer parameter types from them.
        if (!prepared)
        {
            command.Prepare();
            prepared = true;
        }

        return command;
    }
}
