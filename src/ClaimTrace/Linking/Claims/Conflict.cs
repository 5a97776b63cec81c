namespace ClaimTrace;

public enum ConflictKind
{
    /// <summary>The same side gives a new value later (85% in 2017, 96.5% in 2018).</summary>
    Revision,

    /// <summary>Two values that cannot both hold at the same time, for one scope or for a scope and a part of it.</summary>
    Contradiction,

    /// <summary>A stance cue or a counter-statement that targets the claim ("It remains unclear how ... reached this 96.5%").</summary>
    Dispute,
}

/// <summary>
/// Something a reader would flag about a claim. <see cref="Claim"/> is the claim flagged; <see cref="Other"/> the
/// claim it conflicts with (null for a dispute by a stance cue); <see cref="Evidence"/> the page and span that
/// shows it, and <see cref="Why"/> the rule in words.
/// </summary>
public sealed record Conflict(ConflictKind Kind, string Claim, string? Other, ConflictEvidence Evidence, string Why);

/// <summary>Where a conflict is seen: a page and a span of its text (the stance cue, or the later claim's figure), and who says so.</summary>
public sealed record ConflictEvidence(string PageId, TextSpan Span, string By, StanceKind? Stance = null);

/// <summary>Pages that report one event: copies of each other, or reports of one claim in the same days.</summary>
public sealed record SameEvent(IReadOnlyList<string> Pages, IReadOnlyList<string> Why);

/// <summary>The values of one measure family for one country (and the places in it) in date order, with their conflicts.</summary>
public sealed record Timeline(string Family, string Scope, IReadOnlyList<Claim> Points, IReadOnlyList<Conflict> Conflicts)
{
    /// <summary>Points of the whole timeline left out of this one, when it is a window on it (<see cref="TimelineWindow"/>).</summary>
    public int Omitted { get; init; }
}

/// <summary>A date linking gave a statement that its page does not give.</summary>
public sealed record InferredDate(string PageId, int Statement, string Date, string How);

/// <summary>Everything the claims linker found: claims, events, conflicts, timelines, and the dates it inferred.</summary>
public sealed record LinkResult(
    IReadOnlyList<Claim> Claims,
    IReadOnlyList<SameEvent> SameEvents,
    IReadOnlyList<Conflict> Conflicts,
    IReadOnlyList<Timeline> Timelines,
    IReadOnlyList<InferredDate> InferredDates,
    IReadOnlyDictionary<string, (string Date, string How)> PageDates);
