using System.Text.Json.Nodes;

namespace ClaimTrace.Tests;

/// <summary>
/// The seeds' extraction output, pinned as golden files (tests/ClaimTrace.Tests/Golden/seeds). A change in
/// segmentation or metadata shows up as a diff to review. To accept a deliberate change, run the tests
/// with CLAIMTRACE_UPDATE_GOLDEN=1 and commit the rewritten files.
/// </summary>
public sealed class SeedGoldenTests
{
    public static TheoryData<string> Seeds => new(
        "000_27668ad44a34eadc.txt",
        "001_0a3e18b7f2415bf5.txt",
        "002_dbfbad72b89a1c39.txt",
        "003_1f3997cdf90640bb.txt",
        "004_837fc6c0ee627cf6.txt");

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_extraction_json_of_each_seed_matches_its_golden_file(string file)
    {
        var path = Path.Combine(Corpus.Require("seeds"), file);
        var result = Pipelines.CreateWalker(ReadingOptions.Default, () => Stream.Null).Read([path], null).Single();
        var outcome = Pipelines.CreateProcessor().Process(result.Page!);
        var json = JsonNode.Parse(ExtractionJson.ToJson(outcome.Page!))!.AsObject();
        // The machine's path is not part of what is pinned.
        json["source"] = file;
        json["key"] = file;
        json["id"] = null;
        var actual = json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

        var golden = Path.Combine(Corpus.RepositoryRoot, "tests", "ClaimTrace.Tests", "Golden", "seeds", Path.ChangeExtension(file, ".json"));
        if (Environment.GetEnvironmentVariable("CLAIMTRACE_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, actual);
            return;
        }

        Assert.True(File.Exists(golden), $"{golden} is missing; run the tests with CLAIMTRACE_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(golden), actual);
    }
}
