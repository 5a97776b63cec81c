namespace ClaimTrace;

/// <summary>A processed input: a page, or the reason there is none. Errors travel as values.</summary>
public readonly record struct PageOutcome(Page? Page, ReadFailure? Failure)
{
    public static PageOutcome Ok(Page page) => new(page, null);
    public static PageOutcome Fail(ReadFailure failure) => new(null, failure);
}
