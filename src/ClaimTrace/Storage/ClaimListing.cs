using System.Data.Common;
using System.Globalization;

namespace ClaimTrace;

/// <summary>
/// Runs a <see cref="ClaimQuery"/>: statements and quantities of current versions as one row set (a quantity
/// joined to the statement holding it, for its speaker and date), filtered in SQL, then each row's text and
/// stances read per document. Only fixed SQL fragments are chosen here; every value travels as a parameter.
/// </summary>
internal sealed class ClaimListing(DbConnection connection, SqlDialect dialect)
{
    // A statement's own date counts only when it has a year and is a calendar date: "--12-11" says nothing a
    // range can compare, and an ISO week ("2017-W49") does not sort among calendar dates, so both fall back to
    // the page's published date. A partial date stands for the whole period it names: "2017-12" is on or
    // after "2017-12-06" (its end is), which comparing it with a '~' appended gives, '~' sorting after every
    // character of an ISO date.
    private const string DateExpression =
        "(CASE WHEN substr(c.event_date, 1, 1) BETWEEN '0' AND '9' AND substr(c.event_date, 6, 1) <> 'W' THEN c.event_date ELSE v.published END)";

    private const string Rows =
        """
        SELECT 0 AS row_kind, s.doc_id, s.version, s.idx AS item, s.content_start AS start_offset, s.content_end AS end_offset,
               s.idx AS statement, s.kind AS statement_kind, s.speaker_name, s.speaker_written, s.speaker_folded, s.cue_lemma,
               s.event_date, CAST(NULL AS REAL) AS value, CAST(NULL AS REAL) AS value_max, CAST(NULL AS TEXT) AS unit,
               CAST(NULL AS TEXT) AS qualifier, CAST(NULL AS TEXT) AS what, CAST(NULL AS TEXT) AS measure,
               CAST(NULL AS TEXT) AS measure_folded, CAST(NULL AS TEXT) AS scope, CAST(NULL AS TEXT) AS scope_folded,
               s.in_comments
        FROM statements s
        UNION ALL
        SELECT 1, q.doc_id, q.version, q.ordinal, q.start_offset, q.end_offset,
               q.statement, s.kind, s.speaker_name, s.speaker_written, s.speaker_folded, s.cue_lemma,
               s.event_date, q.value, q.value_max, q.unit, q.qualifier, q.what, q.measure, q.measure_folded, q.scope, q.scope_folded,
               CASE WHEN q.in_comments <> 0 OR COALESCE(s.in_comments, 0) <> 0 THEN 1 ELSE 0 END
        FROM quantities q
        LEFT JOIN statements s ON s.doc_id = q.doc_id AND s.version = q.version AND s.idx = q.statement
        """;

    public List<ClaimRow> Run(ClaimQuery query)
    {
        var filter = new SqlFilter();
        if (AnalysisWriter.Fold(query.Speaker) is { } speaker)
            filter.Where("c.speaker_folded LIKE @speaker ESCAPE '\\'", "@speaker", "%" + EscapeLike(new StoredText().CleanRequired(speaker)) + "%");
        if (AnalysisWriter.Fold(query.Measure) is { } measure)
            filter.Where("c.measure_folded = @measure", "@measure", measure);
        if (AnalysisWriter.Fold(query.Scope) is { } scope)
            filter.Where("c.scope_folded = @scope", "@scope", scope);
        if (PageRow.FoldOutlet(query.Outlet) is { } outlet)
            filter.Where("v.outlet_folded = @outlet", "@outlet", outlet);
        if (query.From is { } from)
            filter.Where($"{DateExpression} || '~' >= @from", "@from", from);
        // '~' sorts after every character of an ISO date, so "2018-12-11T09:00" is still on or before "2018-12-11".
        if (query.To is { } to)
            filter.Where($"{DateExpression} <= @to", "@to", to + "~");
        if (query.Stance is { } stance)
        {
            filter.Where("EXISTS (SELECT 1 FROM stances t WHERE t.doc_id = c.doc_id AND t.version = c.version AND t.target_statement = c.statement AND t.kind = @stance)",
                "@stance", stance.ToWire());
        }

        if (!query.IncludeComments)
            filter.Where("c.in_comments = 0");

        filter.Bind("@limit", query.Limit);
        filter.Bind("@offset", query.Offset);
        using var statement = new PreparedStatement(connection, null,
            $"""
            SELECT c.row_kind, d.id, c.version, v.outlet, v.published, v.title, c.item, c.start_offset, c.end_offset, c.statement,
                   c.statement_kind, c.speaker_name, c.speaker_written, c.cue_lemma, c.event_date, {DateExpression},
                   c.value, c.value_max, c.unit, c.qualifier, c.what, c.measure, c.scope, c.in_comments
            FROM ({Rows}) c
            JOIN documents d ON d.id = c.doc_id AND d.current_version = c.version
            JOIN versions v ON v.doc_id = c.doc_id AND v.version = c.version
            {filter.Clause}
            ORDER BY {DateExpression} IS NULL, {DateExpression}, {dialect.KeyOrder}, c.start_offset, c.row_kind, c.item
            LIMIT @limit OFFSET @offset
            """,
            filter.Names);
        var found = new List<ClaimRow>();
        using (var reader = statement.Bind(filter.Values).Query())
        {
            while (reader.Read())
                found.Add(Read(reader));
        }

        return Complete(found);
    }

    /// <summary>Adds each row's text and stances, reading each document's text and stance cues once.</summary>
    private List<ClaimRow> Complete(List<ClaimRow> rows)
    {
        if (rows.Count == 0)
            return rows;
        using var text = new PreparedStatement(connection, null, "SELECT text FROM versions WHERE doc_id = @id AND version = @version", "@id", "@version");
        using var stances = new PreparedStatement(connection, null,
            "SELECT target_statement, kind FROM stances WHERE doc_id = @id AND version = @version ORDER BY ordinal", "@id", "@version");
        var documents = new Dictionary<(string, int), (string Text, ILookup<int, StanceKind> Stances)>();
        var completed = new List<ClaimRow>(rows.Count);
        foreach (var row in rows)
        {
            if (!documents.TryGetValue((row.DocumentId, row.Version), out var doc))
            {
                var pageText = (string)text.Bind(row.DocumentId, row.Version).Scalar()!;
                var cues = new List<(int Target, StanceKind Kind)>();
                using (var reader = stances.Bind(row.DocumentId, row.Version).Query())
                {
                    while (reader.Read())
                    {
                        if (AnalysisWireNames.FromWire<StanceKind>(reader.GetString(1)) is { } kind)
                            cues.Add((Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), kind));
                    }
                }

                doc = (pageText, cues.ToLookup(c => c.Target, c => c.Kind));
                documents.Add((row.DocumentId, row.Version), doc);
            }

            // Offsets were checked against this very text when it was stored; clamp anyway rather than throw on a hand-edited row.
            var start = Math.Clamp(row.Start, 0, doc.Text.Length);
            var end = Math.Clamp(row.End, start, doc.Text.Length);
            completed.Add(row with
            {
                Text = doc.Text[start..end],
                Stances = row.Statement is { } s ? [.. doc.Stances[s].Distinct()] : [],
            });
        }

        return completed;
    }

    private static ClaimRow Read(DbDataReader r) => new(
        Int(r, 0) == 0 ? ClaimRowKind.Statement : ClaimRowKind.Quantity,
        r.GetString(1),
        Int(r, 2),
        Text(r, 3),
        Text(r, 4),
        Text(r, 5),
        Int(r, 6),
        Int(r, 7),
        Int(r, 8),
        "",
        r.IsDBNull(9) ? null : Int(r, 9),
        AnalysisWireNames.FromWire<StatementKind>(Text(r, 10)),
        Text(r, 11),
        Text(r, 12),
        Text(r, 13),
        Text(r, 14),
        Text(r, 15),
        r.IsDBNull(16) ? null : r.GetDouble(16),
        r.IsDBNull(17) ? null : r.GetDouble(17),
        Text(r, 18),
        Text(r, 19),
        Text(r, 20),
        Text(r, 21),
        Text(r, 22),
        [],
        Int(r, 23) != 0);

    internal static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static string? Text(DbDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);

    private static int Int(DbDataReader r, int column) => Convert.ToInt32(r.GetValue(column), CultureInfo.InvariantCulture);
}
