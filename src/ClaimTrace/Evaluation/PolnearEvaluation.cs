using System.Globalization;
using System.Text;

namespace ClaimTrace;

/// <summary>Precision, recall and F1 of one span role under one matching rule.</summary>
public sealed record SpanScore(int Gold, int Found, int MatchedGold, int MatchedFound)
{
    public double Precision => Found == 0 ? 0 : (double)MatchedFound / Found;
    public double Recall => Gold == 0 ? 0 : (double)MatchedGold / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static SpanScore operator +(SpanScore a, SpanScore b) =>
        new(a.Gold + b.Gold, a.Found + b.Found, a.MatchedGold + b.MatchedGold, a.MatchedFound + b.MatchedFound);
}

/// <summary>Source, cue and content scores, exact and overlap, over a PolNeAR split.</summary>
public sealed record PolnearReport(int Documents, IReadOnlyDictionary<string, SpanScore> Exact, IReadOnlyDictionary<string, SpanScore> Overlap)
{
    public static readonly string[] Roles = ["source", "cue", "content"];

    public string ToTable()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"PolNeAR: {Documents} documents");
        sb.AppendLine("role     match    gold  found      P      R     F1");
        foreach (var (name, scores) in new[] { ("exact", Exact), ("overlap", Overlap) })
        {
            foreach (var role in Roles)
            {
                var s = scores[role];
                sb.AppendLine(CultureInfo.InvariantCulture, $"{role,-8} {name,-7} {s.Gold,6} {s.Found,6} {s.Precision,6:F3} {s.Recall,6:F3} {s.F1,6:F3}");
            }
        }

        return sb.ToString();
    }
}

/// <summary>
/// Scores the attribution extractor on PolNeAR (Newell, Margolin and Ruths, LREC 2018): brat standoff files
/// (<c>attributions/NAME_ANNOTATOR.ann</c>) beside the articles (<c>text/NAME.txt</c>). Brat offsets count Unicode code
/// points, so they are mapped to UTF-16 for texts with characters outside the BMP. Each statement with a cue contributes its cue
/// and content span, and its speaker mention (source) when it has a speaker. As in the paper's evaluation, spans are
/// matched one to one either exactly (same start and end, ignoring surrounding spaces and punctuation) or by overlap
/// (at least one character in common); precision counts matched found spans, recall matched gold spans.
/// </summary>
public static class PolnearEvaluation
{
    /// <param name="folder">a split folder holding <c>text/</c> and <c>attributions/</c> (e.g. polnear/data/dev)</param>
    /// <param name="limit">score at most this many documents (in file-name order)</param>
    public static PolnearReport Run(string folder, int limit = int.MaxValue)
    {
        var textFolder = Path.Combine(folder, "text");
        var annFolder = Path.Combine(folder, "attributions");
        if (!Directory.Exists(textFolder) || !Directory.Exists(annFolder))
            throw new DirectoryNotFoundException($"{folder} has no text/ and attributions/ folders (a PolNeAR split such as data/dev).");
        var annotations = Directory.GetFiles(annFolder, "*.ann").Order(StringComparer.Ordinal).ToList();
        var splitter = new SentenceSplitter();
        var extractor = new AttributionExtractor();
        var exact = Roles.ToDictionary(r => r, _ => new SpanScore(0, 0, 0, 0));
        var overlap = Roles.ToDictionary(r => r, _ => new SpanScore(0, 0, 0, 0));
        var documents = 0;
        foreach (var (ann, textPath) in Articles(annotations, textFolder))
        {
            if (documents++ >= limit)
                break;
            var text = File.ReadAllText(textPath, Encoding.UTF8);
            var gold = ReadAnn(File.ReadAllLines(ann, Encoding.UTF8), CodePointMap(text), text.Length);
            var found = Extract(text, splitter, extractor);
            foreach (var role in Roles)
            {
                var g = gold.Where(a => a.Role == role).Select(a => a.Span).ToList();
                var f = found.Where(a => a.Role == role).Select(a => a.Span).ToList();
                exact[role] += Match(g, f, (a, b) => Core(text, a) == Core(text, b));
                overlap[role] += Match(g, f, (a, b) => a.Overlaps(b));
            }
        }

        return new PolnearReport(Math.Min(documents, limit), exact, overlap);
    }

    private static readonly string[] Roles = PolnearReport.Roles;

    /// <summary>
    /// Each article once, with its annotation file: PolNeAR names annotations <c>article_annotator.ann</c>, and an
    /// article annotated twice is scored on its first annotation (in file-name order).
    /// </summary>
    internal static IEnumerable<(string Annotation, string Text)> Articles(IEnumerable<string> annotations, string textFolder)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ann in annotations)
        {
            var name = Path.GetFileNameWithoutExtension(ann);
            var underscore = name.LastIndexOf('_');
            var article = underscore > 0 ? name[..underscore] : name;
            var textPath = Path.Combine(textFolder, article + ".txt");
            if (File.Exists(textPath) && seen.Add(article))
                yield return (ann, textPath);
        }
    }

    /// <summary>The source, cue and content spans the extractor finds in a plain article.</summary>
    internal static List<(string Role, TextSpan Span)> Extract(string text, SentenceSplitter splitter, AttributionExtractor extractor)
    {
        var lines = 1 + text.Count(c => c == '\n');
        var segments = new[] { new Segment(SegmentKind.Article, 0, text.Length, 1, lines) };
        var sentences = splitter.Split(text, segments);
        var quotes = QuoteFinder.Find(text, sentences);
        var spans = new List<(string Role, TextSpan Span)>();
        foreach (var s in extractor.Extract(text, sentences, quotes, PageMetadata.Empty))
        {
            if (s.Cue is not { } cue || s.InComments)
                continue;
            if (s.Speaker is { } speaker)
                spans.Add(("source", speaker.Span));
            spans.Add(("cue", cue));
            spans.Add(("content", s.Content));
        }

        return spans;
    }

    private static SpanScore Match(List<TextSpan> gold, List<TextSpan> found, Func<TextSpan, TextSpan, bool> same)
    {
        var usedGold = new bool[gold.Count];
        var matchedFound = 0;
        foreach (var f in found)
        {
            for (var i = 0; i < gold.Count; i++)
            {
                if (!usedGold[i] && same(gold[i], f))
                {
                    usedGold[i] = true;
                    matchedFound++;
                    break;
                }
            }
        }

        return new SpanScore(gold.Count, found.Count, usedGold.Count(u => u), matchedFound);
    }

    /// <summary>A span without the spaces and punctuation around it, so "said," and "said" match exactly.</summary>
    private static (int, int) Core(string text, TextSpan span)
    {
        var (s, e) = (Math.Clamp(span.Start, 0, text.Length), Math.Clamp(span.End, 0, text.Length));
        while (s < e && !char.IsLetterOrDigit(text[s]))
            s++;
        while (e > s && !char.IsLetterOrDigit(text[e - 1]))
            e--;
        return (s, e);
    }

    /// <summary>UTF-16 index of each code point index, or null when the text has no surrogate pairs.</summary>
    internal static int[]? CodePointMap(string text)
    {
        if (!text.Any(char.IsSurrogate))
            return null;
        var map = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
        }

        map.Add(text.Length);
        return [.. map];
    }

    /// <summary>The Source, Cue and Content text-bound annotations of a brat file that an attribution event uses.</summary>
    internal static List<(string Role, TextSpan Span)> ReadAnn(IEnumerable<string> lines, int[]? map, int length)
    {
        var spans = new List<(string Role, TextSpan Span)>();
        foreach (var attribution in ReadAttributions(lines, map, length))
            spans.AddRange(attribution);
        return spans;
    }

    /// <summary>The attribution events of a brat file, each as its (role, span) arguments.</summary>
    internal static List<List<(string Role, TextSpan Span)>> ReadAttributions(IEnumerable<string> lines, int[]? map, int length)
    {
        var bounds = new Dictionary<string, (string Type, TextSpan Span)>(StringComparer.Ordinal);
        var events = new List<string[]>();
        foreach (var line in lines)
        {
            var cols = line.Split('\t');
            if (cols.Length < 2)
                continue;
            if (cols[0].StartsWith('T'))
            {
                var typeAndOffsets = cols[1].Split(' ', 2);
                if (typeAndOffsets.Length < 2)
                    continue;
                var start = int.MaxValue;
                var end = int.MinValue;
                foreach (var fragment in typeAndOffsets[1].Split(';'))
                {
                    var pair = fragment.Trim().Split(' ');
                    if (pair.Length == 2 && int.TryParse(pair[0], CultureInfo.InvariantCulture, out var a) && int.TryParse(pair[1], CultureInfo.InvariantCulture, out var b))
                    {
                        start = Math.Min(start, a);
                        end = Math.Max(end, b);
                    }
                }

                if (start <= end)
                    bounds[cols[0]] = (typeAndOffsets[0], new TextSpan(ToUtf16(map, start, length), ToUtf16(map, end, length)));
            }
            else if (cols[0].StartsWith('E'))
            {
                events.Add(cols[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        var attributions = new List<List<(string Role, TextSpan Span)>>();
        foreach (var args in events)
        {
            var spans = new List<(string Role, TextSpan Span)>();
            foreach (var arg in args)
            {
                var colon = arg.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0 || !bounds.TryGetValue(arg[(colon + 1)..], out var bound))
                    continue;
                var role = arg[..colon].TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9').ToLowerInvariant();
                if (role is "source" or "cue" or "content")
                    spans.Add((role, bound.Span));
            }

            attributions.Add(spans);
        }

        return attributions;
    }

    private static int ToUtf16(int[]? map, int codePoint, int length)
    {
        if (map is null)
            return Math.Clamp(codePoint, 0, length);
        return map[Math.Clamp(codePoint, 0, map.Length - 1)];
    }
}
