using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimTrace.Web;

/// <summary>RFC 7807 problem details, written by the same service the framework uses, so every error has one shape.</summary>
public static class Problems
{
    /// <summary>A problem result for an endpoint to return.</summary>
    public static IResult Result(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    /// <summary>Writes a problem from middleware, where there is no endpoint result to return.</summary>
    public static async Task Write(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
