using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

/// <summary>
/// What every <see cref="IPageStore"/> must do, written once and run against each backend (the Dapper
/// way: real databases, one generic suite). A backend's test class only says how to make a fresh,
/// empty store that uses <see cref="Time"/>.
/// </summary>
public abstract partial class PageStoreContract<TStore> : IDisposable
    where TStore : IPageStore
{
    private readonly List<TStore> opened = [];
    private TStore? store;

    internal ManualTimeProvider Time { get; } = new();

    /// <summary>The store most tests use, made on first use.</summary>
    protected TStore Store => store ??= Fresh();

    /// <summary>A new, empty store whose clock is <see cref="Time"/>. Called more than once by some tests.</summary>
    protected abstract TStore CreateStore();

    protected TStore Fresh()
    {
        var created = CreateStore();
        opened.Add(created);
        return created;
    }

    public void Dispose()
    {
        foreach (var s in opened)
            s.Dispose();
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes what <see cref="CreateStore"/> made (files, schemas), after every store is disposed.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    private IReadOnlyList<IngestOutcome> Save(params Page[] pages) => Store.SaveBatch(pages, []);

    [Fact]
    public void A_new_page_is_added_as_version_one()
    {
        var page = PageBuilder.For("https://example.org/a").Build();

        var outcome = Assert.Single(Save(page));

        Assert.Equal(new IngestOutcome(page.Id, page.Source, IngestStatus.Added, 1), outcome);
        Assert.Equal(new StoreCounts(1, 1, 1, 0, 0), Store.Counts());
    }

    [Fact]
    public void Every_page_field_round_trips_through_find()
    {
        var page = PageBuilder.Rich();
        Save(page);

        var stored = Store.Find(page.Id);

        Assert.NotNull(stored);
        PageAssert.Same(page, stored.Page);
        Assert.Equal(1, stored.Version);
        Assert.Equal(Time.GetUtcNow(), stored.IngestedAt);
        Assert.Equal(0, stored.Page.Comments[1].ReplyTo);
        var author = stored.Page.Metadata.Author!;
        Assert.Equal("Anna Petrova", stored.Page.Text[author.Start!.Value..author.End!.Value]);
    }

    [Fact]
    public void Text_with_control_characters_and_astral_symbols_round_trips()
    {
        var page = PageBuilder.For("k").WithText("bell\atab\tcr\r\nemoji 😀 ‮rtl ＦＵＬＬ").WithOutlet("Outlet\u001b 😀").Build();
        Save(page);

        PageAssert.Same(page, Store.Find("k")!.Page);
    }

    [Fact]
    public void A_NUL_character_is_stored_as_U_FFFD_in_place_and_the_page_says_so()
    {
        // PostgreSQL's text cannot hold NUL; every backend stores the page alike, offsets unmoved.
        var page = PageBuilder.For("k").WithText("nul\0here and \0there").WithOutlet("Outlet\0 😀").Build();
        Save(page);

        var stored = Store.Find("k")!;
        Assert.Equal("nul\uFFFDhere and \uFFFDthere", stored.Page.Text);
        Assert.Equal("Outlet\uFFFD 😀", stored.Page.Metadata.Outlet!.Value);
        Assert.Contains("stored with 3 NUL characters replaced by U+FFFD", stored.Page.Warnings);
        Assert.Equal(IngestStatus.Unchanged, Save(page).Single().Status);
    }

    [Fact]
    public void Ingesting_the_same_page_again_leaves_it_unchanged()
    {
        var page = PageBuilder.Rich();
        Save(page);
        var before = Store.Counts();
        Time.Advance(TimeSpan.FromHours(1));

        var outcome = Assert.Single(Save(page));

        Assert.Equal(IngestStatus.Unchanged, outcome.Status);
        Assert.Equal(1, outcome.Version);
        Assert.Equal(before, Store.Counts());
        Assert.Equal(Time.GetUtcNow() - TimeSpan.FromHours(1), Store.Find(page.Key)!.IngestedAt);
    }

    [Fact]
    public void New_content_under_a_known_key_becomes_the_next_and_current_version()
    {
        Save(PageBuilder.For("k").WithText("first").Build());
        Time.Advance(TimeSpan.FromMinutes(5));
        var second = PageBuilder.For("k").WithText("second").WithSource("/other/place.txt").Build();

        var outcome = Assert.Single(Save(second));

        Assert.Equal(new IngestOutcome(second.Id, "/other/place.txt", IngestStatus.NewVersion, 2), outcome);
        var stored = Store.Find("k")!;
        Assert.Equal(2, stored.Version);
        PageAssert.Same(second, stored.Page);
        Assert.Equal(Time.GetUtcNow(), stored.IngestedAt);
        Assert.Equal(new StoreCounts(1, 2, 2, 0, 0), Store.Counts());
    }

    [Fact]
    public void A_page_that_flips_back_to_older_content_is_unchanged_and_the_current_version_stays()
    {
        var a = PageBuilder.For("k").WithText("content A").Build();
        var b = PageBuilder.For("k").WithText("content B").Build();
        Save(a);
        Save(b);

        var outcome = Assert.Single(Save(a));

        Assert.Equal(IngestStatus.Unchanged, outcome.Status);
        Assert.Equal(1, outcome.Version);
        var current = Store.Find("k")!;
        Assert.Equal(2, current.Version);
        Assert.Equal("content B", current.Page.Text);
        Assert.Equal(2, Store.Counts().Versions);
    }

    [Fact]
    public void Two_pages_with_the_same_key_in_one_batch_are_processed_in_order()
    {
        var a = PageBuilder.For("k").WithText("content A").Build();
        var b = PageBuilder.For("k").WithText("content B").Build();

        var outcomes = Save(a, b, a, b);

        Assert.Equal(
            [(IngestStatus.Added, 1), (IngestStatus.NewVersion, 2), (IngestStatus.Unchanged, 1), (IngestStatus.Unchanged, 2)],
            outcomes.Select(o => (o.Status, o.Version)));
        Assert.Equal("content B", Store.Find("k")!.Page.Text);
    }

    [Fact]
    public void Changed_metadata_around_the_same_text_does_not_make_a_version()
    {
        Save(PageBuilder.For("k").WithText("same").WithTitle("Old title").Build());

        var outcome = Assert.Single(Save(PageBuilder.For("k").WithText("same").WithTitle("New title").Build()));

        Assert.Equal(IngestStatus.Unchanged, outcome.Status);
        Assert.Equal("Old title", Store.Find("k")!.Page.Metadata.Title!.Value);
    }

    [Fact]
    public void An_empty_batch_changes_nothing()
    {
        Assert.Empty(Store.SaveBatch([], []));
        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0), Store.Counts());
    }

    [Fact]
    public void Failures_are_listed_newest_first_and_paged()
    {
        Store.SaveBatch([], [new ReadFailure("a.warc.gz", "record 3 at byte 40960", FailureKind.Truncated, "gzip member ends early")]);
        Time.Advance(TimeSpan.FromSeconds(1));
        Store.SaveBatch([], [new ReadFailure("b.bin", null, FailureKind.Binary, "not text"), new ReadFailure("c.txt", null, FailureKind.Empty, "empty file")]);

        var all = Store.ListFailures(0, 10);

        Assert.Equal(["c.txt", "b.bin", "a.warc.gz"], all.Select(f => f.Source));
        Assert.Equal(new StoredFailure("a.warc.gz", "record 3 at byte 40960", FailureKind.Truncated, "gzip member ends early", Time.GetUtcNow() - TimeSpan.FromSeconds(1)), all[2]);
        Assert.Null(all[0].Location);
        Assert.Equal(["b.bin"], Store.ListFailures(1, 1).Select(f => f.Source));
        Assert.Empty(Store.ListFailures(3, 10));
    }

    [Fact]
    public void Documents_are_listed_by_key_in_pages()
    {
        var keys = new[] { "https://b.example/2", "https://a.example/1", "https://c.example/3", "https://a.example/0", "https://b.example/1" };
        Save([.. keys.Select(k => PageBuilder.For(k).WithText("text of " + k).Build())]);
        var ordered = keys.Order(StringComparer.Ordinal).ToList();

        Assert.Equal(ordered, Store.ListDocuments(new DocumentQuery()).Select(d => d.Key));
        Assert.Equal(ordered[..2], Store.ListDocuments(new DocumentQuery(Offset: 0, Limit: 2)).Select(d => d.Key));
        Assert.Equal(ordered[2..4], Store.ListDocuments(new DocumentQuery(Offset: 2, Limit: 2)).Select(d => d.Key));
        Assert.Equal(ordered[4..], Store.ListDocuments(new DocumentQuery(Offset: 4, Limit: 2)).Select(d => d.Key));
        Assert.Empty(Store.ListDocuments(new DocumentQuery(Offset: 5, Limit: 2)));
    }

    [Fact]
    public void A_summary_describes_the_current_version()
    {
        var page = PageBuilder.Rich();
        Save(PageBuilder.For(page.Key).WithText("an older text").Build());
        Time.Advance(TimeSpan.FromDays(1));
        Save(page);

        var summary = Assert.Single(Store.ListDocuments(new DocumentQuery()));

        Assert.Equal(
            new DocumentSummary(page.Id, page.Key, page.Source, 2, "Syria retaken, says ministry", "Example News", "Anna Petrova", "2017-12-07",
                PageFormat.Html, page.Text.Length, 9, 3, Time.GetUtcNow()),
            summary);
    }

    [Fact]
    public void The_outlet_filter_ignores_case_beyond_ascii()
    {
        Save(
            PageBuilder.For("1").WithOutlet("Sputnik").Build(),
            PageBuilder.For("2").WithOutlet("Спутник").Build(),
            PageBuilder.For("3").WithOutlet("Reuters").Build(),
            PageBuilder.For("4").Build());

        Assert.Equal(["1"], Store.ListDocuments(new DocumentQuery(Outlet: "SPUTNIK")).Select(d => d.Key));
        Assert.Equal(["2"], Store.ListDocuments(new DocumentQuery(Outlet: " СПУТНИК ")).Select(d => d.Key));
        Assert.Empty(Store.ListDocuments(new DocumentQuery(Outlet: "Sput")));
    }

    [Fact]
    public void The_text_filter_matches_title_or_text_and_takes_wildcards_literally()
    {
        Save(
            PageBuilder.For("1").WithText("Turnout was 50% in the north.").Build(),
            PageBuilder.For("2").WithText("Turnout was 500 in the north.").Build(),
            PageBuilder.For("3").WithText("Nothing here").WithTitle("Half of voters: 50%").Build(),
            PageBuilder.For("4").WithText("snake_case and under_score").Build(),
            PageBuilder.For("5").WithText("snakeXcase").Build());

        Assert.Equal(["1", "3"], Store.ListDocuments(new DocumentQuery(TextContains: "50%")).Select(d => d.Key));
        Assert.Equal(["4"], Store.ListDocuments(new DocumentQuery(TextContains: "snake_case")).Select(d => d.Key));
        Assert.Equal(["1", "2"], Store.ListDocuments(new DocumentQuery(TextContains: "TURNOUT")).Select(d => d.Key));
        Assert.Empty(Store.ListDocuments(new DocumentQuery(TextContains: "'; DROP TABLE documents; --")));
        Assert.Equal(5, Store.Counts().Documents);
    }

    [Fact]
    public void Filters_combine_with_paging()
    {
        Save([.. Enumerable.Range(0, 6).Select(i => PageBuilder.For($"k{i}").WithOutlet(i % 2 == 0 ? "Even" : "Odd").WithText($"claim {i}").Build())]);

        Assert.Equal(["k2", "k4"], Store.ListDocuments(new DocumentQuery(Offset: 1, Limit: 5, Outlet: "even", TextContains: "claim")).Select(d => d.Key));
    }

    [Fact]
    public void Paging_arguments_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Store.ListDocuments(new DocumentQuery(Offset: -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Store.ListDocuments(new DocumentQuery(Limit: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Store.ListFailures(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Store.ListFailures(-5, 10));
    }

    [Fact]
    public void A_disposed_store_refuses_work()
    {
        var store = Fresh();
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.Counts());
        Assert.Throws<ObjectDisposedException>(() => store.SaveBatch([PageBuilder.For("k").Build()], []));
    }

    [Fact]
    public void Counts_add_up_documents_versions_segments_comments_and_failures()
    {
        var rich = PageBuilder.Rich();
        Store.SaveBatch(
            [rich, PageBuilder.For("plain").Build(), PageBuilder.For("plain").WithText("changed").Build()],
            [new ReadFailure("x.csv", "row 4", FailureKind.Malformed, "unclosed quote")]);

        Assert.Equal(new StoreCounts(Documents: 2, Versions: 3, Segments: 9 + 1 + 1, Comments: 3, Failures: 1), Store.Counts());
    }

    [Fact]
    public void Find_accepts_an_id_a_unique_id_prefix_a_key_or_a_source()
    {
        var page = PageBuilder.Rich();
        Save(page, PageBuilder.For("https://other.example/").Build());

        Assert.Equal(page.Key, Store.Find(page.Id)!.Page.Key);
        Assert.Equal(page.Key, Store.Find(page.Id[..6])!.Page.Key);
        Assert.Equal(page.Key, Store.Find(page.Id[..4].ToUpperInvariant())!.Page.Key);
        Assert.Equal(page.Key, Store.Find(page.Key)!.Page.Key);
        Assert.Equal(page.Key, Store.Find(page.Source)!.Page.Key);
    }

    [Fact]
    public void Find_by_an_old_source_returns_the_latest_version()
    {
        Save(PageBuilder.For("k").WithSource("crawl-1/a.html").WithText("v1").Build());
        Save(PageBuilder.For("k").WithSource("crawl-2/a.html").WithText("v2").Build());

        var found = Store.Find("crawl-1/a.html")!;

        Assert.Equal(2, found.Version);
        Assert.Equal("crawl-2/a.html", found.Page.Source);
    }

    [Fact]
    public void Find_returns_null_for_an_unknown_id_key_or_a_prefix_shorter_than_four()
    {
        var page = PageBuilder.For("k").Build();
        Save(page);

        Assert.Null(Store.Find("nope"));
        Assert.Null(Store.Find(page.Id[..3]));
        Assert.Null(Store.Find("ffffffffffff" == page.Id ? "000000000000" : "ffffffffffff"));
        Assert.Null(Store.Find(""));
    }

    [Fact]
    public void Find_refuses_an_ambiguous_prefix_and_names_the_candidates()
    {
        var (first, second) = TwoKeysWhoseIdsShareAFourDigitPrefix();
        Save(PageBuilder.For(first).Build(), PageBuilder.For(second).Build());
        var prefix = PageIds.FromKey(first)[..4];

        var error = Assert.Throws<StoreException>(() => Store.Find(prefix));

        Assert.Contains(PageIds.FromKey(first), error.Message, StringComparison.Ordinal);
        Assert.Contains(PageIds.FromKey(second), error.Message, StringComparison.Ordinal);
        Assert.Contains(first, error.Message, StringComparison.Ordinal);
        Assert.Equal(first, Store.Find(PageIds.FromKey(first)[..12])!.Page.Key);
    }

    [Fact]
    public void A_bad_page_is_rejected_with_its_reason_and_the_rest_of_the_batch_and_the_store_are_kept()
    {
        var earlier = PageBuilder.Rich();
        Save(earlier);
        var good = PageBuilder.For("good").Build();
        var bad = PageBuilder.For("bad").WithText("short").WithSegments(new Segment(SegmentKind.Article, 0, 99, 1, 1)).WithSource("feed.jsonl#line=7").Build();
        var badReply = PageBuilder.For("bad-reply").WithText("a\nb").WithComments(new Comment(0, 0, 1, 1, 1, "x", 1, 5, false)).Build();

        var outcomes = Save(good, bad, badReply, PageBuilder.For(earlier.Key).WithText("a new text").Build());

        Assert.Equal([IngestStatus.Added, IngestStatus.Rejected, IngestStatus.Rejected, IngestStatus.NewVersion], outcomes.Select(o => o.Status));
        Assert.Equal(0, outcomes[1].Version);
        Assert.Null(Store.Find("bad"));
        Assert.NotNull(Store.Find("good"));
        Assert.Equal(2, Store.Find(earlier.Key)!.Version);
        var failures = Store.ListFailures(0, 10);
        var reasons = failures.ToDictionary(f => f.Source, f => f.Reason);
        Assert.Contains("segment 0 (article) spans 0..99, outside the text of 5 characters", reasons["feed.jsonl#line=7"], StringComparison.Ordinal);
        Assert.Contains("replies to comment 5", reasons["bad-reply"], StringComparison.Ordinal);
        Assert.All(failures, f => Assert.Equal(FailureKind.Malformed, f.Kind));
        Assert.Equal(new StoreCounts(Documents: 2, Versions: 3, Segments: 9 + 1 + 1, Comments: 3, Failures: 2), Store.Counts());
    }

    [Fact]
    public void Unpaired_surrogates_are_replaced_and_the_page_says_so()
    {
        var page = PageBuilder.For("k\uD800")
            .WithSource("feed.jsonl#line=1")
            .WithText("lone \uDC00 high \uD83D end, pair 😀 kept")
            .WithMetadata(new PageMetadata { Title = new MetaValue("T\uDFFF", "html:title") })
            .WithComments(new Comment(0, 0, 4, 1, 1, "who\uD800", 0, null, false))
            .Build();

        var outcome = Assert.Single(Save(page));

        Assert.Equal(IngestStatus.Added, outcome.Status);
        Assert.Equal(page.Id, outcome.Id);
        var stored = Store.Find(page.Id)!.Page;
        Assert.Equal("lone \uFFFD high \uFFFD end, pair 😀 kept", stored.Text);
        Assert.Equal(page.Text.Length, stored.Text.Length);
        Assert.Equal("k\uFFFD", stored.Key);
        Assert.Equal("T\uFFFD", stored.Metadata.Title!.Value);
        Assert.Equal("who\uFFFD", stored.Comments[0].Author);
        Assert.Equal(page.ContentHash, PageIds.Sha256Hex(stored.Text));
        Assert.Equal("stored with 5 unpaired UTF-16 surrogates replaced by U+FFFD", Assert.Single(stored.Warnings));
        Assert.Equal(IngestStatus.Unchanged, Assert.Single(Save(page)).Status);
    }

    [Fact]
    public void Ingesting_any_sequence_of_pages_twice_gives_the_same_counts_as_once()
    {
        var keys = Gen.Elements("https://a.example/1", "https://a.example/2", "/data/b.txt", "k\uD800");
        var texts = Gen.OneOf(Gen.Elements("", "A", "B", "A\uDC00", "A\uFFFD", "x\0y"), ArbMap.Default.ArbFor<string>().Generator.Where(s => s is not null));
        var pages =
            from key in keys
            from text in texts
            from outlet in Gen.Choose(0, 3)
            select PageBuilder.For(key).WithText(text).WithOutlet("Outlet " + outlet).Build();
        var batches = pages.ListOf().Select(l => l.ToList()).ListOf().Select(l => l.ToList());

        Prop.ForAll(batches.ToArbitrary(), run =>
        {
            using var store = CreateStore();
            foreach (var batch in run)
                store.SaveBatch(batch, []);
            var once = store.Counts();
            var again = run.SelectMany(batch => store.SaveBatch(batch, [])).ToList();
            return once == store.Counts() && again.All(o => o.Status == IngestStatus.Unchanged);
        }).QuickCheckThrowOnFailure();
    }

    private static (string, string) TwoKeysWhoseIdsShareAFourDigitPrefix()
    {
        var seen = new Dictionary<string, string>();
        for (var i = 0; ; i++)
        {
            var key = $"https://example.org/{i}";
            if (seen.TryGetValue(PageIds.FromKey(key)[..4], out var other))
                return (other, key);
            seen.Add(PageIds.FromKey(key)[..4], key);
        }
    }

    [Fact]
    public void The_change_stamp_moves_with_every_committed_change_and_only_then()
    {
        var start = Store.ChangeStamp();
        Save(PageBuilder.For("a").Build());
        var afterPage = Store.ChangeStamp();
        Store.Find("a");
        Store.Search(new SearchQuery("text"));
        Assert.Equal(afterPage, Store.ChangeStamp());
        Store.SaveLinks(new LinkSnapshot(new LinkState("d", DateTimeOffset.UnixEpoch, 0, 0, 0), [], []));
        var afterClaims = Store.ChangeStamp();
        Assert.False(Store.TrySaveLinks(new LinkSnapshot(new LinkState("e", DateTimeOffset.UnixEpoch, 0, 0, 0), [], []), replacing: "not what is stored"));
        Assert.True(afterPage > start);
        Assert.True(afterClaims > afterPage);
        Assert.Equal(afterClaims, Store.ChangeStamp());
    }
}
