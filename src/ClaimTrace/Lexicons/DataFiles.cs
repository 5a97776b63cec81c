using System.Reflection;

namespace ClaimTrace;

/// <summary>
/// The product's lexicons and tables: shipped inside the assembly, extended by the user. A file of the
/// same relative name under the folder named by <c>CLAIMTRACE_DATA</c> is read after the shipped one,
/// so users add outlets, furniture cues or verbs without rebuilding.
/// </summary>
public static class DataFiles
{
    public const string UserFolderVariable = "CLAIMTRACE_DATA";

    /// <summary>The non-blank, non-comment lines of a data file (shipped first, then the user's).</summary>
    public static IReadOnlyList<string> ReadLines(string relativePath)
    {
        var lines = new List<string>();
        AddLines(lines, ReadShipped(relativePath));
        var userFolder = Environment.GetEnvironmentVariable(UserFolderVariable);
        if (!string.IsNullOrEmpty(userFolder))
        {
            var userFile = Path.Combine(userFolder, relativePath);
            if (File.Exists(userFile))
                AddLines(lines, File.ReadAllText(userFile));
        }

        return lines;
    }

    private static string ReadShipped(string relativePath)
    {
        var name = "ClaimTrace.Data." + relativePath.Replace('\\', '/');
        using var stream = typeof(DataFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Data file '{relativePath}' is not shipped in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void AddLines(List<string> lines, string content)
    {
        foreach (var raw in content.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            lines.Add(line);
        }
    }
}
