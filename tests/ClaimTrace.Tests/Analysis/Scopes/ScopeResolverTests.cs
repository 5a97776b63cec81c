namespace ClaimTrace.Tests;

public sealed class ScopeResolverTests
{
    // One sentence per line; places found by the real recogniser, so the gazetteer's containment is the shipped one.
    private static (ScopeResolver Resolver, List<Sentence> Sentences, string Text) Page(params string[] lines)
    {
        var text = string.Join('\n', lines);
        var sentences = new List<Sentence>();
        var at = 0;
        foreach (var line in lines)
        {
            sentences.Add(new Sentence(sentences.Count, at, at + line.Length, sentences.Count, sentences.Count == 0 ? SegmentKind.Title : SegmentKind.Article, false));
            at += line.Length + 1;
        }

        var entities = new EntityRecognizer().Extract(text, sentences);
        return (new ScopeResolver(text, sentences, entities, [], Gazetteer.Default), sentences, text);
    }

    private static string? ScopeOf(string number, params string[] lines)
    {
        var (resolver, sentences, text) = Page(lines);
        var start = text.IndexOf(number, StringComparison.Ordinal);
        Assert.True(start >= 0, number);
        return resolver.ScopeOf(new Quantity(start, start + number.Length, 1, "count", Measure: "settlements.liberated.count"), SentenceSearch.At(sentences, start));
    }

    [Fact]
    public void The_place_right_after_a_figure_is_its_scope()
    {
        Assert.Equal("Syria", ScopeOf("96.5%", "Fighting in Aleppo", "Troops hold 96.5% of Syria, the ministry said."));
    }

    [Fact]
    public void An_actor_in_the_possessive_or_in_a_hyphenated_modifier_is_not_a_scope()
    {
        Assert.Null(ScopeOf("14 sorties", "Air war", "Russia's air force flew 14 sorties."));
        Assert.Equal("al-Tanf", ScopeOf("6,000", "Camp", "In the US-occupied area of at-Tanf, he said, 6,000 militants are staying."));
    }

    [Fact]
    public void A_sentence_without_a_place_or_saying_the_country_takes_the_country_the_article_is_about()
    {
        string[] page = ["Syria war: government retakes east", "Troops entered Deir Ezzor and Raqqa in Syria.", "Some 1,411 settlements were freed, 96.5% of the country's territory.", "Aleppo was calm."];

        Assert.Equal("Syria", ScopeOf("1,411", page));
        Assert.Equal("Syria", ScopeOf("96.5%", page));
    }

    [Fact]
    public void Without_a_leading_country_no_scope_is_guessed()
    {
        Assert.Null(ScopeOf("40", "Talks", "Delegates from Syria and Iraq met.", "They agreed on 40 points."));
    }

    [Fact]
    public void A_number_in_reader_comments_takes_no_country_by_default()
    {
        var (resolver, sentences, text) = Page("Syria news", "Syria, Syria, Syria.", "I count 12 of them.");
        var comment = sentences[2] with { InComments = true };
        var start = text.IndexOf("12", StringComparison.Ordinal);

        Assert.Null(resolver.ScopeOf(new Quantity(start, start + 2, 12, "count", InComments: true), comment));
        Assert.Equal("Syria", resolver.Focus);
    }

    [Fact]
    public void A_place_inside_a_longer_name_is_not_the_scope()
    {
        Assert.Null(ScopeOf("270", "Votes", "Winning Mexico Beach would give him the required 270 electoral votes."));
    }

    [Fact]
    public void A_figure_of_no_known_measure_in_a_sentence_without_a_place_has_no_scope()
    {
        var (resolver, sentences, text) = Page("Syria: talks", "Delegates met in Syria and then again in Syria.", "The envoy is 69.");
        var start = text.IndexOf("69", StringComparison.Ordinal);

        Assert.Equal("Syria", resolver.Focus);
        Assert.Null(resolver.ScopeOf(new Quantity(start, start + 2, 69, "count"), SentenceSearch.At(sentences, start)));
    }
}
