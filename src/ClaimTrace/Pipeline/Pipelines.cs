namespace ClaimTrace;

/// <summary>The standard wiring of the stages, so the CLI, the tests and the benchmarks run the same pipeline.</summary>
public static class Pipelines
{
    public static PageProcessor CreateProcessor() => new(new PlainTextSegmenter(), new HtmlSegmenter());

    /// <param name="openStdin">opens standard input when a path is '-'; called at most once</param>
    public static SourceWalker CreateWalker(ReadingOptions options, Func<Stream> openStdin) =>
        new(ReaderRegistry.CreateDefault(options), options, openStdin);
}
