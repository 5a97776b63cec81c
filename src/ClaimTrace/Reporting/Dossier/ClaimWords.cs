using System.Globalization;

namespace ClaimTrace;

/// <summary>
/// Claims, figures and dates said the way a newcomer reads them: "Russian Defense Ministry said 100% of Syria is
/// free of the armed group (6 Dec 2017)". Phrases per measure come from <c>reporting/measure-phrases.tsv</c>, the
/// explanations of page dates from <c>reporting/date-how.tsv</c>; every number and date is written in the
/// invariant culture so a dossier reads the same on every machine.
/// </summary>
public sealed class ClaimWords
{
    private static readonly Lazy<ClaimWords> Shipped = new(() => new ClaimWords(
        DataFiles.ReadLines("reporting/measure-phrases.tsv"), DataFiles.ReadLines("reporting/date-how.tsv")));

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private readonly Dictionary<string, string> _phrases;
    private readonly Dictionary<string, string> _dateHow;

    public ClaimWords(IEnumerable<string> measurePhrases, IEnumerable<string> dateHow)
    {
        _phrases = Table(measurePhrases, "measure-phrases.tsv");
        _dateHow = Table(dateHow, "date-how.tsv");
    }

    public static ClaimWords Default => Shipped.Value;

    /// <summary>The claim as one sentence: who said what, and when ("... said more than 96.5% of Syria is under government control (11 Dec 2018)").</summary>
    public string Sentence(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var when = claim.Date is null ? "date unknown" : Date(claim.Date);
        return $"{claim.Side.Display} said {Proposition(claim.Measure, claim.Scope, Figure(claim.Qualifier, claim.Value, claim.ValueMax, claim.Unit))} ({when})";
    }

    /// <summary>What is claimed, without who or when: "more than 96.5% of Syria is under government control".</summary>
    public string Proposition(string measure, string? scope, string figure)
    {
        var place = string.IsNullOrWhiteSpace(scope) ? "the area (not named)" : scope;
        return _phrases.TryGetValue(measure, out var phrase)
            ? phrase.Replace("{value}", figure, StringComparison.Ordinal).Replace("{scope}", place, StringComparison.Ordinal)
            : $"{measure.Replace('.', ' ').Replace('_', ' ')}: {figure} ({place})";
    }

    /// <summary>A figure with its qualifier and unit as a reader writes it: "more than 96.5%", "around 27,000 km²", "1,411".</summary>
    public static string Figure(string? qualifier, double value, double? valueMax, string unit)
    {
        var number = Number(value) + (valueMax is { } max && max != value ? "–" + Number(max) : "");
        var withUnit = unit switch
        {
            "percent" => number + "%",
            "count" => number,
            "people" => number + " people",
            "km2" => number + " km²",
            "mi2" => number + " sq mi",
            _ when unit.StartsWith("money:", StringComparison.Ordinal) => number + " " + unit[6..],
            _ => number + " " + unit,
        };
        return string.IsNullOrWhiteSpace(qualifier) ? withUnit : qualifier + " " + withUnit;
    }

    /// <summary>A number with thousands separators and no needless decimals: 1,411; 96.5; 0.25.</summary>
    public static string Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? value.ToString("#,0", CultureInfo.InvariantCulture)
            : value.ToString("#,0.###", CultureInfo.InvariantCulture);

    /// <summary>
    /// An ISO date as a reader writes it, no more precise than it is: "6 Dec 2017", "Sep 2017", "2017",
    /// "11 Dec (year unknown)", a range as "6–8 Dec 2017" or "1 Jan 2018 – 12 Dec 2018".
    /// </summary>
    public static string Date(string iso)
    {
        ArgumentNullException.ThrowIfNull(iso);
        var dots = iso.IndexOf("..", StringComparison.Ordinal);
        if (dots > 0)
        {
            var (from, to) = (iso[..dots], iso[(dots + 2)..]);
            if (from.Length == 10 && to.Length == 10 && from[..8] == to[..8] && One(from) is not null)
                return $"{int.Parse(from[8..], CultureInfo.InvariantCulture)}–{Date(to)}";
            return $"{Date(from)} – {Date(to)}";
        }

        return One(iso) ?? iso;
    }

    /// <summary>Where a report's date came from, in words: the page's own date explained, or the linker's reason as written.</summary>
    public string DateHow(string how)
    {
        ArgumentNullException.ThrowIfNull(how);
        const string page = "page: ";
        if (how.StartsWith(page, StringComparison.Ordinal) && _dateHow.TryGetValue(how[page.Length..], out var words))
            return words;
        return how;
    }

    private static string? One(string iso)
    {
        if (LooseDate.Parse(iso) is not { } d)
            return null;
        if (!d.HasYear)
            return d.Month is { } m ? (d.Day is { } day ? $"{day} {Months[m - 1]}" : Months[m - 1]) + " (year unknown)" : null;
        var first = d.First!.Value;
        if (iso.Length == 4)
            return iso;
        if (iso.Contains('W', StringComparison.Ordinal))
            return FormattableString.Invariant($"week of {first.Day} {Months[first.Month - 1]} {first.Year}");
        return d.Day is { } dd
            ? FormattableString.Invariant($"{dd} {Months[first.Month - 1]} {first.Year}")
            : FormattableString.Invariant($"{Months[first.Month - 1]} {first.Year}");
    }

    private static Dictionary<string, string> Table(IEnumerable<string> lines, string file)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var cells = line.Split('\t');
            if (cells.Length < 2 || cells[0].Trim().Length == 0 || cells[1].Trim().Length == 0)
                throw new FormatException($"{file}: '{line}' needs a key and its words separated by a tab.");
            table[cells[0].Trim()] = cells[1].Trim();
        }

        return table;
    }
}
