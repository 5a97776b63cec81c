using System.Text;
using BenchmarkDotNet.Attributes;

namespace ClaimTrace.Bench;

/// <summary>
/// One benchmark per pipeline stage on fixed real pages, so a regression shows up in the stage that caused
/// it. The baseline is decoding the same bytes: every other figure reads as a multiple of it.
/// Run: <c>dotnet run -c Release --project bench/ClaimTrace.Bench -- --filter '*StageBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private byte[] _seedBytes = [];
    private string _seedText = "";
    private byte[] _htmlBytes = [];
    private string _htmlMarkup = "";
    private readonly PlainTextSegmenter _text = new();
    private readonly HtmlSegmenter _html = new();
    private List<Page> _batch = [];
    private string _folder = "";
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = CorpusLocator.Find();
        _seedBytes = File.ReadAllBytes(Directory.EnumerateFiles(Path.Combine(corpus, "seeds"), "003_*.txt").Single());
        _seedText = Encoding.UTF8.GetString(_seedBytes);
        _htmlBytes = File.ReadAllBytes(Path.Combine(corpus, "readability-pages", "001", "source.html"));
        _htmlMarkup = Encoding.UTF8.GetString(_htmlBytes);
        var processor = Pipelines.CreateProcessor();
        _batch = Directory.EnumerateFiles(Path.Combine(corpus, "seeds"), "*.txt")
            .Select(f => processor.Process(new RawPage { Source = f, Bytes = File.ReadAllBytes(f), Format = PageFormat.Text }).Page!)
            .ToList();
        _folder = Directory.CreateTempSubdirectory("claimtrace-stage-bench-").FullName;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "decode a text seed (baseline)")]
    public DecodeResult DecodeText() => TextDecoder.Decode(_seedBytes, null, sniffHtmlMeta: false);

    [Benchmark(Description = "segment a text seed")]
    public SegmentedPage SegmentText() => _text.Segment("seed.txt", _seedText, PageMetadata.Empty);

    [Benchmark(Description = "decode an HTML page")]
    public DecodeResult DecodeHtml() => TextDecoder.Decode(_htmlBytes, null, sniffHtmlMeta: true);

    [Benchmark(Description = "segment an HTML page")]
    public SegmentedPage SegmentHtml() => _html.Segment("page.html", _htmlMarkup, PageMetadata.Empty);

    [Benchmark(Description = "store the five seeds as one batch (new SQLite file)")]
    public int StoreBatch()
    {
        using var store = SqlitePageStore.Open(Path.Combine(_folder, $"b{_round++}.db"));
        return store.SaveBatch(_batch, []).Count;
    }
}
