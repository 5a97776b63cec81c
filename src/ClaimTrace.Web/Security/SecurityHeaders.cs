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
        // Not "no-referrer": under it a browser sends "Origin: null" with the ingest form's own post, which the upload's
        // same-site check must refuse. "same-origin" still tells other sites nothing.
        headers["Referrer-Policy"] = "same-origin";
        return next(context);
    }
}
