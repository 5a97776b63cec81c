using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ClaimTrace.Web;

/// <summary>
/// The uploads of this server process, stored in the background one at a time (<see cref="WebCorpus.Ingest"/>), and
/// the last <see cref="Kept"/> of them remembered so their outcome can still be asked for after they finish.
/// </summary>
public sealed partial class IngestJobs(WebCorpus corpus, ILogger<IngestJobs> log)
{
    private const int Kept = 100;

    private readonly ConcurrentDictionary<string, IngestJob> jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();

    /// <summary>Starts storing <paramref name="files"/>; <paramref name="folder"/> (their temporary home) is deleted when done.</summary>
    public IngestJob Start(IReadOnlyList<UploadedFile> files, string folder)
    {
        var job = new IngestJob(Guid.NewGuid().ToString("N"), files);
        jobs[job.Id] = job;
        order.Enqueue(job.Id);
        while (order.Count > Kept && order.TryPeek(out var oldest) && jobs.TryGetValue(oldest, out var old) && old.Completion.IsCompleted && order.TryDequeue(out _))
            jobs.TryRemove(oldest, out _);
        job.Completion = Task.Run(() => Run(job, files, folder));
        return job;
    }

    public IngestJob? Find(string id) => jobs.GetValueOrDefault(id);

    private void Run(IngestJob job, IReadOnlyList<UploadedFile> files, string folder)
    {
        try
        {
            job.Finish(corpus.Ingest(files, new Reporter(job)), null);
        }
        catch (StoreException e)
        {
            job.Finish(null, e.Message);
        }
#pragma warning disable CA1031 // A background job has nobody to throw to: the failure is logged and shown as the job's outcome.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailure(log, e, job.Id);
            job.Finish(null, "the upload could not be stored because of an internal error (see the server's log)");
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException e)
            {
                LogCleanup(log, e, folder);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest job {Job} failed")]
    private static partial void LogFailure(ILogger logger, Exception error, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the upload folder {Folder}")]
    private static partial void LogCleanup(ILogger logger, Exception error, string folder);

    /// <summary>Reports on the ingest's thread, in order: Progress&lt;T&gt; would post to the thread pool and reorder them.</summary>
    private sealed class Reporter(IngestJob job) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => job.Report(value);
    }
}
