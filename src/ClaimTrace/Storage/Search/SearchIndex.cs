using System.Data.Common;

namespace ClaimTrace;

/// <summary>
/// What a backend adds to the shared search (<see cref="SearchRunner"/>): how unit texts are indexed and how a
/// <see cref="SearchExpression"/> becomes its own query. Rows of <c>search_units</c> are common to every
/// backend; only the word index beside them differs (SQLite: an FTS5 table; PostgreSQL: a tsvector column).
/// </summary>
internal abstract class SearchIndex
{
    /// <summary>
    /// The backend's query for the units whose words match <paramref name="expression"/> (when it has words) and whose
    /// tags match <paramref name="tags"/> (when it has any); at least one of the two is not empty.
    /// </summary>
    public abstract SearchMatch Match(SearchExpression expression, SearchTagQuery tags);

    /// <summary>A writer of units inside the caller's transaction, with its statements prepared once.</summary>
    public abstract SearchIndexWriter OpenWriter(DbConnection connection, DbTransaction transaction);
}

/// <summary>
/// A backend's query for matching units, with its parameters (<see cref="Names"/>, <see cref="Values"/>; every
/// value the user typed travels as one).
/// <see cref="MatchSql"/> selects <c>id</c> (a search_units id) and <c>score</c> (higher is more relevant);
/// <see cref="MatchFromSql"/> the same for ids of at least the parameter <c>@lowest</c> (the ranking of a window
/// of recent matches, without scoring every older one); <see cref="IdsSql"/> the ids alone, without scores: cheap
/// enough to count the matches up to a bound, or to walk them newest first, where scoring all of a common word's
/// would cost seconds.
/// </summary>
internal sealed record SearchMatch(string MatchSql, string MatchFromSql, string IdsSql, IReadOnlyList<string> Names, IReadOnlyList<object> Values);

/// <summary>Replaces the units of documents inside one transaction.</summary>
internal abstract class SearchIndexWriter : IDisposable
{
    /// <summary>Forgets every unit of <paramref name="documentId"/> and writes <paramref name="units"/> of its current <paramref name="version"/>.</summary>
    public abstract void Replace(string documentId, int version, IReadOnlyList<SearchUnit> units);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
