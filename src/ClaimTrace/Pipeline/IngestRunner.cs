namespace ClaimTrace;

/// <summary>
/// Reads, processes and stores pages in batches. Each batch is one store transaction, so a killed run
/// leaves whole batches behind and simply running it again completes the job (pages already stored
/// come back <see cref="IngestStatus.Unchanged"/>). Pages of a batch are processed in parallel but
/// stored in input order, so ids, versions and listings do not depend on thread timing.
/// </summary>
public sealed class IngestRunner(PageProcessor processor, IPageStore store, IngestOptions? options = null)
{
    private readonly IngestOptions _options = (options ?? new IngestOptions()).Validate();

    public IngestSummary Run(IEnumerable<ReadResult> inputs, IProgress<IngestProgress>? progress = null, CancellationToken cancel = default)
    {
        var summary = new IngestSummary();
        var inputBytes = 0L;
        foreach (var batch in inputs.Chunk(_options.BatchSize))
        {
            cancel.ThrowIfCancellationRequested();
            var outcomes = batch
                .AsParallel()
                .AsOrdered()
                .WithDegreeOfParallelism(_options.Parallelism)
                .Select(r => r.Page is { } raw ? processor.Process(raw) : PageOutcome.Fail(r.Failure!))
                .ToList();

            var pages = outcomes.Where(o => o.Page is not null).Select(o => o.Page!).ToList();
            var failures = outcomes.Where(o => o.Failure is not null).Select(o => o.Failure!).ToList();
            var stored = store.SaveBatch(pages, failures);
            var newFailures = summary.Add(stored, failures, pages.Sum(p => (long)p.Text.Length));
            inputBytes += batch.Sum(r => r.Page is { } raw ? raw.Bytes?.LongLength ?? (raw.Text?.Length ?? 0) : 0);
            progress?.Report(new IngestProgress(summary.Processed, summary.Failed, inputBytes, newFailures, stored));
        }

        return summary;
    }
}

public sealed record IngestOptions
{
    /// <summary>Pages per transaction: large enough to amortise the commit, small enough to lose little when killed.</summary>
    public int BatchSize { get; init; } = 200;

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public IngestOptions Validate()
    {
        if (BatchSize is < 1 or > 100_000)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "must be between 1 and 100000");
        if (Parallelism is < 1 or > 512)
            throw new ArgumentOutOfRangeException(nameof(Parallelism), Parallelism, "must be between 1 and 512");
        return this;
    }
}

/// <param name="InputBytes">bytes (or characters, for text a container decoded) of the inputs processed so far</param>
/// <param name="Stored">what the store did with each page of the batch just stored (null from callers that do not say)</param>
public sealed record IngestProgress(int Processed, int Failed, long InputBytes, IReadOnlyList<ReadFailure> NewFailures, IReadOnlyList<IngestOutcome>? Stored = null);

/// <summary>What an ingest did: pages by outcome, and skipped inputs counted by cause.</summary>
public sealed class IngestSummary
{
    private readonly Dictionary<FailureKind, int> _failuresByKind = [];
    private readonly List<ReadFailure> _failures = [];

    public int Added { get; private set; }
    public int NewVersions { get; private set; }
    public int Unchanged { get; private set; }
    public long Characters { get; private set; }
    public int Failed => _failures.Count;
    public int Processed => Added + NewVersions + Unchanged + Failed;
    public IReadOnlyDictionary<FailureKind, int> FailuresByKind => _failuresByKind;
    public IReadOnlyList<ReadFailure> Failures => _failures;

    /// <returns>the batch's failures: the readers' and processors', then the pages the store refused</returns>
    internal List<ReadFailure> Add(IReadOnlyList<IngestOutcome> stored, IReadOnlyList<ReadFailure> failures, long characters)
    {
        var all = new List<ReadFailure>(failures);
        foreach (var outcome in stored)
        {
            switch (outcome.Status)
            {
                case IngestStatus.Added: Added++; break;
                case IngestStatus.NewVersion: NewVersions++; break;
                case IngestStatus.Unchanged: Unchanged++; break;
                default:
                    // The store recorded the detailed reason with the failure; the summary names the page.
                    all.Add(new ReadFailure(outcome.Source, null, FailureKind.Malformed, "rejected by the page store (details: claimtrace docs --failed)"));
                    break;
            }
        }

        foreach (var failure in all)
        {
            _failures.Add(failure);
            _failuresByKind[failure.Kind] = _failuresByKind.GetValueOrDefault(failure.Kind) + 1;
        }

        Characters += characters;
        return all;
    }
}
