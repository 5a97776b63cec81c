namespace ClaimTrace.Web.E2E.Support;

/// <summary>
/// What the end-to-end tests need from the machine: the reference corpus beside the repository (same lookup as
/// tests/ClaimTrace.Tests/Support/Corpus.cs) and Debian's Chromium. Without either they skip with a message, except in
/// CI (<c>CI=true</c>) where a missing prerequisite is a failure, so a machine without a browser never passes by skipping.
/// </summary>
internal static class Prerequisites
{
    /// <summary>Debian's package puts it here; Playwright never downloads a browser of its own in this project.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the tests cannot run here, or null when everything is present.</summary>
    public static string? Missing()
    {
        var missing = new List<string>();
        if (CorpusRoot() is null)
            missing.Add("../shared/corpus was not found beside the repository (or in CLAIMTRACE_CORPUS)");
        else if (!File.Exists(Path.Combine(CorpusRoot()!, "seeds", "expected.json")))
            missing.Add($"the corpus is present but {Path.Combine(CorpusRoot()!, "seeds")} holds no seeds");
        if (!File.Exists(ChromiumPath))
            missing.Add($"{ChromiumPath} is missing (apt-get install chromium)");
        return missing.Count == 0 ? null : string.Join("; ", missing) + ".";
    }

    /// <summary>Skips the calling test with <paramref name="reason"/>, or fails it under CI=true.</summary>
    public static void SkipOrFail(string reason)
    {
        if (IsCi)
            Assert.Fail("End-to-end tests cannot run: " + reason + " CI=true, so this is a failure, not a skip.");
        Assert.Skip("End-to-end tests skipped: " + reason);
    }

    public static string SeedsFolder => Path.Combine(CorpusRoot() ?? throw new InvalidOperationException("no corpus"), "seeds");

    /// <summary>The repository root: the folder holding ClaimTrace.slnx, found upwards from the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ClaimTrace.slnx")))
                    return dir.FullName;
            }

            throw new InvalidOperationException("Cannot find the repository root (ClaimTrace.slnx) above " + AppContext.BaseDirectory);
        }
    }

    private static string? CorpusRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CLAIMTRACE_CORPUS");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
            return fromEnv;
        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
