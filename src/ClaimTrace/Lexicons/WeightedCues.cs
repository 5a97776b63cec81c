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
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;
        var cues = new List<(double, Regex)>();
        var patterns = new List<string>();
        foreach (var line in DataFiles.ReadLines(relativePath))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || !double.TryParse(line.AsSpan(0, tab), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
                throw new FormatException($"{relativePath}: expected 'weight<TAB>pattern' but found '{line}'.");
            var pattern = line[(tab + 1)..];
            cues.Add((weight, Warmed(new Regex(pattern, options, TimeSpan.FromSeconds(1)))));
            patterns.Add("(?:" + pattern + ")");
        }

        return new WeightedCues([.. cues], Warmed(new Regex(string.Join('|', patterns), options, TimeSpan.FromSeconds(1))));
    }

    /// <summary>
    /// A compiled pattern is JIT-compiled on its first match, and that first match runs under the timeout:
    /// for the combined pattern it took 0.3-0.6 s on an idle machine and more than the one-second budget on
    /// a busy one, so the first page scored could fail for no fault of its own. One throwaway match at load
    /// pays that cost outside any page, and the timeout is left to guard against runaway patterns.
    /// (An empty input is not enough: it is rejected before the compiled matcher runs.)
    /// </summary>
    private static Regex Warmed(Regex regex)
    {
        try
        {
            regex.IsMatch("x");
        }
        catch (RegexMatchTimeoutException)
        {
            // The code is compiled now, which is all the warm-up is for.
        }

        return regex;
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
