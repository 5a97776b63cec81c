using System.CommandLine;
using ClaimTrace.Cli.Commands;

namespace ClaimTrace.Cli;

/// <summary>Builds the <c>claimtrace</c> command tree. Each command lives in its own file under Commands/.</summary>
public static class CliApp
{
    public static int Run(string[] args, CliEnvironment env)
    {
        var globals = new GlobalOptions(env);
        var root = new RootCommand("ClaimTrace follows a claim across news outlets and time: it reads messy news pages, separates article from furniture and comments, and stores what it finds.");
        globals.AddTo(root);
        root.Add(DemoCommand.Create(globals));
        root.Add(IngestCommand.Create(globals));
        root.Add(DocsCommand.Create(globals));
        root.Add(ShowCommand.Create(globals));
        root.Add(ExtractCommand.Create(globals));
        root.Add(EvalCommand.Create(globals));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                env.StandardError.WriteLine($"claimtrace: {error.Message}");
            env.StandardError.WriteLine("Run 'claimtrace --help' for usage.");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration { Output = new ConsoleTextWriter(env), Error = env.StandardError };
        return parsed.Invoke(invocation);
    }
}
