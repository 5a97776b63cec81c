namespace ClaimTrace.Tests;

/// <summary>Made-up article texts for linking tests: random words from a fixed vocabulary, reproducible by seed.</summary>
internal static class LinkingText
{
    private static readonly string[] Vocabulary =
    [
        "the", "ministry", "said", "on", "tuesday", "that", "forces", "had", "retaken", "most", "of", "territory",
        "officials", "reported", "refugees", "returned", "border", "crossing", "aid", "convoy", "city", "council",
        "budget", "vote", "election", "senator", "claimed", "percent", "river", "valley", "province", "statement",
        "according", "to", "sources", "spokesman", "denied", "report", "agency", "army", "colonel", "general",
        "meeting", "committee", "hospital", "schools", "rebuilt", "power", "stations", "water", "ceasefire",
    ];

    public static string Words(int seed, int count)
    {
        var random = new Random(seed);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
    }

    public static Page Page(string key, string text, string? published = null, string? outlet = null, MetaValue? credit = null) =>
        PageBuilder.For(key).WithText(text).WithMetadata(PageMetadata.Empty with
        {
            Published = published is null ? null : new MetaValue(published, "container:csv"),
            Outlet = outlet is null ? null : new MetaValue(outlet, "container:csv"),
            OriginalSource = credit,
        }).Build();
}
