using ClaimTrace.Cli;

return CliApp.Run(args, CliEnvironment.FromProcess());
