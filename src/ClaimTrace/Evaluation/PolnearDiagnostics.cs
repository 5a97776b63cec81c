using System.Globalization;
using System.Text;

namespace ClaimTrace;

/// <summary>
/// What the attribution extractor gets wrong on a PolNeAR split, for development on train: gold cues it misses,
/// grouped by the cue's words, and cues it finds that no gold attribution has, grouped by lemma, each group with
/// a few examples in context. Meant to be read by a person deciding which lexicon entry or grammatical feature
/// to add next, never to tune against dev.
/// </summary>
public static class PolnearDiagnostics
{
    /// <param name="folder">a split folder holding <c>text/</c> and <c>attributions/</c> (train, for development)</param>
    /// <param name="groups">how many groups of each kind to print, largest first</param>
    /// <param name="examples">how many examples per group</param>
    /// <param name="limit">read at most this many articles (in file-name order)</param>
    public static string Misses(string folder, int groups = 40, int examples = 3, int limit = int.MaxValue)
    {
        var textFolder = Path.Combine(folder, "text");
        var annFolder = Path.Combine(folder, "attributions");
        if (!Directory.Exists(textFolder) || !Directory.Exists(annFolder))
            throw new DirectoryNotFoundException($"{folder} has no text/ and attributions/ folders (a PolNeAR split such as data/train).");
        var splitter = new SentenceSplitter();
        var extractor = new AttributionExtractor();
        var missed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var spurious = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var wrongSource = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var perLemma = new Dictionary<string, (int Found, int Right)>(StringComparer.Ordinal);
        var documents = 0;
        foreach (var (ann, textPath) in PolnearEvaluation.Articles(Directory.GetFiles(annFolder, "*.ann").Order(StringComparer.Ordinal), textFolder))
        {
            if (++documents > limit)
                break;
            var text = File.ReadAllText(textPath, Encoding.UTF8);
            var gold = PolnearEvaluation.ReadAttributions(File.ReadAllLines(ann, Encoding.UTF8), PolnearEvaluation.CodePointMap(text), text.Length);
            var found = Found(text, splitter, extractor);
            foreach (var attribution in gold)
            {
                var cue = attribution.FirstOrDefault(a => a.Role == "cue").Span;
                if (cue.Length == 0)
                    continue;
                var match = found.FirstOrDefault(f => f.Cue.Overlaps(cue));
                if (match.Cue.Length == 0)
                {
                    Add(missed, Normalise(cue.Of(text)), Example(text, attribution));
                    continue;
                }

                var source = attribution.FirstOrDefault(a => a.Role == "source").Span;
                if (source.Length > 0 && !(match.Source is { } s && s.Overlaps(source)))
                    Add(wrongSource, Normalise(cue.Of(text)), $"gold [{source.Of(text)}] found [{match.Source?.Of(text) ?? "-"}] :: {Context(text, cue)}");
            }

            foreach (var f in found)
            {
                var right = gold.Any(g => g.Any(a => a.Role == "cue" && a.Span.Overlaps(f.Cue)));
                var (count, hits) = perLemma.GetValueOrDefault(f.Lemma);
                perLemma[f.Lemma] = (count + 1, hits + (right ? 1 : 0));
                if (!right)
                    Add(spurious, f.Lemma, $"[{f.Source?.Of(text) ?? "-"}] [{f.Cue.Of(text)}] :: {Context(text, f.Cue)}");
            }
        }

        var sb = new StringBuilder();
        Write(sb, "MISSED gold cues (no found cue overlaps)", missed, groups, examples);
        Write(sb, "SPURIOUS found cues (no gold cue overlaps), by lemma", spurious, groups, examples);
        Write(sb, "WRONG SOURCE (cue found, source does not overlap gold)", wrongSource, groups, examples);
        sb.AppendLine("== PRECISION by cue lemma (found, right, precision), worst first");
        foreach (var (lemma, (count, hits)) in perLemma.Where(p => p.Value.Found >= 5).OrderBy(p => (double)p.Value.Right / p.Value.Found))
            sb.AppendLine(CultureInfo.InvariantCulture, $"{count,6} {hits,6} {(double)hits / count,6:F2}  {lemma}");
        return sb.ToString();
    }

    private static List<(TextSpan Cue, TextSpan? Source, string Lemma)> Found(string text, SentenceSplitter splitter, AttributionExtractor extractor)
    {
        var lines = 1 + text.Count(c => c == '\n');
        var sentences = splitter.Split(text, [new Segment(SegmentKind.Article, 0, text.Length, 1, lines)]);
        var quotes = QuoteFinder.Find(text, sentences);
        return [.. extractor.Extract(text, sentences, quotes, PageMetadata.Empty)
            .Where(s => s.Cue is not null && !s.InComments)
            .Select(s => (s.Cue!.Value, s.Speaker?.Span, s.CueLemma ?? "?"))];
    }

    private static string Normalise(string cue) => string.Join(' ', cue.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Example(string text, List<(string Role, TextSpan Span)> attribution)
    {
        string Of(string role) => attribution.FirstOrDefault(a => a.Role == role) is { Span.Length: > 0 } a ? Clip(a.Span.Of(text), 60) : "-";
        var cue = attribution.First(a => a.Role == "cue").Span;
        return $"S[{Of("source")}] C[{Of("content")}] :: {Context(text, cue)}";
    }

    private static string Context(string text, TextSpan span)
    {
        var from = Math.Max(0, span.Start - 80);
        var to = Math.Min(text.Length, span.End + 60);
        return (text[from..span.Start] + "<<" + span.Of(text) + ">>" + text[span.End..to]).ReplaceLineEndings(" ");
    }

    private static string Clip(string s, int max) => (s.Length <= max ? s : s[..max] + "…").ReplaceLineEndings(" ");

    private static void Add(Dictionary<string, List<string>> groups, string key, string example)
    {
        if (!groups.TryGetValue(key, out var list))
            groups[key] = list = [];
        list.Add(example);
    }

    private static void Write(StringBuilder sb, string title, Dictionary<string, List<string>> groups, int count, int examples)
    {
        sb.AppendLine(CultureInfo.InvariantCulture, $"== {title}: {groups.Values.Sum(g => g.Count)} in {groups.Count} groups");
        foreach (var (key, list) in groups.OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key, StringComparer.Ordinal).Take(count))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{list.Count,6}  {key}");
            foreach (var example in list.Take(examples))
                sb.AppendLine(CultureInfo.InvariantCulture, $"          {example}");
        }
    }
}
