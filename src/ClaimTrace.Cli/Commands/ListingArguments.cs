namespace ClaimTrace.Cli.Commands;

/// <summary>The date range and paging options that listing commands (claims, search) share, checked one way.</summary>
internal static class ListingArguments
{
    /// <summary>Prints each problem with the options on stderr; false when there is any.</summary>
    public static bool Valid(CliEnvironment env, string? from, string? to, int limit, int offset)
    {
        var problems = ListingChecks.Problems(from, to, limit, offset);
        foreach (var problem in problems)
            env.StandardError.WriteLine($"claimtrace: {problem}");
        return problems.Count == 0;
    }
}
