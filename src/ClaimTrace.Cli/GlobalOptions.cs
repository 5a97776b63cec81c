using System.CommandLine;

namespace ClaimTrace.Cli;

/// <summary>Options every command understands: where the database is, and how talkative to be.</summary>
public sealed class GlobalOptions(CliEnvironment env)
{
    public const string DatabaseVariable = "CLAIMTRACE_DB";

    public CliEnvironment Env { get; } = env;

    public Option<string?> Database { get; } = new("--db")
    {
        Description = $"the database file (default: ${DatabaseVariable}, else ./claimtrace.db)",
        Recursive = true,
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "print nothing but errors and requested output (for scripts)",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Add(Database);
        root.Add(Quiet);
    }

    public string DatabasePath(ParseResult parsed) =>
        parsed.GetValue(Database) ?? Env.GetVariable(DatabaseVariable) ?? Path.Combine(Environment.CurrentDirectory, "claimtrace.db");
}
