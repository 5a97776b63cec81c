namespace ClaimTrace;

/// <summary>
/// Limits every reader honours. They exist so one runaway input (a 2 GB log renamed .txt, a CSV whose
/// quote never closes) becomes a clear <see cref="FailureKind.TooLarge"/> instead of an out-of-memory crash.
/// </summary>
public sealed record ReadingOptions
{
    /// <summary>The most bytes one page may have; larger pages fail as <see cref="FailureKind.TooLarge"/>, naming the limit.</summary>
    public long MaxPageBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>
    /// The most bytes one container record may have: a WARC record, a CSV row, a JSON Lines line. A record
    /// carries a page plus headers or other fields, so it is allowed more than <see cref="MaxPageBytes"/>.
    /// </summary>
    public long MaxRecordBytes { get; init; } = 32 * 1024 * 1024;

    public static ReadingOptions Default { get; } = new();

    /// <summary>Rejects limits no reader can work with, so a misconfiguration fails when readers are built, not mid-batch.</summary>
    public ReadingOptions Validate()
    {
        if (MaxPageBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxPageBytes), MaxPageBytes, "The page limit must be positive.");
        if (MaxRecordBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxRecordBytes), MaxRecordBytes, "The record limit must be positive.");
        if (MaxRecordBytes > Array.MaxLength || MaxPageBytes > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(MaxRecordBytes), MaxRecordBytes, $"Limits above {Array.MaxLength} bytes cannot be held in memory.");
        return this;
    }

    internal string PageLimitText => $"the {ByteSize.Format(MaxPageBytes)} page limit (ReadingOptions.MaxPageBytes = {MaxPageBytes})";

    internal string RecordLimitText => $"the {ByteSize.Format(MaxRecordBytes)} record limit (ReadingOptions.MaxRecordBytes = {MaxRecordBytes})";
}
