using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

/// <summary>MinHash, LSH and the near-duplicate index: properties on random texts, then the edge cases.</summary>
public sealed class MinHashTests
{
    private static readonly Shingler Shingler = new();
    private static readonly MinHasher Hasher = new();

    /// <summary>Two texts sharing a random share of their words: a common middle, own starts and ends.</summary>
    private static readonly Gen<(string A, string B)> Overlapping =
        from seed in Gen.Choose(0, 1_000_000)
        from shared in Gen.Choose(0, 400)
        from ownA in Gen.Choose(0, 300)
        from ownB in Gen.Choose(0, 300)
        where shared + ownA >= 20 && shared + ownB >= 20
        select (LinkingText.Words(seed + 1, ownA) + " " + LinkingText.Words(seed, shared),
                LinkingText.Words(seed, shared) + " " + LinkingText.Words(seed + 2, ownB));

    private static double ExactJaccard(ulong[] a, ulong[] b)
    {
        var union = a.Union(b).Count();
        return union == 0 ? 0 : (double)a.Intersect(b).Count() / union;
    }

    private static Fingerprint Print(string id, ulong[] shingles) => new(id, 1, shingles.Length, Hasher.Signature(shingles), null, null, null);

    [Fact]
    public void The_signature_of_a_text_is_the_same_every_time_and_for_every_order_of_its_shingles()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, 1_000_000).Zip(Gen.Choose(0, 500))), input =>
        {
            var shingles = Shingler.Shingles(LinkingText.Words(input.Item1, input.Item2));
            var reversed = shingles.Reverse().ToArray();
            return Hasher.Signature(shingles).SequenceEqual(new MinHasher().Signature(reversed));
        }).QuickCheckThrowOnFailure();
    }

    /// <remarks>With 128 values the estimate's standard error is at most √(0.25/128) ≈ 0.044; 0.2 is 4.5 of them,
    /// so a failure means a broken hash family, not bad luck.</remarks>
    [Fact]
    public void The_estimated_jaccard_is_within_0_2_of_the_exact_one_on_random_texts()
    {
        Prop.ForAll(Arb.From(Overlapping), pair =>
        {
            var a = Shingler.Shingles(pair.A);
            var b = Shingler.Shingles(pair.B);
            var estimate = Print("a", a).EstimatedJaccard(Print("b", b));
            var exact = ExactJaccard(a, b);
            return (Math.Abs(estimate - exact) <= 0.2).Label($"estimate {estimate:F3}, exact {exact:F3}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_page_is_always_its_own_lsh_candidate()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, 1_000_000).Zip(Gen.Choose(1, 300)).Zip(Gen.Choose(0, 50))), input =>
        {
            var ((seed, words), slot) = input;
            var lsh = new LshIndex(32, 4);
            var signature = Hasher.Signature(Shingler.Shingles(LinkingText.Words(seed, words)));
            lsh.Add(slot, signature);
            return lsh.Candidates(signature).Contains(slot);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_bands_put_the_steepest_rise_of_the_candidate_curve_near_0_42()
    {
        var lsh = new LshIndex(32, 4);

        Assert.InRange(lsh.Threshold, 0.41, 0.43);
        Assert.True(lsh.CandidateProbability(0.5) > 0.85);
        Assert.True(lsh.CandidateProbability(0.8) > 0.9999);
        Assert.True(lsh.CandidateProbability(0.1) < 0.01);
    }

    [Fact]
    public void A_copy_with_a_few_words_changed_is_found_and_an_unrelated_text_is_not()
    {
        var index = new NearDuplicateIndex();
        var original = LinkingText.Words(7, 400);
        var words = original.Split(' ');
        words[50] = "edited";
        words[200] = "changed";
        var copy = string.Join(' ', words);

        Assert.Empty(index.Add(Print("orig", Shingler.Shingles(original))));
        Assert.Empty(index.Add(Print("other", Shingler.Shingles(LinkingText.Words(8, 400)))));
        var found = Assert.Single(index.Add(Print("copy", Shingler.Shingles(copy))));

        Assert.Equal("orig", found.Earlier.PageId);
        Assert.True(found.Jaccard > 0.8, $"J={found.Jaccard}");
    }

    [Fact]
    public void A_copy_that_keeps_only_the_first_two_thirds_is_found_by_containment()
    {
        var index = new NearDuplicateIndex();
        var original = LinkingText.Words(11, 600);
        var truncated = string.Join(' ', original.Split(' ').Take(400)) + " read the rest on our partner site";

        index.Add(Print("orig", Shingler.Shingles(original)));
        var found = Assert.Single(index.Add(Print("short", Shingler.Shingles(truncated))));

        Assert.True(found.Containment >= 0.8, $"C={found.Containment}");
    }

    [Fact]
    public void An_empty_article_is_indexed_as_nothing_and_matches_nothing()
    {
        var index = new NearDuplicateIndex();
        var fingerprinter = new Fingerprinter();
        var empty = fingerprinter.Of(PageBuilder.For("empty").WithText("").WithSegments().Build());
        var noArticle = fingerprinter.Of(PageBuilder.For("menus").WithText("Home News Sport").WithSegments(new Segment(SegmentKind.Boilerplate, 0, 15, 1, 1)).Build());

        Assert.Equal(0, empty.ShingleCount);
        Assert.Empty(index.Add(empty));
        Assert.Empty(index.Add(noArticle));
        Assert.Empty(index.Add(empty with { PageId = "empty2" }));
        Assert.Equal(0, empty.EstimatedJaccard(noArticle));
    }

    [Fact]
    public void A_huge_page_is_fingerprinted_and_found_again()
    {
        var text = LinkingText.Words(3, 400_000);
        var fingerprinter = new Fingerprinter();
        var linker = new CopyLinker();

        var huge = fingerprinter.Of(LinkingText.Page("https://a.example/huge", text, "2020-01-01"));
        var again = fingerprinter.Of(LinkingText.Page("https://b.example/huge", text + " extra words at the end", "2020-01-03"));
        Assert.Empty(linker.Add(huge));
        var link = Assert.Single(linker.Add(again));

        Assert.True(huge.ShingleCount > 100_000);
        Assert.Equal((again.PageId, huge.PageId, LinkDirection.ByDate), (link.CopyId, link.OriginId, link.Direction));
    }

    [Fact]
    public void A_new_version_of_a_page_replaces_the_old_one_in_the_index()
    {
        var index = new NearDuplicateIndex();
        var text = LinkingText.Words(5, 300);
        index.Add(Print("p", Shingler.Shingles(text)));
        index.Add(Print("p", Shingler.Shingles(LinkingText.Words(6, 300))));

        Assert.Equal(1, index.Count);
        Assert.Empty(index.Add(Print("q", Shingler.Shingles(text))));
    }
}
