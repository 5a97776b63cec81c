namespace ClaimTrace.Web.E2E.Support;

/// <summary>
/// Where screenshots go: the folder named by <c>ARTIFACTS</c> (CI can collect it), else
/// <c>TestResults/screenshots</c> under the test binaries.
/// </summary>
internal static class Artifacts
{
    public static string Folder
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("ARTIFACTS") is { Length: > 0 } fromEnv
                ? fromEnv
                : Path.Combine(AppContext.BaseDirectory, "TestResults");
            return Directory.CreateDirectory(Path.Combine(root, "screenshots")).FullName;
        }
    }

    public static string Screenshot(string name) => Path.Combine(Folder, name + ".png");
}
