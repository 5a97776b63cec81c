namespace ClaimTrace.Tests;

/// <summary>
/// Store tests that load the machine (10,000-page ingest, property runs, child processes) run alone,
/// after the parallel tests, so they do not starve wall-clock-bounded work elsewhere in the suite
/// (the segmenter's regex cues have a one-second match timeout).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StoreCollection
{
    public const string Name = "Heavy store tests";
}
