namespace ClaimTrace;

/// <summary>
/// The page store could not do what was asked: the database cannot be opened, is not a database, was
/// written by a newer ClaimTrace, or a batch failed (and was rolled back). The message names the
/// database and what failed, so a user can act on it without a stack trace.
/// </summary>
public sealed class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public StoreException(string database, string message, Exception? innerException = null)
        : base($"Page store '{database}': {message}", innerException)
    {
        Database = database;
    }

    /// <summary>The database file (or connection description) the failure is about.</summary>
    public string? Database { get; }
}
