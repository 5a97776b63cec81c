using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ClaimTrace.Bench;

/// <summary>
/// A rough throughput check of the readers, printed, not asserted: MB/s reading the AllSides JSON Lines and
/// the FakeNewsCorpus CSV (read alone, and read plus decode), then WARC.gz files of growing size built from
/// the AllSides texts, with the live heap sampled as they stream, to show memory stays flat.
/// Run: dotnet run -c Release --project bench/ClaimTrace.Bench -- reading [corpus folder]
/// </summary>
internal static class ReadingThroughput
{
    private const int Runs = 5;

    public static int Run(string[] args)
    {
        var corpus = args.Length > 0 ? args[0] : CorpusLocator.Find();
        if (!Directory.Exists(corpus))
        {
            Console.Error.WriteLine("corpus folder not found; pass it as an argument or set CLAIMTRACE_CORPUS");
            return 2;
        }

        var registry = ReaderRegistry.CreateDefault(ReadingOptions.Default);
        Console.WriteLine($"one thread, best and median of {Runs} runs after a warm-up");
        Measure("allsides JSONL", Path.Combine(corpus, "allsides", "allsides-dev.jsonl"), registry.ForFormat("jsonl")!);
        Measure("fakenewscorpus CSV", Path.Combine(corpus, "fakenewscorpus-sample", "news_sample.csv"), registry.ForFormat("csv")!);

        var temp = Directory.CreateTempSubdirectory("claimtrace-bench-");
        try
        {
            var sizes = new[] { 2_000, 8_000, 32_000 };
            var texts = File.ReadLines(Path.Combine(corpus, "allsides", "allsides-dev.jsonl"))
                .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("content_original").GetString()!)
                .ToList();
            foreach (var records in sizes)
                WriteWarc(WarcPath(temp, records), texts, records);
            texts = null;
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            Console.WriteLine($"WARC.gz files from the AllSides texts (MB/s of compressed input); live heap before reading: {baseline / 1e6:F1} MB");
            foreach (var records in sizes)
            {
                Measure($"WARC.gz, {records} records", WarcPath(temp, records), registry.ForFormat("warc")!);
                Console.WriteLine($"  live heap while streaming it: at most {LiveHeapWhileReading(WarcPath(temp, records), registry.ForFormat("warc")!) / 1e6:F1} MB");
            }
        }
        finally
        {
            temp.Delete(recursive: true);
        }

        return 0;
    }

    private static string WarcPath(DirectoryInfo folder, int records) => Path.Combine(folder.FullName, $"crawl-{records}.warc.gz");

    private static void Measure(string name, string path, IPageReader reader)
    {
        var megabytes = new FileInfo(path).Length / 1e6;
        var (pages, failures, _) = Pass(path, reader, decode: true); // warm-up
        var readOnly = Enumerable.Range(0, Runs).Select(_ => Pass(path, reader, decode: false).Seconds).Order().ToList();
        var withDecode = Enumerable.Range(0, Runs).Select(_ => Pass(path, reader, decode: true).Seconds).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {megabytes:F1} MB, {pages} pages, {failures} failures; read {megabytes / readOnly[0]:F0} MB/s (median {megabytes / readOnly[Runs / 2]:F0}), " +
            $"read+decode {megabytes / withDecode[0]:F0} MB/s (median {megabytes / withDecode[Runs / 2]:F0})"));
    }

    private static (int Pages, int Failures, double Seconds) Pass(string path, IPageReader reader, bool decode)
    {
        int pages = 0, failures = 0;
        var clock = Stopwatch.StartNew();
        using var stream = File.OpenRead(path);
        foreach (var result in reader.Read(path, stream))
        {
            if (result.Page is { } page && (!decode || TextDecoder.Decode(page).Succeeded))
                pages++;
            else
                failures++;
        }

        return (pages, failures, clock.Elapsed.TotalSeconds);
    }

    private static long LiveHeapWhileReading(string path, IPageReader reader)
    {
        long most = 0;
        var n = 0;
        using var stream = File.OpenRead(path);
        foreach (var result in reader.Read(path, stream))
        {
            if (++n % 500 == 0)
                most = Math.Max(most, GC.GetTotalMemory(forceFullCollection: true));
            GC.KeepAlive(result);
        }

        return most;
    }

    /// <summary>A crawl as crawlers write it: a warcinfo record, then one gzip member per HTML response.</summary>
    private static void WriteWarc(string path, List<string> texts, int records)
    {
        using var file = File.Create(path);
        for (var i = 0; i < records; i++)
        {
            var html = $"<!doctype html><html><head><meta charset=\"utf-8\"><title>Story {i}</title></head><body><article><p>{System.Net.WebUtility.HtmlEncode(texts[i % texts.Count]).Replace("\n\n", "</p><p>", StringComparison.Ordinal)}</p></article></body></html>";
            var body = Encoding.UTF8.GetBytes(html);
            var http = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n");
            var header = Encoding.ASCII.GetBytes(
                $"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{new Guid(i, 0, 0, new byte[8])}>\r\nWARC-Date: 2018-12-12T10:00:00Z\r\n" +
                $"WARC-Target-URI: https://example.org/story/{i}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {http.Length + body.Length}\r\n\r\n");
            using var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true);
            gzip.Write(header);
            gzip.Write(http);
            gzip.Write(body);
            gzip.Write("\r\n\r\n"u8);
        }
    }

}
