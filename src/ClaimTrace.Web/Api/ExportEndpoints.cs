using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClaimTrace.Web;

/// <summary>
/// <c>GET /api/exports/{csv|jsonl|claimreview}</c>: every claim with its reports, as <c>claimtrace export</c> writes
/// it, as a download with its content type and a file name.
/// </summary>
internal static class ExportEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/exports/{format}", Export)
            .WithName("Export")
            .WithSummary("Every claim and its reports as CSV (a row per report), JSON Lines (an object per claim) or schema.org ClaimReview JSON-LD")
            .Produces<string>(StatusCodes.Status200OK, "text/csv", "application/x-ndjson", "application/ld+json")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> Export(WebCorpus corpus, string format, CancellationToken cancel)
    {
        if (format is not ("csv" or "jsonl" or "claimreview"))
            return Problems.Result(StatusCodes.Status404NotFound, "No such export", $"There is no export '{format}'; the formats are csv, jsonl and claimreview.");
        var linked = await corpus.LinkedAsync(cancel);
        // Built in memory: the writers are synchronous, and the server does not allow synchronous writes to the response.
        using var buffer = new MemoryStream();
        switch (format)
        {
            case "csv":
                using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
                    ClaimExport.WriteCsv(linked, writer);
                return Results.File(buffer.ToArray(), "text/csv; charset=utf-8", "claimtrace-claims.csv");
            case "jsonl":
                ClaimExport.WriteJsonLines(linked, buffer);
                return Results.File(buffer.ToArray(), "application/x-ndjson; charset=utf-8", "claimtrace-claims.jsonl");
            default:
                ClaimReviewJsonLd.Write(linked, buffer);
                return Results.File(buffer.ToArray(), "application/ld+json; charset=utf-8", "claimtrace-claimreview.jsonld");
        }
    }
}
