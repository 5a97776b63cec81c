using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClaimTrace.Web;

/// <summary>
/// The routes of the pages people browse: <c>/</c> (search), <c>/claims</c>, <c>/claims/{id}</c>,
/// <c>/documents/{id}</c>, <c>/sources</c>, <c>/ingest</c>, and the stylesheet and script under <c>/static/</c>.
/// Every page reads the database through <see cref="WebCorpus"/> and renders on the server; nothing needs JavaScript.
/// </summary>
public static class HtmlRoutes
{
    public static IEndpointRouteBuilder MapHtmlPages(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", async (HttpRequest request, WebCorpus corpus, CancellationToken cancel) =>
        {
            var linked = await corpus.LinkedAsync(cancel);
            return (await corpus.ReadAsync(store => SearchPage.Render(SearchForm.Parse(request.Query), store, linked, query => corpus.Search(store, query)), cancel)).ToResult();
        }).ExcludeFromDescription();
        app.MapGet("/claims", async (HttpRequest request, WebCorpus corpus, CancellationToken cancel) =>
            ClaimsPage.Render(ClaimsForm.Parse(request.Query), await corpus.LinkedAsync(cancel)).ToResult()).ExcludeFromDescription();
        app.MapGet("/claims/{id}", async (string id, WebCorpus corpus, CancellationToken cancel) =>
        {
            var linked = await corpus.LinkedAsync(cancel);
            // Only pages of claims are kept: ids nobody has would otherwise push them out.
            return (ClaimIndex.Of(linked).Claims.ContainsKey(id)
                ? WebCorpus.Rendered(linked, "claim page", id, () => ClaimPage.Render(id, linked))
                : ClaimPage.Render(id, linked)).ToResult();
        }).ExcludeFromDescription();
        app.MapGet("/documents/{id}", async (string id, WebCorpus corpus, CancellationToken cancel) =>
        {
            var linked = await corpus.LinkedAsync(cancel);
            return (await corpus.ReadAsync(store =>
            {
                var stored = store.Find(id);
                var links = stored is null ? [] : store.ListCopyLinks(new CopyLinkQuery(PageId: stored.Page.Id));
                return DocumentPage.Render(id, stored, linked, links, other => PageName(store, linked, other));
            }, cancel)).ToResult();
        }).ExcludeFromDescription();
        app.MapGet("/sources", async (WebCorpus corpus, CancellationToken cancel) =>
        {
            var linked = await corpus.LinkedAsync(cancel);
            return (await corpus.ReadAsync(store => SourcesPage.Render(store, linked), cancel)).ToResult();
        }).ExcludeFromDescription();
        app.MapGet("/ingest", (WebOptions options) => IngestPage.Render(options.MaxUploadBytes).ToResult()).ExcludeFromDescription();
        // The form's own post, for browsers without script: stored as the API stores uploads, answered with the results page.
        app.MapPost("/ingest", async (HttpRequest request, WebOptions options, IngestJobs jobs, CancellationToken cancel) =>
        {
            var (job, refusal) = await IngestEndpoints.Receive(request, options, jobs, cancel);
            if (job is null)
                return IngestPage.Render(options.MaxUploadBytes, refused: refusal).ToResult();
            await job.Completion.WaitAsync(cancel);
            return IngestPage.Render(options.MaxUploadBytes, job.Status()).ToResult();
        }).DisableAntiforgery().ExcludeFromDescription();
        app.MapGet("/static/{name}", (string name, HttpResponse response) => StaticFiles.Serve(name, response)).ExcludeFromDescription();
        return app;
    }

    /// <summary>A linked page as "outlet: title", from the corpus when it read the page, else from the store.</summary>
    private static string? PageName(IPageStore store, LinkedCorpus linked, string id)
    {
        var page = linked.Pages.TryGetValue(id, out var p) ? p.Page : store.Find(id)?.Page;
        return page is null ? null : $"{page.Metadata.Outlet?.Value ?? "unknown outlet"}: {Html.PageTitle(page.Metadata.Title?.Value, page.Key)}";
    }
}

/// <summary>The stylesheet and scripts embedded in the assembly, served with a content type and a short cache life.</summary>
internal static class StaticFiles
{
    private const string Prefix = "ClaimTrace.Web.Static.";

    private static readonly FrozenDictionary<string, (byte[] Bytes, string Type)> Files = Load();

    public static IResult Serve(string name, HttpResponse response)
    {
        if (!Files.TryGetValue(name, out var file))
            return Results.NotFound();
        // Short enough that a new build's stylesheet is picked up within minutes without a versioned file name.
        response.Headers.CacheControl = "public, max-age=300";
        return Results.Bytes(file.Bytes, file.Type);
    }

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(StaticFiles).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var name = resource[Prefix.Length..];
            var type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            files[name] = (copy.ToArray(), type);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
