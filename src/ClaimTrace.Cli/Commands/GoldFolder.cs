namespace ClaimTrace.Cli.Commands;

/// <summary>
/// A folder of pages with a gold file, as the line-based eval commands read it: finds the gold file and runs
/// each page it names through the standard pipeline, noting the pages that could not be read.
/// </summary>
internal sealed class GoldFolder(CliEnvironment env, string folder)
{
    private readonly PageProcessor _processor = Pipelines.CreateProcessor();
    private readonly SourceWalker _walker = Inputs.Walker(env);
    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>The gold file (FOLDER/expected.json unless given), or null after saying it is missing.</summary>
    public string? GoldPath(string? given)
    {
        var path = given ?? Path.Combine(folder, "expected.json");
        if (File.Exists(path))
            return path;
        env.StandardError.WriteLine($"claimtrace: no gold file at {path}");
        return null;
    }

    /// <summary>The processed page for a file the gold names, or null (noted as a failure) when it cannot be read.</summary>
    public Page? Load(string file)
    {
        var path = Path.Combine(folder, file);
        var outcome = _walker.Read([path], null)
            .Select(r => r.Page is { } raw ? _processor.Process(raw) : PageOutcome.Fail(r.Failure!))
            .FirstOrDefault();
        if (outcome.Page is null)
            _failures.Add($"{path}: {outcome.Failure?.Reason ?? "not found"}");
        return outcome.Page;
    }

    /// <summary>Reports the unreadable pages on stderr; the exit code a scoring command ends with.</summary>
    public int Finish()
    {
        foreach (var failure in _failures)
            env.StandardError.WriteLine($"skipped {failure}");
        return _failures.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }
}
