using System.Text;

namespace ClaimTrace.Tests;

/// <summary>The seeds' gold (../shared/corpus/seeds/expected.json), checked line by line.</summary>
public sealed class SeedSegmentationTests(ITestOutputHelper output)
{
    private static SegmentationReport Run()
    {
        var folder = Corpus.Require("seeds");
        var gold = GoldFile.Load(Path.Combine(folder, "expected.json"));
        var segmenter = new PlainTextSegmenter();
        return SegmentationScorer.Score(gold, file =>
        {
            var path = Path.Combine(folder, file);
            var text = File.ReadAllText(path, Encoding.UTF8);
            return PageAssembler.Assemble(path, PageFormat.Text, "utf-8", segmenter.Segment(path, text, PageMetadata.Empty));
        });
    }

    [Fact]
    public void Article_and_comment_lines_match_the_gold_at_f1_of_at_least_0_98()
    {
        var report = Run();
        foreach (var doc in report.Documents)
        {
            output.WriteLine($"{doc.File}: " + string.Join("  ", doc.Kinds.Select(k => $"{k.Key} P={k.Value.Precision:F2} R={k.Value.Recall:F2}")));
        }

        Assert.True(report.Totals[SegmentKind.Article].F1 >= 0.98, $"article F1 {report.Totals[SegmentKind.Article].F1:F3}");
        Assert.True(report.Totals[SegmentKind.Comments].F1 >= 0.98, $"comments F1 {report.Totals[SegmentKind.Comments].F1:F3}");
    }

    [Fact]
    public void Every_title_outlet_author_date_and_original_source_in_the_gold_is_found()
    {
        var report = Run();
        var wrong = report.Documents.SelectMany(d => d.Fields.Where(f => !f.Correct).Select(f => $"{d.File} {f.Field}: expected '{f.Expected}', found '{f.Found}'")).ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void Seed_004_has_nine_comments_with_the_right_authors_and_both_replies()
    {
        var thread = Run().Documents.Single(d => d.Thread is not null).Thread!;
        Assert.Equal(thread.ExpectedAuthors, thread.FoundAuthors);
        Assert.Equal(thread.RepliesExpected, thread.RepliesFound);
        Assert.Equal(thread.SpamExpected, thread.SpamFound);
    }

    /// <remarks>
    /// Seed 004's gold says comments_min 10 but lists nine commenters in order, and the issue asks for
    /// exactly those nine; where a thread lists its authors, that list is the stricter check above.
    /// </remarks>
    [Fact]
    public void Each_seed_has_at_least_as_many_comments_as_the_gold_requires()
    {
        foreach (var doc in Run().Documents.Where(d => d.CommentsMin is > 0 && d.Thread is null))
            Assert.True(doc.CommentsFound >= doc.CommentsMin, $"{doc.File}: {doc.CommentsFound} comments, gold wants at least {doc.CommentsMin}");
    }
}
