namespace ClaimTrace.Tests;

public sealed class AttributionExtractorTests
{
    private static (string Text, IReadOnlyList<Statement> Statements) Run(string text, SegmentKind kind = SegmentKind.Article)
    {
        var sentences = new SentenceSplitter().Split(text, [new Segment(kind, 0, text.Length, 1, 1)]);
        var quotes = QuoteFinder.Find(text, sentences);
        return (text, new AttributionExtractor().Extract(text, sentences, quotes, PageMetadata.Empty));
    }

    [Fact]
    public void A_titled_speaker_gives_name_rank_and_role_and_a_later_surname_resolves_to_the_full_name()
    {
        var (text, statements) = Run("Towns were freed, Head of the Defense Center Colonel General Ivan Petrov said on Monday.\n\n“We are done,” Petrov said.");
        var first = statements[0].Speaker!;
        Assert.Equal("Ivan Petrov", first.Name);
        Assert.Equal("Colonel General", first.Rank);
        Assert.Equal("Head of the Defense Center", first.Role);
        Assert.Equal("Towns were freed", statements[0].Content.Of(text));
        Assert.Equal("Ivan Petrov", statements[1].Speaker!.Name);
        Assert.Equal(StatementKind.Direct, statements[1].Kind);
    }

    [Fact]
    public void An_appositive_role_is_skipped_to_find_the_speaker()
    {
        var (_, statements) = Run("Anna Berg, a doctor at the clinic, said that the wards were full.");
        var speaker = Assert.Single(statements).Speaker!;
        Assert.Equal("Anna Berg", speaker.Name);
        Assert.Equal("doctor at the clinic", speaker.Role);
    }

    [Fact]
    public void He_resolves_to_the_last_person_quoted_and_a_rank_description_to_the_person_of_that_rank()
    {
        var (_, statements) = Run("General Omar Diaz said the road was open.\n\nHe noted that trucks were moving.\n\nThe general also said that fuel was short.");
        Assert.All(statements, s => Assert.Equal("Omar Diaz", s.Speaker!.Name));
        Assert.Equal("he", statements[1].Speaker!.Written.ToLowerInvariant());
    }

    [Fact]
    public void According_to_in_mid_sentence_and_at_the_end_attributes_the_content()
    {
        var (text, statements) = Run("According to Maria Lopez, prices rose. Prices fell later, according to the ministry.");
        Assert.Equal("Maria Lopez", statements[0].Speaker!.Name);
        Assert.Equal("prices rose", statements[0].Content.Of(text));
        Assert.Equal("according to", statements[1].CueLemma);
        Assert.Equal("Prices fell later", statements[1].Content.Of(text));
    }

    [Fact]
    public void An_organisation_can_speak_through_a_relative_clause()
    {
        var (_, statements) = Run("The Syrian Observatory for Human Rights, which monitors the war, yesterday said that the town fell.");
        var speaker = Assert.Single(statements).Speaker!;
        Assert.Equal(SpeakerKind.Organisation, speaker.Kind);
        Assert.Equal("Syrian Observatory for Human Rights", speaker.Name);
    }

    [Fact]
    public void A_quote_only_paragraph_continues_the_speaker_of_the_quote_before_it()
    {
        var (_, statements) = Run("“The first part,” said Lena Ortiz.\n\n“And the second part of what she said.”");
        Assert.Equal(2, statements.Count);
        Assert.Equal("Lena Ortiz", statements[1].Speaker!.Name);
        Assert.Null(statements[1].Cue);
    }

    [Fact]
    public void A_number_without_a_speaker_is_an_unattributed_statement_and_comments_never_get_a_speaker()
    {
        var (_, article) = Run("Over 340,000 people have been killed.");
        Assert.Equal(StatementKind.Unattributed, Assert.Single(article).Kind);
        Assert.Null(article[0].Speaker);

        var (_, comments) = Run("Putin said 90% of it is free, trust me.", SegmentKind.Comments);
        var comment = Assert.Single(comments);
        Assert.True(comment.InComments);
        Assert.Null(comment.Speaker);
    }

    [Fact]
    public void A_cue_phrase_grows_over_its_completing_words()
    {
        var (text, statements) = Run("The General Staff issued a statement Wednesday declaring that the war was over.");
        Assert.Equal("issued a statement Wednesday declaring", Assert.Single(statements).Cue!.Value.Of(text));
        Assert.Equal("General Staff", statements[0].Speaker!.Name);
    }
}
