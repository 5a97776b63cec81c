using System.Text.Json;
using Microsoft.Playwright;

namespace ClaimTrace.Web.E2E.Support;

/// <summary>
/// One running <c>claimtrace serve</c> for all the end-to-end tests: a temporary SQLite database filled by the real
/// CLI with the corpus seeds and one hostile page, the server on a free loopback port, and Debian's Chromium driven
/// by Playwright. When a prerequisite is missing nothing is started and <see cref="Unavailable"/> says why; each test
/// calls <see cref="RequireAsync"/>, which skips (or fails under CI=true).
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    /// <summary>The hostile page's title and text carry these; they must show as text and never run.</summary>
    public const string ScriptPayload = "<script>alert(1)</script>";

    public const string ImagePayload = "<img src=x onerror=alert(2)>";

    /// <summary>A word only the hostile page has, to find it by search.</summary>
    public const string XssWord = "Xsscanary";

    private static readonly TimeSpan IngestPatience = TimeSpan.FromMinutes(5);
    private ServerProcess? server;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private Dictionary<string, string> documents = [];

    public string? Unavailable { get; private set; }

    public string Workspace { get; } = Directory.CreateTempSubdirectory("claimtrace-e2e-").FullName;

    public string Database => Path.Combine(Workspace, "claimtrace.db");

    public Uri BaseAddress => server?.Address ?? throw new InvalidOperationException(Unavailable ?? "the server is not running");

    public IBrowser Browser => browser ?? throw new InvalidOperationException(Unavailable ?? "the browser is not running");

    /// <summary>What the server printed so far, for failure messages.</summary>
    public string ServerLog => server?.Log ?? "";

    public async ValueTask InitializeAsync()
    {
        Unavailable = Prerequisites.Missing();
        if (Unavailable is not null)
            return;

        var hostile = WriteHostilePage();
        var (code, output, error) = await CliProcess.RunAsync(IngestPatience, "--db", Database, "--quiet", "ingest", Prerequisites.SeedsFolder, hostile);
        // Exit code 1 means some inputs were skipped (the seeds folder holds its gold file, expected.json).
        if (code is not (0 or 1))
            throw new InvalidOperationException("claimtrace ingest failed: " + CliProcess.Describe(code, output, error));
        documents = await ListDocumentsAsync();

        server = await ServerProcess.StartAsync(Database, TestContext.Current.CancellationToken);
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Prerequisites.ChromiumPath, Headless = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
            await browser.DisposeAsync();
        playwright?.Dispose();
        if (server is not null)
            await server.DisposeAsync();
        try
        {
            Directory.Delete(Workspace, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the killed server: the temp folder is the system's to clean.
        }
    }

    /// <summary>Skips the test when the machine lacks a prerequisite (fails it under CI=true).</summary>
    public void Require()
    {
        if (Unavailable is not null)
            Prerequisites.SkipOrFail(Unavailable);
    }

    /// <summary>The id of the stored document whose key (file path or URL) ends with <paramref name="keyEnd"/>.</summary>
    public string DocumentId(string keyEnd)
    {
        var matches = documents.Where(d => d.Key.EndsWith(keyEnd, StringComparison.Ordinal)).Select(d => d.Value).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"{matches.Count} stored documents end with '{keyEnd}'; stored: {string.Join(", ", documents.Keys)}");
    }

    /// <summary>The seed whose file name starts with <paramref name="number"/> ("004").</summary>
    public string SeedId(string number) =>
        DocumentId(Path.GetFileName(Directory.GetFiles(Prerequisites.SeedsFolder, number + "_*.txt").Single()));

    public string XssDocumentId => DocumentId(HostileUrl);

    private const string HostileUrl = "https://hostile.example/xss-canary";

    /// <summary>
    /// The id of the claim <c>claimtrace dossier QUERY</c> names with this value and a side naming
    /// <paramref name="speaker"/>: the CLI and the web read the same store, so the ids agree.
    /// </summary>
    public async Task<string> ClaimIdAsync(string query, double value, string speaker)
    {
        var (code, output, error) = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "--db", Database, "dossier", query, "--format", "json");
        if (code != 0)
            throw new InvalidOperationException("claimtrace dossier failed: " + CliProcess.Describe(code, output, error));
        using var json = JsonDocument.Parse(output);
        var ids = json.RootElement.GetProperty("claims").EnumerateArray()
            .Where(c => c.GetProperty("value").GetDouble() == value
                        && c.GetProperty("side").GetProperty("name").GetString()!.Contains(speaker, StringComparison.OrdinalIgnoreCase))
            .Select(c => c.GetProperty("id").GetString()!)
            .ToList();
        return ids.Count == 1 ? ids[0] : throw new InvalidOperationException($"{ids.Count} claims of {speaker} at {value} for '{query}': {output}");
    }

    /// <summary>A fresh browser context (no shared cookies or cache) with one page on the app.</summary>
    /// <param name="javaScript">false to see the site as a browser without scripts does (forms post, pages answer)</param>
    public async Task<BrowserSession> OpenAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 900 },
            JavaScriptEnabled = javaScript,
        });
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>
    /// A page whose title and text carry markup that would run if it were not escaped. JSON Lines, because its
    /// fields reach the store verbatim (an HTML file would have its tags taken apart by the reader).
    /// </summary>
    private string WriteHostilePage()
    {
        var path = Path.Combine(Workspace, "hostile.jsonl");
        var record = new Dictionary<string, string>
        {
            ["url"] = HostileUrl,
            ["domain"] = "hostile.example",
            ["title"] = $"{ScriptPayload} Flood report {ImagePayload}",
            ["published"] = "2019-03-04",
            ["content"] =
                $"{ScriptPayload} The mayor of Marrowgate said on Monday that 42 homes were flooded. {ImagePayload} " +
                $"{XssWord} residents disputed the figure.\n\n" +
                "A second paragraph has <b onmouseover=alert(3)>bold</b> text and <a href=\"javascript:alert(4)\">a link</a>.",
        };
        File.WriteAllText(path, JsonSerializer.Serialize(record) + "\n");
        return path;
    }

    private async Task<Dictionary<string, string>> ListDocumentsAsync()
    {
        var (code, output, error) = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), "--db", Database, "docs", "--json", "--limit", "1000");
        if (code != 0)
            throw new InvalidOperationException("claimtrace docs failed: " + CliProcess.Describe(code, output, error));
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var json = JsonDocument.Parse(line);
            map[json.RootElement.GetProperty("key").GetString()!] = json.RootElement.GetProperty("id").GetString()!;
        }

        return map;
    }
}
