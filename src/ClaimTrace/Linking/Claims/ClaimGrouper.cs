using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ClaimTrace;

/// <summary>
/// Groups reports into claims. Two reports make one claim when they are of one measure family, unit and scope,
/// give the same value (within <see cref="RelativeTolerance"/>, their qualifiers not pulling apart: "almost 100%"
/// is not "100%"), were made within <see cref="WindowDays"/> days of each other, and come from one side. Reports are
/// placed in three rounds so that vaguer speakers never decide a claim: first people and institutions; then a
/// country speaking as a whole ("Moscow's declaration"), which joins a claim of one of its institutions only when
/// exactly one fits; then the outlet's unattributed figures, which join a claim when the same page attributes the
/// figure to someone (a headline repeating the speaker's number). A report with no date joins a claim only when
/// exactly one fits; otherwise it stands alone rather than be guessed into one.
/// </summary>
public static class ClaimGrouper
{
    public const int WindowDays = 7;
    public const double RelativeTolerance = 0.005;

    public static IReadOnlyList<Claim> Group(IEnumerable<ClaimReport> reports)
    {
        var claims = new Index();
        var ordered = reports
            .OrderBy(r => LooseDate.Parse(r.Date)?.First ?? DateOnly.MaxValue)
            .ThenBy(r => r.PageId, StringComparer.Ordinal)
            .ThenBy(r => r.Statement)
            .ThenBy(r => r.Quantity)
            .ToList();

        foreach (var report in ordered.Where(r => r.Side.Level is SideLevel.Person or SideLevel.Institution))
            Place(claims, report, c => c.Side.Key == report.Side.Key, "same speaker's side", unique: false);
        foreach (var report in ordered.Where(r => r.Side.Level == SideLevel.Country))
            Place(claims, report, c => c.Side.Key == report.Side.Key || (c.Side.Level == SideLevel.Institution && c.Side.Country == report.Side.Country), $"{report.Side.Display} speaking as a whole, and one institution of it made the claim", unique: true);
        foreach (var report in ordered.Where(r => r.Side.Level == SideLevel.Outlet))
        {
            if (claims.OnPage(report.PageId).FirstOrDefault(c => c.Side.Level != SideLevel.Outlet && c.Reports.Any(r => r.PageId == report.PageId && !r.IsEcho && r.Unit == report.Unit && SameValue(r with { FamilyValue = r.Value }, report with { FamilyValue = report.Value }))) is { } echoed)
                claims.Add(echoed, report with { IsEcho = true }, "the outlet repeats the figure its page attributes to " + echoed.Side.Display);
            else
                Place(claims, report, c => c.Side.Key == report.Side.Key, "the outlet's own figure again", unique: false);
        }

        return [.. claims.All.Select(c => c.Build()).OrderBy(c => c.Family, StringComparer.Ordinal).ThenBy(c => LooseDate.Parse(c.Date)?.First ?? DateOnly.MaxValue).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    /// <param name="unique">Join only when the fitting claims are all of one side (a country joins its one institution that made the claim).</param>
    private static void Place(Index claims, ClaimReport report, Func<Building, bool> sameSide, string why, bool unique)
    {
        var date = LooseDate.Parse(report.Date);
        var fits = claims.Near(report).Where(c => SameProposition(c, report) && sameSide(c) && (date is not { } d || c.Dates.All(x => x.Near(d, WindowDays)))).ToList();
        Building? chosen = null;
        if (unique && fits.Select(f => f.Side.Key).Distinct().Count() > 1)
            fits.Clear();
        if (fits.Count == 1)
            chosen = fits[0];
        else if (date is { } when && fits.Count > 1)
            chosen = fits.MinBy(f => f.Dates.Count == 0 ? int.MaxValue : f.Dates.Min(x => Math.Abs(x.DaysBefore(when) ?? int.MaxValue / 2)));
        if (chosen is null)
            claims.Start(report);
        else
            claims.Add(chosen, report, why);
    }

    /// <summary>
    /// Claims by proposition (family, unit, scope and a bin of the value on a log scale one tolerance wide) and by
    /// page, so placing a report looks at the few claims it could join, not at all of them: grouping stays close
    /// to linear in the number of reports.
    /// </summary>
    private sealed class Index
    {
        private static readonly double BinWidth = Math.Log(1 + RelativeTolerance);
        private readonly Dictionary<(string, string, string, long), List<Building>> _byProposition = [];
        private readonly Dictionary<string, List<Building>> _byPage = new(StringComparer.Ordinal);

        public List<Building> All { get; } = [];

        public IEnumerable<Building> Near(ClaimReport report)
        {
            var bin = Bin(report.FamilyValue);
            for (var b = bin - 1; b <= bin + 1; b++)
            {
                if (_byProposition.TryGetValue(Key(report, b), out var list))
                {
                    foreach (var claim in list)
                        yield return claim;
                }
            }
        }

        public List<Building> OnPage(string pageId) => _byPage.TryGetValue(pageId, out var list) ? list : [];

        public void Start(ClaimReport report)
        {
            var claim = new Building(report);
            All.Add(claim);
            var key = Key(report, Bin(report.FamilyValue));
            if (!_byProposition.TryGetValue(key, out var list))
                _byProposition[key] = list = [];
            list.Add(claim);
            AddPage(claim, report.PageId);
        }

        public void Add(Building claim, ClaimReport report, string why)
        {
            if (!claim.Reports.Any(r => r.PageId == report.PageId))
                AddPage(claim, report.PageId);
            claim.Add(report, why);
        }

        private void AddPage(Building claim, string pageId)
        {
            if (!_byPage.TryGetValue(pageId, out var list))
                _byPage[pageId] = list = [];
            list.Add(claim);
        }

        private static (string, string, string, long) Key(ClaimReport r, long bin) => (r.Family, r.Unit, r.Scope?.ToLowerInvariant() ?? "", bin);

        private static long Bin(double value) => (long)Math.Floor(Math.Log(Math.Abs(value) + 1) / BinWidth) * Math.Sign(value == 0 ? 1 : value);
    }

    private static bool SameProposition(Building claim, ClaimReport report) =>
        claim.First.Family == report.Family
        && claim.First.Unit == report.Unit
        && string.Equals(claim.First.Scope, report.Scope, StringComparison.OrdinalIgnoreCase)
        && SameValue(claim.First, report);

    /// <summary>
    /// "4,690 residential buildings" and "266 schools" are two counts of one measure, not rival values of one count;
    /// a count that does not say what it counts may be either. (Grouping does not ask this: one value of one measure
    /// from one side in one week is one claim however the counted things are worded, "1,411 settlements" or
    /// "1,411 localities".)
    /// </summary>
    internal static bool SameThing(string? a, string? b) =>
        a is null || b is null || string.Equals(Singular(a), Singular(b), StringComparison.OrdinalIgnoreCase);

    private static string Singular(string what)
    {
        var w = what.Trim();
        return w.EndsWith("ies", StringComparison.OrdinalIgnoreCase) ? w[..^3] + "y"
            : w.EndsWith('s') && !w.EndsWith("ss", StringComparison.OrdinalIgnoreCase) ? w[..^1] : w;
    }

    /// <summary>Equal within tolerance, and the qualifiers do not put one on either side of the other.</summary>
    internal static bool SameValue(ClaimReport a, ClaimReport b)
    {
        var tolerance = Math.Max(1e-9, RelativeTolerance * Math.Max(Math.Abs(a.FamilyValue), Math.Abs(b.FamilyValue)));
        if (Math.Abs(a.FamilyValue - b.FamilyValue) > tolerance)
            return false;
        if (a.Direction == b.Direction || a.Direction == QualifierDirection.Approximate || b.Direction == QualifierDirection.Approximate)
            return true;
        // "more than 96.5%" and "96.5%" are one figure as news rounds it; "almost 100%" is a different statement
        // from "100%": next to all or nothing, a qualifier is the point of the sentence.
        if (IsAbsolute(a) || IsAbsolute(b))
            return false;
        return (a.Direction, b.Direction) is (QualifierDirection.Exact, QualifierDirection.AtLeast) or (QualifierDirection.AtLeast, QualifierDirection.Exact);
    }

    private static bool IsAbsolute(ClaimReport r) => r.Unit == "percent" && (Math.Abs(r.Value) < 1e-9 || Math.Abs(r.Value - 100) < 1e-9);

    private sealed class Building(ClaimReport first)
    {
        private readonly List<ClaimReport> _reports = [first];
        private readonly List<string> _why = [$"{first.Key}: first report"];

        public ClaimReport First { get; } = first;

        public Side Side { get; private set; } = first.Side;

        public IReadOnlyList<ClaimReport> Reports => _reports;

        public List<LooseDate> Dates { get; } = LooseDate.Parse(first.Date) is { } d ? [d] : [];

        public void Add(ClaimReport report, string why)
        {
            _reports.Add(report);
            _why.Add($"{report.Key}: {why}");
            // Distinct dates only: a claim repeated on thousands of pages has a handful of dates, and each new
            // report is checked against all of them.
            if (LooseDate.Parse(report.Date) is { } d && !Dates.Contains(d))
                Dates.Add(d);
            // A claim first placed by a country or the outlet takes the more precise side that joins it.
            if (Side.Level > report.Side.Level)
                Side = report.Side;
        }

        public Claim Build()
        {
            var reports = _reports.OrderBy(r => r.PageId, StringComparer.Ordinal).ThenBy(r => r.Statement).ThenBy(r => r.Quantity).ToList();
            var anchor = reports.FirstOrDefault(r => r.Side.Key == Side.Key && r.Direction == QualifierDirection.Exact) ?? reports.First(r => r.Side.Key == Side.Key);
            return new Claim(IdOf(anchor, reports[0]), Side, anchor.Measure, anchor.Family, anchor.Scope, anchor.Value, anchor.ValueMax,
                anchor.FamilyValue, anchor.Unit, anchor.Qualifier, anchor.Direction, DateOf(), reports, _why);
        }

        /// <summary>The days the reports say it was said; a publication date stands in only when no report says.</summary>
        private string? DateOf()
        {
            var said = _reports.Where(r => !r.IsEcho && !r.DatedByPublication).Select(r => LooseDate.Parse(r.Date)).OfType<LooseDate>().ToList();
            var dates = said.Count > 0 ? said : Dates;
            var full = dates.Where(d => d.HasYear).OrderBy(d => d.First).ThenBy(d => d.Last).ToList();
            if (full.Count == 0)
                return dates.Select(d => d.Iso).Order(StringComparer.Ordinal).FirstOrDefault();
            var first = full[0];
            var last = full.MaxBy(d => d.Last);
            return first.Iso == last.Iso || last.Last <= first.Last ? first.Iso : first.Iso + ".." + last.Iso;
        }

        private string IdOf(ClaimReport anchor, ClaimReport firstReport)
        {
            var text = string.Join('|', Side.Key, anchor.Family, anchor.Unit, anchor.Scope ?? "", anchor.FamilyValue.ToString("R", CultureInfo.InvariantCulture), firstReport.Key);
            return "c" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
        }
    }
}
