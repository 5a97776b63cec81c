namespace ClaimTrace;

/// <summary>
/// Decode, segment and (with an analyser) analyse: turns what a reader found into a <see cref="Page"/>. Nothing
/// thrown by a stage escapes: an unexpected error in one page becomes that page's failure and the batch goes on.
/// </summary>
public sealed class PageProcessor(IPageSegmenter text, IPageSegmenter html, IPageAnalyser? analyser = null)
{
    public PageOutcome Process(RawPage raw)
    {
        try
        {
            var decoded = TextDecoder.Decode(raw);
            if (decoded.Text is not { } body)
                return PageOutcome.Fail(decoded.ToFailure(raw.Source));
            if (string.IsNullOrWhiteSpace(body.Text))
                return PageOutcome.Fail(new ReadFailure(raw.Source, null, FailureKind.Empty, "the page holds only whitespace"));

            var format = raw.Format ?? (HtmlSniffer.LooksLikeHtml(body.Text) ? PageFormat.Html : PageFormat.Text);
            var segmenter = format == PageFormat.Html ? html : text;
            var segmented = segmenter.Segment(raw.Source, body.Text, raw.Container);
            var warnings = body.Warning is null ? Array.Empty<string>() : [body.Warning];
            var page = PageAssembler.Assemble(raw.Source, format, body.Encoding, segmented, warnings);
            return PageOutcome.Ok(analyser is null ? page : page with { Analysis = analyser.Analyse(page) });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in a stage must cost one page, not the batch: report it with the page's name.
            return PageOutcome.Fail(new ReadFailure(raw.Source, null, FailureKind.Malformed, $"could not be processed: {e.GetType().Name}: {e.Message}"));
        }
    }
}
