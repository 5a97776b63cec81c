namespace ClaimTrace.Bench;

internal static class CorpusLocator
{
    /// <summary>../shared/corpus beside the repository, or the folder named by CLAIMTRACE_CORPUS.</summary>
    public static string Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CLAIMTRACE_CORPUS");
        if (!string.IsNullOrEmpty(fromEnv))
            return fromEnv;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClaimTrace.slnx")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
        }

        throw new DirectoryNotFoundException("Cannot find ../shared/corpus; set CLAIMTRACE_CORPUS.");
    }
}
