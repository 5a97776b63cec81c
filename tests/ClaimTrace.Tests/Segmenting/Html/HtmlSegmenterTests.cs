using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests.Segmenting.Html;

public sealed class HtmlSegmenterTests
{
    private static readonly HtmlSegmenter Segmenter = new();

    private static SegmentedPage Segment(string html, PageMetadata? container = null) =>
        Segmenter.Segment("test.html", html, container ?? PageMetadata.Empty);

    private static string TextOf(SegmentedPage page, SegmentKind kind) =>
        string.Join("\n", page.Segments.Where(s => s.Kind == kind).Select(s => page.Text[s.Start..s.End].Trim()));

    private const string ArticlePage = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <title>Dam talks resume after flood | The Daily Courier</title>
          <meta property="og:title" content="Dam talks resume after the flood">
          <meta property="og:site_name" content="The Daily Courier">
          <meta property="article:published_time" content="2019-03-04T08:15:00Z">
          <link rel="canonical" href="https://courier.example/dam-talks">
          <script type="application/ld+json">
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"Dam talks resume",
             "author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Li Wei"}],
             "datePublished":"2019-03-04T08:15:00Z","publisher":{"@type":"Organization","name":"Courier Media"}}
          </script>
          <style>p { color: red }</style>
        </head>
        <body>
          <nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
          <header class="site-header"><a href="/">The Daily Courier</a></header>
          <main>
            <article class="story">
              <h1>Dam talks resume after the flood</h1>
              <p class="byline">By Ana Ruiz and Li Wei</p>
              <time datetime="2019-03-04T08:15:00Z">4 March 2019</time>
              <p>Negotiators from both countries met again on Monday, three weeks after the river burst its banks, flooding villages, farms and roads along a hundred kilometres of the valley.</p>
              <figure><img src="dam.jpg" alt=""><figcaption>The dam seen from the north bank, after the flood.</figcaption></figure>
              <p>The talks, which had stalled in January, now focus on how much water the dam releases in spring, who pays for the repairs, and how warnings reach the villages downstream in time.</p>
              <p>Officials said a first agreement, covering the warning system, could be signed within a month, though several questions, including compensation, remain open for now.</p>
            </article>
          </main>
          <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Storm warning for the coast</a></li><li><a href="/b">Rail strike ends</a></li></ul></aside>
          <footer class="site-footer"><p>© 2019 The Daily Courier. All rights reserved.</p></footer>
        </body>
        </html>
        """;

    [Fact]
    public void The_article_is_told_apart_from_navigation_sidebar_and_footer()
    {
        var page = Segment(ArticlePage);
        var article = TextOf(page, SegmentKind.Article);

        Assert.Contains("Negotiators from both countries met again on Monday", article, StringComparison.Ordinal);
        Assert.Contains("could be signed within a month", article, StringComparison.Ordinal);
        Assert.DoesNotContain("Most read", article, StringComparison.Ordinal);
        Assert.DoesNotContain("All rights reserved", article, StringComparison.Ordinal);
        Assert.DoesNotContain("Sport", article, StringComparison.Ordinal);
        Assert.Contains("All rights reserved", TextOf(page, SegmentKind.Boilerplate), StringComparison.Ordinal);
        Assert.Equal("The dam seen from the north bank, after the flood.", TextOf(page, SegmentKind.Caption));
        Assert.Equal("Dam talks resume after the flood", TextOf(page, SegmentKind.Title));
        Assert.Equal("By Ana Ruiz and Li Wei", TextOf(page, SegmentKind.Byline));
    }

    [Fact]
    public void Metadata_comes_from_open_graph_json_ld_canonical_link_and_language()
    {
        var meta = Segment(ArticlePage).Metadata;

        Assert.Equal("Dam talks resume after the flood", meta.Title?.Value);
        Assert.Equal("html:og:title", meta.Title?.Origin);
        Assert.Equal("The Daily Courier", meta.Outlet?.Value);
        Assert.Equal("Ana Ruiz, Li Wei", meta.Author?.Value);
        Assert.Equal("html:json-ld", meta.Author?.Origin);
        Assert.Equal("2019-03-04T08:15:00Z", meta.Published?.Value);
        Assert.Equal("https://courier.example/dam-talks", meta.Url?.Value);
        Assert.Equal("en-GB", meta.Language?.Value);
    }

    [Fact]
    public void Without_meta_tags_the_title_element_time_element_and_byline_are_read()
    {
        const string html = """
            <html><head><title>Harbour reopens to ferries after the storm | Coast Times</title></head><body>
            <h1>Harbour reopens to ferries</h1>
            <div class="author">By Maria Olsen</div>
            <p><time datetime="2020-06-01">1 June 2020</time></p>
            <p>The harbour reopened to ferries on Monday after the storm damage to the pier, the port authority said, and crossings resumed at noon.</p>
            </body></html>
            """;
        var meta = Segment(html).Metadata;

        Assert.Equal("Harbour reopens to ferries after the storm", meta.Title?.Value);
        Assert.Equal("html:title", meta.Title?.Origin);
        Assert.Equal("2020-06-01", meta.Published?.Value);
        Assert.Equal("html:time", meta.Published?.Origin);
        Assert.Equal("Maria Olsen", meta.Author?.Value);
        Assert.Equal("text:byline", meta.Author?.Origin);
    }

    [Fact]
    public void Container_metadata_wins_over_the_markup()
    {
        var container = new PageMetadata { Title = new MetaValue("From the crawl", "container:warc"), Url = new MetaValue("https://crawl.example/x", "container:warc") };
        var meta = Segment(ArticlePage, container).Metadata;

        Assert.Equal("From the crawl", meta.Title?.Value);
        Assert.Equal("https://crawl.example/x", meta.Url?.Value);
        Assert.Equal("The Daily Courier", meta.Outlet?.Value);
    }

    [Fact]
    public void A_nested_comment_thread_keeps_authors_depths_and_reply_links()
    {
        const string html = """
            <html><body>
            <article><p>The council approved the new bridge on Tuesday after a long debate, with seven votes in favour and two against, and work starts in May.</p></article>
            <div id="comments">
              <h3>3 responses</h3>
              <ol class="commentlist">
                <li class="comment" id="comment-1">
                  <div class="comment-author"><cite class="fn">Tom</cite> says:</div>
                  <p>About time, the old one was falling apart.</p>
                  <ol class="children">
                    <li class="comment" id="comment-2">
                      <div class="comment-author"><cite class="fn">Sara</cite> says:</div>
                      <p>It was safe, just ugly.</p>
                    </li>
                  </ol>
                </li>
                <li class="comment" id="comment-3">
                  <div class="comment-author"><cite class="fn">Ben</cite></div>
                  <p>Who pays for it?</p>
                </li>
              </ol>
            </div>
            </body></html>
            """;
        var page = Segment(html);

        Assert.Equal(["Tom", "Sara", "Ben"], page.Comments.Select(c => c.Author));
        Assert.Equal([0, 1, 0], page.Comments.Select(c => c.Depth));
        Assert.Equal([null, 0, null], page.Comments.Select(c => c.ReplyTo));
        var first = page.Comments[0];
        Assert.Contains("About time", page.Text[first.Start..first.End], StringComparison.Ordinal);
        Assert.DoesNotContain("It was safe", page.Text[first.Start..first.End], StringComparison.Ordinal);
        var section = Assert.Single(page.Segments, s => s.Kind == SegmentKind.Comments);
        Assert.All(page.Comments, c => Assert.InRange(c.Start, section.Start, section.End));
        Assert.DoesNotContain("About time", TextOf(page, SegmentKind.Article), StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_holding_a_script_tag_keeps_it_as_text()
    {
        const string html = "<html><head><title><script>alert(1)</script></title></head><body><h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1><p>Body text.</p></body></html>";
        var page = Segment(html);

        Assert.Equal("<script>alert(1)</script>", page.Metadata.Title?.Value);
        Assert.Contains("<script>alert(1)</script>", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Entities_are_decoded_in_text_and_attributes()
    {
        const string html = """<html><head><meta property="og:title" content="Fish &amp; Chips &#8211; a history"></head><body><p>Caf&eacute; &lt;b&gt; &copy 2020 &#x1F600; &nbsp;AT&amp;T &xyzzy; 5 &lt 6</p></body></html>""";
        var page = Segment(html);

        Assert.Equal("Fish & Chips – a history", page.Metadata.Title?.Value);
        Assert.Contains("Café <b> © 2020 😀 AT&T &xyzzy; 5 < 6", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scripts_styles_templates_svg_the_head_and_hidden_elements_never_reach_the_text()
    {
        const string html = """
            <html><head><title>T</title><style>.x{}</style></head><body>
            <script>var shown = "no";</script><noscript>Enable scripts</noscript><template><p>tmpl</p></template>
            <svg><text>drawing</text></svg><div hidden>secret one</div><div style="display: none">secret two</div>
            <p>Visible words.</p></body></html>
            """;
        var page = Segment(html);

        Assert.Equal("Visible words.", page.Text.Trim());
    }

    [Fact]
    public void Blocks_break_lines_paragraphs_are_set_apart_and_list_items_get_their_own_lines()
    {
        const string html = "<body><p>One   two\n three</p><p>Four<br>five</p><ul><li>a</li><li>b</li></ul><div>six</div><div>seven <b>eight</b></div></body>";
        var page = Segment(html);

        Assert.Equal("One two three\n\nFour\nfive\n\na\nb\n\nsix\nseven eight", page.Text);
    }

    [Fact]
    public void Every_line_belongs_to_exactly_one_segment()
    {
        var page = Segment(ArticlePage);
        var lineCount = page.Text.Split('\n').Length;
        var covered = new int[lineCount + 1];
        foreach (var segment in page.Segments)
        {
            for (var line = segment.FirstLine; line <= segment.LastLine; line++)
                covered[line]++;
        }

        Assert.All(Enumerable.Range(1, lineCount), line => Assert.Equal(1, covered[line]));
    }

    [Fact]
    public void Unclosed_and_misnested_html_still_produces_a_page()
    {
        const string html = "<html><body><div><p>First paragraph <b>bold <i>both</b> italic?<p>Second <table><tr><td>cell<td>next</table><li>stray item<div>no end";
        var page = Segment(html);

        Assert.Contains("First paragraph bold both italic?", page.Text, StringComparison.Ordinal);
        Assert.Contains("stray item", page.Text, StringComparison.Ordinal);
        Assert.EndsWith("no end", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_thousand_nested_elements_produce_a_page_without_overflowing_the_stack()
    {
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < 10_000; i++)
            html.Append("<div><span>");
        html.Append("deep text");
        for (var i = 0; i < 10_000; i++)
            html.Append("</span></div>");
        html.Append("<p>after</p></body></html>");

        var page = Segment(html.ToString());

        Assert.Contains("deep text", page.Text, StringComparison.Ordinal);
        Assert.Contains("after", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_tag_soup_yields_segments_inside_the_text_that_never_overlap()
    {
        string[] pieces =
        [
            "<div>", "</div>", "<p>", "</p>", "<article>", "</article>", "<ul>", "<li>", "</ul>", "<br>", "<b>", "</b>",
            "<div class=\"comment\">", "<div id=\"comments\">", "<table><tr><td>", "</td>", "<h1>", "</h1>", "<script>x<y",
            "</script>", "<!--", "-->", "<a href='#'>", "</a>", "&amp;", "&#x1F600;", "&", "<", ">", " ", "\n", "word",
            "Some longer sentence, with commas, and more words in it.", "<nav>", "</nav>", "<footer>", "<time datetime=2020-01-01>",
            "<p class=byline>By Someone", "<figure><figcaption>cap", "<pre>  a\n  b</pre>", "<title>", "</title>", "<svg>", "</svg>",
            "é", "\u00A0", "<style>", "</style>",
        ];
        var soup = Gen.Elements(pieces).ArrayOf().Select(p => string.Concat(p)).ToArbitrary();

        Prop.ForAll(soup, html =>
        {
            var page = Segment(html);
            var text = page.Text;
            var ordered = page.Segments.OrderBy(s => s.Start).ThenByDescending(s => s.End).ToList();
            var lines = text.Split('\n').Length;
            var previousEnd = 0;
            foreach (var s in ordered)
            {
                if (s.Start < 0 || s.End > text.Length || s.Start > s.End || s.FirstLine < 1 || s.LastLine > lines || s.FirstLine > s.LastLine)
                    return false;
                if (s.Start < previousEnd)
                    return false;
                previousEnd = s.End;
            }

            return page.Comments.All(c => c.Start >= 0 && c.End <= text.Length && c.Start < c.End && c.FirstLine <= c.LastLine);
        }).QuickCheckThrowOnFailure();
    }
}
