using Spectre.Console;

namespace ClaimTrace.Cli;

/// <summary>
/// Everything a command touches outside itself: the console for people, raw standard output for
/// machine-readable output, standard input, the clock. Tests build one over in-memory streams.
/// </summary>
public sealed class CliEnvironment
{
    public required IAnsiConsole Console { get; init; }
    public required Stream StandardOutput { get; init; }
    public required TextWriter StandardError { get; init; }
    public required Func<Stream> StandardInput { get; init; }
    public TimeProvider Time { get; init; } = TimeProvider.System;
    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>False when output is redirected: no progress bars or colours in a log file.</summary>
    public bool Interactive { get; init; }

    public static CliEnvironment FromProcess() => new()
    {
        Console = AnsiConsole.Console,
        StandardOutput = System.Console.OpenStandardOutput(),
        StandardError = System.Console.Error,
        StandardInput = System.Console.OpenStandardInput,
        Interactive = !System.Console.IsOutputRedirected && !System.Console.IsErrorRedirected,
    };
}
