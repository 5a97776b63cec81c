namespace ClaimTrace.Cli;

/// <summary>Turns command-line paths into pages to read, with standard input behind '-'.</summary>
internal static class Inputs
{
    /// <summary>A walker over the command's inputs; it also tallies files no reader handles, for the summary.</summary>
    public static SourceWalker Walker(CliEnvironment env) => Pipelines.CreateWalker(ReadingOptions.Default, env.StandardInput);

    /// <summary>The bytes the inputs hold, for the progress bar's estimate (stdin counts as unknown).</summary>
    public static long TotalBytes(IReadOnlyList<string> paths)
    {
        long total = 0;
        foreach (var path in paths)
        {
            try
            {
                if (File.Exists(path))
                    total += new FileInfo(path).Length;
                else if (Directory.Exists(path))
                    total += new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The walker reports unreadable inputs; the estimate just leaves them out.
            }
        }

        return total;
    }
}
