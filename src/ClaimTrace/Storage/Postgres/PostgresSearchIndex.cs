using System.Data.Common;
using System.Globalization;
using System.Text;

namespace ClaimTrace;

/// <summary>
/// PostgreSQL's word index: a <c>tsvector</c> column of <c>search_units</c> under a GIN index (schema 5). The words
/// are cut and folded in .NET by the same rule as SQLite's FTS5 tokenizer (<see cref="SearchTokens"/>) and handed
/// to the <c>simple</c> configuration as space-separated words, so "96.5" is the words 96 and 5 on both backends
/// (PostgreSQL's own parser would keep it as one number) and a query finds the same units. Ranking is
/// <c>ts_rank</c> with the speaker in weight A, the body in B and the surrounding sentence in C: PostgreSQL's
/// default weights (1.0, 0.4, 0.2) put the speaker at 2.5 and the context at 0.5 times the body, near FTS5's 2 and 0.5.
/// </summary>
internal sealed class PostgresSearchIndex : SearchIndex
{
    public static PostgresSearchIndex Instance { get; } = new();

    private const string WordsQuery = "to_tsquery('simple', @match)";

    // Tags are lexemes as written (array_to_tsvector, a cast to tsquery): no parser stands between a tag and its token.
    private const string TagsQuery = "CAST(@tags AS tsquery)";

    public override SearchMatch Match(SearchExpression expression, SearchTagQuery tags)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(tags);
        var conditions = new List<string>();
        var names = new List<string>();
        var values = new List<object>();
        if (!expression.MatchesEverything)
        {
            conditions.Add($"words @@ {WordsQuery}");
            names.Add("@match");
            values.Add(MatchValue(expression));
        }

        if (!tags.IsEmpty)
        {
            conditions.Add($"tags @@ {TagsQuery}");
            names.Add("@tags");
            values.Add(string.Join(" & ", tags.Groups.Select(g => "(" + string.Join(" | ", g.Select(Lexeme)) + ")")));
        }

        if (conditions.Count == 0)
            throw new ArgumentException("a search without words or tags has no tsquery form", nameof(expression));
        var where = " FROM search_units WHERE " + string.Join(" AND ", conditions);
        var score = expression.MatchesEverything ? "CAST(0 AS DOUBLE PRECISION)" : $"CAST(ts_rank(words, {WordsQuery}) AS DOUBLE PRECISION)";
        var scored = $"SELECT id, {score} AS score" + where;
        return new SearchMatch(scored, scored + " AND id >= @lowest", "SELECT id" + where, names, values);
    }

    /// <summary>
    /// Every clause becomes a tsquery of quoted lexemes: a phrase joined by <c>&lt;-&gt;</c>, <c>:*</c> after a prefix,
    /// clauses joined by <c>&amp;</c> and exclusions by <c>&amp; !</c>. Words hold only letters, digits and marks, so
    /// nothing the user typed can be read as an operator; quotes are doubled all the same.
    /// </summary>
    internal static string MatchValue(SearchExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Required.Count == 0)
            throw new ArgumentException("an expression without required clauses has no tsquery form", nameof(expression));
        var match = new StringBuilder();
        match.AppendJoin(" & ", expression.Required.Select(Clause));
        foreach (var clause in expression.Excluded)
            match.Append(" & !").Append(Clause(clause));
        return match.ToString();
    }

    public override SearchIndexWriter OpenWriter(DbConnection connection, DbTransaction transaction) => new Writer(connection, transaction);

    private static string Clause(SearchClause clause)
    {
        var words = clause.Words.Select(Quoted).ToList();
        if (clause.Prefix)
            words[^1] += ":*";
        return "(" + string.Join(" <-> ", words) + ")";
    }

    private static string Lexeme(SearchTag tag) => Quoted(tag.Token) + (tag.Prefix ? ":*" : "");

    private static string Quoted(string word) => "'" + word.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The words of a text as the index takes them: folded, separated by single spaces.</summary>
    internal static string Words(string? text) =>
        text is null ? "" : string.Join(' ', SearchTokens.Of(text).Select(t => t.Folded));

    private sealed class Writer : SearchIndexWriter
    {
        private readonly PreparedStatement deleteUnits;
        private readonly PreparedStatement insertUnit;

        public Writer(DbConnection connection, DbTransaction transaction)
        {
            deleteUnits = new(connection, transaction, "DELETE FROM search_units WHERE doc_id = @id", "@id");
            insertUnit = new(connection, transaction,
                """
                INSERT INTO search_units (doc_id, version, kind, item, start_offset, end_offset, in_comments, unit_date, outlet, outlet_folded, facets, words, tags)
                VALUES (@id, @version, @kind, @item, @start, @end, @in_comments, @date, @outlet, @outlet_folded, @facets,
                    setweight(to_tsvector('simple', @speaker), 'A') || setweight(to_tsvector('simple', @body), 'B') || setweight(to_tsvector('simple', @context), 'C'),
                    array_to_tsvector(@tags))
                """,
                "@id", "@version", "@kind", "@item", "@start", "@end", "@in_comments", "@date", "@outlet", "@outlet_folded", "@facets", "@speaker", "@body", "@context", "@tags");
        }

        public override void Replace(string documentId, int version, IReadOnlyList<SearchUnit> units)
        {
            deleteUnits.Bind(documentId).Execute();
            foreach (var u in units)
            {
                insertUnit.Bind(
                    documentId, version, SearchUnitKinds.ToWire(u.Kind), u.Item, u.Start, u.End, u.InComments, u.Date, u.Outlet, PageRow.FoldOutlet(u.Outlet), u.Facets,
                    Words(u.Speaker), Words(u.Body), Words(u.Context), u.Tags.ToArray()).Execute();
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (!disposing)
                return;
            deleteUnits.Dispose();
            insertUnit.Dispose();
        }
    }
}
