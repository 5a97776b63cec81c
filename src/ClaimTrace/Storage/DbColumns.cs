using System.Data.Common;
using System.Globalization;

namespace ClaimTrace;

/// <summary>Reading columns the same way on every backend.</summary>
internal static class DbColumns
{
    /// <summary>
    /// A flag stored as INTEGER 0/1: SQLite has no boolean type and the schema keeps PostgreSQL's the same, so the shared
    /// SQL compares flags with 0 everywhere. SQLite hands back a long, PostgreSQL an int: neither reads as a bool.
    /// </summary>
    public static bool Flag(this DbDataReader reader, int column) => Convert.ToInt64(reader.GetValue(column), CultureInfo.InvariantCulture) != 0;
}
