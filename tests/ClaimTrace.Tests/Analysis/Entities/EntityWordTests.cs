using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

/// <summary>The recogniser's hand-written word scanner must cut a text exactly as its defining regex does.</summary>
public sealed class EntityWordTests
{
    private static readonly Regex Defining = new(@"[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*\.?", RegexOptions.CultureInvariant);

    private static readonly Gen<string> Pieces = Gen.Elements(
        "Deir", "ez-Zor", "al-Tanf", "Hay'at", "Hay’at", "U.S.", "Mr.", "U.S", "e.g.", "Putin's", "said", "1,411", "96.5",
        "-", "'", "’", ".", "..", "--", " ", "  ", "\n", "\t", ",", "é", "Ⅻ", "½", "٣", "日本", "\uD83D\uDE00", "x", "A", "9");

    private static string Words(string text)
    {
        var words = new List<string>();
        for (var position = 0; EntityRecognizer.NextWord(text, position, out var start, out var end); position = end)
            words.Add($"{start}+{end - start}");
        return string.Join(' ', words);
    }

    private static string Expected(string text) => string.Join(' ', Defining.Matches(text).Select(m => $"{m.Index}+{m.Length}"));

    [Fact]
    public void The_word_scanner_cuts_any_text_as_the_regex_does() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Pieces).Select(string.Concat)), text => Words(text) == Expected(text))
            .QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("Colonel General Mikhail Mizintsev said the U.S.-led coalition's strikes hit Deir ez-Zor.")]
    [InlineData("end with a dot. and a-")]
    [InlineData("")]
    public void The_word_scanner_cuts_written_examples_as_the_regex_does(string text) =>
        Assert.Equal(Expected(text), Words(text));
}
