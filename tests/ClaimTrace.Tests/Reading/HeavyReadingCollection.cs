namespace ClaimTrace.Tests;

/// <summary>
/// Reading tests that keep a core busy for a second or more (a 50 MB file, whole corpus files, every cut point
/// of a WARC, property runs). They run on their own after the parallel tests, so on a two-core machine they
/// do not starve tests elsewhere that guard their regular expressions with match timeouts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyReadingCollection
{
    public const string Name = "Heavy reading";
}
