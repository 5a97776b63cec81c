namespace ClaimTrace.Cli;

/// <summary>Exit codes scripts can rely on (documented in the README).</summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Ok = 0;

    /// <summary>The command ran, but some inputs were skipped (each one reported with its reason).</summary>
    public const int SomeInputsFailed = 1;

    /// <summary>The command line was wrong: unknown option, missing argument.</summary>
    public const int Usage = 2;

    /// <summary>Nothing could be done: the database cannot be opened, no input could be read, a document does not exist.</summary>
    public const int Failed = 3;
}
