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
    /// A SELECT of <c>id</c> (a search_units id) and <c>score</c> (higher is more relevant) for the units that
    /// match the parameter <c>@match</c>.
    /// </summary>
    public abstract string MatchSql { get; }

    /// <summary>
    /// As <see cref="MatchSql"/> for the matching units whose id is at least the parameter <c>@lowest</c>: the
    /// ranking of a window of recent matches, without scoring every older one.
    /// </summary>
    public abstract string MatchFromSql { get; }

    /// <summary>
    /// A SELECT of <c>id</c> alone for the units that match <c>@match</c>, without scores: cheap enough to count the
    /// matches up to a bound, or to walk them newest first, where scoring all of a common word's would cost seconds.
    /// </summary>
    public abstract string IdsSql { get; }

    /// <summary>The value bound to <c>@match</c>: the expression in the backend's own syntax, safely quoted.</summary>
    public abstract object MatchValue(SearchExpression expression);

    /// <summary>A writer of units inside the caller's transaction, with its statements prepared once.</summary>
    public abstract SearchIndexWriter OpenWriter(DbConnection connection, DbTransaction transaction);
}

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
