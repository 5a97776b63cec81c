using System.Data.Common;
using System.Globalization;

namespace ClaimTrace;

/// <summary>
/// Turns a page of hit rows into <see cref="SearchHit"/>s: reads each document's text and quantities once,
/// a statement's speaker and sentence, a comment's author, and cuts the snippet.
/// </summary>
internal sealed class SearchHitReader(DbConnection connection)
{
    private sealed record StoredQuantity(int Start, int End, double Value, double? ValueMax, string Unit, string? Measure, string? Scope, int? Statement);

    private sealed record Document(string Text, string? Outlet, string? Published, string? Title, List<StoredQuantity> Quantities);

    private sealed record StatementRow(string? Name, string? Written, TextSpan? Mention, TextSpan? NameSpan, TextSpan? Sentence);

    public List<SearchHit> Complete(IReadOnlyList<HitRow> rows, SearchExpression expression)
    {
        using var version = new PreparedStatement(connection, null,
            "SELECT text, outlet, published, title FROM versions WHERE doc_id = @id AND version = @version", "@id", "@version");
        using var quantities = new PreparedStatement(connection, null,
            """
            SELECT start_offset, end_offset, value, value_max, unit, measure, scope, statement
            FROM quantities WHERE doc_id = @id AND version = @version ORDER BY ordinal
            """,
            "@id", "@version");
        using var statement = new PreparedStatement(connection, null,
            """
            SELECT s.speaker_name, s.speaker_written, s.speaker_start, s.speaker_end, s.speaker_name_start, s.speaker_name_end,
                   se.start_offset, se.end_offset
            FROM statements s
            LEFT JOIN sentences se ON se.doc_id = s.doc_id AND se.version = s.version AND se.idx = s.sentence
            WHERE s.doc_id = @id AND s.version = @version AND s.idx = @idx
            """,
            "@id", "@version", "@idx");
        using var author = new PreparedStatement(connection, null,
            "SELECT author FROM comments WHERE doc_id = @id AND version = @version AND idx = @idx", "@id", "@version", "@idx");

        var documents = new Dictionary<(string, int), Document>();
        var hits = new List<SearchHit>(rows.Count);
        foreach (var row in rows)
        {
            if (!documents.TryGetValue((row.DocumentId, row.Version), out var doc))
            {
                doc = ReadDocument(version, quantities, row);
                documents.Add((row.DocumentId, row.Version), doc);
            }

            hits.Add(row.Kind == SearchHitKind.Statement && row.Item is { } idx
                ? StatementHit(row, doc, ReadStatement(statement, row, idx), expression)
                : PageHit(row, doc, row.Kind == SearchHitKind.Comment && row.Item is { } c ? author.Bind(row.DocumentId, row.Version, c).Scalar() as string : null, expression));
        }

        return hits;
    }

    private static SearchHit StatementHit(HitRow row, Document doc, StatementRow? statement, SearchExpression expression)
    {
        var (text, quantities) = (doc.Text, doc.Quantities);
        var span = Clamp(row.Start, row.End, text);
        var range = statement?.Sentence is { } sentence
            ? new TextSpan(Math.Min(sentence.Start, span.Start), Math.Max(sentence.End, span.End))
            : span;
        var own = quantities.Where(q => q.Statement == row.Item).ToList();
        var speaker = new[] { statement?.Mention, statement?.NameSpan }.OfType<TextSpan>().Distinct();
        var snippet = SearchSnippets.Cut(text, range, span.Start, expression, speaker, own.Select(q => new TextSpan(q.Start, q.End)));
        return Hit(row, doc, span, snippet, statement?.Name, statement?.Written, null, own);
    }

    private static SearchHit PageHit(HitRow row, Document doc, string? commentAuthor, SearchExpression expression)
    {
        var (text, quantities) = (doc.Text, doc.Quantities);
        var span = Clamp(row.Start, row.End, text);
        var inUnit = quantities.Where(q => q.Start >= span.Start && q.End <= span.End).ToList();
        var snippet = SearchSnippets.Cut(text, span, span.Start, expression, [], inUnit.Select(q => new TextSpan(q.Start, q.End)));
        var shown = inUnit.Where(q => q.Start < snippet.End && snippet.Start < q.End).ToList();
        return Hit(row, doc, span, snippet, null, null, commentAuthor, shown);
    }

    private static SearchHit Hit(HitRow row, Document doc, TextSpan span, SearchSnippet snippet, string? speaker, string? written, string? commentAuthor, List<StoredQuantity> quantities) => new(
        row.Kind, row.DocumentId, row.Key, row.Version, doc.Outlet, doc.Published, doc.Title,
        row.Kind == SearchHitKind.Statement ? row.Item : null,
        row.Kind == SearchHitKind.Comment ? row.Item : null,
        span.Start, span.End, snippet, speaker, written, commentAuthor,
        [.. quantities.Select(q =>
        {
            var at = Clamp(q.Start, q.End, doc.Text);
            return new SearchQuantity(at.Start, at.End, at.Of(doc.Text), q.Value, q.ValueMax, q.Unit, q.Measure, q.Scope);
        })],
        row.Date, row.InComments, row.Score);

    private static Document ReadDocument(PreparedStatement version, PreparedStatement quantities, HitRow row)
    {
        Document doc;
        using (var reader = version.Bind(row.DocumentId, row.Version).Query())
        {
            doc = reader.Read()
                ? new Document(reader.GetString(0), Text(reader, 1), Text(reader, 2), Text(reader, 3), [])
                : new Document("", null, null, null, []);
        }

        return doc with { Quantities = ReadQuantities(quantities, row) };
    }

    private static List<StoredQuantity> ReadQuantities(PreparedStatement statement, HitRow row)
    {
        using var reader = statement.Bind(row.DocumentId, row.Version).Query();
        var list = new List<StoredQuantity>();
        while (reader.Read())
        {
            list.Add(new StoredQuantity(
                Int(reader, 0), Int(reader, 1), reader.GetDouble(2), reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.GetString(4),
                Text(reader, 5), Text(reader, 6), reader.IsDBNull(7) ? null : Int(reader, 7)));
        }

        return list;
    }

    private static StatementRow? ReadStatement(PreparedStatement statement, HitRow row, int idx)
    {
        using var reader = statement.Bind(row.DocumentId, row.Version, idx).Query();
        if (!reader.Read())
            return null;
        return new StatementRow(Text(reader, 0), Text(reader, 1), Span(reader, 2), Span(reader, 4), Span(reader, 6));
    }

    private static TextSpan? Span(DbDataReader r, int column) =>
        r.IsDBNull(column) || r.IsDBNull(column + 1) ? null : new TextSpan(Int(r, column), Int(r, column + 1));

    private static TextSpan Clamp(int start, int end, string text)
    {
        var s = Math.Clamp(start, 0, text.Length);
        return new TextSpan(s, Math.Clamp(end, s, text.Length));
    }

    private static string? Text(DbDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);

    private static int Int(DbDataReader r, int column) => Convert.ToInt32(r.GetValue(column), CultureInfo.InvariantCulture);
}
