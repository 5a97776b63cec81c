using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClaimTrace.Web;

/// <summary><c>GET /api/search</c>: full-text search with the CLI's filters and facet counts (docs/search.md for the syntax).</summary>
internal static class SearchEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/search", Search)
            .WithName("Search")
            .WithSummary("Full-text search over statements, articles and reader comments")
            .WithDescription("q: words (all required), \"quoted phrases\", -excluded, prefix*; empty lists what the filters let through. " +
                "kind: all, statements or pages. comments=false leaves reader comments out. Facets count all hits, not only this page.")
            .Produces<SearchResultsPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<IResult> Search(
        WebCorpus corpus, string? q, string? kind, string? speaker, string? outlet, string? measure, string? place,
        string? from, string? to, string? stance, bool? comments, int? offset, int? limit, CancellationToken cancel)
    {
        (from, to) = (QueryProblems.Filter(from), QueryProblems.Filter(to));
        var page = PageRequest.From(offset, limit);
        var check = new QueryProblems().Listing(from, to, page);
        var stanceKind = check.Stance(stance);
        var searchKind = kind switch
        {
            null or "" or "all" => SearchKind.All,
            "statements" => SearchKind.Statements,
            "pages" => SearchKind.Pages,
            _ => (SearchKind?)null,
        };
        if (searchKind is null)
            check.Add($"kind '{kind}' is not one of all, statements, pages");
        if (check.Result() is { } problem)
            return problem;

        var query = new SearchQuery(
            q ?? "", searchKind!.Value, QueryProblems.Filter(speaker), QueryProblems.Filter(outlet), QueryProblems.Filter(measure),
            QueryProblems.Filter(place), from, to, stanceKind, comments ?? true, page.Offset, page.Limit);
        try
        {
            var results = await corpus.ReadAsync(store => corpus.Search(store, query), cancel);
            return TypedResults.Ok(new SearchResultsPage(results.Hits, results.Total, page.Offset, page.Limit, results.Facets,
                results.Terms.MatchesEverything ? "" : results.Terms.ToString(), results.Truncated, results.Window));
        }
        catch (SearchQueryException e)
        {
            return Problems.Result(StatusCodes.Status400BadRequest, "Invalid search", e.Message);
        }
    }
}
