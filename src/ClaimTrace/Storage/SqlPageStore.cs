using System.Data.Common;
using System.Globalization;

namespace ClaimTrace;

/// <summary>
/// The page store over any ADO.NET database: ingest rules, paging, filtering and the mapping between
/// <see cref="Page"/> and rows live here once; a backend supplies an open, migrated connection, its
/// <see cref="SqlDialect"/> and how to describe its errors. One instance holds one connection and
/// serialises calls on it.
/// </summary>
/// <remarks>
/// <para>Versions follow <see cref="VersionRule"/>: content hash alone decides, and a page that flips back to
/// an older content is unchanged. Every page of a batch gets the batch's time as its ingest time.</para>
/// <para>A page the store cannot keep truthfully (a span outside its text, a reply to a missing comment) is
/// <see cref="IngestStatus.Rejected"/> and recorded as a failure; the batch goes on. A database error
/// rolls the whole batch back and throws a <see cref="StoreException"/>.</para>
/// <para><see cref="Counts"/> counts rows: segments and comments of every stored version, not only current ones.</para>
/// <para>
/// <see cref="Find"/> with an id prefix that matches several documents throws a <see cref="StoreException"/>
/// listing them, rather than returning null: "not found" would send the user looking for a typo, when
/// what they need is a longer prefix.
/// </para>
/// </remarks>
public abstract class SqlPageStore : IPageStore
{
    private const string CurrentVersionJoin = "FROM documents d JOIN versions v ON v.doc_id = d.id AND v.version = d.current_version";
    private const int ShortestPrefix = 4;
    private const int MostCandidatesListed = 10;

    /// <summary>Documents indexed for search per transaction when a store catches up on its backlog.</summary>
    private const int SearchBacklogBatch = 200;

    private readonly DbConnection connection;
    private readonly SqlDialect dialect;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private bool disposed;

    private protected SqlPageStore(DbConnection connection, SqlDialect dialect, string database, int schemaVersion, TimeProvider time)
    {
        this.connection = connection;
        this.dialect = dialect;
        this.time = time;
        Database = database;
        SchemaVersion = schemaVersion;
    }

    /// <summary>The database file or server the store writes to, as named in messages.</summary>
    public string Database { get; }

    public int SchemaVersion { get; }

    public IReadOnlyList<IngestOutcome> SaveBatch(IReadOnlyList<Page> pages, IReadOnlyList<ReadFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(failures);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (pages.Count == 0 && failures.Count == 0)
                return [];

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return SaveOnce(pages, failures);
                }
                catch (StoreException e) when (attempt < MostBatchAttempts && e.InnerException is DbException db && IsConflict(db))
                {
                    // Another writer stored one of these keys (or locked a row) first: the next attempt sees its
                    // commit, and what it stored becomes Unchanged or a new version here, never a duplicate.
                    Thread.Sleep(Random.Shared.Next(5, 50) * attempt);
                }
            }
        }
    }

    /// <summary>Attempts of a batch that meets a concurrent writer's conflict before its error is given up.</summary>
    private const int MostBatchAttempts = 8;

    private List<IngestOutcome> SaveOnce(IReadOnlyList<Page> pages, IReadOnlyList<ReadFailure> failures)
    {
        // Disposing an uncommitted transaction rolls it back, whatever was thrown on the way.
        using var transaction = connection.BeginTransaction();
        var outcomes = new List<IngestOutcome>(pages.Count);
        var at = "";
        try
        {
            using var writer = new BatchWriter(connection, transaction, time.GetUtcNow(), SearchIndex);
            for (var i = 0; i < pages.Count; i++)
            {
                at = $" at page {i + 1} ({pages[i]?.Source})";
                outcomes.Add(writer.Save(pages[i]));
            }

            at = " while recording failures";
            foreach (var failure in failures)
                writer.RecordFailure(failure);
            writer.Finish();
            at = " at commit";
            Changed(transaction);
            transaction.Commit();
            return outcomes;
        }
        catch (DbException e)
        {
            throw Describe(e, $"saving a batch of {pages.Count} pages and {failures.Count} failures failed{at}; nothing of the batch was stored");
        }
    }

    public StoredPage? Find(string idOrKey)
    {
        ArgumentNullException.ThrowIfNull(idOrKey);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return Guard($"finding '{idOrKey}'", () => ResolveId(idOrKey) is { } id ? Load(id) : null);
        }
    }

    public StoredPage? FindQuotable(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return Guard($"reading '{id}'", () => LoadHead(id) is { } head
                ? head with { Page = head.Page with { Analysis = new PageAnalysis { Sentences = new AnalysisReader(connection, Database).Sentences(id, head.Version) } } }
                : null);
        }
    }

    public IReadOnlyList<DocumentSummary> ListDocuments(DocumentQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckPage(query.Offset, query.Limit);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return Guard("listing documents", () => QueryDocuments(query));
        }
    }

    public int CountDocuments(DocumentQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return Guard("counting documents", () => CountDocumentRows(query));
        }
    }

    public IReadOnlyList<ClaimRow> ListClaims(ClaimQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckPage(query.Offset, query.Limit);
        foreach (var (name, value) in new[] { (nameof(query.From), query.From), (nameof(query.To), query.To) })
        {
            if (value is not null && !ClaimQuery.IsDate(value))
                throw new ArgumentException($"'{value}' is not a date of the form 2018, 2018-12 or 2018-12-11", name);
        }

        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return Guard("listing claims", () => new ClaimListing(connection, dialect).Run(query));
        }
    }

    public SearchResults Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckPage(query.Offset, query.Limit);
        ArgumentOutOfRangeException.ThrowIfNegative(query.FacetLimit);
        foreach (var (name, value) in new[] { ("from", query.From), ("to", query.To) })
        {
            if (value is not null && !ClaimQuery.IsDate(value))
                throw new SearchQueryException($"The {name} date '{value}' is not of the form 2018, 2018-12 or 2018-12-11.");
        }

        var expression = SearchExpression.Parse(query.Text);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (SearchIndex is not { } index)
                throw new StoreException(Database, $"the store is at schema version {SchemaVersion}, from before the current search index; open it with the shipped migrations to search");
            return Guard("searching", () => new SearchRunner(connection, dialect, index).Run(query, expression));
        }
    }

    public IReadOnlyList<StoredFailure> ListFailures(int offset, int limit)
    {
        CheckPage(offset, limit);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return Guard("listing failures", () =>
            {
                using var statement = new PreparedStatement(connection, null,
                    "SELECT source, location, kind, reason, recorded_at FROM failures ORDER BY recorded_at DESC, id DESC LIMIT @limit OFFSET @offset",
                    "@limit", "@offset");
                using var reader = statement.Bind(limit, offset).Query();
                var list = new List<StoredFailure>();
                while (reader.Read())
                {
                    list.Add(new StoredFailure(
                        reader.GetString(0),
                        reader.IsDBNull(1) ? null : reader.GetString(1),
                        Enum.Parse<FailureKind>(reader.GetString(2), ignoreCase: true),
                        reader.GetString(3),
                        reader.GetFieldValue<DateTimeOffset>(4)));
                }

                return list;
            });
        }
    }

    public StoreCounts Counts()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return Guard("counting", () =>
            {
                using var statement = new PreparedStatement(connection, null,
                    """
                    SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM versions), (SELECT COUNT(*) FROM segments),
                           (SELECT COUNT(*) FROM comments), (SELECT COUNT(*) FROM failures)
                    """);
                using var reader = statement.Query();
                reader.Read();
                return new StoreCounts(Int(reader, 0), Int(reader, 1), Int(reader, 2), Int(reader, 3), Int(reader, 4));
            });
        }
    }

    public void SaveLinking(string scheme, IReadOnlyList<Fingerprint> fingerprints, IReadOnlyList<CopyLink> links)
    {
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        ArgumentNullException.ThrowIfNull(fingerprints);
        ArgumentNullException.ThrowIfNull(links);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            using var transaction = connection.BeginTransaction();
            try
            {
                new LinkRows(connection, transaction).Save(scheme, fingerprints, links);
                Changed(transaction);
                transaction.Commit();
            }
            catch (DbException e)
            {
                throw Describe(e, $"saving {fingerprints.Count} fingerprints and {links.Count} copy links failed; none was stored");
            }
        }
    }

    public IReadOnlyList<StoredFingerprint> LoadFingerprints()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return Guard("loading fingerprints", () => new LinkRows(connection, null).LoadFingerprints());
        }
    }

    public IReadOnlyList<string> ListUnfingerprinted(string scheme, int limit)
    {
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return Guard("listing pages without a fingerprint", () => new LinkRows(connection, null).Unfingerprinted(scheme, limit));
        }
    }

    public IReadOnlyList<DocumentVersion> ListMeasuredDocuments()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return Guard("listing pages with measured figures", () => new LinkRows(connection, null).Measured());
        }
    }

    public IReadOnlyList<CopyLink> ListCopyLinks(CopyLinkQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckPage(query.Offset, query.Limit);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return Guard("listing copy links", () => new LinkRows(connection, null).List(query));
        }
    }

    public int CountCopyLinks(CopyLinkQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return Guard("counting copy links", () => new LinkRows(connection, null).Count(query));
        }
    }

    public void ClearLinking()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            using var transaction = connection.BeginTransaction();
            try
            {
                new LinkRows(connection, transaction).Clear();
                Changed(transaction);
                transaction.Commit();
            }
            catch (DbException e)
            {
                throw Describe(e, "clearing fingerprints and copy links failed");
            }
        }
    }

    public LinkState? LoadLinkState()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return Guard("reading the claims linking state", () => new ClaimRows(connection, null).State());
        }
    }

    public LinkSnapshot? LoadLinks()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return Guard("loading stored claims", () => new ClaimRows(connection, null).Load());
        }
    }

    public void SaveLinks(LinkSnapshot snapshot) => SaveLinks(snapshot, check: false, replacing: null);

    public bool TrySaveLinks(LinkSnapshot snapshot, string? replacing) => SaveLinks(snapshot, check: true, replacing);

    private bool SaveLinks(LinkSnapshot snapshot, bool check, string? replacing)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            using var transaction = connection.BeginTransaction();
            try
            {
                var rows = new ClaimRows(connection, transaction);
                if (check && rows.Inputs(dialect.LockRead) != replacing)
                    return false;
                rows.Replace(snapshot);
                Changed(transaction);
                transaction.Commit();
                return true;
            }
            catch (DbException e) when (check && IsConflict(e))
            {
                // Two first results inserted at once: the other one is stored.
                return false;
            }
            catch (DbException e)
            {
                throw Describe(e, $"saving {snapshot.Claims.Count} claims failed; the claims stored before are kept");
            }
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        lock (gate)
        {
            if (disposed)
                return;
            disposed = true;
            if (disposing)
            {
                BeforeClose(connection);
                connection.Dispose();
            }
        }
    }

    /// <summary>
    /// The schema of the word index's current form (008-search-tags.sql: filter tags and facet values); schema 5
    /// brought the index, and a store between the two is written again when it is upgraded.
    /// </summary>
    private protected const int SearchIndexSchema = 8;

    /// <summary>The backend's word index for <see cref="Search"/>; null for a store kept at a schema from before its current form (tests of upgrades).</summary>
    private protected abstract SearchIndex? SearchIndex { get; }

    /// <summary>The schema that brought the change counter (007-changes.sql).</summary>
    private const int ChangesSchema = 7;

    public long ChangeStamp()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (SchemaVersion < ChangesSchema)
                return 0;
            return Guard("reading the change counter", () =>
            {
                using var statement = new PreparedStatement(connection, null, "SELECT changes FROM store_changes WHERE id = 1");
                return Convert.ToInt64(statement.Scalar() ?? 0L, CultureInfo.InvariantCulture);
            });
        }
    }

    /// <summary>Counts the transaction's change (schema 7), inside it, so the count and the data commit together.</summary>
    private void Changed(DbTransaction transaction)
    {
        if (SchemaVersion < ChangesSchema)
            return;
        using var statement = new PreparedStatement(connection, transaction, "UPDATE store_changes SET changes = changes + 1 WHERE id = 1");
        statement.Execute();
    }

    /// <summary>A newly opened store with its search backlog written (<see cref="CatchUpSearch"/>); disposed if that fails.</summary>
    private protected static TStore Indexed<TStore>(TStore store, IProgress<IndexingProgress>? indexing)
        where TStore : SqlPageStore
    {
        try
        {
            store.CatchUpSearch(indexing);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes the search units of documents stored before the search schema (the <c>search_backlog</c> that
    /// migration fills), a batch per transaction so a killed process resumes where it stopped. A backend calls
    /// this once its store is open.
    /// </summary>
    private protected void CatchUpSearch(IProgress<IndexingProgress>? indexing)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (SearchIndex is not { } index)
                return;
            var total = indexing is null ? 0 : Guard("counting documents to index for search", () =>
            {
                using var count = new PreparedStatement(connection, null, "SELECT COUNT(*) FROM search_backlog");
                return Convert.ToInt32(count.Scalar() ?? 0, CultureInfo.InvariantCulture);
            });
            var indexed = 0;
            if (total > 0)
                indexing!.Report(new IndexingProgress(0, total));
            while (true)
            {
                // Read first, write after: a command outside the open transaction would be refused.
                var pages = Guard("reading documents to index for search", () =>
                {
                    using var next = new PreparedStatement(connection, null, "SELECT doc_id FROM search_backlog ORDER BY doc_id LIMIT @limit", "@limit");
                    var ids = new List<string>();
                    using (var reader = next.Bind(SearchBacklogBatch).Query())
                    {
                        while (reader.Read())
                            ids.Add(reader.GetString(0));
                    }

                    return ids.Select(id => (Id: id, Stored: ResolveId(id) == id ? Load(id) : null)).ToList();
                });
                if (pages.Count == 0)
                    return;

                using var transaction = connection.BeginTransaction();
                try
                {
                    using var writer = index.OpenWriter(connection, transaction);
                    using var done = new PreparedStatement(connection, transaction, "DELETE FROM search_backlog WHERE doc_id = @id", "@id");
                    foreach (var (id, stored) in pages)
                    {
                        if (stored is { Page: var p })
                            writer.Replace(id, stored.Version, SearchUnits.Of(p.Text, p.Metadata, p.Segments, p.Comments, p.Analysis));
                        done.Bind(id).Execute();
                    }

                    Changed(transaction);
                    transaction.Commit();
                }
                catch (DbException e)
                {
                    throw Describe(e, $"indexing {pages.Count} stored documents for search failed; they stay in the backlog");
                }

                indexed += pages.Count;
                if (total > 0)
                    indexing!.Report(new IndexingProgress(Math.Min(indexed, total), total));
            }
        }
    }

    /// <summary>A last word to the database before the connection closes (SQLite: <c>PRAGMA optimize</c>).</summary>
    private protected virtual void BeforeClose(DbConnection open)
    {
    }

    /// <summary>
    /// True for an error a concurrent writer caused, which the same batch retried will not meet again (PostgreSQL: a
    /// key stored by another transaction meanwhile, a serialisation failure, a deadlock). SQLite has one writer.
    /// </summary>
    private protected virtual bool IsConflict(DbException error) => false;

    /// <summary>A backend's description of its error, as a <see cref="StoreException"/> naming the database.</summary>
    private protected abstract StoreException Describe(DbException error, string doing);

    private T Guard<T>(string doing, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (DbException e)
        {
            throw Describe(e, doing + " failed");
        }
    }

    private static void CheckPage(int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
    }

    /// <summary>Exact id, then key, then source, then an unambiguous id prefix: exact matches always win.</summary>
    private string? ResolveId(string query)
    {
        if (query.Length == 0)
            return null;

        using (var byId = new PreparedStatement(connection, null, "SELECT id FROM documents WHERE id = @q OR key = @q ORDER BY CASE WHEN id = @q THEN 0 ELSE 1 END LIMIT 1", "@q"))
        {
            if (byId.Bind(query).Scalar() is string id)
                return id;
        }

        using (var bySource = new PreparedStatement(connection, null, "SELECT doc_id FROM versions WHERE source = @q ORDER BY ingested_at DESC, doc_id LIMIT 1", "@q"))
        {
            if (bySource.Bind(query).Scalar() is string id)
                return id;
        }

        var prefix = query.Trim().ToLowerInvariant();
        if (prefix.Length < ShortestPrefix || !prefix.All(char.IsAsciiHexDigitLower))
            return null;

        // A range rather than LIKE so the primary key index answers it; '~' sorts after every hex digit.
        using var byPrefix = new PreparedStatement(connection, null,
            $"SELECT id, key FROM documents WHERE {dialect.IdInRange} ORDER BY id LIMIT @most", "@low", "@high", "@most");
        using var reader = byPrefix.Bind(prefix, prefix + "~", MostCandidatesListed + 1).Query();
        var candidates = new List<(string Id, string Key)>();
        while (reader.Read())
            candidates.Add((reader.GetString(0), reader.GetString(1)));

        return candidates.Count switch
        {
            0 => null,
            1 => candidates[0].Id,
            _ => throw new StoreException(Database,
                $"the id prefix '{prefix}' matches {(candidates.Count > MostCandidatesListed ? $"more than {MostCandidatesListed}" : candidates.Count.ToString(CultureInfo.InvariantCulture))} documents, give more of the id: "
                + string.Join("; ", candidates.Take(MostCandidatesListed).Select(c => $"{c.Id} {c.Key}"))),
        };
    }

    private StoredPage Load(string id)
    {
        var head = LoadHead(id) ?? throw new StoreException(Database, $"document {id} has no row for its current version");
        var (page, version) = (head.Page, head.Version);
        return head with
        {
            Page = page with
            {
                Segments = LoadSegments(id, version),
                Comments = LoadComments(id, version),
                Warnings = LoadWarnings(id, version),
                Analysis = new AnalysisReader(connection, Database).Load(id, version),
            },
        };
    }

    /// <summary>The current version's row (text and metadata) without what is stored beside it; null for an unknown id.</summary>
    private StoredPage? LoadHead(string id)
    {
        using var head = new PreparedStatement(connection, null,
            $"SELECT d.key, v.version, v.content_hash, v.source, v.format, v.encoding, v.text, v.metadata, v.ingested_at {CurrentVersionJoin} WHERE d.id = @id",
            "@id");
        string key, hash, source, format, encoding, text, metadata;
        int version;
        DateTimeOffset ingestedAt;
        using (var reader = head.Bind(id).Query())
        {
            if (!reader.Read())
                return null;
            key = reader.GetString(0);
            version = Int(reader, 1);
            hash = reader.GetString(2);
            source = reader.GetString(3);
            format = reader.GetString(4);
            encoding = reader.GetString(5);
            text = reader.GetString(6);
            metadata = reader.GetString(7);
            ingestedAt = reader.GetFieldValue<DateTimeOffset>(8);
        }

        var page = new Page
        {
            Source = source,
            Key = key,
            ContentHash = hash,
            Format = PageRow.ParseFormat(format),
            Text = text,
            Encoding = encoding,
            Metadata = MetadataJson.Read(metadata),
            Segments = [],
            Comments = [],
        };
        return new StoredPage(page, version, ingestedAt);
    }

    private List<Segment> LoadSegments(string id, int version)
    {
        using var statement = new PreparedStatement(connection, null,
            "SELECT kind, start_offset, end_offset, first_line, last_line FROM segments WHERE doc_id = @id AND version = @version ORDER BY ordinal",
            "@id", "@version");
        using var reader = statement.Bind(id, version).Query();
        var segments = new List<Segment>();
        while (reader.Read())
        {
            var kind = SegmentKindNames.FromWire(reader.GetString(0))
                ?? throw new StoreException(Database, $"document {id} version {version} has a segment of unknown kind '{reader.GetString(0)}'");
            segments.Add(new Segment(kind, Int(reader, 1), Int(reader, 2), Int(reader, 3), Int(reader, 4)));
        }

        return segments;
    }

    private List<Comment> LoadComments(string id, int version)
    {
        using var statement = new PreparedStatement(connection, null,
            """
            SELECT idx, start_offset, end_offset, first_line, last_line, author, depth, reply_to, likely_spam
            FROM comments WHERE doc_id = @id AND version = @version ORDER BY idx
            """,
            "@id", "@version");
        using var reader = statement.Bind(id, version).Query();
        var comments = new List<Comment>();
        while (reader.Read())
        {
            comments.Add(new Comment(
                Int(reader, 0), Int(reader, 1), Int(reader, 2), Int(reader, 3), Int(reader, 4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                Int(reader, 6),
                reader.IsDBNull(7) ? null : Int(reader, 7),
                reader.Flag(8)));
        }

        return comments;
    }

    private List<string> LoadWarnings(string id, int version)
    {
        using var statement = new PreparedStatement(connection, null,
            "SELECT message FROM warnings WHERE doc_id = @id AND version = @version ORDER BY ordinal", "@id", "@version");
        using var reader = statement.Bind(id, version).Query();
        var warnings = new List<string>();
        while (reader.Read())
            warnings.Add(reader.GetString(0));
        return warnings;
    }

    private List<DocumentSummary> QueryDocuments(DocumentQuery query)
    {
        var filter = DocumentFilter(query);
        filter.Bind("@limit", query.Limit);
        filter.Bind("@offset", query.Offset);
        using var statement = new PreparedStatement(connection, null,
            $"""
            SELECT d.id, d.key, v.source, v.version, v.title, v.outlet, v.author, v.published, v.format, v.length,
                   v.segment_count, v.comment_count, v.ingested_at
            {CurrentVersionJoin}
            {filter.Clause}
            ORDER BY {dialect.KeyOrder}
            LIMIT @limit OFFSET @offset
            """,
            filter.Names);
        using var reader = statement.Bind(filter.Values).Query();
        var list = new List<DocumentSummary>();
        while (reader.Read())
        {
            list.Add(new DocumentSummary(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), Int(reader, 3),
                NullableString(reader, 4), NullableString(reader, 5), NullableString(reader, 6), NullableString(reader, 7),
                PageRow.ParseFormat(reader.GetString(8)), Int(reader, 9), Int(reader, 10), Int(reader, 11),
                reader.GetFieldValue<DateTimeOffset>(12)));
        }

        return list;
    }

    /// <summary>The documents' filters: only fixed SQL fragments are chosen here; every value the caller gave travels as a parameter.</summary>
    private SqlFilter DocumentFilter(DocumentQuery query)
    {
        var filter = new SqlFilter();
        if (PageRow.FoldOutlet(query.Outlet) is { } outlet)
            filter.Where("v.outlet_folded = @outlet", "@outlet", outlet);
        if (!string.IsNullOrEmpty(query.TextContains))
        {
            filter.Where($"(v.title {dialect.CaseInsensitiveLike} @pattern ESCAPE '\\' OR v.text {dialect.CaseInsensitiveLike} @pattern ESCAPE '\\')",
                "@pattern", "%" + EscapeLike(new StoredText().CleanRequired(query.TextContains)) + "%");
        }

        return filter;
    }

    private int CountDocumentRows(DocumentQuery query)
    {
        var filter = DocumentFilter(query);
        using var statement = new PreparedStatement(connection, null, $"SELECT COUNT(*) {CurrentVersionJoin} {filter.Clause}", filter.Names);
        using var reader = statement.Bind(filter.Values).Query();
        reader.Read();
        return Int(reader, 0);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static string? NullableString(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    /// <summary>Backends return counts and integers as different CLR types (SQLite: long, PostgreSQL: int or long).</summary>
    private static int Int(DbDataReader reader, int column) => Convert.ToInt32(reader.GetValue(column), CultureInfo.InvariantCulture);
}
