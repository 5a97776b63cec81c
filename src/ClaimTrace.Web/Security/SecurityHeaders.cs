using Microsoft.AspNetCore.Http;

namespace ClaimTrace.Web;

/// <summary>
/// Headers on every response that keep untrusted page text inert even if something forgot to escape it: scripts only
/// from this server, no sniffing a JSON body as HTML, no framing by another site, no Referer leaving the machine.
/// The Referer is kept for this server's own requests (same-origin, not no-referrer): under no-referrer a browser sends
/// <c>Origin: null</c> with a plain form post, and the upload's cross-site check would refuse the app's own form.
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
        headers["Referrer-Policy"] = "same-origin";
        return next(context);
    }
}
