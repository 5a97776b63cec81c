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

    [Theory]
    [InlineData("MARROWGATE (VNA) – The ministry on Friday rejected the survey, saying the sample was small.")]
    [InlineData("WASHINGTON — The ministry on Friday rejected the survey, saying the sample was small.")]
    public void A_wire_dateline_is_where_the_story_was_filed_not_who_speaks(string line)
    {
        var (_, statements) = Run(line);
        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.NotEqual(SpeakerKind.Person, s.Speaker?.Kind));
        Assert.DoesNotContain(statements, s => s.Speaker?.Name is "MARROWGATE" or "WASHINGTON");
    }

    [Theory]
    [InlineData("Floodwater and landslides tore down an estimated 210 km of line.")]
    [InlineData("The reported figure was far lower than the alleged one.")]
    public void A_verb_form_after_a_determiner_is_an_adjective_not_a_cue(string line) =>
        Assert.DoesNotContain(Run(line).Statements, s => s.Speaker is not null || s.Cue is not null);

    [Theory]
    [InlineData("Given the rebels in the east, it does not seem like the army controls 96.5% of the country.")]
    [InlineData("It appears that the army controls most of the country.")]
    public void It_before_seem_or_appear_is_a_placeholder_and_never_a_speaker(string line)
    {
        var (_, statements) = Run(line);

        Assert.DoesNotContain(statements, s => s.Speaker is { } sp && sp.Name.Equals("it", StringComparison.OrdinalIgnoreCase));
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

    [Theory]
    [InlineData("The Ministry of Energy and Reconstruction on Friday rejected a survey suggesting that power was back.", "Ministry of Energy and Reconstruction")]
    [InlineData("The ministry Friday rejected a survey suggesting that power was back.", "ministry")]
    [InlineData("Senator Anna Berg last week said that power was back.", "Anna Berg")]
    public void A_weekday_or_time_word_between_speaker_and_cue_is_never_the_speaker(string sentence, string speaker)
    {
        var (_, statements) = Run(sentence);
        Assert.Equal(speaker, statements[0].Speaker!.Name);
    }

    [Fact]
    public void A_time_phrase_alone_before_a_cue_gives_no_speaker()
    {
        var (_, statements) = Run("Last week focused on the budget, which was cut by half.");
        Assert.DoesNotContain(statements, s => s.Speaker is not null);
    }

    [Fact]
    public void A_relative_pronoun_is_the_written_source_and_the_speaker_resolves_to_the_phrase_before_it()
    {
        var (text, statements) = Run("Lionel Sosa, who said he would not vote for Cruz, left early.");
        var speaker = Assert.Single(statements).Speaker!;
        Assert.Equal("who", speaker.Span.Of(text));
        Assert.Equal("Lionel Sosa", speaker.Name);
    }

    [Theory]
    [InlineData("Jeff Weaver, Sanders' campaign manager, said that the money came in.", "Jeff Weaver")]
    [InlineData("Jillian Chase, 27, a teacher in New York, said that the election came up.", "Jillian Chase")]
    [InlineData("The director of the bureau, James B. Comey, said that the case was closed.", "James B. Comey")]
    public void An_apposition_that_starts_with_a_name_or_follows_an_age_is_skipped(string sentence, string speaker)
    {
        var (_, statements) = Run(sentence);
        Assert.Equal(speaker, Assert.Single(statements).Speaker!.Name);
    }

    [Fact]
    public void A_description_after_the_cue_keeps_its_prepositional_phrase()
    {
        var (text, statements) = Run("“We recommended the opposite,” said the former top aide to President George Bush.");
        Assert.Equal("the former top aide to President George Bush", Assert.Single(statements).Speaker!.Span.Of(text));
    }

    [Fact]
    public void A_cue_word_after_a_possessive_is_a_noun()
    {
        var (_, statements) = Run("Editor's note: an earlier version of this story gave 1,500 workers.");
        Assert.DoesNotContain(statements, s => s.CueLemma == "note");
    }

    [Fact]
    public void A_reporting_noun_after_a_possessive_attributes_its_complement_to_the_possessor()
    {
        var (text, statements) = Run("Anna Berg spoke first. Anna Berg's claim that the mayor founded the group drew scorn.");
        var claim = Assert.Single(statements, s => s.CueLemma == "claim");
        Assert.Equal("Anna Berg's", claim.Speaker!.Span.Of(text));
        Assert.Equal("Anna Berg", claim.Speaker.Name);
        Assert.Equal("that the mayor founded the group", claim.Content.Of(text));
    }

    [Fact]
    public void A_question_after_asked_is_reported_without_guessing_who_asked()
    {
        var (text, statements) = Run("Asked on Monday whether the plant would reopen, Anna Berg said it would.");
        var asked = Assert.Single(statements, s => s.CueLemma == "ask");
        Assert.Null(asked.Speaker);
        Assert.Equal("whether the plant would reopen", asked.Content.Of(text));
        Assert.Equal("Anna Berg", Assert.Single(statements, s => s.CueLemma == "say").Speaker!.Name);
    }

    [Fact]
    public void According_to_a_description_without_a_name_keeps_the_description_as_the_source()
    {
        var (text, statements) = Run("Turnout rose by a third, according to early results of exit polls.");
        var speaker = Assert.Single(statements).Speaker!;
        Assert.Equal("early results of exit polls", speaker.Span.Of(text));
        Assert.NotEqual(SpeakerKind.Person, speaker.Kind);
    }

    [Fact]
    public void A_second_said_inside_the_content_of_the_first_opens_its_own_attribution()
    {
        var (text, statements) = Run("Six in 10 voters said the economy was weak, and three-quarters said the same of taxes.");
        Assert.Equal(2, statements.Count(s => s.CueLemma == "say"));
        Assert.Contains(statements, s => s.Speaker?.Span.Of(text) == "three-quarters" && s.Content.Of(text).StartsWith("the same of taxes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_said_in_a_relative_clause_inside_other_content_is_attributed_to_its_own_subject()
    {
        var (text, statements) = Run("The report cited an internal audit of the attacks, which the probe said were covered up.");
        Assert.Contains(statements, s => s.CueLemma == "say" && s.Speaker?.Span.Of(text) == "the probe");
    }

    [Fact]
    public void A_long_apposition_with_commas_inside_still_leaves_the_opening_name_as_the_speaker()
    {
        var (text, statements) = Run("Paul Porter, a truck driver from Ava, Mo., who is a member of the Teamsters union and a supporter of the plan, said he already received overtime pay.");
        var statement = Assert.Single(statements, s => s.CueLemma == "say");
        Assert.Equal("Paul Porter", statement.Speaker!.Span.Of(text));
        Assert.Equal("he already received overtime pay", statement.Content.Of(text));
    }

    [Fact]
    public void A_time_or_a_statement_between_said_and_its_clause_does_not_end_the_attribution()
    {
        var (text, statements) = Run("Mr. Clinton said Thursday he would leave the board. United Gun Group said in a statement Thursday night they pulled the listing.");
        Assert.Contains(statements, s => s.Speaker?.Span.Of(text) == "Mr. Clinton" && s.Content.Of(text) == "he would leave the board");
        Assert.Contains(statements, s => s.Speaker?.Span.Of(text) == "United Gun Group" && s.Content.Of(text) == "they pulled the listing");
    }

    [Fact]
    public void The_subject_after_an_introductory_phrase_speaks_the_coordinated_said()
    {
        var (text, statements) = Run("In an interview with the Journal, Trump doubled down on his comments and said the judge had a conflict of interest.");
        var statement = Assert.Single(statements, s => s.CueLemma == "say");
        Assert.Equal("Trump", statement.Speaker!.Span.Of(text));
        Assert.Equal("the judge had a conflict of interest", statement.Content.Of(text));
    }

    [Fact]
    public void A_name_ending_in_Jr_speaks_the_said_after_it()
    {
        var (text, statements) = Run("Vice President Joseph R. Biden Jr. said the remarks had made him a danger to allies.");
        var statement = Assert.Single(statements, s => s.CueLemma == "say");
        Assert.StartsWith("Vice President Joseph R. Biden", statement.Speaker!.Span.Of(text), StringComparison.Ordinal);
        Assert.Equal("the remarks had made him a danger to allies", statement.Content.Of(text));
    }
}
