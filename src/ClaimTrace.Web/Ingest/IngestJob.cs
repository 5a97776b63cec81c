namespace ClaimTrace.Web;

/// <summary>
/// One upload being stored, run in the background so a page can poll its progress (<c>GET /api/ingest/{id}</c>).
/// Counters are updated by the ingest's thread and read by requests: <see cref="Status"/> takes a consistent copy.
/// </summary>
public sealed class IngestJob
{
    private readonly Lock gate = new();
    private readonly List<StoredItem> stored = [];
    private readonly List<UploadError> errors = [];
    private readonly IReadOnlyList<UploadedFile> files;
    private IngestState state = IngestState.Running;
    private int processed;
    private long bytesRead;
    private IngestSummary? summary;

    public IngestJob(string id, IReadOnlyList<UploadedFile> files)
    {
        Id = id;
        this.files = files;
    }

    public string Id { get; }

    /// <summary>Completes when the job is done, whether it succeeded or not.</summary>
    public Task Completion { get; internal set; } = Task.CompletedTask;

    public UploadStatus Status()
    {
        lock (gate)
        {
            var total = files.Sum(f => f.Bytes);
            // Containers count decoded characters, which can exceed the file's bytes; a finished job has read everything.
            var read = state == IngestState.Running ? Math.Min(bytesRead, total) : total;
            return new UploadStatus(
                Id, state, [.. files.Select(f => new UploadedItem(f.Name, f.Bytes))], total, read,
                processed, summary?.Added ?? stored.Count(s => s.Status == ClaimTrace.IngestStatus.Added), summary?.NewVersions ?? 0, summary?.Unchanged ?? 0,
                errors.Count, [.. stored], [.. errors]);
        }
    }

    internal void Report(IngestProgress progress)
    {
        lock (gate)
        {
            processed = progress.Processed;
            bytesRead = progress.InputBytes;
            foreach (var outcome in progress.Stored ?? [])
            {
                if (outcome.Status != ClaimTrace.IngestStatus.Rejected)
                    stored.Add(new StoredItem(outcome.Id, FileOf(outcome.Source), outcome.Source, outcome.Status, outcome.Version));
            }

            foreach (var failure in progress.NewFailures)
                errors.Add(new UploadError(FileOf(failure.Source), failure.Location, failure.Kind, failure.Reason));
        }
    }

    internal void Finish(IngestSummary? done, string? failure)
    {
        lock (gate)
        {
            summary = done;
            if (failure is not null)
                errors.Add(new UploadError("", null, FailureKind.Io, failure));
            state = failure is null ? IngestState.Done : IngestState.Failed;
        }
    }

    /// <summary>The uploaded file a source came from: "upload://feed.csv#row 3" is feed.csv.</summary>
    private static string FileOf(string source)
    {
        var name = source.StartsWith(WebCorpus.UploadSource, StringComparison.Ordinal) ? source[WebCorpus.UploadSource.Length..] : source;
        var hash = name.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? name : name[..hash];
    }
}

public enum IngestState
{
    Running,
    Done,

    /// <summary>The job stopped before the end (the database failed); pages of batches stored before that stay stored.</summary>
    Failed,
}

/// <summary>
/// Where an upload stands: its files, how far processing is (<see cref="BytesRead"/> of <see cref="BytesTotal"/>),
/// the pages stored (<see cref="Stored"/>, each with its document id) and each file or record that was rejected,
/// with the file name, the place in it and the reason.
/// </summary>
public sealed record UploadStatus(
    string Id,
    IngestState State,
    IReadOnlyList<UploadedItem> Files,
    long BytesTotal,
    long BytesRead,
    int Processed,
    int Added,
    int NewVersions,
    int Unchanged,
    int Failed,
    IReadOnlyList<StoredItem> Stored,
    IReadOnlyList<UploadError> Errors);

public sealed record UploadedItem(string Name, long Bytes);

/// <summary>A page stored from an upload: its document id (for <c>/api/documents/{id}</c>), file, source and what the store did.</summary>
public sealed record StoredItem(string Id, string File, string Source, ClaimTrace.IngestStatus Status, int Version);

/// <summary>A rejected file or record: the file, the place in it (a record number, a line), the kind of failure and why.</summary>
public sealed record UploadError(string File, string? Location, FailureKind Kind, string Reason);
