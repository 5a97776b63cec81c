namespace ClaimTrace;

/// <summary>
/// Why an input, or one record of it, could not become a page: one line a user can act on.
/// <see cref="Location"/> names the line, row or record (<c>line 12</c>, <c>record 3 at byte 40960</c>).
/// </summary>
public sealed record ReadFailure(string Source, string? Location, FailureKind Kind, string Reason)
{
    public override string ToString() =>
        Location is null ? $"{Source}: {Reason}" : $"{Source} ({Location}): {Reason}";
}

/// <summary>Coarse reasons, so a summary can count skipped inputs by cause.</summary>
public enum FailureKind
{
    Empty,
    Binary,
    Encoding,
    Malformed,
    Truncated,
    TooLarge,
    Unsupported,
    NotFound,
    Io,
}
