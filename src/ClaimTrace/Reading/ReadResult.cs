namespace ClaimTrace;

/// <summary>What a reader yields for each item: a page, or the reason there is none. Errors travel as values.</summary>
public readonly record struct ReadResult
{
    private ReadResult(RawPage? page, ReadFailure? failure)
    {
        Page = page;
        Failure = failure;
    }

    public RawPage? Page { get; }
    public ReadFailure? Failure { get; }

    public static ReadResult Ok(RawPage page) => new(page, null);
    public static ReadResult Fail(ReadFailure failure) => new(null, failure);

    public static ReadResult Fail(string source, string? location, FailureKind kind, string reason) =>
        new(null, new ReadFailure(source, location, kind, reason));
}
