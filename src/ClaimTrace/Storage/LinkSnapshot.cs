namespace ClaimTrace;

/// <summary>
/// Claims linking's result as the store keeps it (schema 6): the claims with the columns listing needs and their
/// bodies, and the rest of the result as parts. Bodies are JSON the linking layer writes and reads
/// (<see cref="StoredLinks"/>); the store does not look inside them.
/// </summary>
public sealed record LinkSnapshot(LinkState State, IReadOnlyList<StoredClaim> Claims, IReadOnlyList<LinkPart> Parts);

/// <summary>What a stored result was made from (<see cref="Inputs"/>, a digest), when, and how big it is.</summary>
public sealed record LinkState(string Inputs, DateTimeOffset LinkedAt, int Pages, int Claims, int Conflicts);

/// <summary>One stored claim: its id, the columns to filter on, the pages it is reported on and its JSON body.</summary>
public sealed record StoredClaim(
    string Id, string Family, string Measure, string Unit, string? Scope, string SideKey, string Side, double Value,
    string? Date, int Reports, IReadOnlyList<string> Pages, string Body);

/// <summary>One part of a stored result other than a claim: <see cref="Kind"/> says which (conflict, event, ...).</summary>
public sealed record LinkPart(string Kind, string Body);

/// <summary>A document's current version: what a stored result records of each page it read.</summary>
public readonly record struct DocumentVersion(string Id, int Version);
