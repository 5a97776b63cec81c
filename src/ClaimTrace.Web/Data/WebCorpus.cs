using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ClaimTrace.Web;

/// <summary>
/// The one way pages and API reach the data. Stores are leased from a fixed pool, so concurrent requests read in
/// parallel (SQLite in WAL mode lets readers run beside a writer) up to the pool's size and queue beyond it, without
/// holding a thread while they wait (<see cref="ReadAsync"/>). The linked corpus (claims, conflicts, timelines) is built
/// once and kept until the database changes: a watcher store reads the store's change counter (schema 7), which every
/// committing change moves — an upload through the web or a <c>claimtrace ingest</c> in another process or on another
/// machine (PostgreSQL) alike.
/// </summary>
public sealed class WebCorpus : IDisposable
{
    /// <summary>What a page's source starts with when it came in through the web (<see cref="Ingest"/>).</summary>
    public const string UploadSource = "upload://";

    /// <summary>
    /// Open stores at most. More would not read faster on this many cores, and opening one per request (each open
    /// checks the schema and the search backlog) would cost more than the wait.
    /// </summary>
    private static readonly int PoolSize = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>Searches kept (<see cref="ResultCache{TKey, TValue}"/>); a page of 20 hits with its facets is tens of kilobytes.</summary>
    private const int SearchesKept = 512;

    /// <summary>Rendered dossiers kept per linked corpus; a dossier page is about 50 kB.</summary>
    private const int RendersKept = 1_024;

    private static readonly ConditionalWeakTable<LinkedCorpus, ResultCache<(string Kind, string Key), object>> Renders = [];

    private readonly ResultCache<SearchQuery, SearchResults> searches = new(SearchesKept);
    private readonly ConcurrentBag<IPageStore> idle = [];
    private readonly SemaphoreSlim leases = new(PoolSize, PoolSize);

    // The linked corpus reads the pages its dossiers quote on stores of their own: a request may read pages while it
    // holds a lease from the pool above, and a second lease from the same pool could wait for ever.
    private readonly ConcurrentBag<IPageStore> pageReaders = [];
    private readonly SemaphoreSlim pageReaderLeases = new(PoolSize, PoolSize);
    private readonly SemaphoreSlim linkGate = new(1, 1);
    private readonly Lock ingestGate = new();
    private readonly TimeProvider time;
    private readonly SqlPageStore watcher;
    private readonly string connection;
    private LinkedCorpus? linked;

    // The linked corpus reads the pages it shows from the store it was loaded from (claims are stored in the
    // database, pages read when first asked for), so that store is its own, never leased to a request. The one before
    // is kept open too: a request that took the previous corpus may still be reading its pages.
    private SqlPageStore? linkStore;
    private SqlPageStore? retiredLinkStore;
    private SourcesOf? sources;
    private long linkedVersion;
    private bool disposed;

    /// <summary>Opens (creating and migrating when needed) the database; throws <see cref="StoreException"/> when it cannot.</summary>
    public WebCorpus(string database, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        this.time = time ?? TimeProvider.System;
        connection = PageStores.Normalise(database);
        watcher = PageStores.Open(connection, this.time);
        Database = watcher.Database;
        idle.Add(PageStores.Open(connection, this.time));
    }

    /// <summary>The database as messages name it: a file path, or a server without its password.</summary>
    public string Database { get; }

    /// <summary>Runs <paramref name="read"/> with a store of its own for the duration of the call.</summary>
    public T Read<T>(Func<IPageStore, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        ObjectDisposedException.ThrowIf(disposed, this);
        leases.Wait();
        return Leased(read);
    }

    /// <summary>As <see cref="Read"/>, waiting for a free store without holding a thread.</summary>
    public async Task<T> ReadAsync<T>(Func<IPageStore, T> read, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ObjectDisposedException.ThrowIf(disposed, this);
        await leases.WaitAsync(cancel);
        return Leased(read);
    }

    /// <summary>The claims of the database linked, from the cache unless the database changed since they were linked.</summary>
    public LinkedCorpus Linked()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        linkGate.Wait();
        return LinkedHeld();
    }

    /// <summary>As <see cref="Linked"/>; while one request links, the others wait for its result without holding threads.</summary>
    public async Task<LinkedCorpus> LinkedAsync(CancellationToken cancel = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await linkGate.WaitAsync(cancel);
        return LinkedHeld();
    }

    /// <summary>
    /// The store's search, answered from the searches kept when the same query was run on the same data (the store's
    /// change counter tells: any commit, in this process or another, moves it).
    /// </summary>
    public SearchResults Search(IPageStore store, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(query);
        return searches.GetOrAdd(query, DataVersion(), () => store.Search(query));
    }

    /// <summary>
    /// What <paramref name="make"/> renders from <paramref name="linked"/> for <paramref name="key"/> (a dossier page, a
    /// dossier's JSON), kept with that corpus: a corpus never changes, the next one (after an ingest) starts empty.
    /// </summary>
    public static T Rendered<T>(LinkedCorpus linked, string kind, string key, Func<T> make)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(linked);
        ArgumentNullException.ThrowIfNull(make);
        return (T)Renders.GetValue(linked, _ => new ResultCache<(string, string), object>(RendersKept)).GetOrAdd((kind, key), 0, make);
    }

    /// <summary>
    /// The outlets as <c>claimtrace sources</c> weighs them, kept with the linked corpus they were made from: they read
    /// every copy link and look up pages the corpus did not read, too much to redo for each request.
    /// </summary>
    public async Task<IReadOnlyList<SourceRow>> SourcesAsync(CancellationToken cancel = default)
    {
        var current = await LinkedAsync(cancel);
        if (sources is { } known && ReferenceEquals(known.Corpus, current))
            return known.Rows;
        var rows = await ReadAsync(store => SourceSummary.Of(current, store), cancel);
        sources = new SourcesOf(current, rows);
        return rows;
    }

    /// <summary>
    /// Reads, processes and stores uploaded files with the CLI's readers and pipeline (the reader chosen by the file's
    /// extension, else by its first bytes), then brings copy links and the stored claims up to date, as <c>claimtrace ingest</c> does. One
    /// upload is stored at a time: SQLite has one writer, and a second would only wait on the file lock.
    /// A page's source is <c>upload://NAME</c>, so uploading a changed file of the same name makes a new version.
    /// </summary>
    public IngestSummary Ingest(IReadOnlyList<UploadedFile> files, IProgress<IngestProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        lock (ingestGate)
        {
            try
            {
                return Read(store =>
                {
                    var walker = Pipelines.CreateWalker(ReadingOptions.Default, () => throw new InvalidOperationException("an upload has no standard input"));
                    var inputs = files.SelectMany(f => walker.ReadNamed(UploadSource + f.Name, File.OpenRead(f.TempPath)));
                    var summary = new IngestRunner(Pipelines.CreateProcessor(), store).Run(inputs, progress, cancel);
                    StoreLinking.Update(store); // copy links first, then the stored claims
                    return summary;
                });
            }
            finally
            {
                Changed();
            }
        }
    }

    /// <summary>Forgets the linked corpus at once (after a change this process made), rather than at the next look.</summary>
    public void Changed()
    {
        linked = null;
        searches.Clear();
    }

    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        linkGate.Wait();
        watcher.Dispose();
        linkStore?.Dispose();
        retiredLinkStore?.Dispose();
        linkGate.Release();
        while (idle.TryTake(out var store))
            store.Dispose();
        while (pageReaders.TryTake(out var reader))
            reader.Dispose();
        leases.Dispose();
        pageReaderLeases.Dispose();
        linkGate.Dispose();
    }

    /// <summary>A page as a dossier quotes it, read on one of the page readers' stores.</summary>
    private StoredPage? Quotable(string id)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        pageReaderLeases.Wait();
        return Leased(pageReaders, pageReaderLeases, store => store.FindQuotable(id));
    }

    /// <summary>Runs with a lease already taken, and gives it back.</summary>
    private T Leased<T>(Func<IPageStore, T> read) => Leased(idle, leases, read);

    /// <summary>Runs <paramref name="read"/> on a store of <paramref name="pool"/> (opened when none is free) with a lease of <paramref name="lease"/> already taken, and gives both back.</summary>
    private T Leased<T>(ConcurrentBag<IPageStore> pool, SemaphoreSlim lease, Func<IPageStore, T> read)
    {
        try
        {
            var store = pool.TryTake(out var pooled) ? pooled : PageStores.Open(connection, time);
            try
            {
                return read(store);
            }
            finally
            {
                if (disposed)
                    store.Dispose();
                else
                    pool.Add(store);
            }
        }
        finally
        {
            lease.Release();
        }
    }

    /// <summary>Runs with <see cref="linkGate"/> taken, and releases it.</summary>
    private LinkedCorpus LinkedHeld()
    {
        try
        {
            if (linked is not { } current || DataVersion() != linkedVersion)
            {
                var store = PageStores.Open(connection, time);
                try
                {
                    // Pages are read on stores of their own, several requests at once; the link store only links.
                    current = StoreLinking.Link(store, Quotable);
                }
                catch
                {
                    store.Dispose();
                    throw;
                }

                retiredLinkStore?.Dispose();
                retiredLinkStore = linkStore;
                linkStore = store;
                // Read after linking: linking fingerprints new pages, a change of its own that must not count as news.
                linkedVersion = DataVersion();
                linked = current;
            }

            return current;
        }
        finally
        {
            linkGate.Release();
        }
    }

    private sealed record SourcesOf(LinkedCorpus Corpus, IReadOnlyList<SourceRow> Rows);

    // The watcher store serialises its own calls.
    private long DataVersion() => watcher.ChangeStamp();
}
