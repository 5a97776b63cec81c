using System.Net.Http.Json;
using System.Text.Json;
using ClaimTrace.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace ClaimTrace.Tests.Web;

/// <summary>
/// The web app on the in-memory test server over a database of its own in a temporary folder (deleted on dispose),
/// built by <see cref="WebHost.Build(WebOptions, string[], Action{WebApplicationBuilder})"/> exactly as <c>claimtrace serve</c> builds it.
/// </summary>
internal sealed class TestWeb : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string folder;

    private TestWeb(WebApplication app, string folder)
    {
        this.app = app;
        this.folder = folder;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public string Database => Path.Combine(folder, "web.db");

    /// <summary>An app over a new database; <paramref name="seed"/> fills it before the app opens it.</summary>
    public static async Task<TestWeb> Start(Func<WebOptions, WebOptions>? configure = null, Action<string>? seed = null)
    {
        var folder = Directory.CreateTempSubdirectory("claimtrace-web-tests-").FullName;
        var options = new WebOptions(Path.Combine(folder, "web.db"));
        options = configure?.Invoke(options) ?? options;
        seed?.Invoke(options.Database);
        var app = WebHost.Build(options, null, builder => builder.WebHost.UseTestServer());
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestWeb(app, folder);
    }

    /// <summary>Stores the corpus's seed pages as <c>claimtrace ingest</c> does: pages, then copy links.</summary>
    public static void IngestSeeds(string database)
    {
        var seeds = Corpus.Require("seeds");
        using var store = PageStores.Open(database);
        var walker = Pipelines.CreateWalker(ReadingOptions.Default, () => Stream.Null);
        new IngestRunner(Pipelines.CreateProcessor(), store).Run(walker.Read([seeds], null));
        new CopyLinkRunner(store).Run();
    }

    public async Task<JsonElement> Json(string url)
    {
        using var response = await Client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    /// <summary>Asserts the answer is a problem document with <paramref name="status"/> and returns it.</summary>
    public static async Task<JsonElement> Problem(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        return problem;
    }

    public async Task<JsonElement> Problem(string url, int status)
    {
        using var response = await Client.GetAsync(url, TestContext.Current.CancellationToken);
        return await Problem(response, status);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary folder behind.
        }
    }
}

/// <summary>One app over the seeds, shared by the tests of a class that only read.</summary>
public sealed class SeededWeb : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private TestWeb? web;

    internal async Task<TestWeb> Get()
    {
        // Asked for in each test, so a missing corpus skips the test (or fails it in CI) rather than the fixture.
        Corpus.Require("seeds");
        await gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return web ??= await TestWeb.Start(seed: TestWeb.IngestSeeds);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (web is not null)
            await web.DisposeAsync();
        gate.Dispose();
    }
}
