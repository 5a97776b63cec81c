namespace ClaimTrace;

/// <summary>
/// The measures file (<c>Data/analysis/measures.tsv</c>): which measure key a quantity reports, from its unit,
/// the thing it counts and the cue words around it. The nearest cue wins, so "1,411 settlements were liberated
/// ... having retaken more than 96.5% of the territory" gives the settlements to "liberated" and the share to
/// "retaken".
/// </summary>
public sealed class MeasureTable
{
    private readonly MeasureRow[] _rows;

    private MeasureTable(MeasureRow[] rows) => _rows = rows;

    private sealed record MeasureRow(string Key, string[] Units, string[]? What, string[] Context);

    public static MeasureTable Default { get; } = Load("analysis/measures.tsv");

    public IEnumerable<string> Keys => _rows.Select(r => r.Key);

    public static MeasureTable Load(string relativePath)
    {
        var rows = new List<MeasureRow>();
        foreach (var line in DataFiles.ReadLines(relativePath))
        {
            var cells = line.Split('\t');
            if (cells.Length < 4)
                throw new FormatException($"{relativePath}: a measure needs key, units, what and context: '{line}'");
            var what = cells[2].Trim() == "*" ? null : List(cells[2]);
            rows.Add(new MeasureRow(cells[0].Trim(), List(cells[1]), what, List(cells[3])));
        }

        return new MeasureTable([.. rows]);
    }

    /// <summary>
    /// The measure for a quantity of <paramref name="unit"/> counting <paramref name="what"/>, at
    /// <paramref name="at"/> in <paramref name="sentence"/> of <paramref name="text"/>; and the unit the measure
    /// gives a bare count ("the population was 2 million" counts people). Null when nothing fits.
    /// </summary>
    public (string Key, string Unit)? Find(string text, TextSpan sentence, TextSpan at, string unit, string? what, bool bareCount)
    {
        (string Key, string Unit)? best = null;
        var bestDistance = int.MaxValue;
        foreach (var row in _rows)
        {
            var unitFits = row.Units.Contains(unit, StringComparer.Ordinal) || (bareCount && row.Units[0] is "people" or "count");
            if (!unitFits)
                continue;
            if (row.What is not null && (what is null || !row.What.Any(w => ContainsWord(what, w))))
                continue;
            var distance = NearestCue(text, sentence, at, row.Context);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = (row.Key, bareCount ? row.Units[0] : unit);
            }
        }

        return best;
    }

    private static int NearestCue(string text, TextSpan sentence, TextSpan at, string[] cues)
    {
        var best = int.MaxValue;
        var span = text.AsSpan(sentence.Start, sentence.Length);
        foreach (var cue in cues)
        {
            var from = 0;
            while (from < span.Length)
            {
                var hit = span[from..].IndexOf(cue, StringComparison.OrdinalIgnoreCase);
                if (hit < 0)
                    break;
                var start = from + hit;
                var end = start + cue.Length;
                if (IsWordEdge(span, start, end, cue))
                {
                    var absolute = sentence.Start + start;
                    var distance = absolute >= at.End ? absolute - at.End : Math.Max(0, at.Start - (sentence.Start + end));
                    best = Math.Min(best, distance);
                }

                from = start + 1;
            }
        }

        return best;
    }

    private static bool IsWordEdge(ReadOnlySpan<char> span, int start, int end, string cue)
    {
        var leftOk = !char.IsLetter(cue[0]) || start == 0 || !char.IsLetter(span[start - 1]);
        var rightOk = !char.IsLetter(cue[^1]) || end >= span.Length || !char.IsLetter(span[end]);
        return leftOk && rightOk;
    }

    private static bool ContainsWord(string phrase, string word)
    {
        var at = phrase.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetter(phrase[at - 1])) && (end == phrase.Length || !char.IsLetter(phrase[end])))
                return true;
            at = phrase.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    private static string[] List(string cell) =>
        cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
