using System.CommandLine;
using System.CommandLine.Parsing;
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
        root.Add(ClaimsCommand.Create(globals));
        root.Add(CopiesCommand.Create(globals));
        root.Add(TimelineCommand.Create(globals));
        root.Add(ExportCommand.Create(globals));
        root.Add(SourcesCommand.Create(globals));
        root.Add(SearchCommand.Create(globals));
        root.Add(EntitiesCommand.Create(globals));
        root.Add(DossierCommand.Create(globals));
        root.Add(RelinkCommand.Create(globals));
        root.Add(ExtractCommand.Create(globals));
        root.Add(EvalCommand.Create(globals));
        root.Add(ServeCommand.Create(globals));
        root.Add(QueueCommand.CreateWorker(globals));
        root.Add(QueueCommand.CreateQueue(globals));

        var parsed = root.Parse(args);
        // A command taking paths would accept '--typo' as a path; an unknown option is a usage error instead
        // (a file whose name starts with '--' can still be given as ./--name).
        var unknown = parsed.Tokens
            .Where(t => t.Type == TokenType.Argument && t.Value.StartsWith("--", StringComparison.Ordinal) && t.Value.Length > 2)
            .Select(t => $"Unrecognized option '{t.Value}'.");
        var errors = parsed.Errors.Select(e => e.Message).Concat(unknown).ToList();
        if (errors.Count > 0)
        {
            foreach (var error in errors)
                env.StandardError.WriteLine($"claimtrace: {error}");
            env.StandardError.WriteLine("Run 'claimtrace --help' for usage.");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration { Output = new ConsoleTextWriter(env), Error = env.StandardError, EnableDefaultExceptionHandler = false };
        try
        {
            return parsed.Invoke(invocation);
        }
        catch (StoreException e)
        {
            // The store already says which database, what it was doing and that the batch was not stored; a stack
            // trace adds nothing a user can act on.
            env.StandardError.WriteLine($"claimtrace: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
