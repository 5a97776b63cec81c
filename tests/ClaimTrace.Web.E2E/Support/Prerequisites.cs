using ClaimTrace.Tests;

namespace ClaimTrace.Web.E2E.Support;

/// <summary>
/// What the end-to-end tests need from the machine: the reference corpus beside the repository (tests/ClaimTrace.Tests/Support/Corpus.cs,
/// compiled into this project too) and Debian's Chromium. Without either they skip with a message, except in
/// CI (<c>CI=true</c>) where a missing prerequisite is a failure, so a machine without a browser never passes by skipping.
/// </summary>
internal static class Prerequisites
{
    /// <summary>Debian's package puts it here; Playwright never downloads a browser of its own in this project.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Why the tests cannot run here, or null when everything is present.</summary>
    public static string? Missing()
    {
        var missing = new List<string>();
        if (Corpus.Located is null)
            missing.Add("../shared/corpus was not found beside the repository (or in CLAIMTRACE_CORPUS)");
        else if (!File.Exists(Path.Combine(Corpus.Located!, "seeds", "expected.json")))
            missing.Add($"the corpus is present but {Path.Combine(Corpus.Located!, "seeds")} holds no seeds");
        if (!File.Exists(ChromiumPath))
            missing.Add($"{ChromiumPath} is missing (apt-get install chromium)");
        return missing.Count == 0 ? null : string.Join("; ", missing) + ".";
    }

    /// <summary>Skips the calling test with <paramref name="reason"/>, or fails it under CI=true.</summary>
    public static void SkipOrFail(string reason)
    {
        if (Corpus.IsCi)
            Assert.Fail("End-to-end tests cannot run: " + reason + " CI=true, so this is a failure, not a skip.");
        Assert.Skip("End-to-end tests skipped: " + reason);
    }

    public static string SeedsFolder => Path.Combine(Corpus.Located ?? throw new InvalidOperationException("no corpus"), "seeds");
}
