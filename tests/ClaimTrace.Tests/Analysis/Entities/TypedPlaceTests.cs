namespace ClaimTrace.Tests;

/// <summary>Places the gazetteer does not know, named by the kind of place written after them.</summary>
public sealed class TypedPlaceTests
{
    private static List<EntityMention> Places(string text) =>
        [.. new EntityRecognizer().Extract(text, []).Where(m => m.Kind == EntityKind.Place)];

    [Fact]
    public void A_capitalised_name_before_a_place_word_is_a_place_spanning_both()
    {
        var text = "Crews reached the Lower Brenn district on Monday and Kessel village a day later.";
        var places = Places(text);
        Assert.Contains(places, p => p.Text == "Lower Brenn district" && text[p.Start..p.End] == p.Text);
        Assert.Contains(places, p => p.Text == "Kessel village");
    }

    [Theory]
    [InlineData("The district was flooded.")]
    [InlineData("They said the camp was full.")]
    [InlineData("In the region, power is back.")]
    [InlineData("The Trump camp said the area was calm.")]
    public void A_place_word_without_a_name_before_it_or_after_a_word_that_is_no_name_makes_no_place(string text) =>
        Assert.DoesNotContain(Places(text), p => p.Text.EndsWith("district", StringComparison.Ordinal) || p.Text.EndsWith("camp", StringComparison.Ordinal) || p.Text.EndsWith("region", StringComparison.Ordinal));

    [Fact]
    public void A_known_place_with_its_type_word_stays_the_gazetteers_place()
    {
        var places = Places("IS still holds about eight percent of Deir Ezzor province.");
        Assert.Contains(places, p => p.Canonical == "Deir Ezzor");
    }
}
