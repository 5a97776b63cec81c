// Usage: ClaimTrace.StoreKiller <database> [<stall-batch> <stall-page>]
// Ingests IngestPlan into the database, printing "saved N" after each batch and "done" at the end.
// With a stall position it blocks inside that batch's transaction and prints "stalled".
using ClaimTrace;
using ClaimTrace.StoreKiller;

var stallBatch = args.Length >= 3 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : -1;
var stallPage = args.Length >= 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : -1;

using var store = SqlitePageStore.Open(args[0]);
for (var batch = 0; batch < IngestPlan.Batches; batch++)
{
    var pages = IngestPlan.Pages(batch);
    store.SaveBatch(batch == stallBatch ? new StallingList(pages, stallPage) : pages, IngestPlan.Failures(batch));
    Console.Out.WriteLine($"saved {batch}");
    Console.Out.Flush();
}

Console.Out.WriteLine("done");
return 0;
