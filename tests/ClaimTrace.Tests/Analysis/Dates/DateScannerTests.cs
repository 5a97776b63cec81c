using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

/// <summary>
/// The scanner tries the date pattern only where a date can start; it must find exactly what scanning the whole
/// pattern over the text finds, groups included, on made-up text full of near misses and on real pages.
/// </summary>
public sealed class DateScannerTests
{
    private static readonly DateLexicon Lexicon = DateLexicon.Default;
    private static readonly Regex Whole = Lexicon.Pattern;
    private static readonly DateScanner Scanner = new(Lexicon);

    private static readonly Gen<string> Pieces = Gen.Elements(
        "December", "december", "DECEMBER", "Dec.", "Dec", "Sept.", "May", "may", "Monday", "Mon.", "Tues.", "wednesday",
        "yesterday", "Yesterday", "the day before yesterday", "earlier today", "this morning", "tonight", "today",
        "the", "The", "THE", "a", "A", "an", "a few", "a couple of", "eight", "Eight", "twelve", "days", "day", "weeks",
        "month", "year", "years", "ago", "later", "earlier", "since", "Since", "start", "beginning", "of", "the year",
        "this", "past", "this past", "last", "Last", "next", "previous", "early", "late", "mid", "in", "In", "by", "until",
        "till", "during", "through", "throughout", "from", "before", "after", "2018", "1999", "2018-12-11", "11", "3",
        "21st", "3rd", "123", "1,2018", "5.2018", "percent", "%", " ", " ", " ", "  ", "\n", "\t", ",", ".", "-", "–",
        "—", "’", "'", "\"", "(", "ſince", "\u212Aelvin", "İn", "é", "½", "٣", "Ⅻ", "x", "said", "on", "to", "and");

    private static readonly Gen<string> Texts = Gen.ListOf(Pieces).Select(string.Concat);

    [Fact]
    public void The_scanner_finds_what_the_whole_pattern_finds_on_any_text() =>
        Prop.ForAll(Arb.From(Texts), text => Describe(Scanner.Matches(text)) == Describe(Whole.Matches(text)))
            .QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("On Wednesday, 8 December 2017, since the start of the year, two weeks ago, in mid-December 2016.")]
    [InlineData("ſince the start of the year \u212Aelvin; İn December; 1,2018; ٣ December")]
    [InlineData("between June 3 and June 14, from 3 to 14 June, the past week, earlier this month")]
    public void The_scanner_finds_what_the_whole_pattern_finds_on_written_examples(string text) =>
        Assert.Equal(Describe(Whole.Matches(text)), Describe(Scanner.Matches(text)));

    [Fact]
    public void The_scanner_finds_what_the_whole_pattern_finds_on_real_pages()
    {
        var texts = Directory.EnumerateFiles(Corpus.Require("seeds"), "*.txt").Select(File.ReadAllText).ToList();
        texts.AddRange(File.ReadLines(Corpus.Require("allsides", "allsides-dev.jsonl")).Take(300)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("content_original").GetString() ?? ""));
        foreach (var text in texts)
            Assert.Equal(Describe(Whole.Matches(text)), Describe(Scanner.Matches(text)));
    }

    /// <summary>Every match with every named group the resolver reads, as one comparable string.</summary>
    private static string Describe(IEnumerable<Match> matches) =>
        string.Join('\n', matches.Select(m => $"{m.Index}+{m.Length}:" + string.Concat(
            Whole.GetGroupNames().Where(n => !char.IsDigit(n[0])).Select(n => m.Groups[n] is { Success: true } g ? $" {n}={g.Index}+{g.Length}" : ""))));
}
