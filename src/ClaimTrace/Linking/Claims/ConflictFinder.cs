namespace ClaimTrace;

/// <summary>
/// Finds revisions, contradictions and disputes among claims. Values are compared on their family's base scale
/// (100% free is 0% held) and only in one unit. A claim about a place and one about a place inside it conflict when
/// a share of the whole rules out the part's: IS holding 0% of Syria and 8% of Deir Ezzor province cannot both be
/// true on the same days, nor can a count of the part exceed the whole's.
/// </summary>
public sealed class ConflictFinder(Gazetteer gazetteer)
{
    /// <param name="events">Pages that report one event: counts (of deaths, of arrests) are compared only within one
    /// event, since two death tolls for one country in one week are usually two incidents, not rival figures. Shares of a
    /// whole (percent: territory held, power restored) describe one state of one place and are compared anyway.</param>
    public IReadOnlyList<Conflict> Find(IReadOnlyList<Claim> claims, IReadOnlyList<LinkedPage> pages, IReadOnlyList<SameEvent> events)
    {
        _eventOf.Clear();
        for (var i = 0; i < events.Count; i++)
        {
            foreach (var page in events[i].Pages)
                _eventOf[page] = i;
        }

        var conflicts = new List<Conflict>();
        // Only pairs that can clash are compared, so the cost grows with the claims of a week, not with all pairs:
        // contradictions within a sliding window of dates, revisions between a side's successive figures.
        foreach (var family in claims.GroupBy(c => (c.Family, c.Unit)))
        {
            var dated = family
                .Select(c => (Claim: c, Date: LooseDate.Parse(c.Date)))
                .Where(c => c.Date is { HasYear: true })
                .Select(c => (c.Claim, First: c.Date!.Value.First!.Value, Last: c.Date!.Value.Last!.Value))
                .OrderBy(c => c.First).ThenBy(c => c.Claim.Id, StringComparer.Ordinal)
                .ToList();
            for (var i = 0; i < dated.Count; i++)
            {
                var reach = dated[i].Last.AddDays(ClaimGrouper.WindowDays);
                for (var j = i + 1; j < dated.Count && dated[j].First <= reach; j++)
                {
                    if (Compare(dated[i].Claim, dated[j].Claim) is { Kind: ConflictKind.Contradiction } conflict)
                        conflicts.Add(conflict);
                }
            }

            foreach (var series in dated.GroupBy(c => (c.Claim.Side.Key, Scope: c.Claim.Scope?.ToLowerInvariant())))
            {
                var list = series.ToList();
                for (var i = 1; i < list.Count; i++)
                {
                    if (Compare(list[i - 1].Claim, list[i].Claim) is { Kind: ConflictKind.Revision } conflict)
                        conflicts.Add(conflict);
                }
            }
        }

        conflicts.AddRange(Disputes(claims, pages));

        // In an order of their own, not of the pages': a store lists pages by id, a caller in any order, and the same
        // corpus must give the same result either way.
        return [.. conflicts
            .OrderBy(c => c.Kind)
            .ThenBy(c => c.Claim, StringComparer.Ordinal)
            .ThenBy(c => c.Other, StringComparer.Ordinal)
            .ThenBy(c => c.Evidence.PageId, StringComparer.Ordinal)
            .ThenBy(c => c.Evidence.Span.Start)];
    }

    private readonly Dictionary<string, int> _eventOf = new(StringComparer.Ordinal);

    /// <summary>
    /// Shares of a whole always; counts only when reported on two different pages of one event (one article's
    /// list of tolls, "140,000 in Hiroshima and 80,000 in Nagasaki", is not a contradiction).
    /// </summary>
    private bool Comparable(Claim a, Claim b) =>
        a.Unit == "percent"
        || a.Pages.Any(p => _eventOf.TryGetValue(p, out var e) && b.Pages.Any(q => q != p && _eventOf.TryGetValue(q, out var f) && e == f));

    private Conflict? Compare(Claim earlier, Claim later)
    {
        if (earlier.Scope is null || later.Scope is null || !Comparable(earlier, later))
            return null;
        if (LooseDate.Parse(earlier.Date) is not { } a || LooseDate.Parse(later.Date) is not { } b
            || !ClaimGrouper.SameThing(earlier.Reports[0].What, later.Reports[0].What) || ShareASentence(earlier, later))
            return null;
        var evidence = new ConflictEvidence(later.Reports[0].PageId, later.Reports[0].Evidence, later.Side.Display);
        var sameScope = string.Equals(earlier.Scope, later.Scope, StringComparison.OrdinalIgnoreCase);
        if (a.Near(b, ClaimGrouper.WindowDays))
        {
            // A figure for a month or a year to date is not a figure for the days of the other: no contradiction.
            // And one side's figures in one week are parts of one account (a poll's shares, a toll by region),
            // not a side contradicting itself: a contradiction is between two sides.
            if (!Short(a) || !Short(b) || earlier.Side.Key == later.Side.Key)
                return null;
            if (sameScope && !Overlap(earlier, later))
                return new Conflict(ConflictKind.Contradiction, later.Id, earlier.Id, evidence,
                    $"{Describe(later)} and {Describe(earlier)} about {later.Scope} within {ClaimGrouper.WindowDays} days");
            if (!sameScope && earlier.Scope is { } s1 && later.Scope is { } s2)
            {
                var (whole, part) = gazetteer.Contains(s1, s2) ? (earlier, later) : gazetteer.Contains(s2, s1) ? (later, earlier) : (null, null);
                if (whole is not null && part is not null && PartRulesOutWhole(whole, part))
                    return new Conflict(ConflictKind.Contradiction, later.Id, earlier.Id, evidence,
                        $"{Describe(part)} about {part.Scope}, which lies in {whole.Scope}, cannot hold with {Describe(whole)} about {whole.Scope} within {ClaimGrouper.WindowDays} days");
            }

            return null;
        }

        // A revision is read from the figures as stated: "over 85%" then "more than 96.5%" is the side moving its
        // number, though the two bounds would not contradict each other.
        if (sameScope && earlier.Side.Key == later.Side.Key && earlier.Side.Level != SideLevel.Outlet && !ClaimGrouper.SameValue(earlier.Reports[0], later.Reports[0]) && a.DaysBefore(b) > 0)
            return new Conflict(ConflictKind.Revision, later.Id, earlier.Id, evidence,
                $"{later.Side.Display} gives {Describe(later)} on {later.Date}, after {Describe(earlier)} on {earlier.Date}");
        return null;
    }

    private static bool Short(LooseDate d) =>
        d.First is { } f && d.Last is { } l && l.DayNumber - f.DayNumber <= ClaimGrouper.WindowDays;

    /// <summary>Figures listed in one sentence ("five tanks and 42 pickups") are parts of one report, not rival values.</summary>
    private static bool ShareASentence(Claim a, Claim b) =>
        a.Reports.Any(r => b.Reports.Any(o => o.PageId == r.PageId && o.Sentence == r.Sentence));

    /// <summary>Whether the two claims' values, with their qualifiers, leave any value both could mean.</summary>
    private static bool Overlap(Claim a, Claim b)
    {
        var (a0, a1) = Range(a);
        var (b0, b1) = Range(b);
        return a0 <= b1 && b0 <= a1;
    }

    private static (double Low, double High) Range(Claim c)
    {
        var v = c.FamilyValue;
        var tolerance = Math.Max(1e-9, ClaimGrouper.RelativeTolerance * Math.Abs(v));
        return c.Direction switch
        {
            QualifierDirection.AtLeast => (v - tolerance, double.PositiveInfinity),
            QualifierDirection.AtMost => (double.NegativeInfinity, v + tolerance),
            QualifierDirection.Approximate => (v - Math.Max(tolerance, 0.1 * Math.Abs(v)), v + Math.Max(tolerance, 0.1 * Math.Abs(v))),
            _ => (v - tolerance, v + tolerance),
        };
    }

    /// <summary>A part's figure rules out the whole's: none of the whole but some of a part, all of the whole but not all of a part, or a count of the part above the whole's.</summary>
    private static bool PartRulesOutWhole(Claim whole, Claim part)
    {
        var (w0, w1) = Range(whole);
        var (p0, p1) = Range(part);
        if (whole.Unit == "percent")
            return (w1 <= 1e-6 && p0 > 1e-6) || (w0 >= 100 - 1e-6 && p1 < 100 - 1e-6);
        return p0 > w1;
    }

    private static IEnumerable<Conflict> Disputes(IReadOnlyList<Claim> claims, IReadOnlyList<LinkedPage> pages)
    {
        var byStatement = new Dictionary<(string Page, int Statement), List<(Claim Claim, ClaimReport Report)>>();
        foreach (var claim in claims)
        {
            foreach (var report in claim.Reports.Where(r => !r.IsEcho))
            {
                if (!byStatement.TryGetValue((report.PageId, report.Statement), out var list))
                    byStatement[(report.PageId, report.Statement)] = list = [];
                list.Add((claim, report));
            }
        }

        foreach (var page in pages)
        {
            foreach (var stance in page.Analysis.Stances)
            {
                if (stance.Kind != StanceKind.Disputed)
                    continue;
                var by = stance.By == "outlet" || (stance.By.Length > 0 && char.IsLower(stance.By[0])) ? page.Outlet ?? "the outlet" : stance.By;
                foreach (var claim in TargetClaims(page, stance, byStatement))
                {
                    yield return new Conflict(ConflictKind.Dispute, claim.Id, null, new ConflictEvidence(page.Id, stance.Span, by, stance.Kind),
                        $"{by} disputes it: \"{Shorten(page.Page.Text[stance.Start..stance.End])}\"");
                }
            }
        }
    }

    /// <summary>
    /// The claim a stance targets: the one its target statement reports, else the one reported in the same sentence
    /// (a speaker's "he said" and the "Moscow's declaration" it follows are one report).
    /// </summary>
    private static IEnumerable<Claim> TargetClaims(LinkedPage page, StanceCue stance, Dictionary<(string, int), List<(Claim Claim, ClaimReport Report)>> byStatement)
    {
        var statements = page.Analysis.Statements;
        if (stance.TargetStatement < 0 || stance.TargetStatement >= statements.Count)
            return [];
        if (!byStatement.TryGetValue((page.Id, stance.TargetStatement), out var targeted))
        {
            var sentence = statements[stance.TargetStatement].Sentence;
            targeted = [.. statements.Where(s => s.Sentence == sentence).SelectMany(s => byStatement.GetValueOrDefault((page.Id, s.Index)) ?? [])];
        }

        // A statement with several figures is disputed in the one the cue's sentence names ("how Mizintsev reached
        // this 96.5%"); when the cue names none of them, in all of them.
        var cueSentence = page.Analysis.Sentences.FirstOrDefault(s => s.Span.Contains(stance.Start))?.Span ?? stance.Span;
        var named = page.Analysis.Quantities.Where(q => cueSentence.Contains(q.Start)).Select(q => q.Value).ToList();
        var matching = targeted.Where(t => named.Any(v => Math.Abs(v - t.Report.Value) <= 1e-9 * Math.Max(1, Math.Abs(v)))).ToList();
        return (matching.Count > 0 ? matching : targeted).Select(t => t.Claim).Distinct();
    }

    private static string Describe(Claim c) =>
        FormattableString.Invariant($"{(c.Qualifier is { } q ? q + " " : "")}{c.Value:0.###} {c.Unit} ({c.Measure})");

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
