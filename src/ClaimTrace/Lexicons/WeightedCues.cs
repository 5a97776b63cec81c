using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>
/// A table of weighted regular-expression cues read from a data file (<c>weight TAB pattern</c>).
/// Scoring a line sums the weights of the cues it matches. One combined pattern is tried first:
/// most lines of prose match none, and that single pass keeps the common case cheap.
/// </summary>
public sealed class WeightedCues
{
    private readonly (double Weight, Regex Pattern)[] _cues;
    private readonly Regex _any;

    private WeightedCues((double Weight, Regex Pattern)[] cues, Regex any)
    {
        _cues = cues;
        _any = any;
    }

    public int Count => _cues.Length;

    public static WeightedCues Load(string relativePath)
    {
        // Lexicon patterns come from data files users extend, and lines can be megabytes long (a page flattened
        // to one line). The non-backtracking engine matches in time linear in the line whatever the pattern,
        // so no timeout is needed and none can fire on a busy machine.
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
        var cues = new List<(double, Regex)>();
        var patterns = new List<string>();
        foreach (var line in DataFiles.ReadLines(relativePath))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || !double.TryParse(line.AsSpan(0, tab), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
                throw new FormatException($"{relativePath}: expected 'weight<TAB>pattern' but found '{line}'.");
            var pattern = line[(tab + 1)..];
            cues.Add((weight, new Regex(pattern, options)));
            patterns.Add("(?:" + pattern + ")");
        }

        return new WeightedCues([.. cues], new Regex(string.Join('|', patterns), options));
    }

    public double Score(string line)
    {
        if (!_any.IsMatch(line))
            return 0;
        var total = 0.0;
        foreach (var (weight, pattern) in _cues)
        {
            if (pattern.IsMatch(line))
                total += weight;
        }

        return total;
    }
}
