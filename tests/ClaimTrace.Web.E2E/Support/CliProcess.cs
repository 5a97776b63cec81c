using System.Diagnostics;
using System.Text;

namespace ClaimTrace.Web.E2E.Support;

/// <summary>
/// The real <c>claimtrace</c> program, run as a child process from the build output of the referenced CLI project
/// (copied beside the test binaries), so the tests exercise what a user runs and build nothing themselves.
/// </summary>
internal static class CliProcess
{
    public static string Dll
    {
        get
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "ClaimTrace.Cli.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("The CLI is not beside the test binaries; the project reference builds it.", dll);
        }
    }

    /// <summary>The dotnet host that runs the tests (the SDK's when run by <c>dotnet test</c>), else the one on PATH.</summary>
    private static string Host => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h : "dotnet";

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo(Host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        // The child must not inherit a database or data folder from the developer's shell.
        info.Environment.Remove("CLAIMTRACE_DB");
        info.Environment.Remove("CLAIMTRACE_TOKEN");
        return info;
    }

    /// <summary>Runs the CLI to the end; returns its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(TimeSpan patience, params string[] args)
    {
        using var process = Process.Start(StartInfo(args)) ?? throw new InvalidOperationException("could not start the CLI");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"claimtrace {string.Join(' ', args)} did not finish within {patience}");
        }

        return (process.ExitCode, await output, await error);
    }

    public static string Describe(int exitCode, string output, string error)
    {
        var text = new StringBuilder();
        text.Append("exit code ").Append(exitCode);
        if (output.Length > 0)
            text.Append("; stdout: ").Append(output.Trim());
        if (error.Length > 0)
            text.Append("; stderr: ").Append(error.Trim());
        return text.ToString();
    }
}
