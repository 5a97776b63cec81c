namespace ClaimTrace;

/// <summary>
/// The few places where SQLite and PostgreSQL SQL differ for the shared store core. Both accept
/// <c>@name</c> parameters, <c>RETURNING</c> and <c>LIMIT/OFFSET</c>, so the rest of the SQL is common.
/// </summary>
/// <param name="Name">the folder of the backend's migrations: <c>Storage/Migrations/{Name}/</c></param>
/// <param name="CaseInsensitiveLike">the LIKE operator that ignores case</param>
/// <param name="KeyOrder">the ORDER BY term for document keys, byte/code-point order on every backend</param>
/// <param name="IdInRange">a condition true for ids in [@low, @high) compared by code point, so an id
/// prefix is a range the primary key index answers; locale collations would misplace the bound</param>
/// <param name="LockRead">what ends a SELECT inside a write transaction so the rows read stay as read until commit:
/// nothing on SQLite (a write transaction there holds the whole file), <c>FOR UPDATE</c> on PostgreSQL</param>
internal sealed record SqlDialect(
    string Name,
    string CaseInsensitiveLike,
    string KeyOrder,
    string IdInRange,
    string LockRead)
{
    /// <summary>SQLite's LIKE folds ASCII case only; text compares as UTF-8 bytes (BINARY collation).</summary>
    public static SqlDialect Sqlite { get; } = new("sqlite", "LIKE", "d.key", "id >= @low AND id < @high", "");

    /// <summary>PostgreSQL: ILIKE folds case; the C collation gives code-point order like SQLite's bytes.</summary>
    public static SqlDialect Postgres { get; } = new("postgres", "ILIKE", "d.key COLLATE \"C\"", "id COLLATE \"C\" >= @low AND id COLLATE \"C\" < @high", " FOR UPDATE");
}
