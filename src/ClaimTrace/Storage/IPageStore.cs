namespace ClaimTrace;

/// <summary>
/// Where pages live. SQLite is the default; a PostgreSQL backend implements the same contract, and one
/// test suite runs against every backend. Every batch is one transaction: a killed ingest leaves the
/// store as it was before the batch, and running it again finishes the job.
/// </summary>
public interface IPageStore : IDisposable
{
    /// <summary>The schema version the store is at after opening (opening migrates older stores in place).</summary>
    int SchemaVersion { get; }

    /// <summary>
    /// A number that grows whenever any process commits a change to the store (pages, copy links, claims): equal stamps
    /// mean nothing changed between two reads. It moves in the same transaction as the change it counts.
    /// </summary>
    long ChangeStamp();

    /// <summary>The database as messages name it: a file path, or <c>postgres://user@host:port/database</c> without a password.</summary>
    string Database { get; }

    /// <summary>
    /// Stores a batch of pages and the inputs that failed, in one transaction. A page whose key and content
    /// hash are already stored is left alone (<see cref="IngestStatus.Unchanged"/>); a known key with new
    /// content becomes a new version. Failures are recorded so <c>docs --failed</c> can list them.
    /// </summary>
    IReadOnlyList<IngestOutcome> SaveBatch(IReadOnlyList<Page> pages, IReadOnlyList<ReadFailure> failures);

    /// <summary>The latest version of a document by id, id prefix (at least 4 characters, unambiguous), key or source.</summary>
    StoredPage? Find(string idOrKey);

    /// <summary>
    /// The current version of the document with this id as a report quotes it: its text, metadata and sentences, without
    /// segments, comments, warnings or the rest of its analysis (the page's <see cref="Page.Analysis"/> holds only its
    /// sentences). A claim's dossier reads each of its pages so; <see cref="Find"/> would read nine tables per page.
    /// </summary>
    StoredPage? FindQuotable(string id);

    /// <summary>Documents, newest version each, ordered by key so listings are deterministic.</summary>
    IReadOnlyList<DocumentSummary> ListDocuments(DocumentQuery query);

    /// <summary>How many documents <see cref="ListDocuments"/> would list without its offset and limit (for paging).</summary>
    int CountDocuments(DocumentQuery query);

    /// <summary>
    /// Statements and quantities of current versions, with their documents, filtered as <paramref name="query"/>
    /// says, ordered by date (undated last), then document key and offset, so pages of results are stable.
    /// </summary>
    IReadOnlyList<ClaimRow> ListClaims(ClaimQuery query);

    /// <summary>
    /// Full-text search over the statements, articles and reader comments of current versions, filtered as
    /// <paramref name="query"/> says (syntax: <see cref="SearchExpression"/>, docs/search.md). Hits are ordered by
    /// relevance, then document key and offset, so pages of results are stable. Throws
    /// <see cref="SearchQueryException"/> with a message for the user when the text or a date cannot be searched.
    /// </summary>
    SearchResults Search(SearchQuery query);

    /// <summary>Recorded failures, most recent first.</summary>
    IReadOnlyList<StoredFailure> ListFailures(int offset, int limit);

    StoreCounts Counts();

    /// <summary>
    /// Stores near-duplicate fingerprints made with <paramref name="scheme"/> and the copy links found for them, in
    /// one transaction. Every link already stored that touches one of the fingerprints' pages is replaced: the
    /// links given are all there is between those pages and the pages fingerprinted before them.
    /// </summary>
    void SaveLinking(string scheme, IReadOnlyList<Fingerprint> fingerprints, IReadOnlyList<CopyLink> links);

    /// <summary>Every stored fingerprint, whatever its scheme, ordered by page id.</summary>
    IReadOnlyList<StoredFingerprint> LoadFingerprints();

    /// <summary>Ids of documents whose current version has no fingerprint of <paramref name="scheme"/>, in id order.</summary>
    IReadOnlyList<string> ListUnfingerprinted(string scheme, int limit);

    /// <summary>
    /// Ids of documents whose current version has a figure of a known measure outside reader comments, in id order:
    /// the pages claims can be made of, with their current versions.
    /// </summary>
    IReadOnlyList<DocumentVersion> ListMeasuredDocuments();

    /// <summary>Copy links, ordered by copy id then target, so pages of results are stable.</summary>
    IReadOnlyList<CopyLink> ListCopyLinks(CopyLinkQuery query);

    /// <summary>How many links <see cref="ListCopyLinks"/> would list without its offset and limit (for paging).</summary>
    int CountCopyLinks(CopyLinkQuery query);

    /// <summary>Forgets every fingerprint and copy link (a relink rebuilds them from the pages).</summary>
    void ClearLinking();

    /// <summary>What the stored claims linking result was made from, or null when none is stored.</summary>
    LinkState? LoadLinkState();

    /// <summary>The stored claims linking result, or null when none is stored.</summary>
    LinkSnapshot? LoadLinks();

    /// <summary>Replaces the stored claims linking result with <paramref name="snapshot"/>, in one transaction.</summary>
    void SaveLinks(LinkSnapshot snapshot);

    /// <summary>
    /// As <see cref="SaveLinks"/>, only while the stored result is still the one made from <paramref name="replacing"/>
    /// (its <see cref="LinkState.Inputs"/>; null: none stored): false, storing nothing, when another process stored a
    /// result since it was read. Several ingests finishing at once thus never leave an older result over a newer one.
    /// </summary>
    bool TrySaveLinks(LinkSnapshot snapshot, string? replacing);
}

public enum IngestStatus
{
    Added,
    NewVersion,
    Unchanged,

    /// <summary>
    /// The store refused the page (a span outside its text, a reply to a missing comment): it is recorded
    /// as a failure with the reason and the rest of the batch is stored. The outcome's version is 0.
    /// </summary>
    Rejected,
}

public sealed record IngestOutcome(string Id, string Source, IngestStatus Status, int Version);

public sealed record StoredPage(Page Page, int Version, DateTimeOffset IngestedAt);

public sealed record DocumentSummary(
    string Id,
    string Key,
    string Source,
    int Version,
    string? Title,
    string? Outlet,
    string? Author,
    string? Published,
    PageFormat Format,
    int Length,
    int SegmentCount,
    int CommentCount,
    DateTimeOffset IngestedAt);

public sealed record DocumentQuery(int Offset = 0, int Limit = 100, string? Outlet = null, string? TextContains = null);

public sealed record StoredFailure(string Source, string? Location, FailureKind Kind, string Reason, DateTimeOffset RecordedAt);

public sealed record StoreCounts(int Documents, int Versions, int Segments, int Comments, int Failures);

/// <summary>A stored near-duplicate signature and the scheme it was made with (<see cref="DuplicateSettings.Scheme"/>).</summary>
public sealed record StoredFingerprint(string Scheme, Fingerprint Fingerprint);

/// <summary>Which copy links to list: those of one page (as copy or origin) or all; page pairs only or outlet credits too.</summary>
public sealed record CopyLinkQuery(string? PageId = null, bool PagePairsOnly = false, int Offset = 0, int Limit = 1000);

/// <summary>
/// How far a store opening has got with writing the search index of pages stored before it (the backlog an upgrade
/// leaves): <see cref="Done"/> of <see cref="Total"/> pages. Reported once before the first batch and after each.
/// </summary>
public readonly record struct IndexingProgress(int Done, int Total);
