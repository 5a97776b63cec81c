using Microsoft.AspNetCore.OpenApi;

namespace ClaimTrace.Web;

/// <summary>
/// The OpenAPI document the app generates at <c>/openapi/v1.json</c>, committed as docs/openapi.json so a change to
/// the API's contract shows up in review (a test compares the two).
/// </summary>
internal static class OpenApiDocument
{
    public static void Configure(OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ClaimTrace";
            document.Info.Description = "The JSON API of claimtrace serve: search, claims and their dossiers, documents, sources, copies, exports, uploads. " +
                "Lists take offset and limit (default 50, at most 200; a larger limit is clamped) and answer {items, total, offset, limit}. " +
                "Errors are RFC 7807 problem details. With an access token, every request sends 'Authorization: Bearer TOKEN'. See docs/web.md.";
            // The server's address depends on how it was started; a fixed document leaves it out.
            document.Servers = [];
            return Task.CompletedTask;
        });
}
