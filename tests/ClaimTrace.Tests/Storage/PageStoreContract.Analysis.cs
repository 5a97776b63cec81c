namespace ClaimTrace.Tests;

/// <summary>The contract's part about analysis: round trips, rejection of bad offsets, and the claims query.</summary>
public abstract partial class PageStoreContract<TStore>
{
    [Fact]
    public void Every_analysis_item_round_trips_through_find()
    {
        var page = AnalysedPage.Build();
        Store.SaveBatch([page], []);

        var stored = Store.Find(page.Id)!.Page;

        PageAssert.Same(page, stored);
        var mizintsev = stored.Analysis.Statements[1].Speaker!;
        Assert.Equal("Mikhail Mizintsev", stored.Text[mizintsev.NameStart..mizintsev.NameEnd]);
        Assert.Equal("Colonel General", mizintsev.Rank);
        Assert.Null(stored.Analysis.Statements[2].Speaker);
        Assert.True(stored.Analysis.Quantities[3].InComments);
    }

    [Fact]
    public void A_page_read_to_be_quoted_has_its_text_metadata_and_sentences_and_nothing_else()
    {
        var page = AnalysedPage.Build();
        Store.SaveBatch([page], []);
        var full = Store.Find(page.Id)!;

        var quotable = Store.FindQuotable(page.Id)!;

        Assert.Equal(full.Version, quotable.Version);
        Assert.Equal(full.Page.Text, quotable.Page.Text);
        Assert.Equal(full.Page.Key, quotable.Page.Key);
        Assert.Equal(full.Page.Metadata, quotable.Page.Metadata);
        Assert.Equal(full.Page.Analysis.Sentences, quotable.Page.Analysis.Sentences);
        Assert.Empty(quotable.Page.Analysis.Statements);
        Assert.Empty(quotable.Page.Segments);
        Assert.Null(Store.FindQuotable("0000000000000000"));
        Assert.Null(Store.FindQuotable(page.Key)); // an id, not a key: no lookup by anything else
    }

    [Fact]
    public void A_page_stored_without_analysis_comes_back_with_an_empty_one()
    {
        Store.SaveBatch([PageBuilder.Rich()], []);

        Assert.Same(PageAnalysis.Empty, Store.Find(PageBuilder.Rich().Key)!.Page.Analysis);
    }

    [Fact]
    public void Analysis_offsets_outside_the_text_or_indexes_to_nothing_are_rejected_with_the_reason()
    {
        var good = AnalysedPage.Build();
        var a = good.Analysis;
        var length = good.Text.Length;
        var bad = new (string Key, PageAnalysis Analysis, string Reason)[]
        {
            ("content", a with { Statements = [a.Statements[0] with { Content = new TextSpan(10, length + 5) }, a.Statements[1], a.Statements[2]] },
                $"statement 0's content spans 10..{length + 5}, outside the text of {length} characters"),
            ("speaker-name", a with { Statements = [a.Statements[0], a.Statements[1] with { Speaker = a.Statements[1].Speaker! with { NameStart = -1 } }, a.Statements[2]] },
                "statement 1's speaker name spans -1.."),
            ("stance", a with { Stances = [a.Stances[0] with { TargetStatement = 7 }] }, "stance 0 targets statement 7"),
            ("quantity", a with { Quantities = [a.Quantities[0] with { Statement = 3 }] }, "quantity 0 belongs to statement 3"),
            ("nan", a with { Quantities = [a.Quantities[0] with { Value = double.NaN }] }, "quantity 0 has a value that is not a finite number"),
            ("date", a with { Dates = [a.Dates[0] with { End = length + 1 }, a.Dates[1]] }, "date 0 spans"),
            ("sentence", a with { Statements = [a.Statements[0] with { Sentence = 6 }] }, "statement 0 is in sentence 6"),
            ("index", a with { Sentences = [a.Sentences[1]] }, "sentence 0 says it is sentence 1"),
            ("dated", a with { Dates = [] }, "statement 0 is dated by date 1, which the page does not have"),
        };

        var outcomes = Store.SaveBatch([.. bad.Select(b => good with { Key = b.Key, Source = b.Key, Analysis = b.Analysis }), good], []);

        Assert.All(outcomes.SkipLast(1), o => Assert.Equal(IngestStatus.Rejected, o.Status));
        Assert.Equal(IngestStatus.Added, outcomes[^1].Status);
        var reasons = Store.ListFailures(0, 20).ToDictionary(f => f.Source, f => f.Reason);
        foreach (var (key, _, reason) in bad)
            Assert.Contains(reason, reasons[key], StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_stored_before_it_was_analysed_gets_its_analysis_when_ingested_again_and_only_once()
    {
        var analysed = AnalysedPage.Build();
        Store.SaveBatch([analysed with { Analysis = PageAnalysis.Empty }], []);
        var before = Store.Counts();

        var again = Assert.Single(Store.SaveBatch([analysed], []));
        var third = Assert.Single(Store.SaveBatch([analysed with { Analysis = analysed.Analysis with { Quotes = [] } }], []));

        Assert.Equal((IngestStatus.Unchanged, 1), (again.Status, again.Version));
        Assert.Equal(IngestStatus.Unchanged, third.Status);
        Assert.Equal(before, Store.Counts());
        PageAssert.SameAnalysis(analysed.Analysis, Store.Find(analysed.Id)!.Page.Analysis);
    }

    [Fact]
    public void A_new_version_brings_its_own_analysis_and_claims_list_only_the_current_one()
    {
        var first = AnalysedPage.Build();
        var second = AnalysedPage.Build(percent: "97.1");
        Store.SaveBatch([first], []);
        Store.SaveBatch([second], []);

        var quantities = Store.ListClaims(new ClaimQuery(Measure: "territory_liberated"));

        Assert.Equal(2, Store.Find(first.Key)!.Version);
        var row = Assert.Single(quantities);
        Assert.Equal((97.1, "97.1%", 2), (row.Value, row.Text, row.Version));
    }

    [Fact]
    public void Claims_list_statements_and_quantities_with_their_documents_leaving_comments_out()
    {
        var page = AnalysedPage.Build();
        Store.SaveBatch([page], []);

        var rows = Store.ListClaims(new ClaimQuery());

        // Statement 0 is dated Wednesday, the 6th: it sorts before the rest, dated by publication (the 7th).
        Assert.Equal(
            [
                (ClaimRowKind.Statement, "96.5% of Syria has been retaken", "2017-12-06"),
                (ClaimRowKind.Quantity, "96.5%", "2017-12-06"),
                (ClaimRowKind.Statement, "We liberated 1,411 settlements", "2017-12-07"),
                (ClaimRowKind.Quantity, "1,411 settlements", "2017-12-07"),
                (ClaimRowKind.Quantity, "five tanks", "2017-12-07"),
            ],
            rows.Select(r => (r.Kind, r.Text, r.Date)));
        var quote = rows[2];
        Assert.Equal((page.Id, "Example News", "Syria retaken?", "Mikhail Mizintsev", "Colonel General Mikhail Mizintsev", "tell", StatementKind.Direct),
            (quote.DocumentId, quote.Outlet, quote.Title, quote.Speaker, quote.SpeakerWritten, quote.Cue, quote.StatementKind));
        Assert.Equal([StanceKind.Disputed, StanceKind.Hedged], quote.Stances);
        Assert.Equal(("Mikhail Mizintsev", 1, "settlements", "Syria"), (rows[3].Speaker, rows[3].Statement, rows[3].What, rows[3].Scope));
        Assert.Null(rows[4].Speaker);
        Assert.Equal("2017-12-06", rows[0].EventDate);
        Assert.Null(rows[2].EventDate);
    }

    [Fact]
    public void Comments_are_listed_on_request_and_never_with_a_speaker()
    {
        Store.SaveBatch([AnalysedPage.Build()], []);

        var comments = Store.ListClaims(new ClaimQuery(IncludeComments: true)).Where(r => r.InComments).ToList();

        Assert.Equal(["Where does 96.5 come from?", "96.5"], comments.Select(r => r.Text));
        Assert.All(comments, r => Assert.Null(r.Speaker));
    }

    [Fact]
    public void The_speaker_filter_is_a_case_insensitive_substring_of_the_name_or_the_mention_as_written()
    {
        var cyrillic = AnalysedPage.Build("https://ru.example/1", "Спутник", ministry: "Минобороны");
        Store.SaveBatch([AnalysedPage.Build(), cyrillic], []);

        int Count(string speaker) => Store.ListClaims(new ClaimQuery(Speaker: speaker)).Count;

        Assert.Equal(2 * 2, Count("mizin"));
        Assert.Equal(2 * 2, Count("COLONEL general"));
        Assert.Equal(2, Count("the MINISTRY"));
        Assert.Equal(2, Count("МИНОБОРОНЫ"));
        Assert.Equal(0, Count("%"));
        Assert.Equal(0, Count("nobody"));
    }

    [Fact]
    public void Measure_and_scope_filters_list_only_quantities()
    {
        Store.SaveBatch([AnalysedPage.Build()], []);

        Assert.Equal(["96.5%"], Store.ListClaims(new ClaimQuery(Measure: "TERRITORY_liberated")).Select(r => r.Text));
        Assert.Equal(["96.5%", "1,411 settlements"], Store.ListClaims(new ClaimQuery(Scope: " syria ")).Select(r => r.Text));
        Assert.Empty(Store.ListClaims(new ClaimQuery(Scope: "Syr")));
    }

    [Fact]
    public void The_date_range_applies_to_the_event_date_else_the_published_date_inclusively()
    {
        Store.SaveBatch([AnalysedPage.Build()], []);

        IEnumerable<string> Texts(string? from, string? to) => Store.ListClaims(new ClaimQuery(From: from, To: to)).Select(r => r.Text);

        Assert.Equal(["96.5% of Syria has been retaken", "96.5%"], Texts(null, "2017-12-06"));
        Assert.Equal(["We liberated 1,411 settlements", "1,411 settlements", "five tanks"], Texts("2017-12-07", "2017-12-07"));
        Assert.Equal(5, Texts("2017-12", "2017").Count());
        Assert.Empty(Texts("2018", null));
        Assert.Throws<ArgumentException>(() => Store.ListClaims(new ClaimQuery(From: "7 Dec 2017")));
    }

    [Theory]
    [InlineData("2017-12", "2017-12-06", "2017-12-06", true)]
    [InlineData("2017-12", "2017-12-31", null, true)]
    [InlineData("2017-12", null, "2017-12-01", true)]
    [InlineData("2017-12", "2018-01-01", null, false)]
    [InlineData("2017-12", null, "2017-11-30", false)]
    [InlineData("2017", "2017-06-01", "2017-06-30", true)]
    [InlineData("2017-W49", "2017-12-07", "2017-12-07", true)]
    [InlineData("2017-W49", "2017-12-04", "2017-12-06", false)]
    public void A_partial_event_date_is_the_whole_period_it_names_and_a_week_falls_back_to_the_published_date(string eventDate, string? from, string? to, bool listed)
    {
        Store.SaveBatch([AnalysedPage.Build(wednesday: eventDate)], []);

        var rows = Store.ListClaims(new ClaimQuery(From: from, To: to));

        Assert.Equal(listed, rows.Any(r => r.Text == "96.5% of Syria has been retaken"));
    }

    [Fact]
    public void Outlet_and_stance_filters_combine_with_paging()
    {
        Store.SaveBatch([AnalysedPage.Build(), AnalysedPage.Build("https://other.example/1", "Other Outlet")], []);

        var hedged = Store.ListClaims(new ClaimQuery(Outlet: "example news", Stance: StanceKind.Hedged));
        var questioned = Store.ListClaims(new ClaimQuery(Stance: StanceKind.Questioned, Offset: 1, Limit: 2));
        var all = Store.ListClaims(new ClaimQuery(Limit: 100));

        Assert.Equal(["We liberated 1,411 settlements", "1,411 settlements"], hedged.Select(r => r.Text));
        Assert.All(hedged, r => Assert.Equal("Example News", r.Outlet));
        Assert.Equal(4, Store.ListClaims(new ClaimQuery(Stance: StanceKind.Questioned)).Count);
        Assert.Equal(2, questioned.Count);
        Assert.Equal(10, all.Count);
        Assert.Equal(all, Enumerable.Range(0, 5).SelectMany(i => Store.ListClaims(new ClaimQuery(Offset: i * 2, Limit: 2))), ClaimRowComparer.Instance);
        Assert.Throws<ArgumentOutOfRangeException>(() => Store.ListClaims(new ClaimQuery(Limit: 0)));
    }

    private sealed class ClaimRowComparer : IEqualityComparer<ClaimRow>
    {
        public static readonly ClaimRowComparer Instance = new();

        public bool Equals(ClaimRow? x, ClaimRow? y) =>
            x is not null && y is not null && x with { Stances = [] } == y with { Stances = [] } && x.Stances.SequenceEqual(y.Stances);

        public int GetHashCode(ClaimRow obj) => HashCode.Combine(obj.DocumentId, obj.Kind, obj.Index);
    }
}
