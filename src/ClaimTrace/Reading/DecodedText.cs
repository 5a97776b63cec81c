namespace ClaimTrace;

/// <summary>The result of decoding bytes: the text, the encoding used, and any repair made on the way.</summary>
public sealed record DecodedText(string Text, string Encoding, string? Warning);
