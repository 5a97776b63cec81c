namespace ClaimTrace.Tests;

/// <summary>
/// Finds <c>../shared/corpus</c> beside the repository. Tests that need it call <see cref="Require"/>:
/// without the corpus they skip with a message, except in CI (<c>CI=true</c>) where a missing corpus
/// is a failure, so a broken checkout never passes by skipping.
/// </summary>
internal static class Corpus
{
    private static readonly Lazy<string?> Root = new(Locate);

    public static string Require(params string[] parts)
    {
        var root = Root.Value;
        if (root is null)
        {
            const string message = "../shared/corpus was not found beside the repository; corpus tests need it.";
            if (IsCi)
                Assert.Fail(message + " CI=true, so this is a failure, not a skip.");
            Assert.Skip(message);
        }

        var path = Path.Combine([root!, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
            Assert.Fail($"The corpus is present but {path} is missing.");
        return path;
    }

    /// <summary>The corpus folder, or null when it is not beside the repository (nor in CLAIMTRACE_CORPUS).</summary>
    public static string? Located => Root.Value;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

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

    private static string? Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CLAIMTRACE_CORPUS");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
            return fromEnv;
        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "corpus"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}
