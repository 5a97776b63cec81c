namespace ClaimTrace;

/// <summary>
/// The few places where SQLite and PostgreSQL SQL differ for the shared store core. Both accept
/// <c>@name</c> parameters, <c>RETURNING</c> and <c>LIMIT/OFFSET</c>, so the rest of the SQL is common.
/// </summary>
internal sealed record SqlDialect(
    string Name,
    string CaseInsensitiveLike,
    string KeyOrder)
{
    /// <summary>SQLite's LIKE folds ASCII case only; keys compare as UTF-8 bytes (BINARY collation).</summary>
    public static SqlDialect Sqlite { get; } = new("sqlite", "LIKE", "d.key");

    /// <summary>PostgreSQL: ILIKE folds case; keys order by code point (C collation) like SQLite's bytes.</summary>
    public static SqlDialect Postgres { get; } = new("postgres", "ILIKE", "d.key COLLATE \"C\"");
}
