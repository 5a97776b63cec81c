using System.Data.Common;

namespace ClaimTrace;

/// <summary>
/// Writes one version's analysis inside the batch's transaction, through statements prepared once per
/// batch like the rest of <see cref="BatchWriter"/>.
/// </summary>
internal sealed class AnalysisWriter : IDisposable
{
    private readonly PreparedStatement isAnalysed;
    private readonly PreparedStatement markAnalysed;
    private readonly PreparedStatement insertSentence;
    private readonly PreparedStatement insertQuote;
    private readonly PreparedStatement insertStatement;
    private readonly PreparedStatement insertQuantity;
    private readonly PreparedStatement insertDate;
    private readonly PreparedStatement insertEntity;
    private readonly PreparedStatement insertStance;

    public AnalysisWriter(DbConnection connection, DbTransaction transaction)
    {
        isAnalysed = new(connection, transaction, "SELECT analysed FROM versions WHERE doc_id = @id AND version = @version", "@id", "@version");
        markAnalysed = new(connection, transaction, "UPDATE versions SET analysed = 1 WHERE doc_id = @id AND version = @version", "@id", "@version");
        insertSentence = new(connection, transaction,
            """
            INSERT INTO sentences (doc_id, version, idx, start_offset, end_offset, paragraph, segment, in_comments)
            VALUES (@id, @version, @idx, @start, @end, @paragraph, @segment, @in_comments)
            """,
            "@id", "@version", "@idx", "@start", "@end", "@paragraph", "@segment", "@in_comments");
        insertQuote = new(connection, transaction,
            "INSERT INTO quotes (doc_id, version, ordinal, start_offset, end_offset, closed) VALUES (@id, @version, @ordinal, @start, @end, @closed)",
            "@id", "@version", "@ordinal", "@start", "@end", "@closed");
        insertStatement = new(connection, transaction,
            """
            INSERT INTO statements (doc_id, version, idx, kind, speaker_written, speaker_start, speaker_end, speaker_name,
                                    speaker_name_start, speaker_name_end, speaker_kind, speaker_role, speaker_rank,
                                    speaker_organisation, speaker_folded, cue_start, cue_end, cue_lemma, content_start,
                                    content_end, sentence, in_comments, event_date, date_index)
            VALUES (@id, @version, @idx, @kind, @written, @written_start, @written_end, @name, @name_start, @name_end,
                    @speaker_kind, @role, @rank, @organisation, @folded, @cue_start, @cue_end, @cue_lemma, @content_start,
                    @content_end, @sentence, @in_comments, @event_date, @date_index)
            """,
            "@id", "@version", "@idx", "@kind", "@written", "@written_start", "@written_end", "@name", "@name_start", "@name_end",
            "@speaker_kind", "@role", "@rank", "@organisation", "@folded", "@cue_start", "@cue_end", "@cue_lemma", "@content_start",
            "@content_end", "@sentence", "@in_comments", "@event_date", "@date_index");
        insertQuantity = new(connection, transaction,
            """
            INSERT INTO quantities (doc_id, version, ordinal, start_offset, end_offset, value, value_max, unit, qualifier, what,
                                    measure, measure_folded, scope, scope_folded, written_as, implicit, statement, in_comments)
            VALUES (@id, @version, @ordinal, @start, @end, @value, @value_max, @unit, @qualifier, @what,
                    @measure, @measure_folded, @scope, @scope_folded, @written_as, @implicit, @statement, @in_comments)
            """,
            "@id", "@version", "@ordinal", "@start", "@end", "@value", "@value_max", "@unit", "@qualifier", "@what",
            "@measure", "@measure_folded", "@scope", "@scope_folded", "@written_as", "@implicit", "@statement", "@in_comments");
        insertDate = new(connection, transaction,
            "INSERT INTO dates (doc_id, version, ordinal, start_offset, end_offset, value, resolution) VALUES (@id, @version, @ordinal, @start, @end, @value, @resolution)",
            "@id", "@version", "@ordinal", "@start", "@end", "@value", "@resolution");
        insertEntity = new(connection, transaction,
            "INSERT INTO entities (doc_id, version, ordinal, start_offset, end_offset, text, kind, canonical) VALUES (@id, @version, @ordinal, @start, @end, @text, @kind, @canonical)",
            "@id", "@version", "@ordinal", "@start", "@end", "@text", "@kind", "@canonical");
        insertStance = new(connection, transaction,
            """
            INSERT INTO stances (doc_id, version, ordinal, start_offset, end_offset, kind, target_statement, by_party)
            VALUES (@id, @version, @ordinal, @start, @end, @kind, @target, @by)
            """,
            "@id", "@version", "@ordinal", "@start", "@end", "@kind", "@target", "@by");
    }

    /// <summary>
    /// Writes the analysis of a version stored before without one (an older schema, or an ingest that did not
    /// analyse): the content is unchanged, but what was found in it is new. A version already analysed keeps
    /// what it has, so ingesting the same page twice writes nothing the second time. True when it wrote.
    /// </summary>
    public bool FillIn(string id, int version, PageAnalysis analysis)
    {
        if (!StoredAnalysis.IsPresent(analysis) || Convert.ToInt64(isAnalysed.Bind(id, version).Scalar() ?? 1L, System.Globalization.CultureInfo.InvariantCulture) != 0)
            return false;
        Write(id, version, analysis);
        return true;
    }

    public void Write(string id, int version, PageAnalysis a)
    {
        if (!StoredAnalysis.IsPresent(a))
            return;

        foreach (var s in a.Sentences)
            insertSentence.Bind(id, version, s.Index, s.Start, s.End, s.Paragraph, s.Segment.ToWire(), s.InComments).Execute();

        for (var i = 0; i < a.Quotes.Count; i++)
            insertQuote.Bind(id, version, i, a.Quotes[i].Start, a.Quotes[i].End, a.Quotes[i].Closed).Execute();

        foreach (var s in a.Statements)
        {
            var sp = s.Speaker;
            insertStatement.Bind(
                id, version, s.Index, s.Kind.ToWire(),
                sp?.Written, sp?.Start, sp?.End, sp?.Name, sp?.NameStart, sp?.NameEnd, sp?.Kind.ToWire(),
                sp?.Role, sp?.Rank, sp?.Organisation, sp is null ? null : Fold(sp.Name + "\n" + sp.Written),
                s.Cue?.Start, s.Cue?.End, s.CueLemma, s.Content.Start, s.Content.End, s.Sentence, s.InComments,
                StoredAnalysis.EventDate(a, s), s.Date).Execute();
        }

        for (var i = 0; i < a.Quantities.Count; i++)
        {
            var q = a.Quantities[i];
            insertQuantity.Bind(
                id, version, i, q.Start, q.End, q.Value, q.ValueMax, q.Unit, q.Qualifier, q.What,
                q.Measure, Fold(q.Measure), q.Scope, Fold(q.Scope), q.WrittenAs, q.Implicit, q.Statement, q.InComments).Execute();
        }

        for (var i = 0; i < a.Dates.Count; i++)
            insertDate.Bind(id, version, i, a.Dates[i].Start, a.Dates[i].End, a.Dates[i].Value, a.Dates[i].Resolution).Execute();

        for (var i = 0; i < a.Entities.Count; i++)
        {
            var e = a.Entities[i];
            insertEntity.Bind(id, version, i, e.Start, e.End, e.Text, e.Kind.ToWire(), e.Canonical).Execute();
        }

        for (var i = 0; i < a.Stances.Count; i++)
        {
            var s = a.Stances[i];
            insertStance.Bind(id, version, i, s.Start, s.End, s.Kind.ToWire(), s.TargetStatement, s.By).Execute();
        }

        markAnalysed.Bind(id, version).Execute();
    }

    /// <summary>Folded in .NET like outlets (<see cref="PageRow.FoldOutlet"/>), so filters fold beyond ASCII on every backend.</summary>
    internal static string? Fold(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    public void Dispose()
    {
        foreach (var statement in new[] { isAnalysed, markAnalysed, insertSentence, insertQuote, insertStatement, insertQuantity, insertDate, insertEntity, insertStance })
            statement.Dispose();
    }
}
