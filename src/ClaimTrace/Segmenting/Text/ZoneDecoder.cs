namespace ClaimTrace;

/// <summary>
/// Assigns each line a <see cref="PageZone"/> by dynamic programming (a left-to-right Viterbi pass):
/// every line scores each zone from its features, zones only follow each other in page order, and
/// entering a zone costs something. The best path is the layout that explains the most evidence.
/// Because the comment zone can never be left for the report again, a page of reporting with a few
/// chatty sentences is not cut in two; and because entering it costs, a little chat is not enough.
/// </summary>
internal sealed class ZoneDecoder
{
    private const int ZoneCount = 5;

    /// <summary>Weights of the emission scores; kept together so tuning is one place.</summary>
    internal sealed record Weights
    {
        public double FurnitureCue { get; init; } = 2.0;
        public double FurnitureCap { get; init; } = 4.0;
        public double ShortLabel { get; init; } = 1.0;
        public double Headline { get; init; } = 1.5;
        public double Byline { get; init; } = 3.0;
        public double DateOnly { get; init; } = 1.5;
        public double ProseAgainstFurniture { get; init; } = 0.8;
        public double FurnitureAgainstProse { get; init; } = 1.5;
        public double VoiceAgainstProse { get; init; } = 0.9;
        public double Voice { get; init; } = 1.2;
        public double ReportingAgainstVoice { get; init; } = 0.7;
        public double CommentAuthor { get; init; } = 2.0;
        public double CommentLineCost { get; init; } = 0.3;
        public double EnterComments { get; init; } = 4.0;
        public double EnterFurniture { get; init; } = 0.5;
        public double InlineFurniture { get; init; } = 0.5;
    }

    private readonly Weights _w;

    public ZoneDecoder(Weights? weights = null) => _w = weights ?? new Weights();

    /// <param name="lines">the page's profiled lines</param>
    /// <param name="allowComments">false to decode the page as having no comment section at all</param>
    public PageZone[] Decode(IReadOnlyList<LineProfile> lines, bool allowComments = true)
    {
        var n = lines.Count;
        var score = new double[ZoneCount];
        var back = new int[n, ZoneCount];
        for (var z = 0; z < ZoneCount; z++)
            score[z] = z == 0 ? 0 : (PageZone)z == PageZone.Comments ? double.NegativeInfinity : -EntryCost((PageZone)z);

        var next = new double[ZoneCount];
        for (var i = 0; i < n; i++)
        {
            var line = lines[i];
            for (var z = 0; z < ZoneCount; z++)
            {
                // Best predecessor among this zone and every earlier one (earlier zones may be skipped).
                var best = double.NegativeInfinity;
                var arg = z;
                for (var p = 0; p <= z; p++)
                {
                    if (!Allowed((PageZone)p, (PageZone)z, allowComments))
                        continue;
                    var candidate = score[p] - (p == z ? 0 : EntryCost((PageZone)z));
                    if (candidate > best)
                    {
                        best = candidate;
                        arg = p;
                    }
                }

                next[z] = best + Emit(line, (PageZone)z);
                back[i, z] = arg;
            }

            (score, next) = (next, score);
        }

        var zones = new PageZone[n];
        if (n == 0)
            return zones;
        var state = 0;
        for (var z = 1; z < ZoneCount; z++)
        {
            if (score[z] > score[state])
                state = z;
        }

        for (var i = n - 1; i >= 0; i--)
        {
            zones[i] = (PageZone)state;
            state = back[i, state];
        }

        return zones;
    }

    /// <summary>Readers comment on a report: a comment section never follows the site header directly.</summary>
    private static bool Allowed(PageZone from, PageZone to, bool allowComments) => to != PageZone.Comments
        || (allowComments && from is PageZone.Body or PageZone.Trailer or PageZone.Comments);

    private double EntryCost(PageZone zone) => zone switch
    {
        PageZone.Comments => _w.EnterComments,
        PageZone.Trailer or PageZone.Tail => _w.EnterFurniture,
        _ => 0,
    };

    internal double Emit(LineProfile line, PageZone zone)
    {
        if (line.IsBlank)
            return 0;
        var furniture = Math.Min(line.Furniture, _w.FurnitureCap);
        return zone switch
        {
            PageZone.Body => Math.Max(
                line.Prose - (_w.FurnitureAgainstProse * furniture) - (_w.VoiceAgainstProse * line.ReaderVoice) - (line.IsByline ? _w.Byline : 0),
                // A lone label such as "Advertisement" between paragraphs is furniture inside the report, not the
                // report's end: it costs the body little, so the body is not cut at the first advert.
                line.IsShortLabel && !line.IsByline && line.CommentAuthor is null ? -_w.InlineFurniture : double.NegativeInfinity),
            PageZone.Comments => (_w.Voice * line.ReaderVoice)
                - (_w.ReportingAgainstVoice * Math.Min(line.ReportingCues, 2))
                - (_w.FurnitureAgainstProse * furniture * 1.5)
                + (line.CommentAuthor is null ? 0 : _w.CommentAuthor)
                - _w.CommentLineCost,
            _ => (_w.FurnitureCue * furniture)
                + (line.IsShortLabel ? _w.ShortLabel : 0)
                + (line.IsHeadlineLike ? _w.Headline : 0)
                + (line.IsByline ? _w.Byline : 0)
                + (line.IsDateOnly ? _w.DateOnly : 0)
                - (_w.ProseAgainstFurniture * line.Prose)
                - (line.CommentAuthor is null ? 0 : _w.CommentAuthor),
        };
    }
}
