using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ClaimTrace.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ClaimTrace.Bench;

/// <summary>
/// The web app under load: a store of 100,000 pages (<see cref="WebBenchCorpus"/>), <c>claimtrace serve</c>'s app
/// (<see cref="WebHost"/>) on a free loopback port in this process, and 50 HttpClient clients for 30 seconds
/// against each of: a baseline that does no work (the same middleware, a fixed answer), the search page and API
/// with a mix of queries, and the claim dossier page and API with a mix of claim ids. Prints requests per second
/// (and per core) and p50/p95/p99 latency, each set against the baseline. Run it with
/// <c>dotnet run -c Release --project bench/ClaimTrace.Bench -- web [pages] [--db PATH] [--seconds N] [--clients N]</c>;
/// with <c>--db</c> the store is kept there and reused by the next run.
/// </summary>
/// <remarks>
/// Server and clients share the machine's cores (the clients are cheap next to the server, see the baseline's CPU
/// per request), as they would on one box; nothing leaves loopback, and every run stops by itself.
/// </remarks>
internal static class WebLoad
{
    /// <summary>What a fact-checker types: rare numbers and names, a phrase, a prefix, common words, filters.</summary>
    private static readonly string[] Queries =
    [
        "96.5",
        "mizintsev",
        "\"white house\"",
        "immigra*",
        "refugees",
        "trump",
        "said",
        "trump -clinton",
    ];

    /// <summary>
    /// Words for searches nobody asked before (the app keeps recent answers; these runs measure what a new question
    /// costs): everyday words of news, common and rare, each with every filter and on several result pages.
    /// </summary>
    private static readonly string[] Words =
    [
        "government", "police", "election", "war", "killed", "percent", "million", "president", "minister", "army",
        "economy", "health", "court", "vote", "border", "attack", "military", "budget", "tax", "oil",
        "school", "company", "china", "russia", "syria", "iran", "europe", "mexico", "korea", "israel",
        "refugee*", "immigra*", "climate", "energy", "trade", "jobs", "prices", "crime", "shooting", "protest",
        "congress", "senate", "governor", "mayor", "campaign", "poll", "voters", "democrats", "republicans", "party",
        "hospital", "virus", "deaths", "injured", "victims", "troops", "soldiers", "rebels", "ceasefire", "territory",
        "billion", "thousand", "dollars", "workers", "students", "women", "children", "families", "women's", "veterans",
        "investigation", "report", "officials", "spokesman", "statement", "claimed", "denied", "according", "estimated", "data",
        "\"prime minister\"", "\"united nations\"", "\"islamic state\"", "\"health care\"", "\"supreme court\"", "\"middle east\"",
        "wall", "guns", "drugs", "nuclear", "missile", "sanctions", "tariffs", "deficit", "unemployment", "inflation",
    ];

    /// <summary>Filters added to some searches, as the search page's form sends them.</summary>
    private static readonly string[] Filters = ["", "&speaker=trump", "&outlet=CNN", "&from=2017&to=2017-06", "&stance=disputed"];

    /// <summary>
    /// With <c>--only search,dossier</c>: the runs whose names contain one of these words (the baseline always runs);
    /// <c>--only profile --seconds 1</c> gives the one-at-a-time costs with no load run.
    /// </summary>
    private static string[] only = [];

    public static int Run(string[] args)
    {
        var size = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 100_000;
        var database = Option(args, "--db");
        var seconds = int.Parse(Option(args, "--seconds") ?? "30", CultureInfo.InvariantCulture);
        var clients = int.Parse(Option(args, "--clients") ?? "50", CultureInfo.InvariantCulture);
        only = Option(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        Console.WriteLine($"ClaimTrace web load, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {clients} clients, {seconds} s per run");

        var temporary = database is null ? Directory.CreateTempSubdirectory("claimtrace-web-bench-") : null;
        database ??= Path.Combine(temporary!.FullName, "web.db");
        try
        {
            WebBenchCorpus.Ensure(database, size);
            return RunAsync(database, clients, TimeSpan.FromSeconds(seconds)).GetAwaiter().GetResult();
        }
        finally
        {
            temporary?.Delete(recursive: true);
        }
    }

    private static async Task<int> RunAsync(string database, int clients, TimeSpan duration)
    {
        var address = $"http://127.0.0.1:{FreePort()}";
        // Kestrel's and the app's informational logs would cost more than the baseline request itself.
        await using var app = WebHost.Build(new WebOptions(database, address), ["--Logging:LogLevel:Default=Warning"]);
        app.MapGet("/bench/baseline", () => Results.Text("ok"));
        var start = Stopwatch.StartNew();
        await app.StartAsync();
        Console.WriteLine($"serving {database} on {address} (started in {start.Elapsed.TotalSeconds:F1} s)");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(15) };

        // The first claims request links the whole store (cached until it changes): timed apart, as a cold start.
        var cold = Stopwatch.StartNew();
        var claims = await ClaimIdsAsync(client);
        Console.WriteLine($"first claims request (links the store, then cached): {cold.Elapsed.TotalSeconds:F1} s; {claims.Count:N0} claim ids sampled");
        var searches = Queries.SelectMany((q, i) => new[] { q, q }.Select((_, j) => "q=" + Uri.EscapeDataString(q) + Filters[(i + j) % Filters.Length])).ToArray();
        foreach (var search in Runs("search") ? searches : [])
            await client.GetStringAsync("/?" + search);
        Console.WriteLine();

        Console.WriteLine($"load average before the runs: {LoadAverage()} (other work on the machine shares its cores)");
        var load = new HttpLoad(client, clients, duration);
        // Every request of a "new" run asks what no request before it did, so none is answered from the app's cache.
        var fresh = Words.SelectMany(w => Filters.Select(f => "q=" + Uri.EscapeDataString(w) + f)).SelectMany(q => Enumerable.Range(1, 4).Select(page => (Query: q, Page: page))).ToArray();
        var freshPages = fresh.Select(f => $"/?{f.Query}&page={f.Page}").ToArray();
        var freshApi = fresh.Select(f => $"/api/search?{f.Query}&offset={(f.Page - 1) * 20}").ToArray();
        var allClaims = await AllClaimIdsAsync(client);
        var next = -1;
        string Fresh(string[] paths) => paths[(int)((uint)Interlocked.Increment(ref next) % (uint)paths.Length)];
        var scenarios = new (string Name, Func<int, int, string> Path)[]
        {
            ("baseline (fixed answer)", (_, _) => "/bench/baseline"),
            ("search page /?q=", (c, i) => "/?" + searches[((c * 7) + i) % searches.Length]),
            ("search API /api/search", (c, i) => "/api/search?" + searches[((c * 7) + i) % searches.Length]),
            ("search page, new queries", (_, _) => Fresh(freshPages)),
            ("search API, new queries", (_, _) => Fresh(freshApi)),
            ("dossier page /claims/{id}", (c, i) => "/claims/" + claims[((c * 31) + i) % claims.Count]),
            ("dossier API /api/claims/{id}", (c, i) => "/api/claims/" + claims[((c * 31) + i) % claims.Count]),
            ("dossier page, new claims", (_, _) => "/claims/" + Fresh(allClaims)),
            ("dossier API, new claims", (_, _) => "/api/claims/" + Fresh(allClaims)),
        };
        var results = new List<(string Name, LoadResult Result)>();
        Console.WriteLine($"{"run",-30}{"requests",10}{"errors",8}{"req/s",9}{"req/s/core",12}{"p50 ms",9}{"p95 ms",9}{"p99 ms",9}{"CPU ms/req",12}{"p95/base",10}");
        foreach (var (name, path) in scenarios.Where((s, i) => i == 0 || Runs(s.Name)))
        {
            var result = await load.RunAsync(path);
            results.Add((name, result));
            var l = result.Latency;
            var baseline = results[0].Result.Latency.P95;
            Console.WriteLine(FormattableString.Invariant(
                $"{name,-30}{result.Samples.Count,10:N0}{result.Errors,8:N0}{result.RequestsPerSecond,9:F0}{result.RequestsPerSecond / Environment.ProcessorCount,12:F1}{l.P50,9:F1}{l.P95,9:F1}{l.P99,9:F1}{result.CpuPerRequest,12:F2}{l.P95 / baseline,10:F1}"));
        }

        Console.WriteLine();
        Console.WriteLine("Search page by query (the same run):");
        foreach (var group in Samples(results, "search page /?q=").GroupBy(s => s.Path).OrderBy(g => g.Key, StringComparer.Ordinal))
            Console.WriteLine($"  {Uri.UnescapeDataString(group.Key),-52} {Percentiles.Of(group.Select(s => s.Milliseconds))}");
        Console.WriteLine();
        Console.WriteLine("Dossier page, the five slowest claims by p95:");
        foreach (var group in Samples(results, "dossier page /claims/{id}").GroupBy(s => s.Path).Select(g => (g.Key, Latency: Percentiles.Of(g.Select(s => s.Milliseconds)))).OrderByDescending(g => g.Latency.P95).Take(5))
            Console.WriteLine($"  {group.Key,-30} {group.Latency}");
        Console.WriteLine();
        await ProfileAsync(client, database, claims);
        Console.WriteLine();
        Console.WriteLine($"Target: p95 under 100 ms at 50 clients. Load average at the end: {LoadAverage()}.");
        await app.StopAsync();
        return 0;
    }

    private static bool Runs(string name) => only.Length == 0 || only.Any(o => name.Contains(o, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<Sample> Samples(List<(string Name, LoadResult Result)> results, string run) =>
        results.Where(r => r.Name == run).SelectMany(r => r.Result.Samples);

    /// <summary>
    /// Where the time goes, one request at a time (no queueing): each query on the search page, and the store's own
    /// search for the same words (20 hits with totals and facets, what the page asks of it), so the difference is the
    /// page's own work; and the dossier page over the sampled claims.
    /// </summary>
    private static async Task ProfileAsync(HttpClient client, string database, List<string> claims)
    {
        Console.WriteLine("One request at a time (no other client), ms:");
        Console.WriteLine($"  {"query",-20}{"page",10}{"store.Search",14}{"hits",12}");
        using var store = SqlitePageStore.Open(database);
        foreach (var query in Runs("search") ? Queries : [])
        {
            var page = Stopwatch.StartNew();
            await client.GetStringAsync("/?q=" + Uri.EscapeDataString(query));
            page.Stop();
            var direct = Stopwatch.StartNew();
            var results = store.Search(new SearchQuery(query));
            direct.Stop();
            Console.WriteLine(FormattableString.Invariant($"  {query,-20}{page.Elapsed.TotalMilliseconds,10:F0}{direct.Elapsed.TotalMilliseconds,14:F0}{results.Total,12:N0}"));
        }

        var times = new List<double>();
        foreach (var claim in claims.Take(40))
        {
            var watch = Stopwatch.StartNew();
            await client.GetStringAsync("/claims/" + claim);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"  dossier page over {times.Count} claims: {Percentiles.Of(times)}");
        if (Runs("search") || Runs("profile"))
            ProfileNewSearches(store);
    }

    /// <summary>
    /// The store's search (first page, totals, facets) for every word of the "new queries" runs with each filter, one
    /// at a time, by filter: what a question nobody asked before costs before the page is drawn.
    /// </summary>
    private static void ProfileNewSearches(SqlitePageStore store)
    {
        var filters = new (string Name, Func<string, SearchQuery> Make)[]
        {
            ("no filter", w => new SearchQuery(w)),
            ("speaker=trump", w => new SearchQuery(w, Speaker: "trump")),
            ("outlet=CNN", w => new SearchQuery(w, Outlet: "CNN")),
            ("2017 to 2017-06", w => new SearchQuery(w, From: "2017", To: "2017-06")),
            ("stance=disputed", w => new SearchQuery(w, Stance: StanceKind.Disputed)),
        };
        Console.WriteLine($"  store.Search of the {Words.Length} new-query words, one at a time, by filter:");
        var all = new List<double>();
        var slowest = new List<(double Ms, string Query)>();
        foreach (var (name, make) in filters)
        {
            var times = new List<double>();
            foreach (var word in Words)
            {
                var watch = Stopwatch.StartNew();
                store.Search(make(word));
                times.Add(watch.Elapsed.TotalMilliseconds);
                slowest.Add((times[^1], $"{word} {name}"));
            }

            all.AddRange(times);
            Console.WriteLine($"    {name,-20} {Percentiles.Of(times)}  mean {times.Average():F1}");
        }

        Console.WriteLine($"    {"all",-20} {Percentiles.Of(all)}  mean {all.Average():F1}");
        Console.WriteLine("    slowest: " + string.Join(", ", slowest.OrderByDescending(s => s.Ms).Take(6).Select(s => FormattableString.Invariant($"{s.Query} {s.Ms:F0}"))));
    }

    /// <summary>Every claim id, in an order of their own (the list's order would visit one family after another).</summary>
    private static async Task<string[]> AllClaimIdsAsync(HttpClient client)
    {
        var ids = new List<string>();
        for (var offset = 0; ; offset += 200)
        {
            using var page = JsonDocument.Parse(await client.GetStringAsync($"/api/claims?limit=200&offset={offset}"));
            var batch = Ids(page).ToList();
            ids.AddRange(batch);
            if (batch.Count < 200)
                break;
        }

        return [.. ids.OrderBy(id => string.Concat(id.Reverse()), StringComparer.Ordinal)];
    }

    /// <summary>Claim ids from four places in the claims list, so the mix spans old and new, big and small claims.</summary>
    private static async Task<List<string>> ClaimIdsAsync(HttpClient client)
    {
        var ids = new List<string>();
        using var first = JsonDocument.Parse(await client.GetStringAsync("/api/claims?limit=200"));
        var total = first.RootElement.GetProperty("total").GetInt32();
        ids.AddRange(Ids(first));
        foreach (var offset in new[] { total / 4, total / 2, 3 * total / 4 })
        {
            using var page = JsonDocument.Parse(await client.GetStringAsync($"/api/claims?limit=50&offset={offset}"));
            ids.AddRange(Ids(page));
        }

        return ids.Count > 0 ? [.. ids.Distinct(StringComparer.Ordinal)] : throw new InvalidOperationException("the store has no claims");
    }

    private static IEnumerable<string> Ids(JsonDocument page) =>
        [.. page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    /// <summary>The 1, 5 and 15 minute load averages on Linux, so a run on a busy machine says so.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
