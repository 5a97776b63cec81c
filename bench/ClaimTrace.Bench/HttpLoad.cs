using System.Diagnostics;
using System.Globalization;

namespace ClaimTrace.Bench;

/// <summary>
/// A closed-loop HTTP load: <c>clients</c> tasks, each sending its next request as soon as the last one answered,
/// for a fixed time (the loop is bounded by the clock, and every request by a timeout). Latency is measured per
/// request from send to the last byte of the body.
/// </summary>
internal sealed class HttpLoad(HttpClient client, int clients, TimeSpan duration)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs the load; <paramref name="next"/> gives the path for a client's n-th request.</summary>
    public async Task<LoadResult> RunAsync(Func<int, int, string> next)
    {
        var samples = new List<Sample>[clients];
        var clock = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = samples[c] = [];
            for (var n = 0; clock.Elapsed < duration; n++)
            {
                var path = next(c, n);
                var start = Stopwatch.GetTimestamp();
                var ok = false;
                try
                {
                    using var timeout = new CancellationTokenSource(RequestTimeout);
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, timeout.Token);
                    ok = response.IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    ok = false;
                }

                mine.Add(new Sample(path, Stopwatch.GetElapsedTime(start).TotalMilliseconds, ok));
            }
        })).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return new LoadResult([.. samples.SelectMany(s => s)], clock.Elapsed, cpu);
    }
}

internal sealed record Sample(string Path, double Milliseconds, bool Ok);

internal sealed record LoadResult(IReadOnlyList<Sample> Samples, TimeSpan Elapsed, TimeSpan ProcessCpu)
{
    public int Errors => Samples.Count(s => !s.Ok);

    public double RequestsPerSecond => Samples.Count / Elapsed.TotalSeconds;

    public Percentiles Latency => Percentiles.Of(Samples.Select(s => s.Milliseconds));

    /// <summary>Milliseconds of this process's CPU (server and clients together) per request.</summary>
    public double CpuPerRequest => ProcessCpu.TotalMilliseconds / Math.Max(1, Samples.Count);
}

internal sealed record Percentiles(double P50, double P95, double P99, double Max, int Count)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN, 0);
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Percentiles(At(0.50), At(0.95), At(0.99), sorted[^1], sorted.Length);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {P50:F1} ms, p95 {P95:F1} ms, p99 {P99:F1} ms, max {Max:F1} ms ({Count:N0})");
}
