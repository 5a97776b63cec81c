using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>
/// Values words imply without a figure, from <c>Data/analysis/implicit.tsv</c>: "completely liberated" is a
/// 100% free territory, "no territory controlled by ISIS" a 0% held one. Patterns are user-extensible and run
/// over whole pages, so they are compiled NonBacktracking: linear time whatever a user writes.
/// </summary>
internal sealed class ImplicitQuantities
{
    private static readonly Lazy<ImplicitQuantities> Shared = new(() => Load("analysis/implicit.tsv"));

    private readonly Rule[] _rules;

    private ImplicitQuantities(Rule[] rules)
    {
        _rules = rules;

        // One pass of all patterns together tells whether a page has any implied value; most pages have none,
        // and one pass costs a sixth of running each rule.
        Any = rules.Length == 0 ? null : new Regex(string.Join('|', rules.Select(r => "(?:" + r.Pattern + ")")), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));
    }

    /// <summary>All the patterns as one; null when there are none.</summary>
    public Regex? Any { get; }

    public static ImplicitQuantities Default => Shared.Value;

    internal sealed record Rule(double Value, string Unit, string Measure, Regex Pattern);

    public IReadOnlyList<Rule> Rules => _rules;

    public static ImplicitQuantities Load(string relativePath) => Parse(relativePath, DataFiles.ReadLines(relativePath));

    /// <summary>Reads rules from lines of the file named <paramref name="relativePath"/>; a bad line is a <see cref="FormatException"/> naming the file.</summary>
    internal static ImplicitQuantities Parse(string relativePath, IEnumerable<string> lines)
    {
        var rules = new List<Rule>();
        foreach (var line in lines)
        {
            var cells = line.Split('\t');
            if (cells.Length < 4)
                throw new FormatException($"{relativePath}: an implicit value needs value, unit, measure and pattern: '{line}'");
            Regex pattern;
            try
            {
                pattern = new Regex(cells[3], RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                // A user's pattern that the non-backtracking engine cannot run (a look-around, a back-reference) is a data error.
                throw new FormatException($"{relativePath}: the pattern of '{line}' cannot be used: {e.Message}", e);
            }

            rules.Add(new Rule(double.Parse(cells[0], CultureInfo.InvariantCulture), cells[1].Trim(), cells[2].Trim(), pattern));
        }

        return new ImplicitQuantities([.. rules]);
    }
}
