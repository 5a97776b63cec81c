namespace ClaimTrace.Tests;

/// <summary>PolNeAR (../shared/corpus/polnear): the issue's floors on dev, overlap match; figures printed for the README.</summary>
public sealed class PolnearEvaluationTests(ITestOutputHelper output)
{
    /// <remarks>
    /// The issue's floors are cue F1 0.70 and source and content F1 0.60 (overlap). All three reach them (cue F1
    /// on dev is 0.7002 at the time of writing, just at the floor); this test pins the issue's cue floor and today's
    /// other figures (rounded down) as regression floors, overlap and exact. Developed on train only.
    /// </remarks>
    [Fact]
    public void On_dev_the_overlap_and_exact_f1_of_source_cue_and_content_stay_at_least_at_todays_figures()
    {
        var dev = Corpus.Require("polnear", "data", "dev");
        var report = PolnearEvaluation.Run(dev);
        output.WriteLine(report.ToTable());
        Assert.True(report.Overlap["cue"].F1 >= 0.70, $"cue F1 {report.Overlap["cue"].F1:F3}");
        Assert.True(report.Overlap["source"].F1 >= 0.69, $"source F1 {report.Overlap["source"].F1:F3}");
        Assert.True(report.Overlap["content"].F1 >= 0.705, $"content F1 {report.Overlap["content"].F1:F3}");
        Assert.True(report.Exact["cue"].F1 >= 0.635, $"exact cue F1 {report.Exact["cue"].F1:F3}");
        Assert.True(report.Exact["source"].F1 >= 0.565, $"exact source F1 {report.Exact["source"].F1:F3}");
        Assert.True(report.Exact["content"].F1 >= 0.40, $"exact content F1 {report.Exact["content"].F1:F3}");
    }

    [Fact]
    public void The_miss_report_groups_missed_spurious_and_wrongly_sourced_cues_and_lists_precision_by_lemma()
    {
        var train = Corpus.Require("polnear", "data", "train");
        var report = PolnearDiagnostics.Misses(train, groups: 5, examples: 1, limit: 20);
        Assert.Contains("== MISSED gold cues", report, StringComparison.Ordinal);
        Assert.Contains("== SPURIOUS found cues", report, StringComparison.Ordinal);
        Assert.Contains("== WRONG SOURCE", report, StringComparison.Ordinal);
        Assert.Contains("== PRECISION by cue lemma", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Brat_offsets_in_code_points_are_mapped_to_utf16_after_a_character_outside_the_bmp()
    {
        const string text = "😀 Kim said that it rained.";
        var map = PolnearEvaluation.CodePointMap(text);
        var spans = PolnearEvaluation.ReadAnn(["T1\tSource 2 5\tKim", "T2\tCue 6 10\tsaid", "T3\tContent 11 26\tthat it rained.", "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1"], map, text.Length);
        Assert.Equal("Kim", spans.Single(s => s.Role == "source").Span.Of(text));
        Assert.Equal("said", spans.Single(s => s.Role == "cue").Span.Of(text));
    }
}
