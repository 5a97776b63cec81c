using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClaimTrace.Web;

/// <summary>
/// <c>GET /api/claims</c> (linked claims, filtered as <see cref="ClaimFilter"/> says) and <c>GET /api/claims/{id}</c>
/// (one claim's dossier: reports with evidence, conflicts, timelines, same events and copies, as <c>claimtrace dossier --format json</c>).
/// </summary>
internal static class ClaimEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/claims", List)
            .WithName("ListClaims")
            .WithSummary("Claims linked across pages, filtered")
            .WithDescription("measure: a measure key or family; speaker: part of a side or a speaker as written; place: a scope; outlet; " +
                "from/to: 2018, 2018-12 or 2018-12-11, inclusive; disputed=true: only claims a dispute or contradiction touches.")
            .Produces<Paged<ClaimSummary>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/claims/{id}", Dossier)
            .WithName("GetClaim")
            .WithSummary("One claim's dossier")
            .WithDescription("The schema 'claimtrace.dossier/1' of claimtrace dossier --format json: the claim with every report (page, offsets, " +
                "sentence, date and how it was found), the conflicts touching it with their evidence, its timelines, same events and copy links.")
            .Produces<System.Text.Json.JsonElement>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> List(
        WebCorpus corpus, string? measure, string? speaker, string? place, string? outlet, string? from, string? to, bool? disputed,
        int? offset, int? limit, CancellationToken cancel)
    {
        (from, to) = (QueryProblems.Filter(from), QueryProblems.Filter(to));
        var page = PageRequest.From(offset, limit);
        if (new QueryProblems().Listing(from, to, page).Result() is { } problem)
            return problem;

        var linked = await corpus.LinkedAsync(cancel);
        var filter = new ClaimFilter(QueryProblems.Filter(measure), QueryProblems.Filter(speaker), QueryProblems.Filter(place),
            QueryProblems.Filter(outlet), from, to, disputed ?? false);
        var questioned = ClaimFilter.Questioned(linked.Result);
        var claims = filter.Apply(linked.Result).ToList();
        return TypedResults.Ok(page.Slice(claims, c => new ClaimSummary(
            c.Id, DossierText.Headline(c), c.Speakers, c.Measure, c.Family, c.Scope, c.Value, c.ValueMax, c.Unit, c.Qualifier, c.Date,
            c.Reports.Count(r => !r.IsEcho), [.. c.Reports.Select(r => r.Outlet).OfType<string>().Distinct(StringComparer.Ordinal)], c.Pages,
            questioned.Contains(c.Id))));
    }

    private static async Task<IResult> Dossier(WebCorpus corpus, string id, CancellationToken cancel)
    {
        var linked = await corpus.LinkedAsync(cancel);
        // Only an exact id: Dossier.For would fall back to measures, speakers and words, which is a search, not a claim.
        if (!ClaimIndex.Of(linked).Claims.ContainsKey(id))
            return Problems.Result(StatusCodes.Status404NotFound, "No such claim", $"There is no claim '{id}'; /api/claims lists them.");
        return Results.Content(WebCorpus.Rendered(linked, "claim json", id, () => DossierJson.Render(ClaimTrace.Dossier.For(linked, id, ClaimPage.TimelinePoints))), "application/json; charset=utf-8");
    }
}
