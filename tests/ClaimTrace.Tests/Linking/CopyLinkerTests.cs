using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

public sealed class CopyLinkerTests
{
    private readonly Fingerprinter fingerprinter = new();
    private static readonly string Story = LinkingText.Words(21, 300);

    private Fingerprint Print(string key, string text, string? published = null, string? outlet = null, MetaValue? credit = null) =>
        fingerprinter.Of(LinkingText.Page(key, text, published, outlet, credit));

    [Fact]
    public void A_near_duplicate_published_later_is_the_copy()
    {
        var linker = new CopyLinker();
        var origin = Print("https://a.example/1", Story, "2018-12-11", "Alpha");
        var copy = Print("https://b.example/1", Story, "2018-12-12", "Beta");

        linker.Add(copy);
        var link = Assert.Single(linker.Add(origin));

        Assert.Equal((copy.PageId, origin.PageId, LinkDirection.ByDate), (link.CopyId, link.OriginId, link.Direction));
        Assert.Equal(("2018-12-12", "2018-12-11"), (link.CopyPublished, link.OriginPublished));
        Assert.Equal(1.0, link.Similarity!.Jaccard);
        Assert.Contains("after", link.Explain(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2018-12-11", "2018-12-11")]
    [InlineData("2018-12", "2018-12-11")]
    [InlineData(null, "2018-12-11")]
    public void Same_day_or_unknown_dates_leave_a_near_duplicate_pair_undirected(string? first, string? second)
    {
        var linker = new CopyLinker();
        linker.Add(Print("https://a.example/1", Story, first));
        var link = Assert.Single(linker.Add(Print("https://b.example/1", Story, second)));

        Assert.Equal(LinkDirection.Undirected, link.Direction);
        Assert.True(string.CompareOrdinal(link.CopyId, link.OriginId) < 0);
        Assert.Contains("direction unknown", link.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_credit_beats_the_dates_and_links_to_the_outlet_even_without_its_pages()
    {
        var linker = new CopyLinker();
        var credit = new MetaValue("South Front", "text:original-source", 10, 21);
        var copy = Print("https://b.example/1", Story, "2018-12-10", "Global Research", credit);
        var origin = Print("https://southfront.org/x", Story, "2018-12-11", "South Front");

        var alone = Assert.Single(linker.Add(copy));
        var pair = Assert.Single(linker.Add(origin));

        Assert.Equal((copy.PageId, null, "South Front"), (alone.CopyId, alone.OriginId, alone.OriginOutlet));
        Assert.Equal((copy.PageId, origin.PageId, LinkDirection.Credited), (pair.CopyId, pair.OriginId, pair.Direction));
        Assert.Equal(credit.Start, pair.Credit!.Start);
    }

    [Fact]
    public void A_credited_url_links_to_its_page_without_any_shared_text()
    {
        var linker = new CopyLinker();
        var origin = Print("https://www.example.org/news/story-1/", LinkingText.Words(1, 200), outlet: "Example") with { Url = "https://www.example.org/news/story-1/" };
        var copy = Print("https://copy.example/1", LinkingText.Words(2, 200), outlet: "Copier", credit: new MetaValue("http://example.org/news/story-1", "text:source-link"));

        linker.Add(origin);
        var links = linker.Add(copy);

        Assert.Contains(links, l => l.OriginId == origin.PageId && l.Direction == LinkDirection.Credited && l.Similarity is null);
    }

    [Fact]
    public void Another_story_of_the_credited_outlet_is_not_its_origin()
    {
        var linker = new CopyLinker();
        linker.Add(Print("https://southfront.org/other", LinkingText.Words(99, 300), outlet: "South Front"));

        var links = linker.Add(Print("https://b.example/1", Story, outlet: "Global Research", credit: new MetaValue("SouthFront", "text:contributed-by")));

        Assert.DoesNotContain(links, l => l.IsPagePair);
    }

    [Fact]
    public void A_page_crediting_its_own_outlet_copies_nobody()
    {
        var linker = new CopyLinker();

        Assert.Empty(linker.Add(Print("https://southfront.org/1", Story, outlet: "South Front", credit: new MetaValue("southfront.org", "text:source-link"))));
    }
}

/// <summary>The links do not depend on the order pages arrive in: what makes a rebuilt store equal an incremental one.</summary>
public sealed class CopyLinkerOrderTests
{
    [Fact]
    public void Any_arrival_order_gives_the_same_links()
    {
        var gen =
            from seed in Gen.Choose(0, 100_000)
            from shuffle in Gen.Choose(0, 100_000)
            select (seed, shuffle);
        Prop.ForAll(Arb.From(gen), input =>
        {
            var pages = MakePages(input.seed);
            var random = new Random(input.shuffle);
            List<Fingerprint> shuffled = [.. pages.OrderBy(_ => random.Next())];
            return Links(pages).SequenceEqual(Links(shuffled));
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Twelve pages from three stories: copies with a few words changed, cut short, credited or dated.</summary>
    private static List<Fingerprint> MakePages(int seed)
    {
        var random = new Random(seed);
        var fingerprinter = new Fingerprinter();
        string[] outlets = ["Alpha", "Beta", "Gamma", "South Front"];
        var pages = new List<Fingerprint>();
        for (var i = 0; i < 12; i++)
        {
            var words = LinkingText.Words(seed + (i % 3), 200).Split(' ');
            for (var w = 0; w < words.Length; w++)
            {
                if (random.NextDouble() < 0.05)
                    words[w] = "edit" + random.Next(1000);
            }

            var text = string.Join(' ', words.Take(random.Next(120, 201)));
            var credit = random.Next(4) == 0 ? new MetaValue(outlets[random.Next(outlets.Length)], "text:contributed-by") : null;
            var date = random.Next(3) == 0 ? null : $"2018-12-{random.Next(10, 14)}";
            pages.Add(fingerprinter.Of(LinkingText.Page($"https://p{i}.example/x", text, date, outlets[random.Next(outlets.Length)], credit)));
        }

        return pages;
    }

    private static List<string> Links(List<Fingerprint> order)
    {
        var linker = new CopyLinker();
        return [.. order.SelectMany(linker.Add).Select(l => $"{l.CopyId}>{l.Target}:{l.Direction}:{l.Similarity?.Jaccard}").Order(StringComparer.Ordinal)];
    }
}
