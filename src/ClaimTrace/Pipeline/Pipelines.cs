namespace ClaimTrace;

/// <summary>The standard wiring of the stages, so the CLI, the tests and the benchmarks run the same pipeline.</summary>
public static class Pipelines
{
    /// <param name="analyse">false to stop after segmentation (the benchmarks time the stages apart)</param>
    public static PageProcessor CreateProcessor(bool analyse = true) =>
        new(new PlainTextSegmenter(), new HtmlSegmenter(), analyse ? new PageAnalyser() : null);

    /// <param name="openStdin">opens standard input when a path is '-'; called at most once</param>
    public static SourceWalker CreateWalker(ReadingOptions options, Func<Stream> openStdin) =>
        new(ReaderRegistry.CreateDefault(options), options, openStdin);
}
