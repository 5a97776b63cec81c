using Microsoft.AspNetCore.Http;

namespace ClaimTrace.Web;

/// <summary>
/// Headers on every response that keep untrusted page text inert even if something forgot to escape it: scripts only
/// from this server, no sniffing a JSON body as HTML, no framing by another site, no Referer leaving the machine.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }
}
