using System.Text;

namespace ClaimTrace.Tests;

/// <summary>Speakers of the seeds' gold statements (../shared/corpus/seeds/expected.json), matched by line.</summary>
public sealed class SeedStatementTests(ITestOutputHelper output)
{
    internal static (string Text, IReadOnlyList<Statement> Statements) Analyse(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var page = PageAssembler.Assemble(path, PageFormat.Text, "utf-8", new PlainTextSegmenter().Segment(path, text, PageMetadata.Empty));
        var sentences = new SentenceSplitter().Split(page);
        var quotes = QuoteFinder.Find(page.Text, sentences);
        return (page.Text, new AttributionExtractor().Extract(page.Text, sentences, quotes, page.Metadata));
    }

    [Fact]
    public void The_speaker_is_right_for_at_least_90_percent_of_the_gold_statements()
    {
        var folder = Corpus.Require("seeds");
        var gold = StatementScorer.LoadGold(Path.Combine(folder, "expected.json"));
        var report = StatementScorer.Score(gold, file => Analyse(Path.Combine(folder, file)));
        foreach (var m in report.Matches)
            output.WriteLine($"{(m.SpeakerRight ? "ok " : "BAD")} {m.Gold.File} line {m.Gold.Line}: gold '{m.Gold.Speaker}', found [{string.Join(", ", m.FoundSpeakers)}]");
        output.WriteLine($"speaker right {report.SpeakerRight}/{report.Total} = {report.SpeakerAccuracy:F3}");
        Assert.True(report.SpeakerAccuracy >= 0.90, $"speaker accuracy {report.SpeakerAccuracy:F3}");
    }
}
