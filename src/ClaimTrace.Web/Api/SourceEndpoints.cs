using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClaimTrace.Web;

/// <summary><c>GET /api/sources</c> (outlets weighed as <c>claimtrace sources</c> does) and <c>GET /api/copies</c> (copy links).</summary>
internal static class SourceEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/sources", Sources)
            .WithName("ListSources")
            .WithSummary("Outlets: pages and reports of claims, who copies whom, disputed claims carried without flagging them")
            .Produces<Paged<SourceRow>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/copies", Copies)
            .WithName("ListCopies")
            .WithSummary("Copy links: near-duplicates and credited crossposts, with their direction and evidence")
            .WithDescription("page: only links of this document (as copy or origin); pairs=true: only links between two stored pages.")
            .Produces<Paged<CopyItem>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Sources(WebCorpus corpus, int? offset, int? limit, CancellationToken cancel)
    {
        var page = PageRequest.From(offset, limit);
        if (new QueryProblems().Listing(null, null, page).Result() is { } problem)
            return problem;
        var rows = await corpus.SourcesAsync(cancel);
        return TypedResults.Ok(page.Slice(rows, row => row));
    }

    private static async Task<IResult> Copies(WebCorpus corpus, string? page, bool? pairs, int? offset, int? limit, CancellationToken cancel)
    {
        var request = PageRequest.From(offset, limit);
        if (new QueryProblems().Listing(null, null, request).Result() is { } problem)
            return problem;
        var pageId = QueryProblems.Filter(page);
        return await corpus.ReadAsync<IResult>(store =>
        {
            // Only whole ids name a page here: a key or a prefix would make the same address list different links later.
            if (pageId is not null && (store.Find(pageId) is not { } found || found.Page.Id != pageId))
                return Problems.Result(StatusCodes.Status404NotFound, "No such document", $"There is no document '{pageId}'; /api/documents lists them.");
            var query = new CopyLinkQuery(pageId, pairs ?? false, request.Offset, request.Limit);
            return TypedResults.Ok(new Paged<CopyItem>([.. store.ListCopyLinks(query).Select(CopyItem.Of)], store.CountCopyLinks(query), request.Offset, request.Limit));
        }, cancel);
    }
}
