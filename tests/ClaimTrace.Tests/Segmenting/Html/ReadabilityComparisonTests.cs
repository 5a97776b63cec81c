namespace ClaimTrace.Tests.Segmenting.Html;

/// <summary>
/// Runs alone: segmenting 130 pages keeps a core busy for seconds, and other tests' regex timeouts
/// (the plain-text cue tables allow one second a match) must not trip because of it.
/// </summary>
[CollectionDefinition(nameof(ReadabilityComparisonTests), DisableParallelization = true)]
#pragma warning disable CA1711 // xunit's collection definition names the test class it isolates.
public sealed class ReadabilityComparisonCollection;
#pragma warning restore CA1711

[Collection(nameof(ReadabilityComparisonTests))]
public sealed class ReadabilityComparisonTests
{
    [Fact]
    public void Shingles_are_lowercased_word_four_grams_compared_as_sets()
    {
        var shingles = ReadabilityComparison.Shingles("The cat, the CAT sat. The cat the cat sat!");

        Assert.Contains("the cat the cat", shingles);
        Assert.Contains("cat sat the cat", shingles);
        Assert.Equal(5, shingles.Count);
    }

    [Fact]
    public void Overlap_is_precision_and_recall_of_shared_shingles()
    {
        var (precision, recall, f1) = ReadabilityComparison.Overlap("one two three four five", "two three four five six seven");

        Assert.Equal(1.0 / 2, precision, 6);
        Assert.Equal(1.0 / 3, recall, 6);
        Assert.Equal(0.4, f1, 6);
    }

    [Fact]
    public void Titles_match_when_one_adds_only_a_site_name()
    {
        Assert.True(ReadabilityComparison.SameTitle("Get your Frontend JavaScript Code Covered", "Get your Frontend JavaScript Code Covered | Code"));
        Assert.False(ReadabilityComparison.SameTitle("Code", "Get your Frontend JavaScript Code Covered | Code"));
        Assert.True(ReadabilityComparison.SameDate("2018-04-05T06:00:00+00:00", "2018-04-05T06:00"));
        Assert.True(ReadabilityComparison.SameName("By Jeffrey Gettleman", "Jeffrey Gettleman"));
    }

    [Fact]
    public void Readability_pages_reach_a_mean_F1_of_at_least_0_90()
    {
        var folder = Corpus.Require("readability-pages");

        var segmenter = new HtmlSegmenter();
        var report = ReadabilityComparison.Run(folder, segmenter);

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine(report.Summary());
        // The first run pays for JIT and regex compilation; a second shows the steady throughput (printed, never asserted).
        output?.WriteLine("warm: " + ReadabilityComparison.Run(folder, segmenter).Summary().Split('\n')[2]);
        foreach (var worst in report.Cases.OrderBy(c => c.F1).Take(10))
            output?.WriteLine($"{worst.Name}: P {worst.Precision:F2} R {worst.Recall:F2} F1 {worst.F1:F2}");
        Assert.Equal(130, report.Cases.Count);
        Assert.Empty(report.Failures);
        Assert.True(report.MeanF1 >= 0.90, $"mean F1 {report.MeanF1:F3} is under 0.90");
    }
}
