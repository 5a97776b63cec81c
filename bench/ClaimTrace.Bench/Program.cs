using BenchmarkDotNet.Running;
using ClaimTrace.Bench;

// `throughput` is the whole-corpus run (pages/s per core, peak memory), `reading` the readers alone, `stages`
// the cost per page of each analysis stage, `linking` near-duplicate linking at 10k, 30k and 100k pages, `search`
// the cost of the search index and the time of queries, `claims` claims linking at 10k, 30k and 100k pages, `web`
// the web app under load (50 clients, search and dossier, on 100k pages), `distributed` ingest through RabbitMQ
// with 1, 2 and 4 workers into PostgreSQL;
// anything else goes to BenchmarkDotNet's stage benchmarks.
if (args is ["throughput", .. var options])
    return Throughput.Run(options);
if (args is ["reading", .. var rest])
    return ReadingThroughput.Run(rest);
if (args is ["stages", .. var pageLimit])
    return StageCosts.Run(pageLimit);
if (args is ["linking", .. var sizes])
    return LinkingThroughput.Run(sizes);
if (args is ["claims", .. var claimSizes])
    return ClaimsLinkingThroughput.Run(claimSizes);
if (args is ["search", .. var pageCount])
    return SearchThroughput.Run(pageCount);
if (args is ["web", .. var webOptions])
    return WebLoad.Run(webOptions);
if (args is ["distributed", .. var distributedOptions])
    return DistributedThroughput.Run(distributedOptions);

BenchmarkSwitcher.FromAssembly(typeof(Throughput).Assembly).Run(args);
return 0;
