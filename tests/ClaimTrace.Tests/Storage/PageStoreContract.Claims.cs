namespace ClaimTrace.Tests;

/// <summary>The contract's part about the stored claims linking result (schema 6).</summary>
public abstract partial class PageStoreContract<TStore>
{
    private static LinkSnapshot Snapshot(string inputs, params (string Id, string[] Pages)[] claims) =>
        new(
            new LinkState(inputs, new DateTimeOffset(2026, 12, 2, 4, 30, 0, TimeSpan.Zero), 3, claims.Length, 1),
            [.. claims.Select((c, i) => new StoredClaim(c.Id, "territory", "territory.is_held.share", "%", i == 0 ? "Syria" : null, "org:x", "X", 96.5 + i, i == 0 ? "2018-12-11" : null, c.Pages.Length, c.Pages, "{\"id\":\"" + c.Id + "\"}"))],
            [new LinkPart("conflict", "{\"kind\":\"dispute\"}"), new LinkPart("event", "{\"pages\":[]}")]);

    [Fact]
    public void A_store_without_linked_claims_has_no_link_state_and_no_snapshot()
    {
        Assert.Null(Store.LoadLinkState());
        Assert.Null(Store.LoadLinks());
    }

    [Fact]
    public void Stored_claims_round_trip_in_order_with_their_pages_and_parts()
    {
        var snapshot = Snapshot("digest-1", ("c2", ["p1", "p2"]), ("c1", ["p3"]));

        Store.SaveLinks(snapshot);

        var loaded = Store.LoadLinks()!;
        Assert.Equal(snapshot.State, loaded.State);
        Assert.Equal(["c2", "c1"], loaded.Claims.Select(c => c.Id));
        Assert.Equal(["p1", "p2"], loaded.Claims[0].Pages);
        Assert.Equal(snapshot.Claims[0] with { Pages = [] }, loaded.Claims[0] with { Pages = [] });
        Assert.Equal(snapshot.Claims[1] with { Pages = [] }, loaded.Claims[1] with { Pages = [] });
        Assert.Equal(snapshot.Parts, loaded.Parts);
        Assert.Equal(snapshot.State, Store.LoadLinkState());
    }

    [Fact]
    public void Saving_claims_replaces_the_whole_result_stored_before()
    {
        Store.SaveLinks(Snapshot("digest-1", ("c1", ["p1"]), ("c2", ["p2"])));

        Store.SaveLinks(Snapshot("digest-2", ("c3", ["p1"])));

        var loaded = Store.LoadLinks()!;
        Assert.Equal("digest-2", loaded.State.Inputs);
        Assert.Equal(["c3"], loaded.Claims.Select(c => c.Id));
        Assert.Equal(2, loaded.Parts.Count);
    }

    [Fact]
    public void Claims_that_cannot_be_saved_leave_the_result_stored_before()
    {
        Store.SaveLinks(Snapshot("digest-1", ("c1", ["p1"])));

        // Two claims with one id break the primary key half-way through the batch.
        Assert.Throws<StoreException>(() => Store.SaveLinks(Snapshot("digest-2", ("c9", ["p1"]), ("c9", ["p2"]))));

        var loaded = Store.LoadLinks()!;
        Assert.Equal("digest-1", loaded.State.Inputs);
        Assert.Equal(["c1"], loaded.Claims.Select(c => c.Id));
    }

    [Fact]
    public void A_result_is_stored_only_over_the_one_it_was_made_after()
    {
        Assert.True(Store.TrySaveLinks(Snapshot("digest-a", ("a", ["p1"])), replacing: null));

        // Made by someone who saw no result: another was stored since, so this one is refused and nothing changes.
        Assert.False(Store.TrySaveLinks(Snapshot("digest-b", ("b", ["p2"])), replacing: null));
        Assert.False(Store.TrySaveLinks(Snapshot("digest-b", ("b", ["p2"])), replacing: "digest-old"));
        Assert.Equal("digest-a", Store.LoadLinkState()!.Inputs);
        Assert.Equal(["a"], Store.LoadLinks()!.Claims.Select(c => c.Id));

        Assert.True(Store.TrySaveLinks(Snapshot("digest-b", ("b", ["p2"])), replacing: "digest-a"));
        Assert.Equal(["b"], Store.LoadLinks()!.Claims.Select(c => c.Id));
    }
}
