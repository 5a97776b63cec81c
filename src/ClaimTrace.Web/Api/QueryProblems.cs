using Microsoft.AspNetCore.Http;

namespace ClaimTrace.Web;

/// <summary>
/// Collects what is wrong with a request's query parameters, in the words the CLI uses for its options, and turns
/// them into one 400 problem listing them all (a client fixes everything at once rather than one per round trip).
/// </summary>
internal sealed class QueryProblems
{
    private readonly List<string> problems = [];

    /// <summary>The date range and paging checks every listing makes (<see cref="ListingChecks"/>).</summary>
    public QueryProblems Listing(string? from, string? to, PageRequest page)
    {
        problems.AddRange(ListingChecks.Problems(from, to, page.Limit, page.Offset, prefix: ""));
        return this;
    }

    /// <summary>A stance must be one of the analysis's names for it.</summary>
    public StanceKind? Stance(string? stance)
    {
        if (string.IsNullOrEmpty(stance))
            return null;
        var known = AnalysisWireNames.All<StanceKind>().ToList();
        if (known.Contains(stance, StringComparer.Ordinal))
            return AnalysisWireNames.FromWire<StanceKind>(stance);
        problems.Add($"stance '{stance}' is not one of {string.Join(", ", known)}");
        return null;
    }

    public void Add(string problem) => problems.Add(problem);

    /// <summary>Null when the request is fine, else the 400 problem to answer with.</summary>
    public IResult? Result() => problems.Count == 0 ? null
        : Problems.Result(StatusCodes.Status400BadRequest, "Invalid query", string.Join("; ", problems),
            new Dictionary<string, object?> { ["errors"] = problems.ToArray() });

    /// <summary>Text a person typed into a filter: blank means no filter.</summary>
    public static string? Filter(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
