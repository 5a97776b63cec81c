using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClaimTrace.Web;

/// <summary>
/// <c>GET /api/documents</c> (stored documents, newest version each, by key) and <c>GET /api/documents/{id}</c>
/// (one document: its text and everything found in it, with offsets, as the extraction JSON).
/// </summary>
internal static class DocumentEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/documents", List)
            .WithName("ListDocuments")
            .WithSummary("Stored documents, newest version each, ordered by key")
            .WithDescription("outlet: only this outlet's documents; q: title or text contains this (ignoring case).")
            .Produces<Paged<DocumentSummary>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/documents/{id}", Get)
            .WithName("GetDocument")
            .WithSummary("One document with its text, segments, comments, statements, quantities and dates")
            .WithDescription("'page' is the extraction JSON (schema claimtrace.extract/1, docs/extraction-json.md): every offset is in UTF-16 " +
                "code units into 'text', end exclusive. id: the document id, or an unambiguous prefix of at least 4 characters.")
            .Produces<JsonElement>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> List(WebCorpus corpus, string? outlet, string? q, int? offset, int? limit, CancellationToken cancel)
    {
        var page = PageRequest.From(offset, limit);
        if (new QueryProblems().Listing(null, null, page).Result() is { } problem)
            return problem;
        var query = new DocumentQuery(page.Offset, page.Limit, QueryProblems.Filter(outlet), QueryProblems.Filter(q));
        var (items, total) = await corpus.ReadAsync(store => (store.ListDocuments(query), store.CountDocuments(query)), cancel);
        return TypedResults.Ok(new Paged<DocumentSummary>(items, total, page.Offset, page.Limit));
    }

    private static async Task<IResult> Get(WebCorpus corpus, string id, CancellationToken cancel)
    {
        // Ids are hexadecimal: anything else would be looked up as a key or a file name, which an address must not reach.
        if (id.Length is < 4 or > 64 || !id.All(char.IsAsciiHexDigitLower))
            return NotFound(id);
        StoredPage? found;
        try
        {
            found = await corpus.ReadAsync(store => store.Find(id), cancel);
        }
        catch (StoreException e) when (id.Length < 12)
        {
            return Problems.Result(StatusCodes.Status400BadRequest, "Ambiguous document id", e.Message);
        }

        return found is null ? NotFound(id) : Results.Bytes(Render(found), "application/json; charset=utf-8");
    }

    private static byte[] Render(StoredPage stored)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", stored.Page.Id);
            w.WriteNumber("version", stored.Version);
            w.WriteString("ingested_at", stored.IngestedAt);
            w.WritePropertyName("page");
            ExtractionJson.WritePage(w, stored.Page);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static IResult NotFound(string id) =>
        Problems.Result(StatusCodes.Status404NotFound, "No such document", $"There is no document '{id}'; /api/documents lists them.");
}
