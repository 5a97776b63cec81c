using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ClaimTrace.Web;

/// <summary>
/// The one way pages and API reach the data. Stores are leased from a small pool, so concurrent requests read
/// in parallel (SQLite in WAL mode lets readers run beside a writer) instead of queueing on one connection. The
/// linked corpus (claims, conflicts, timelines) is built once and kept until the database changes: a watcher
/// connection asks SQLite's <c>data_version</c>, which moves whenever another connection commits — an upload through
/// the web or a <c>claimtrace ingest</c> in another process alike.
/// </summary>
public sealed class WebCorpus : IDisposable
{
    /// <summary>Idle stores kept for reuse; more are opened under load and closed when returned to a full pool.</summary>
    private static readonly int PoolSize = Math.Max(4, Environment.ProcessorCount * 2);

    private readonly ConcurrentBag<IPageStore> idle = [];
    private readonly TimeProvider time;
    /// <summary>What a page's source starts with when it came in through the web (<see cref="Ingest"/>).</summary>
    public const string UploadSource = "upload://";

    private readonly Lock linkGate = new();
    private readonly Lock ingestGate = new();
    private readonly SqliteConnection watcher;
    private LinkedCorpus? linked;
    private long linkedVersion;
    private bool disposed;

    /// <summary>Opens (creating and migrating when needed) the database; throws <see cref="StoreException"/> when it cannot.</summary>
    public WebCorpus(string database, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        this.time = time ?? TimeProvider.System;
        Database = Path.GetFullPath(database);
        idle.Add(SqlitePageStore.Open(Database, this.time));
        watcher = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        watcher.Open();
    }

    public string Database { get; }

    /// <summary>Runs <paramref name="read"/> with a store of its own for the duration of the call.</summary>
    public T Read<T>(Func<IPageStore, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        ObjectDisposedException.ThrowIf(disposed, this);
        var store = idle.TryTake(out var pooled) ? pooled : SqlitePageStore.Open(Database, time);
        try
        {
            return read(store);
        }
        finally
        {
            if (disposed || idle.Count >= PoolSize)
                store.Dispose();
            else
                idle.Add(store);
        }
    }

    /// <summary>The claims of the database linked, from the cache unless the database changed since they were linked.</summary>
    public LinkedCorpus Linked()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        lock (linkGate)
        {
            if (linked is null || DataVersion() != linkedVersion)
            {
                linked = Read(store => StoreLinking.Link(store));
                // Read after linking: linking fingerprints new pages, a change of its own that must not count as news.
                linkedVersion = DataVersion();
            }

            return linked;
        }
    }

    /// <summary>
    /// Reads, processes and stores uploaded files with the CLI's readers and pipeline (the reader chosen by the file's
    /// extension, else by its first bytes), then brings copy links up to date, as <c>claimtrace ingest</c> does. One
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
                    new CopyLinkRunner(store).Run();
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
        lock (linkGate)
            linked = null;
    }

    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        lock (linkGate)
            watcher.Dispose();
        while (idle.TryTake(out var store))
            store.Dispose();
    }

    private long DataVersion()
    {
        using var command = watcher.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)command.ExecuteScalar()!;
    }
}
