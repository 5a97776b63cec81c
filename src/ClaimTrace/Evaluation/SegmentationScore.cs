namespace ClaimTrace;

/// <summary>
/// Scores segmentation against a gold file, line by line: for each kind, the set of non-blank lines
/// the gold puts in a segment of that kind against the lines the product puts there (nested segments
/// count for their own kind and for the segment around them, as in the gold). Metadata fields are
/// checked where the gold gives them; comment threads by author order and reply links.
/// </summary>
public sealed class SegmentationScorer
{
    private static readonly SegmentKind[] ScoredKinds = [SegmentKind.Article, SegmentKind.Comments, SegmentKind.Boilerplate, SegmentKind.Title];

    public static SegmentationReport Score(GoldFile gold, Func<string, Page> segment)
    {
        var documents = new List<DocumentScore>();
        var totals = ScoredKinds.ToDictionary(k => k, _ => new LineCounts());
        foreach (var doc in gold.Documents)
        {
            var page = segment(doc.File);
            var lines = page.Text.Split('\n');
            bool Blank(int n) => n < 1 || n > lines.Length || string.IsNullOrWhiteSpace(lines[n - 1]);

            var kindScores = new Dictionary<SegmentKind, LineCounts>();
            foreach (var kind in ScoredKinds)
            {
                var expected = LinesOf(doc.Segments.Where(s => s.Kind == kind.ToWire()).Select(s => (s.FirstLine, s.LastLine)), Blank);
                var actual = LinesOf(page.Segments.Where(s => s.Kind == kind).Select(s => (s.FirstLine, s.LastLine)), Blank);
                var counts = new LineCounts
                {
                    TruePositives = expected.Intersect(actual).Count(),
                    Expected = expected.Count,
                    Found = actual.Count,
                };
                kindScores[kind] = counts;
                totals[kind].Add(counts);
            }

            var fields = new List<FieldCheck>();
            void Check(string name, string? want, MetaValue? got)
            {
                if (want is not null)
                    fields.Add(new FieldCheck(name, want, got?.Value, SameValue(want, got?.Value)));
            }

            Check("title", doc.Title, page.Metadata.Title);
            Check("outlet", doc.Outlet, page.Metadata.Outlet);
            Check("author", doc.Author, page.Metadata.Author);
            Check("published", doc.Published, page.Metadata.Published);
            Check("page_date", doc.PageDate, page.Metadata.PageDate);
            Check("original_source", doc.OriginalSource, page.Metadata.OriginalSource);
            // A field the gold leaves null must stay empty: a guessed outlet is worse than none.
            if (doc.Outlet is null && page.Metadata.Outlet is { } extraOutlet)
                fields.Add(new FieldCheck("outlet", null, extraOutlet.Value, false));
            if (doc.Published is null && page.Metadata.Published is { } extraDate && !extraDate.FromContainer)
                fields.Add(new FieldCheck("published", null, extraDate.Value, false));

            documents.Add(new DocumentScore(doc.File, kindScores, fields, ThreadCheck(doc, page), page.Comments.Count, doc.CommentsMin));
        }

        return new SegmentationReport(documents, totals);
    }

    private static ThreadScore? ThreadCheck(GoldDocument doc, Page page)
    {
        if (doc.CommentThreads is not { } threads)
            return null;
        var authors = page.Comments.Select(c => c.Author ?? "").ToList();
        var authorsMatch = authors.SequenceEqual(threads.AuthorsInOrder);
        var repliesFound = threads.Replies.Count(r =>
        {
            var comment = page.Comments.FirstOrDefault(c => c.FirstLine == r.Line);
            return comment?.ReplyTo is { } parent && page.Comments[parent].FirstLine == r.ReplyToLine;
        });
        var spamFound = threads.Spam.Count(s => page.Comments.Any(c => c.FirstLine == s.Line && c.LikelySpam));
        return new ThreadScore(threads.AuthorsInOrder, authors, authorsMatch, threads.Replies.Count, repliesFound, threads.Spam.Count, spamFound);
    }

    private static HashSet<int> LinesOf(IEnumerable<(int First, int Last)> spans, Func<int, bool> blank)
    {
        var set = new HashSet<int>();
        foreach (var (first, last) in spans)
        {
            for (var n = first; n <= last; n++)
            {
                if (!blank(n))
                    set.Add(n);
            }
        }

        return set;
    }

    private static bool SameValue(string want, string? got) =>
        got is not null && string.Equals(Normalise(want), Normalise(got), StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string value) =>
        string.Join(' ', value.Replace('’', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

public sealed class LineCounts
{
    public int TruePositives { get; set; }
    public int Expected { get; set; }
    public int Found { get; set; }

    public double Precision => Found == 0 ? (Expected == 0 ? 1 : 0) : (double)TruePositives / Found;
    public double Recall => Expected == 0 ? (Found == 0 ? 1 : 0) : (double)TruePositives / Expected;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void Add(LineCounts other)
    {
        TruePositives += other.TruePositives;
        Expected += other.Expected;
        Found += other.Found;
    }
}

public sealed record FieldCheck(string Field, string? Expected, string? Found, bool Correct);

public sealed record ThreadScore(
    IReadOnlyList<string> ExpectedAuthors,
    IReadOnlyList<string> FoundAuthors,
    bool AuthorsMatch,
    int RepliesExpected,
    int RepliesFound,
    int SpamExpected,
    int SpamFound);

public sealed record DocumentScore(
    string File,
    IReadOnlyDictionary<SegmentKind, LineCounts> Kinds,
    IReadOnlyList<FieldCheck> Fields,
    ThreadScore? Thread,
    int CommentsFound,
    int? CommentsMin);

public sealed record SegmentationReport(IReadOnlyList<DocumentScore> Documents, IReadOnlyDictionary<SegmentKind, LineCounts> Totals);
