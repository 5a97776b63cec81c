namespace ClaimTrace.Tests;

public sealed class StanceDetectorTests
{
    // Hand-built analysis of a small page, so the detector is tested apart from the extractors it sits on.
    private sealed class Draft(string text)
    {
        public string Text { get; } = text;
        public List<Sentence> Sentences { get; } = [];
        public List<Statement> Statements { get; } = [];
        public List<Quantity> Quantities { get; } = [];
        public List<Segment> Segments { get; } = [];

        public int Sentence(string sentence, SegmentKind kind = SegmentKind.Article)
        {
            var start = Text.IndexOf(sentence, StringComparison.Ordinal);
            Assert.True(start >= 0, sentence);
            Sentences.Add(new Sentence(Sentences.Count, start, start + sentence.Length, Sentences.Count, kind, false));
            if (kind == SegmentKind.Title)
                Segments.Add(new Segment(SegmentKind.Title, start, start + sentence.Length, 1, 1));
            return Sentences.Count - 1;
        }

        public int Said(int sentence, string? speaker, string content, StatementKind kind = StatementKind.Indirect)
        {
            var s = Sentences[sentence];
            var start = Text.IndexOf(content, s.Start, StringComparison.Ordinal);
            var who = speaker is null ? null : new Speaker(speaker, s.Start, s.Start + speaker.Length, speaker, s.Start, s.Start + speaker.Length, SpeakerKind.Person);
            Statements.Add(new Statement(Statements.Count, speaker is null ? StatementKind.Unattributed : kind, who, null, null, new TextSpan(start, start + content.Length), sentence, false));
            return Statements.Count - 1;
        }

        public void Number(string written, double value, int? statement, int from = 0)
        {
            var start = Text.IndexOf(written, from, StringComparison.Ordinal);
            Quantities.Add(new Quantity(start, start + written.Length, value, "percent", Statement: statement, Implicit: !char.IsAsciiDigit(written[0])));
        }

        public IReadOnlyList<StanceCue> Detect() => StanceDetector.Default.Detect(Text, Sentences, Statements, Quantities, Segments);
    }

    [Fact]
    public void An_outlet_wondering_how_a_figure_was_reached_disputes_the_statement_that_gave_it()
    {
        var page = new Draft("Mizintsev said government forces control 96.5% of Syria. It remains unclear how Mizintsev reached this 96.5% figure.");
        var said = page.Said(page.Sentence("Mizintsev said government forces control 96.5% of Syria."), "Mizintsev", "government forces control 96.5% of Syria");
        page.Sentence("It remains unclear how Mizintsev reached this 96.5% figure.");
        page.Number("96.5%", 96.5, said);
        page.Number("96.5%", 96.5, null, page.Text.IndexOf("unclear", StringComparison.Ordinal));

        var cue = Assert.Single(page.Detect());

        Assert.Equal(StanceKind.Disputed, cue.Kind);
        Assert.Equal(said, cue.TargetStatement);
        Assert.Equal("outlet", cue.By);
        Assert.StartsWith("It remains unclear how", page.Text[cue.Start..], StringComparison.Ordinal);
    }

    [Fact]
    public void Another_party_that_says_a_place_is_still_held_disputes_the_earlier_claim_and_is_named()
    {
        var page = new Draft("The ministry said the province is completely liberated. The Observatory said IS still holds about eight percent of the province.");
        var claim = page.Said(page.Sentence("The ministry said the province is completely liberated."), "The ministry", "the province is completely liberated");
        var counter = page.Sentence("The Observatory said IS still holds about eight percent of the province.");
        var answer = page.Said(counter, "The Observatory", "IS still holds about eight percent of the province");
        page.Number("completely liberated", 100, claim);
        page.Number("eight percent", 8, answer);

        var cue = Assert.Single(page.Detect());

        Assert.Equal(StanceKind.Disputed, cue.Kind);
        Assert.Equal(claim, cue.TargetStatement);
        Assert.Equal("The Observatory", cue.By);
    }

    [Fact]
    public void Reportedly_hedges_the_statement_of_its_own_sentence()
    {
        var page = new Draft("Rebels reportedly shelled the town, officials said.");
        var statement = page.Said(page.Sentence("Rebels reportedly shelled the town, officials said."), "officials", "Rebels reportedly shelled the town");

        var cue = Assert.Single(page.Detect());

        Assert.Equal(StanceKind.Hedged, cue.Kind);
        Assert.Equal(statement, cue.TargetStatement);
        Assert.Equal("outlet", cue.By);
    }

    [Fact]
    public void A_headline_ending_in_a_question_mark_questions_the_statement_with_its_figure()
    {
        var page = new Draft("Is 92% of the district really back?\n\nThe mayor said roads reopened. The minister said 92% of homes have power.");
        page.Sentence("Is 92% of the district really back?", SegmentKind.Title);
        page.Said(page.Sentence("The mayor said roads reopened."), "The mayor", "roads reopened");
        var claim = page.Said(page.Sentence("The minister said 92% of homes have power."), "The minister", "92% of homes have power");
        page.Number("92%", 92, null);
        page.Number("92%", 92, claim, page.Text.IndexOf("minister", StringComparison.Ordinal));

        var cue = Assert.Single(page.Detect());

        Assert.Equal(StanceKind.Questioned, cue.Kind);
        Assert.Equal(claim, cue.TargetStatement);
        Assert.Equal("?", page.Text[cue.Start..cue.End]);
    }

    [Fact]
    public void A_denial_about_something_other_than_a_claim_is_no_stance()
    {
        var page = new Draft("The minister said 92% of homes have power. The mayor denied any wrongdoing in the contract affair.");
        var claim = page.Said(page.Sentence("The minister said 92% of homes have power."), "The minister", "92% of homes have power");
        page.Sentence("The mayor denied any wrongdoing in the contract affair.");
        page.Number("92%", 92, claim);

        Assert.Empty(page.Detect());
    }

    [Fact]
    public void A_speaker_conceding_that_something_may_remain_hedges_the_absolute_claim_made_before()
    {
        var page = new Draft("The general said no territory is controlled by the rebels. The president said: \"There might be some pockets of resistance.\"");
        var claim = page.Said(page.Sentence("The general said no territory is controlled by the rebels."), "The general", "no territory is controlled by the rebels");
        var concession = page.Said(page.Sentence("The president said: \"There might be some pockets of resistance.\""), "The president", "There might be some pockets of resistance.", StatementKind.Direct);
        page.Number("no territory is controlled by", 0, claim);

        var cue = Assert.Single(page.Detect());

        Assert.Equal(StanceKind.Hedged, cue.Kind);
        Assert.Equal(claim, cue.TargetStatement);
        Assert.Equal("The president", cue.By);
        Assert.NotEqual(concession, cue.TargetStatement);
    }

    [Fact]
    public void A_speaker_hedging_their_own_words_with_nothing_absolute_before_qualifies_their_own_statement()
    {
        var page = new Draft("The general said 60% of the province is under control. The president said: \"There might be some pockets of resistance.\"");
        page.Number("60%", 60, page.Said(page.Sentence("The general said 60% of the province is under control."), "The general", "60% of the province is under control"));
        var own = page.Said(page.Sentence("The president said: \"There might be some pockets of resistance.\""), "The president", "There might be some pockets of resistance.", StatementKind.Direct);

        var cue = Assert.Single(page.Detect());

        Assert.Equal((StanceKind.Hedged, own, "The president"), (cue.Kind, cue.TargetStatement, cue.By));
    }

    [Fact]
    public void An_answer_naming_no_figure_is_about_the_figure_the_headline_gives_not_the_nearest_number()
    {
        var page = new Draft("Power back in 92% of homes\nThe minister said 92% of homes have power. He said repairs cost 48 million crowns. Opposition members questioned the figure.");
        page.Sentence("Power back in 92% of homes", SegmentKind.Title);
        var central = page.Said(page.Sentence("The minister said 92% of homes have power."), "The minister", "92% of homes have power");
        var costs = page.Said(page.Sentence("He said repairs cost 48 million crowns."), "The minister", "repairs cost 48 million crowns");
        page.Sentence("Opposition members questioned the figure.");
        page.Number("92%", 92, null);
        page.Number("92%", 92, central, page.Text.IndexOf("The minister", StringComparison.Ordinal));
        page.Quantities.Add(new Quantity(page.Text.IndexOf("48", StringComparison.Ordinal), page.Text.IndexOf("48", StringComparison.Ordinal) + 17, 48e6, "money:crowns", Statement: costs));

        var cue = Assert.Single(page.Detect(), c => c.Kind == StanceKind.Questioned && page.Text[c.Start..].StartsWith("questioned", StringComparison.Ordinal));

        Assert.Equal(central, cue.TargetStatement);
    }
}
