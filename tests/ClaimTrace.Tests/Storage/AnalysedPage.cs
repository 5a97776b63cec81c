namespace ClaimTrace.Tests;

/// <summary>
/// A small analysed page built by hand, with every kind of analysis item: a questioned headline, a reported
/// statement from an organisation with a weekday, a direct quote with a ranked speaker, a hedged and a
/// disputed figure, and a reader comment whose number must stay a comment's. Offsets are found in the text,
/// so the page stays right when its lines change.
/// </summary>
internal static class AnalysedPage
{
    public const string Published = "2017-12-07";

    public static Page Build(string key = "https://news.example/2017/12/retaken", string outlet = "Example News", string ministry = "The ministry", string percent = "96.5", string wednesday = "2017-12-06")
    {
        var text = DefaultText.Replace("The ministry", ministry, StringComparison.Ordinal).Replace("96.5%", percent + "%", StringComparison.Ordinal);
        var value = double.Parse(percent, System.Globalization.CultureInfo.InvariantCulture);
        var lines = text.Split('\n');
        int LineStart(int line) => lines.Take(line - 1).Sum(l => l.Length + 1);
        TextSpan At(string needle, int line)
        {
            var start = text.IndexOf(needle, LineStart(line), StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{needle}' is not in line {line}");
            return new TextSpan(start, start + needle.Length);
        }

        TextSpan Line(int line) => new(LineStart(line), LineStart(line) + lines[line - 1].Length);

        var organisation = At(ministry, 3);
        var mizintsev = At("Colonel General Mikhail Mizintsev", 4);
        var name = At("Mikhail Mizintsev", 4);
        var segments = new[]
        {
            new Segment(SegmentKind.Title, Line(1).Start, Line(1).End, 1, 1),
            new Segment(SegmentKind.Dateline, Line(2).Start, Line(2).End, 2, 2),
            new Segment(SegmentKind.Article, Line(3).Start, Line(5).End, 3, 5),
            new Segment(SegmentKind.Comments, Line(6).Start, Line(6).End, 6, 6),
        };
        var sentences = new[]
        {
            new Sentence(0, Line(1).Start, Line(1).End, 0, SegmentKind.Title, false),
            new Sentence(1, Line(2).Start, Line(2).End, 1, SegmentKind.Dateline, false),
            new Sentence(2, Line(3).Start, Line(3).End, 2, SegmentKind.Article, false),
            new Sentence(3, Line(4).Start, Line(4).End, 3, SegmentKind.Article, false),
            new Sentence(4, Line(5).Start, Line(5).End, 4, SegmentKind.Article, false),
            new Sentence(5, Line(6).Start, Line(6).End, 5, SegmentKind.Comments, true),
        };
        var quote = At("\"We liberated 1,411 settlements,\"", 4);
        var analysis = new PageAnalysis
        {
            Sentences = sentences,
            Quotes = [new QuoteSpan(quote.Start, quote.End, Closed: true)],
            Statements =
            [
                new Statement(0, StatementKind.Indirect,
                    new Speaker(ministry, organisation.Start, organisation.End, ministry, organisation.Start, organisation.End, SpeakerKind.Organisation),
                    At("said", 3), "say", At(percent + "% of Syria has been retaken", 3), 2, false, Date: 1),
                new Statement(1, StatementKind.Direct,
                    new Speaker(mizintsev.Of(text), mizintsev.Start, mizintsev.End, "Mikhail Mizintsev", name.Start, name.End, SpeakerKind.Person,
                        Role: "head of the defence management centre", Rank: "Colonel General", Organisation: "Russian Defence Ministry"),
                    At("told", 4), "tell", new TextSpan(quote.Start + 1, quote.End - 2), 3, false),
                new Statement(2, StatementKind.Unattributed, null, null, null, At("Where does 96.5 come from?", 6), 5, true),
            ],
            Quantities =
            [
                new Quantity(At(percent + "%", 3).Start, At(percent + "%", 3).End, value, "percent", Measure: "territory_liberated", Scope: "Syria", Statement: 0),
                new Quantity(At("1,411 settlements", 4).Start, At("1,411 settlements", 4).End, 1411, "count", Qualifier: null, What: "settlements",
                    Measure: "settlements_liberated", Scope: "Syria", Statement: 1),
                new Quantity(At("five tanks", 5).Start, At("five tanks", 5).End, 5, "count", What: "tanks", WrittenAs: "five"),
                new Quantity(At("96.5", 6).Start, At("96.5", 6).End, 96.5, "count", Statement: 2, InComments: true),
            ],
            Dates =
            [
                new DateMention(At("Dec 7", 2).Start, At("Dec 7", 2).End, Published, "absolute"),
                new DateMention(At("Wednesday", 3).Start, At("Wednesday", 3).End, wednesday, "weekday-before-published"),
            ],
            Entities =
            [
                new EntityMention(At("Syria", 1).Start, At("Syria", 1).End, "Syria", EntityKind.Place, "Syria"),
                new EntityMention(At("MOSCOW", 2).Start, At("MOSCOW", 2).End, "MOSCOW", EntityKind.Place, "Moscow"),
                new EntityMention(At("Syria", 3).Start, At("Syria", 3).End, "Syria", EntityKind.Place, "Syria"),
                new EntityMention(name.Start, name.End, "Mikhail Mizintsev", EntityKind.Person, "Mikhail Mizintsev"),
                new EntityMention(At("Daesh", 5).Start, At("Daesh", 5).End, "Daesh", EntityKind.ArmedGroup, "ISIS"),
            ],
            Stances =
            [
                new StanceCue(At("?", 1).Start, At("?", 1).End, StanceKind.Questioned, 0, "outlet"),
                new StanceCue(At("It remains unclear how", 5).Start, At("It remains unclear how", 5).End, StanceKind.Disputed, 1, "outlet"),
                new StanceCue(At("reportedly", 5).Start, At("reportedly", 5).End, StanceKind.Hedged, 1, "outlet"),
            ],
        };

        return PageBuilder.For(key)
            .WithText(text)
            .WithMetadata(new PageMetadata
            {
                Title = new MetaValue(lines[0], "text:title", Line(1).Start, Line(1).End),
                Outlet = new MetaValue(outlet, "container:csv"),
                Published = new MetaValue(Published, "text:dateline", Line(2).Start, Line(2).End),
            })
            .WithSegments(segments)
            .WithComments(new Comment(0, Line(6).Start, Line(6).End, 6, 6, "ivan_k", 0, null, false))
            .WithAnalysis(analysis)
            .Build();
    }

    public const string DefaultText =
        "Syria retaken?\n"
        + "MOSCOW, Dec 7 (Example News) -\n"
        + "The ministry said on Wednesday that 96.5% of Syria has been retaken.\n"
        + "\"We liberated 1,411 settlements,\" Colonel General Mikhail Mizintsev told reporters.\n"
        + "It remains unclear how the figure was reached, and Daesh reportedly lost five tanks.\n"
        + "ivan_k: Where does 96.5 come from? [red]not markup[/]";
}
