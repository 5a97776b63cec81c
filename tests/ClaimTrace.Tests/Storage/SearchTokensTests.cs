using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

public sealed class SearchTokensTests
{
    [Theory]
    [InlineData("MINISTÈRE", "ministere")]
    [InlineData("Ruśkan", "ruskan")]
    [InlineData("Deir", "deir")]
    [InlineData("e\u0301te\u0301", "ete")] // marks written apart
    [InlineData("Ά", "α")]
    [InlineData("Straße", "straße")] // no diacritic to remove
    [InlineData("Łódź", "łodz")] // ł has no decomposition; FTS5 keeps it too
    public void Folding_lowers_case_and_removes_diacritics_without_ICU(string word, string folded) =>
        Assert.Equal(folded, SearchTokens.Fold(word));

    [Fact]
    public void Words_are_runs_of_letters_and_digits_so_a_decimal_is_two_words()
    {
        var tokens = SearchTokens.Of("Le ministère: 96.5% d'al-Tanf");

        Assert.Equal(["le", "ministere", "96", "5", "d", "al", "tanf"], tokens.Select(t => t.Folded));
        Assert.Equal("ministère", "Le ministère: 96.5% d'al-Tanf"[tokens[1].Start..tokens[1].End]);
    }

    [Fact]
    public void Folding_is_idempotent()
    {
        Prop.ForAll<NonNull<string>>(s =>
        {
            var once = SearchTokens.Fold(s.Get);
            Assert.Equal(once, SearchTokens.Fold(once));
        }).QuickCheckThrowOnFailure();
    }
}
