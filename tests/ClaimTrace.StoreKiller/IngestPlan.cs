namespace ClaimTrace.StoreKiller;

/// <summary>
/// A fixed ingest: batches of new pages, new versions of earlier pages, pages that flip back to older
/// content and exact repeats, plus one read failure per batch. The crash test replays it in-process to
/// know the counts after every batch, and runs it in a child process to kill.
/// </summary>
public static class IngestPlan
{
    public const int Batches = 12;
    public const int PagesPerBatch = 150;

    public static IReadOnlyList<Page> Pages(int batch)
    {
        var pages = new List<Page>(PagesPerBatch);
        for (var i = 0; i < PagesPerBatch; i++)
        {
            var n = (batch * PagesPerBatch) + i;
            pages.Add(i switch
            {
                // Every tenth slot brings batch 0's page of that slot in a new edition: a new version...
                _ when i % 10 == 0 && batch > 0 => Build(i, edition: batch),
                // ...every thirtieth-plus-five flips one of those back to an older edition (unchanged, by the store's rule)...
                _ when i % 30 == 5 && batch > 1 => Build(i - 5, edition: batch - 2),
                // ...and every twentieth repeats the page just before it exactly (unchanged).
                _ when i % 20 == 19 => Build(n - 1, edition: 0),
                _ => Build(n, edition: 0),
            });
        }

        return pages;
    }

    public static IReadOnlyList<ReadFailure> Failures(int batch) =>
        [new ReadFailure($"plan/batch-{batch}.warc.gz", $"record {batch}", FailureKind.Truncated, "gzip member ends early")];

    private static Page Build(int n, int edition)
    {
        var title = $"Report {n}";
        var body = string.Join(' ', Enumerable.Range(0, 120).Select(w => $"w{(n * 17 + w) % 389}")) + $" edition {edition}.";
        var comment = $"reader{n % 11}: comment on {n}";
        var text = $"{title}\n{body}\n{comment}";
        var commentStart = text.Length - comment.Length;
        var key = $"https://plan.example/{n % 7}/{n}";
        return new Page
        {
            Source = $"plan/batch.jsonl#line={n}",
            Key = key,
            ContentHash = PageIds.Sha256Hex(text),
            Format = PageFormat.Text,
            Text = text,
            Encoding = "utf-8",
            Metadata = new PageMetadata { Url = new MetaValue(key, "container:jsonl"), Title = new MetaValue(title, "text:title", 0, title.Length) },
            Segments =
            [
                new Segment(SegmentKind.Title, 0, title.Length, 1, 1),
                new Segment(SegmentKind.Article, title.Length + 1, commentStart - 1, 2, 2),
                new Segment(SegmentKind.Comments, commentStart, text.Length, 3, 3),
            ],
            Comments = [new Comment(0, commentStart, text.Length, 3, 3, $"reader{n % 11}", 0, null, false)],
        };
    }
}
