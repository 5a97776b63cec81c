namespace ClaimTrace;

/// <summary>
/// The checks every listing makes of its date range and page before asking the store, so the CLI's options and the
/// web API's query parameters are judged by one rule and described in the same words.
/// </summary>
public static class ListingChecks
{
    /// <summary>Each problem with the arguments, naming them as <paramref name="prefix"/> + name ("--from", "from"); empty when there is none.</summary>
    public static IReadOnlyList<string> Problems(string? from, string? to, int limit, int offset, string prefix = "--")
    {
        var problems = new List<string>();
        foreach (var (name, value) in new[] { ("from", from), ("to", to) })
        {
            if (value is not null && !ClaimQuery.IsDate(value))
                problems.Add($"{prefix}{name} '{value}' is not a date of the form 2018, 2018-12 or 2018-12-11");
        }

        if (limit <= 0)
            problems.Add($"{prefix}limit must be at least 1");
        if (offset < 0)
            problems.Add($"{prefix}offset must not be negative");
        return problems;
    }
}
