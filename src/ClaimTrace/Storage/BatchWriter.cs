using System.Data.Common;
using System.Globalization;

namespace ClaimTrace;

/// <summary>
/// Writes one batch inside the transaction the store opened: decides each page's fate by
/// <see cref="VersionRule"/>, writes new versions with their segments, comments, warnings and analysis, and
/// records failures, all through statements prepared once per batch. Whenever a document's current version
/// changes or gains its analysis, its search units are replaced, so only current versions are found.
/// </summary>
internal sealed class BatchWriter : IDisposable
{
    private readonly DateTimeOffset now;
    private readonly long runId;
    private readonly PreparedStatement findDocument;
    private readonly PreparedStatement findContent;
    private readonly PreparedStatement insertDocument;
    private readonly PreparedStatement setCurrent;
    private readonly PreparedStatement insertVersion;
    private readonly PreparedStatement insertSegment;
    private readonly PreparedStatement insertComment;
    private readonly PreparedStatement insertWarning;
    private readonly PreparedStatement insertFailure;
    private readonly PreparedStatement finishRun;
    private readonly AnalysisWriter analysis;
    private readonly SearchIndexWriter? search;
    private int added;
    private int newVersions;
    private int unchanged;
    private int rejected;
    private int failures;

    public BatchWriter(DbConnection connection, DbTransaction transaction, DateTimeOffset now, SearchIndex? searchIndex)
    {
        this.now = now;
        using (var startRun = new PreparedStatement(connection, transaction, "INSERT INTO ingest_runs (started_at) VALUES (@at) RETURNING id", "@at"))
            runId = Convert.ToInt64(startRun.Bind(now).Scalar(), CultureInfo.InvariantCulture);

        findDocument = new(connection, transaction, "SELECT key, current_version FROM documents WHERE id = @id", "@id");
        findContent = new(connection, transaction, "SELECT version FROM versions WHERE doc_id = @id AND content_hash = @hash", "@id", "@hash");
        insertDocument = new(connection, transaction,
            "INSERT INTO documents (id, key, current_version, first_ingested_at) VALUES (@id, @key, 1, @at)", "@id", "@key", "@at");
        setCurrent = new(connection, transaction, "UPDATE documents SET current_version = @version WHERE id = @id", "@version", "@id");
        insertVersion = new(connection, transaction,
            """
            INSERT INTO versions (doc_id, version, content_hash, source, format, encoding, text, length, metadata,
                                  title, outlet, outlet_folded, author, published, url, segment_count, comment_count, ingested_at, run_id)
            VALUES (@id, @version, @hash, @source, @format, @encoding, @text, @length, @metadata,
                    @title, @outlet, @outlet_folded, @author, @published, @url, @segments, @comments, @at, @run)
            """,
            "@id", "@version", "@hash", "@source", "@format", "@encoding", "@text", "@length", "@metadata",
            "@title", "@outlet", "@outlet_folded", "@author", "@published", "@url", "@segments", "@comments", "@at", "@run");
        insertSegment = new(connection, transaction,
            """
            INSERT INTO segments (doc_id, version, ordinal, kind, start_offset, end_offset, first_line, last_line)
            VALUES (@id, @version, @ordinal, @kind, @start, @end, @first, @last)
            """,
            "@id", "@version", "@ordinal", "@kind", "@start", "@end", "@first", "@last");
        insertComment = new(connection, transaction,
            """
            INSERT INTO comments (doc_id, version, idx, start_offset, end_offset, first_line, last_line, author, depth, reply_to, likely_spam)
            VALUES (@id, @version, @idx, @start, @end, @first, @last, @author, @depth, @reply_to, @spam)
            """,
            "@id", "@version", "@idx", "@start", "@end", "@first", "@last", "@author", "@depth", "@reply_to", "@spam");
        insertWarning = new(connection, transaction,
            "INSERT INTO warnings (doc_id, version, ordinal, message) VALUES (@id, @version, @ordinal, @message)",
            "@id", "@version", "@ordinal", "@message");
        insertFailure = new(connection, transaction,
            "INSERT INTO failures (source, location, kind, reason, recorded_at, run_id) VALUES (@source, @location, @kind, @reason, @at, @run)",
            "@source", "@location", "@kind", "@reason", "@at", "@run");
        finishRun = new(connection, transaction,
            """
            UPDATE ingest_runs SET pages = @pages, added = @added, new_versions = @new_versions, unchanged = @unchanged,
                                   rejected = @rejected, failures = @failures
            WHERE id = @run
            """,
            "@pages", "@added", "@new_versions", "@unchanged", "@rejected", "@failures", "@run");
        analysis = new AnalysisWriter(connection, transaction);
        search = searchIndex?.OpenWriter(connection, transaction);
    }

    public IngestOutcome Save(Page page)
    {
        if (PageCheck.Problem(page) is { } problem)
            return Reject(page, problem);

        var row = PageRow.From(page);
        var (storedKey, currentVersion) = FindDocument(row.Id);
        if (storedKey is not null && !string.Equals(storedKey, row.Key, StringComparison.Ordinal))
            return Reject(page, $"its id {row.Id} is already taken by the key '{storedKey}' (a hash collision of keys)");

        var sameContent = currentVersion is null ? null : FindVersionWithContent(row.Id, row.ContentHash);
        var (status, version) = VersionRule.Decide(currentVersion, sameContent);
        switch (status)
        {
            case IngestStatus.Added:
                insertDocument.Bind(row.Id, row.Key, now).Execute();
                WriteVersion(row, version);
                Index(row, version);
                added++;
                break;
            case IngestStatus.NewVersion:
                WriteVersion(row, version);
                setCurrent.Bind(version, row.Id).Execute();
                Index(row, version);
                newVersions++;
                break;
            default:
                // Statements are searchable once they exist; an older version's analysis stays out of search.
                if (analysis.FillIn(row.Id, version, row.Analysis) && version == currentVersion)
                    Index(row, version);
                unchanged++;
                break;
        }

        return new IngestOutcome(row.Id, page.Source, status, version);
    }

    public void RecordFailure(ReadFailure failure)
    {
        WriteFailure(failure);
        failures++;
    }

    private void WriteFailure(ReadFailure failure)
    {
        var cleaner = new StoredText();
        insertFailure.Bind(
            cleaner.CleanRequired(failure.Source ?? ""),
            cleaner.Clean(failure.Location),
            failure.Kind.ToString().ToLowerInvariant(),
            cleaner.CleanRequired(failure.Reason ?? ""),
            now,
            runId).Execute();
    }

    /// <summary>Writes the batch's tallies on its ingest_runs row; call last, before commit.</summary>
    public void Finish() =>
        finishRun.Bind(added + newVersions + unchanged + rejected, added, newVersions, unchanged, rejected, failures, runId).Execute();

    public void Dispose()
    {
        foreach (var statement in new[] { findDocument, findContent, insertDocument, setCurrent, insertVersion, insertSegment, insertComment, insertWarning, insertFailure, finishRun })
            statement.Dispose();
        analysis.Dispose();
        search?.Dispose();
    }

    /// <summary>The search units of a page as the store keeps it (cleaned text, names and analysis).</summary>
    internal static List<SearchUnit> SearchUnitsOf(PageRow row) =>
        SearchUnits.Of(row.Text, row.Metadata, row.Segments, row.Comments, row.Analysis);

    private void Index(PageRow row, int version) => search?.Replace(row.Id, version, SearchUnitsOf(row));

    private IngestOutcome Reject(Page? page, string problem)
    {
        var source = string.IsNullOrEmpty(page?.Source) ? "(unnamed page)" : page.Source;
        WriteFailure(new ReadFailure(source, null, FailureKind.Malformed, "rejected by the page store: " + problem));
        rejected++;
        var id = string.IsNullOrEmpty(page?.Key) ? "" : page.Id;
        return new IngestOutcome(id, page?.Source ?? "", IngestStatus.Rejected, 0);
    }

    private (string? Key, int? CurrentVersion) FindDocument(string id)
    {
        using var reader = findDocument.Bind(id).Query();
        return reader.Read() ? (reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)) : (null, null);
    }

    private int? FindVersionWithContent(string id, string hash) =>
        findContent.Bind(id, hash).Scalar() is { } version ? Convert.ToInt32(version, CultureInfo.InvariantCulture) : null;

    private void WriteVersion(PageRow row, int version)
    {
        insertVersion.Bind(
            row.Id, version, row.ContentHash, row.Source, row.Format, row.Encoding, row.Text, row.Text.Length, row.MetadataJson,
            row.Metadata.Title?.Value, row.Metadata.Outlet?.Value, PageRow.FoldOutlet(row.Metadata.Outlet?.Value),
            row.Metadata.Author?.Value, row.Metadata.Published?.Value, row.Metadata.Url?.Value,
            row.Segments.Count, row.Comments.Count, now, runId).Execute();

        for (var i = 0; i < row.Segments.Count; i++)
        {
            var s = row.Segments[i];
            insertSegment.Bind(row.Id, version, i, s.Kind.ToWire(), s.Start, s.End, s.FirstLine, s.LastLine).Execute();
        }

        foreach (var c in row.Comments)
        {
            insertComment.Bind(row.Id, version, c.Index, c.Start, c.End, c.FirstLine, c.LastLine, c.Author, c.Depth, c.ReplyTo, c.LikelySpam).Execute();
        }

        for (var i = 0; i < row.Warnings.Count; i++)
            insertWarning.Bind(row.Id, version, i, row.Warnings[i]).Execute();

        analysis.Write(row.Id, version, row.Analysis);
    }
}
