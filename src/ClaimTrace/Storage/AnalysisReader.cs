using System.Data.Common;
using System.Globalization;

namespace ClaimTrace;

/// <summary>Reads one version's analysis back into a <see cref="PageAnalysis"/>, every list in its stored order.</summary>
internal sealed class AnalysisReader(DbConnection connection, string database)
{
    /// <summary>The version's sentences alone, as <see cref="Load"/> reads them.</summary>
    public IReadOnlyList<Sentence> Sentences(string id, int version) => Rows(SentencesSql, id, version, ReadSentence);

    private const string SentencesSql =
        "SELECT idx, start_offset, end_offset, paragraph, segment, in_comments FROM sentences WHERE doc_id = @id AND version = @version ORDER BY idx";

    private Sentence ReadSentence(DbDataReader r) =>
        new(Int(r, 0), Int(r, 1), Int(r, 2), Int(r, 3), Parse(SegmentKindNames.FromWire(r.GetString(4)), r.GetString(4), "segment"), r.Flag(5));

    public PageAnalysis Load(string id, int version)
    {
        var sentences = Rows(SentencesSql, id, version, ReadSentence);
        var quotes = Rows("SELECT start_offset, end_offset, closed FROM quotes WHERE doc_id = @id AND version = @version ORDER BY ordinal",
            id, version, r => new QuoteSpan(Int(r, 0), Int(r, 1), r.Flag(2)));
        var statements = Rows(
            """
            SELECT idx, kind, speaker_written, speaker_start, speaker_end, speaker_name, speaker_name_start, speaker_name_end,
                   speaker_kind, speaker_role, speaker_rank, speaker_organisation, cue_start, cue_end, cue_lemma,
                   content_start, content_end, sentence, in_comments, date_index
            FROM statements WHERE doc_id = @id AND version = @version ORDER BY idx
            """,
            id, version, ReadStatement);
        var quantities = Rows(
            """
            SELECT start_offset, end_offset, value, value_max, unit, qualifier, what, measure, scope, written_as, implicit, statement, in_comments
            FROM quantities WHERE doc_id = @id AND version = @version ORDER BY ordinal
            """,
            id, version, r => new Quantity(
                Int(r, 0), Int(r, 1), r.GetDouble(2), r.GetString(4),
                r.IsDBNull(3) ? null : r.GetDouble(3), Text(r, 5), Text(r, 6), Text(r, 7), Text(r, 8), Text(r, 9),
                r.Flag(10), NullableInt(r, 11), r.Flag(12)));
        var dates = Rows("SELECT start_offset, end_offset, value, resolution FROM dates WHERE doc_id = @id AND version = @version ORDER BY ordinal",
            id, version, r => new DateMention(Int(r, 0), Int(r, 1), r.GetString(2), r.GetString(3)));
        var entities = Rows("SELECT start_offset, end_offset, text, kind, canonical FROM entities WHERE doc_id = @id AND version = @version ORDER BY ordinal",
            id, version, r => new EntityMention(Int(r, 0), Int(r, 1), r.GetString(2), Parse(AnalysisWireNames.FromWire<EntityKind>(r.GetString(3)), r.GetString(3), "entity kind"), r.GetString(4)));
        var stances = Rows("SELECT start_offset, end_offset, kind, target_statement, by_party FROM stances WHERE doc_id = @id AND version = @version ORDER BY ordinal",
            id, version, r => new StanceCue(Int(r, 0), Int(r, 1), Parse(AnalysisWireNames.FromWire<StanceKind>(r.GetString(2)), r.GetString(2), "stance"), Int(r, 3), r.GetString(4)));

        if (sentences.Count + quotes.Count + statements.Count + quantities.Count + dates.Count + entities.Count + stances.Count == 0)
            return PageAnalysis.Empty;
        return new PageAnalysis
        {
            Sentences = sentences,
            Quotes = quotes,
            Statements = statements,
            Quantities = quantities,
            Dates = dates,
            Entities = entities,
            Stances = stances,
        };
    }

    private Statement ReadStatement(DbDataReader r)
    {
        Speaker? speaker = r.IsDBNull(2)
            ? null
            : new Speaker(
                r.GetString(2), Int(r, 3), Int(r, 4), r.GetString(5), Int(r, 6), Int(r, 7),
                Parse(AnalysisWireNames.FromWire<SpeakerKind>(r.GetString(8)), r.GetString(8), "speaker kind"),
                Text(r, 9), Text(r, 10), Text(r, 11));
        TextSpan? cue = r.IsDBNull(12) ? null : new TextSpan(Int(r, 12), Int(r, 13));
        return new Statement(
            Int(r, 0), Parse(AnalysisWireNames.FromWire<StatementKind>(r.GetString(1)), r.GetString(1), "statement kind"),
            speaker, cue, Text(r, 14), new TextSpan(Int(r, 15), Int(r, 16)), Int(r, 17), r.Flag(18), NullableInt(r, 19));
    }

    private List<T> Rows<T>(string sql, string id, int version, Func<DbDataReader, T> read)
    {
        using var statement = new PreparedStatement(connection, null, sql, "@id", "@version");
        using var reader = statement.Bind(id, version).Query();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }

    private T Parse<T>(T? value, string stored, string what)
        where T : struct =>
        value ?? throw new StoreException(database, $"the store holds an unknown {what} '{stored}'");

    private static string? Text(DbDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);

    private static int? NullableInt(DbDataReader r, int column) => r.IsDBNull(column) ? null : Int(r, column);

    private static int Int(DbDataReader r, int column) => Convert.ToInt32(r.GetValue(column), CultureInfo.InvariantCulture);
}
