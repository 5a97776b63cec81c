using BenchmarkDotNet.Running;
using ClaimTrace.Bench;

// `throughput` is the whole-corpus run (pages/s per core, peak memory); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "throughput")
    return Throughput.Run(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(Throughput).Assembly).Run(args);
return 0;
