using Microsoft.AspNetCore.Http;

namespace ClaimTrace.Web;

/// <summary>
/// Without an access token the server only listens on loopback, yet a web page the user opens could still reach it
/// through a host name of the page's own site that resolves to 127.0.0.1 (DNS rebinding) and read the answers as
/// same-origin. Such requests carry that name in their Host header, so only loopback names are answered.
/// </summary>
public sealed class LoopbackHosts(RequestDelegate next)
{
    private static readonly string[] Allowed = ["localhost", "127.0.0.1", "[::1]"];

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.Request.Host.Host;
        if (Allowed.Contains(host, StringComparer.OrdinalIgnoreCase) || host.StartsWith("127.", StringComparison.Ordinal))
            return next(context);
        return Problems.Write(context, StatusCodes.Status400BadRequest, "Unknown host",
            "This server answers only to loopback names (localhost, 127.0.0.1, [::1]); to be reached by another name it needs an access token.");
    }
}
