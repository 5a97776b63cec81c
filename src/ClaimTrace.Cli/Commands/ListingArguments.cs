namespace ClaimTrace.Cli.Commands;

/// <summary>The date range and paging options that listing commands (claims, search) share, checked one way.</summary>
internal static class ListingArguments
{
    /// <summary>Prints each problem with the options on stderr; false when there is any.</summary>
    public static bool Valid(CliEnvironment env, string? from, string? to, int limit, int offset)
    {
        var problems = new List<string>();
        foreach (var (name, value) in new[] { ("--from", from), ("--to", to) })
        {
            if (value is not null && !ClaimQuery.IsDate(value))
                problems.Add($"{name} '{value}' is not a date of the form 2018, 2018-12 or 2018-12-11");
        }

        if (limit <= 0)
            problems.Add("--limit must be at least 1");
        if (offset < 0)
            problems.Add("--offset must not be negative");
        foreach (var problem in problems)
            env.StandardError.WriteLine($"claimtrace: {problem}");
        return problems.Count == 0;
    }
}
