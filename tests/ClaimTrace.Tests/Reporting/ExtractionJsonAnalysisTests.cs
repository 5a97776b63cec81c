using System.Text.Json.Nodes;

namespace ClaimTrace.Tests;

public sealed class ExtractionJsonAnalysisTests
{
    [Fact]
    public void Statements_carry_speaker_cue_and_content_as_separate_spans_into_the_text()
    {
        var page = AnalysedPage.Build();
        var json = JsonNode.Parse(ExtractionJson.ToJson(page))!;
        var text = json["text"]!.GetValue<string>();
        string Of(JsonNode span) => text[span["start"]!.GetValue<int>()..span["end"]!.GetValue<int>()];

        var quote = json["statements"]![1]!;

        Assert.Equal("claimtrace.extract/1", json["schema"]!.GetValue<string>());
        Assert.Equal("direct", quote["kind"]!.GetValue<string>());
        Assert.Equal("Colonel General Mikhail Mizintsev", Of(quote["speaker"]!));
        Assert.Equal("Mikhail Mizintsev", quote["speaker"]!["name"]!.GetValue<string>());
        Assert.Equal("person", quote["speaker"]!["kind"]!.GetValue<string>());
        Assert.Equal("told", Of(quote["cue"]!));
        Assert.Equal("tell", quote["cue"]!["lemma"]!.GetValue<string>());
        Assert.Equal("We liberated 1,411 settlements", Of(quote["content"]!));
        Assert.Null(json["statements"]![2]!["speaker"]);
        Assert.Equal("unattributed", json["statements"]![2]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public void Quantities_dates_entities_and_stances_use_the_gold_formats_names()
    {
        var json = JsonNode.Parse(ExtractionJson.ToJson(AnalysedPage.Build()))!;

        var percent = json["quantities"]![0]!;
        Assert.Equal((96.5, "percent", "territory_liberated", "Syria", 0), (percent["value"]!.GetValue<double>(), percent["unit"]!.GetValue<string>(),
            percent["measure"]!.GetValue<string>(), percent["scope"]!.GetValue<string>(), percent["statement"]!.GetValue<int>()));
        Assert.True(json["quantities"]![3]!["in_comments"]!.GetValue<bool>());
        Assert.Equal("five", json["quantities"]![2]!["written_as"]!.GetValue<string>());
        Assert.Equal("weekday-before-published", json["dates"]![1]!["resolution"]!.GetValue<string>());
        Assert.Equal(("armed_group", "ISIS"), (json["entities"]![4]!["kind"]!.GetValue<string>(), json["entities"]![4]!["canonical"]!.GetValue<string>()));
        Assert.Equal(["questioned", "disputed", "hedged"], json["stances"]!.AsArray().Select(s => s!["kind"]!.GetValue<string>()));
        Assert.Equal("comments", json["sentences"]![5]!["segment"]!.GetValue<string>());
        Assert.True(json["quotes"]![0]!["closed"]!.GetValue<bool>());
    }

    [Fact]
    public void A_page_that_was_not_analysed_has_no_analysis_members()
    {
        var json = JsonNode.Parse(ExtractionJson.ToJson(PageBuilder.Rich()))!.AsObject();

        Assert.False(json.ContainsKey("statements"));
        Assert.True(json.ContainsKey("segments"));
    }
}
