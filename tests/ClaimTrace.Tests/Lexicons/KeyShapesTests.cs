using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests.Lexicons;

public sealed class KeyShapesTests
{
    // ASCII letters of both cases, and letters whose case folding reaches into or out of ASCII (dotted and
    // dotless i, long s, Kelvin sign) or stays outside it.
    private static readonly char[] Letters = "aAbBiIkKsSzZ'’-.İıſKéÉß".ToCharArray();

    private static readonly Gen<string> Word =
        Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Gen.Elements(Letters), n)).Select(chars => new string(chars));

    [Fact]
    public void A_word_the_look_up_holds_is_never_turned_away_whatever_its_case()
    {
        var keysAndWords = Gen.ListOf(Word).Zip(Gen.ListOf(Word));
        Prop.ForAll(Arb.From(keysAndWords), input =>
        {
            var (keys, words) = input;
            foreach (var comparer in new[] { StringComparer.OrdinalIgnoreCase, StringComparer.Ordinal })
            {
                var set = new HashSet<string>(keys, comparer);
                var shapes = new KeyShapes(set, comparer);
                var asked = words.Concat(keys).Concat(keys.Select(k => k.ToUpperInvariant())).Concat(keys.Select(k => k.ToLowerInvariant()));
                if (asked.Any(w => set.Contains(w) && !shapes.MayContain(w)))
                    return false;
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_word_of_another_length_or_other_end_letters_is_turned_away()
    {
        var shapes = new KeyShapes(["said", "told"], StringComparer.OrdinalIgnoreCase);

        Assert.True(shapes.MayContain("SAID"));
        Assert.True(shapes.MayContain("Told"));
        Assert.False(shapes.MayContain("says"));
        Assert.False(shapes.MayContain("sad"));
        Assert.False(shapes.MayContain("announced"));
    }

    [Fact]
    public void A_comparer_the_test_does_not_model_lets_every_word_through()
    {
        var shapes = new KeyShapes(["said"], StringComparer.InvariantCultureIgnoreCase);

        Assert.True(shapes.MayContain("announced"));
    }
}
