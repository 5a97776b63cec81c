using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ClaimTrace.Web;

/// <summary>
/// The OpenAPI document the app generates at <c>/openapi/v1.json</c>, committed as docs/openapi.json so a change to
/// the API's contract shows up in review (a test compares the two).
/// </summary>
internal static class OpenApiDocument
{
    /// <summary>What the query parameters mean; one place, since most appear on several routes with one meaning.</summary>
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["offset"] = "skip this many items (default 0)",
        ["limit"] = $"at most this many items (default {PageRequest.DefaultLimit}; above {PageRequest.MaxLimit} it is clamped to {PageRequest.MaxLimit})",
        ["q"] = "search text; for documents, words the title or text contains",
        ["kind"] = "all, statements or pages (articles and comments)",
        ["speaker"] = "a speaker's name or mention, ignoring case: search matches the beginnings of its words (mizin finds Mizintsev), claims any part of it",
        ["outlet"] = "only this outlet (ignoring case)",
        ["measure"] = "a measure key (territory.government_control.share) or, for claims, a family (territory.government_control)",
        ["place"] = "the place a figure is about (its scope)",
        ["from"] = "on or after this date: 2018, 2018-12 or 2018-12-11",
        ["to"] = "on or before this date (inclusive): 2018, 2018-12 or 2018-12-11",
        ["stance"] = "holding a statement the page takes this stance toward: " + string.Join(", ", AnalysisWireNames.All<StanceKind>()),
        ["comments"] = "false leaves out what readers wrote in comments",
        ["disputed"] = "true keeps only claims a dispute or contradiction touches",
        ["page"] = "only the links of this document id (as copy or origin)",
        ["pairs"] = "true keeps only links between two stored pages (not credits to an outlet alone)",
        ["wait"] = "false answers at once with 202 and the job to poll",
        ["id"] = "a stable id, as the lists give it",
        ["format"] = "csv, jsonl or claimreview",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            {
                if (parameter.Name is { } name && Parameters.TryGetValue(name, out var description))
                    parameter.Description = description;
            }

            return Task.CompletedTask;
        });
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
}
