using System.Text.Json;

namespace ClaimTrace.Tests.Analysis.Quantities;

/// <summary>
/// The quantities of the seeds' and samples' gold, found with the right value and unit on the right line.
/// Sentences here are one per line, with the gold's comment segments marked, so this measures the extractor
/// alone. Precision counts what the extractor finds outside comments on the lines that carry gold quantities
/// (the gold lists the quantities of statements, not every number on the page).
/// </summary>
public sealed class SeedQuantityGoldTests
{
    [Fact]
    public void Every_seed_quantity_is_found_with_its_value_and_unit()
    {
        var (matched, extra, missed) = Score(Corpus.Require("seeds"));
        var recall = (double)matched / (matched + missed);
        var precision = (double)matched / (matched + extra);
        Assert.True(recall >= 0.95, $"recall {recall:F3} ({matched} found, {missed} missed)");
        Assert.True(precision >= 0.90, $"precision {precision:F3} ({matched} right, {extra} extra)");
    }

    [Fact]
    public void The_sample_corpus_quantities_are_found_with_their_value_and_unit()
    {
        var (matched, extra, missed) = Score(Path.Combine(Corpus.RepositoryRoot, "samples"));
        var recall = (double)matched / (matched + missed);
        var precision = (double)matched / (matched + extra);
        Assert.True(recall >= 0.95, $"recall {recall:F3} ({matched} found, {missed} missed)");
        Assert.True(precision >= 0.80, $"precision {precision:F3} ({matched} right, {extra} extra)");
    }

    [Fact]
    public void Reader_comment_figures_are_marked_as_comment_content()
    {
        var folder = Corpus.Require("seeds");
        var text = File.ReadAllText(Path.Combine(folder, "000_27668ad44a34eadc.txt"));
        var found = new QuantityExtractor().Extract(text, LineSentences(text, CommentLines(folder, "000_27668ad44a34eadc.txt")), PageMetadata.Empty);
        var kurds = Assert.Single(found, q => q.Value == 35_000_000);
        Assert.True(kurds.InComments);
        Assert.Null(kurds.Statement);
    }

    private static (int Matched, int Extra, int Missed) Score(string folder)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
        var extractor = new QuantityExtractor();
        int matched = 0, extra = 0, missed = 0;
        foreach (var document in gold.RootElement.GetProperty("documents").EnumerateArray())
        {
            var file = document.GetProperty("file").GetString()!;
            if (!file.EndsWith(".txt", StringComparison.Ordinal))
                continue; // HTML pages need the reader's rendered text; their lines are the pipeline's to score
            var text = File.ReadAllText(Path.Combine(folder, file));
            var found = extractor.Extract(text, LineSentences(text, CommentLines(document)), PageMetadata.Empty);
            var expected = new List<(int Line, double Value, string Unit)>();
            foreach (var statement in document.GetProperty("statements").EnumerateArray())
            {
                if (!statement.TryGetProperty("quantities", out var quantities))
                    continue;
                foreach (var q in quantities.EnumerateArray())
                    expected.Add((statement.GetProperty("line").GetInt32(), q.GetProperty("value").GetDouble(), q.GetProperty("unit").GetString()!));
            }

            var goldLines = expected.Select(e => e.Line).ToHashSet();
            var used = new bool[expected.Count];
            foreach (var q in found.Where(q => !q.InComments))
            {
                var line = LineOf(text, q.Start);
                var at = Enumerable.Range(0, expected.Count).FirstOrDefault(i => !used[i] && expected[i].Line == line && SameValueAndUnit(expected[i], q), -1);
                if (at >= 0)
                {
                    used[at] = true;
                    matched++;
                }
                else if (goldLines.Contains(line))
                {
                    extra++;
                }
            }

            missed += used.Count(u => !u);
        }

        return (matched, extra, missed);
    }

    /// <summary>The gold writes money as its code or word ("crowns", "EUR") and "a third" as 33 percent.</summary>
    private static bool SameValueAndUnit((int Line, double Value, string Unit) gold, Quantity q) =>
        (Math.Abs(gold.Value - q.Value) < 0.01 && (gold.Unit == q.Unit || "money:" + gold.Unit == q.Unit))
        || (gold.Unit == "percent" && q.Unit == "fraction" && Math.Abs(gold.Value - (q.Value * 100)) < 1);

    private static HashSet<int> CommentLines(string folder, string file)
    {
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
        return CommentLines(gold.RootElement.GetProperty("documents").EnumerateArray().First(d => d.GetProperty("file").GetString() == file));
    }

    private static HashSet<int> CommentLines(JsonElement document)
    {
        var lines = new HashSet<int>();
        foreach (var segment in document.GetProperty("segments").EnumerateArray())
        {
            if (segment.GetProperty("kind").GetString() != "comments")
                continue;
            for (var line = segment.GetProperty("first_line").GetInt32(); line <= segment.GetProperty("last_line").GetInt32(); line++)
                lines.Add(line);
        }

        return lines;
    }

    private static List<Sentence> LineSentences(string text, HashSet<int> commentLines)
    {
        var sentences = new List<Sentence>();
        var offset = 0;
        var line = 1;
        foreach (var raw in text.Split('\n'))
        {
            var length = raw.TrimEnd('\r').Length;
            if (length > 0)
            {
                var inComments = commentLines.Contains(line);
                sentences.Add(new Sentence(sentences.Count, offset, offset + length, line - 1, inComments ? SegmentKind.Comments : SegmentKind.Article, inComments));
            }

            offset += raw.Length + 1;
            line++;
        }

        return sentences;
    }

    private static int LineOf(string text, int offset) => text.AsSpan(0, offset).Count('\n') + 1;
}
