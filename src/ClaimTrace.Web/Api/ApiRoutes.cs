using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ClaimTrace.Web;

/// <summary>The JSON API under <c>/api/</c> (docs/web.md; the OpenAPI document is generated at <c>/openapi/v1.json</c>).</summary>
public static class ApiRoutes
{
    public static IEndpointRouteBuilder MapJsonApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("api");
        SearchEndpoints.Map(api);
        ClaimEndpoints.Map(api);
        DocumentEndpoints.Map(api);
        SourceEndpoints.Map(api);
        ExportEndpoints.Map(api);
        IngestEndpoints.Map(api);
        return app;
    }
}
