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
    private readonly Lock linkGate = new();
    private readonly SqliteConnection watcher;
    private LinkedCorpus? linked;

    // The linked corpus reads the pages it shows from the store it was loaded from (StoreLinking keeps claims in the
    // database and pages are read when first asked for), so that store is its own, never returned to the pool.
    // The one before is kept open too: a request that took the previous corpus may still be reading its pages.
    private SqlitePageStore? linkStore;
    private SqlitePageStore? retiredLinkStore;
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
                var store = SqlitePageStore.Open(Database, time);
                try
                {
                    linked = StoreLinking.Link(store);
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
            }

            return linked;
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
        {
            watcher.Dispose();
            linkStore?.Dispose();
            retiredLinkStore?.Dispose();
        }

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
