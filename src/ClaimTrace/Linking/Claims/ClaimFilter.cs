namespace ClaimTrace;

/// <summary>
/// Which linked claims a listing shows. Every filter is optional and they combine with AND, all ignoring case:
/// <see cref="Measure"/> is a measure key or its family ("territory.is_held", "territory"); <see cref="Speaker"/> a
/// substring of a report's side or the speaker as written (echoes by the outlet do not count); <see cref="Place"/>
/// the claim's scope or a report's; <see cref="Outlet"/> the outlet of a report. <see cref="From"/> and
/// <see cref="To"/> (2018, 2018-12 or 2018-12-11, inclusive) keep claims whose date could fall in the range; a
/// claim without a year is left out by either. <see cref="DisputedOnly"/> keeps claims a dispute or contradiction
/// touches (revisions are a side changing its figure, not a challenge).
/// </summary>
public sealed record ClaimFilter(
    string? Measure = null,
    string? Speaker = null,
    string? Place = null,
    string? Outlet = null,
    string? From = null,
    string? To = null,
    bool DisputedOnly = false)
{
    /// <summary>The claims of <paramref name="result"/> that pass, in the linker's order (family, date, id).</summary>
    public IEnumerable<Claim> Apply(LinkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var questioned = DisputedOnly ? Questioned(result) : null;
        var from = LooseDate.Parse(From)?.First;
        var to = LooseDate.Parse(To)?.Last;
        return result.Claims.Where(c =>
            (Measure is null || Same(c.Measure, Measure) || Same(c.Family, Measure))
            && (Speaker is null || NamedBy(c, Speaker))
            && (Place is null || Same(c.Scope, Place) || c.Reports.Any(r => Same(r.Scope, Place)))
            && (Outlet is null || c.Reports.Any(r => Same(r.Outlet, Outlet)))
            && ((from is null && to is null) || Within(c.Date, from, to))
            && (questioned is null || questioned.Contains(c.Id)));
    }

    /// <summary>True when a report proper (not an outlet's echo) names <paramref name="speaker"/> as its side or as written.</summary>
    public static bool NamedBy(Claim claim, string speaker)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return claim.Reports.Any(r => !r.IsEcho && (Has(r.Side.Display, speaker) || Has(r.SpeakerWritten, speaker)));
    }

    /// <summary>Ids of the claims a dispute or a contradiction touches, on either side of it.</summary>
    public static HashSet<string> Questioned(LinkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in result.Conflicts.Where(c => c.Kind is ConflictKind.Dispute or ConflictKind.Contradiction))
        {
            ids.Add(c.Claim);
            if (c.Other is { } other)
                ids.Add(other);
        }

        return ids;
    }

    private static bool Within(string? date, DateOnly? from, DateOnly? to) =>
        LooseDate.Parse(date) is { First: { } first, Last: { } last } && (from is null || last >= from) && (to is null || first <= to);

    private static bool Same(string? a, string b) => a is not null && a.Equals(b, StringComparison.OrdinalIgnoreCase);

    private static bool Has(string? text, string part) => text is not null && text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
