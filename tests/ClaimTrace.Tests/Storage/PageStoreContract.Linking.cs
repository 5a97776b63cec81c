namespace ClaimTrace.Tests;

/// <summary>The contract's part about near-duplicate fingerprints and copy links.</summary>
public abstract partial class PageStoreContract<TStore>
{
    private static readonly string LinkedStory = LinkingText.Words(42, 300);

    private static Page[] LinkedPages() =>
    [
        LinkingText.Page("https://southfront.org/a", LinkedStory, "2018-12-11", "South Front"),
        LinkingText.Page("https://globalresearch.ca/a", LinkedStory + " more words", "2018-12-12", "Global Research",
            new MetaValue("South Front", "text:original-source", 5, 16)),
        LinkingText.Page("https://other.example/z", LinkingText.Words(43, 300), "2018-12-12", "Other"),
    ];

    [Fact]
    public void Fingerprints_and_copy_links_round_trip()
    {
        var pages = LinkedPages();
        Store.SaveBatch(pages, []);
        var linker = new CopyLinker();
        var prints = pages.Select(p => new Fingerprinter().Of(p)).ToList();
        var links = prints.SelectMany(linker.Add).ToList();

        Store.SaveLinking("test-scheme", prints, links);

        var stored = Store.LoadFingerprints();
        Assert.Equal(prints.OrderBy(p => p.PageId, StringComparer.Ordinal).Select(p => p.PageId), stored.Select(s => s.Fingerprint.PageId));
        Assert.All(stored, s => Assert.Equal("test-scheme", s.Scheme));
        foreach (var s in stored)
        {
            var original = prints.Single(p => p.PageId == s.Fingerprint.PageId);
            Assert.Equal(original.Signature, s.Fingerprint.Signature);
            Assert.Equal(original with { Signature = s.Fingerprint.Signature }, s.Fingerprint);
        }

        var listed = Store.ListCopyLinks(new CopyLinkQuery());
        Assert.Equal(links.OrderBy(l => l.CopyId + "|" + l.Target, StringComparer.Ordinal), listed);
        Assert.Equal(2, listed.Count);
        Assert.Single(Store.ListCopyLinks(new CopyLinkQuery(PagePairsOnly: true)));
        Assert.Equal(2, Store.ListCopyLinks(new CopyLinkQuery(PageId: pages[1].Id)).Count);
        Assert.Empty(Store.ListCopyLinks(new CopyLinkQuery(PageId: pages[2].Id)));
    }

    [Fact]
    public void Pages_without_a_fingerprint_of_the_scheme_or_of_their_current_version_are_listed()
    {
        var pages = LinkedPages();
        Store.SaveBatch(pages, []);
        Store.SaveLinking("s1", [new Fingerprinter().Of(pages[0])], []);

        Assert.Equal(pages.Skip(1).Select(p => p.Id).Order(StringComparer.Ordinal), Store.ListUnfingerprinted("s1", 10));
        Assert.Equal(3, Store.ListUnfingerprinted("s2", 10).Count);
        Assert.Single(Store.ListUnfingerprinted("s1", 1));

        Store.SaveBatch([pages[0] with { Text = pages[0].Text + " edited", ContentHash = "new" }], []);
        Assert.Contains(pages[0].Id, Store.ListUnfingerprinted("s1", 10));
    }

    [Fact]
    public void Saving_a_page_fingerprint_again_replaces_its_links_and_clearing_forgets_everything()
    {
        var pages = LinkedPages();
        Store.SaveBatch(pages, []);
        new CopyLinkRunner(Store).Run();
        Assert.Equal(2, Store.ListCopyLinks(new CopyLinkQuery()).Count);

        Store.SaveLinking("s", [new Fingerprinter().Of(pages[1])], []);
        Assert.Empty(Store.ListCopyLinks(new CopyLinkQuery()));

        Store.ClearLinking();
        Assert.Empty(Store.LoadFingerprints());
    }

    [Fact]
    public void Linking_in_two_ingests_gives_the_same_links_as_a_relink_from_scratch()
    {
        var pages = LinkedPages();
        Store.SaveBatch([pages[1]], []);
        var first = new CopyLinkRunner(Store).Run();
        Store.SaveBatch([pages[0], pages[2]], []);
        var second = new CopyLinkRunner(Store).Run();
        var incremental = Store.ListCopyLinks(new CopyLinkQuery());

        var rebuilt = new CopyLinkRunner(Store).Run(relink: true);

        Assert.Equal((0, 1, 1), (first.Loaded, first.Fingerprinted, first.Links));
        Assert.Equal((1, 2, 1), (second.Loaded, second.Fingerprinted, second.Links));
        Assert.Equal((0, 3, 2), (rebuilt.Loaded, rebuilt.Fingerprinted, rebuilt.Links));
        Assert.Equal(incremental, Store.ListCopyLinks(new CopyLinkQuery()));
        var pair = Assert.Single(incremental, l => l.IsPagePair);
        Assert.Equal((pages[1].Id, pages[0].Id, LinkDirection.Credited), (pair.CopyId, pair.OriginId, pair.Direction));
    }

    [Fact]
    public void Signatures_of_another_scheme_are_dropped_and_every_page_is_linked_again()
    {
        var pages = LinkedPages();
        Store.SaveBatch(pages, []);
        Store.SaveLinking("minhash0-old", [.. pages.Select(p => new Fingerprinter().Of(p))], []);

        var run = new CopyLinkRunner(Store).Run();

        Assert.Equal((0, 3, 2), (run.Loaded, run.Fingerprinted, run.Links));
        Assert.All(Store.LoadFingerprints(), s => Assert.Equal(DuplicateSettings.Default.Scheme, s.Scheme));
    }
}
