using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClaimTrace.Tests.Web;

/// <summary>
/// docs/openapi.json is the API's contract under review: it must be what the app generates. Set UPDATE_OPENAPI=1 and
/// run this test to rewrite it after changing the API on purpose.
/// </summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task The_committed_OpenAPI_document_is_the_one_the_app_generates()
    {
        await using var web = await TestWeb.Start();
        var generated = Normalise(await web.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        var path = Path.Combine(Corpus.RepositoryRoot, "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(path, generated, TestContext.Current.CancellationToken);

        var committed = File.Exists(path) ? Normalise(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)) : "(missing)";
        Assert.True(committed == generated,
            "docs/openapi.json differs from the document the app generates at /openapi/v1.json. If the API changed on purpose, " +
            "regenerate it: UPDATE_OPENAPI=1 dotnet test tests/ClaimTrace.Tests --filter FullyQualifiedName~OpenApiDocumentTests, and commit the file.");
    }

    /// <summary>Indented the same way with a final newline, so the committed file diffs line by line in review.</summary>
    private static string Normalise(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
}
