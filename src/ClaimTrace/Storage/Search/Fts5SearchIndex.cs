using System.Data.Common;
using System.Globalization;
using System.Text;

namespace ClaimTrace;

/// <summary>
/// SQLite's word index: the contentless FTS5 table <c>search_text</c> (schema 5, tags since 8), one row per search unit
/// with the unit's id as rowid. Ranking is FTS5's bm25 with a speaker match weighing twice a body match and a match
/// in the surrounding sentence or title half, so "Mizintsev" ranks his statements above statements that only
/// mention him.
/// </summary>
internal sealed class Fts5SearchIndex : SearchIndex
{
    public static Fts5SearchIndex Instance { get; } = new();

    // bm25() is lower for better matches; negated so every backend's score grows with relevance. The tags column
    // weighs nothing: a filter is not relevance. MATERIALIZED keeps the FTS5 scan the outer loop of its own query,
    // where auxiliary functions such as bm25() are allowed.
    private const string Scored =
        "SELECT rowid AS id, -bm25(search_text, 1.0, 2.0, 0.5, 0.0) AS score FROM search_text WHERE search_text MATCH @match";

    // FTS5 takes a rowid range into its own scan, so only the window's rows are scored.
    private static readonly SearchMatch Words = new(
        Scored, Scored + " AND rowid >= @lowest", "SELECT rowid AS id FROM search_text WHERE search_text MATCH @match", ["@match"], []);

    // Tags alone say nothing of relevance: every unit scores 0 and the newest rank first, as without words.
    private static readonly SearchMatch TagsOnly = new(
        "SELECT rowid AS id, CAST(0 AS DOUBLE PRECISION) AS score FROM search_text WHERE search_text MATCH @match",
        "SELECT rowid AS id, CAST(0 AS DOUBLE PRECISION) AS score FROM search_text WHERE search_text MATCH @match AND rowid >= @lowest",
        "SELECT rowid AS id FROM search_text WHERE search_text MATCH @match", ["@match"], []);

    public override SearchMatch Match(SearchExpression expression, SearchTagQuery tags)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(tags);
        var parts = new List<string>();
        if (!expression.MatchesEverything)
            parts.Add(MatchValue(expression));
        parts.AddRange(tags.Groups.Select(g => "tags : (" + string.Join(" OR ", g.Select(Quote)) + ")"));
        if (parts.Count == 0)
            throw new ArgumentException("a search without words or tags has no FTS5 form", nameof(expression));
        return (expression.MatchesEverything ? TagsOnly : Words) with { Values = [string.Join(" AND ", parts)] };
    }

    /// <summary>
    /// Every clause becomes an FTS5 string ("96 5", with <c>*</c> after it for a prefix): words hold only letters,
    /// digits and marks, so nothing the user typed can be read as an FTS5 operator, column filter or bracket.
    /// Quotes are doubled all the same, as FTS5 escapes them, in case the word rule ever widens. The words are kept to
    /// the text columns, so a word can never match a unit's tags.
    /// </summary>
    internal static string MatchValue(SearchExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Required.Count == 0)
            throw new ArgumentException("an expression without required clauses has no FTS5 form", nameof(expression));
        var match = new StringBuilder("{body speaker context} : (");
        match.Append('(').AppendJoin(" AND ", expression.Required.Select(Quote)).Append(')');
        foreach (var clause in expression.Excluded)
            match.Append(" NOT ").Append(Quote(clause));
        return match.Append(')').ToString();
    }

    public override SearchIndexWriter OpenWriter(DbConnection connection, DbTransaction transaction) => new Writer(connection, transaction);

    internal static string Quote(SearchClause clause) => Quote(string.Join(' ', clause.Words), clause.Prefix);

    private static string Quote(SearchTag tag) => Quote(tag.Token, tag.Prefix);

    private static string Quote(string words, bool prefix) =>
        "\"" + words.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (prefix ? " *" : "");

    private sealed class Writer : SearchIndexWriter
    {
        private readonly PreparedStatement deleteText;
        private readonly PreparedStatement deleteUnits;
        private readonly PreparedStatement insertUnit;
        private readonly PreparedStatement insertText;

        public Writer(DbConnection connection, DbTransaction transaction)
        {
            deleteText = new(connection, transaction, "DELETE FROM search_text WHERE rowid IN (SELECT id FROM search_units WHERE doc_id = @id)", "@id");
            deleteUnits = new(connection, transaction, "DELETE FROM search_units WHERE doc_id = @id", "@id");
            insertUnit = new(connection, transaction,
                """
                INSERT INTO search_units (doc_id, version, kind, item, start_offset, end_offset, in_comments, unit_date, outlet, outlet_folded, facets)
                VALUES (@id, @version, @kind, @item, @start, @end, @in_comments, @date, @outlet, @outlet_folded, @facets)
                RETURNING id
                """,
                "@id", "@version", "@kind", "@item", "@start", "@end", "@in_comments", "@date", "@outlet", "@outlet_folded", "@facets");
            insertText = new(connection, transaction,
                "INSERT INTO search_text (rowid, body, speaker, context, tags) VALUES (@rowid, @body, @speaker, @context, @tags)",
                "@rowid", "@body", "@speaker", "@context", "@tags");
        }

        public override void Replace(string documentId, int version, IReadOnlyList<SearchUnit> units)
        {
            deleteText.Bind(documentId).Execute();
            deleteUnits.Bind(documentId).Execute();
            foreach (var u in units)
            {
                var id = Convert.ToInt64(insertUnit.Bind(
                    documentId, version, SearchUnitKinds.ToWire(u.Kind), u.Item, u.Start, u.End, u.InComments, u.Date, u.Outlet, PageRow.FoldOutlet(u.Outlet), u.Facets).Scalar(), CultureInfo.InvariantCulture);
                insertText.Bind(id, u.Body, u.Speaker, u.Context, string.Join(' ', u.Tags)).Execute();
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (!disposing)
                return;
            foreach (var statement in new[] { deleteText, deleteUnits, insertUnit, insertText })
                statement.Dispose();
        }
    }
}

/// <summary>The names of unit kinds in <c>search_units.kind</c>.</summary>
internal static class SearchUnitKinds
{
    public const string Statement = "statement";
    public const string Article = "article";
    public const string Comment = "comment";

    public static string ToWire(SearchHitKind kind) => kind switch
    {
        SearchHitKind.Statement => Statement,
        SearchHitKind.Article => Article,
        SearchHitKind.Comment => Comment,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static SearchHitKind FromWire(string name) => name switch
    {
        Statement => SearchHitKind.Statement,
        Article => SearchHitKind.Article,
        Comment => SearchHitKind.Comment,
        _ => throw new FormatException($"unknown search unit kind '{name}' in the store"),
    };
}
