namespace ClaimTrace;

/// <summary>Decoded text, or the reason there is none (<see cref="Kind"/> and <see cref="Reason"/>). Errors travel as values.</summary>
public readonly record struct DecodeResult(DecodedText? Text, FailureKind? Kind, string? Reason)
{
    public bool Succeeded => Text is not null;

    /// <summary>The failure as the walker and the store report it: the whole input, no location.</summary>
    public ReadFailure ToFailure(string source)
    {
        if (Text is not null)
            throw new InvalidOperationException("The text was decoded; there is no failure to report.");
        return new ReadFailure(source, null, Kind ?? FailureKind.Encoding, Reason ?? "could not be decoded");
    }

    internal static DecodeResult Ok(string text, string encoding, string? warning) => new(new DecodedText(text, encoding, warning), null, null);

    internal static DecodeResult Fail(FailureKind kind, string reason) => new(null, kind, reason);
}
