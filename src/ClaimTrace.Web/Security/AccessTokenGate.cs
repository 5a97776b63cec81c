using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ClaimTrace.Web;

/// <summary>
/// With an access token configured, every request must carry it: as <c>Authorization: Bearer TOKEN</c> (scripts),
/// or in the cookie a browser receives by opening <c>/?token=TOKEN</c> once. That link answers with a redirect to
/// the same address without the token, so it does not stay in the address bar, the history or a Referer header.
/// </summary>
public sealed class AccessTokenGate(RequestDelegate next, WebOptions options)
{
    public const string CookieName = "claimtrace_token";

    public const string QueryName = "token";

    // Comparing digests of equal length keeps the time taken independent of where the first difference is and of
    // the length of the guess.
    private readonly byte[] expected = Digest(options.AccessToken ?? throw new ArgumentException("no access token is configured", nameof(options)));

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Query.TryGetValue(QueryName, out var fromQuery))
        {
            if (!Matches(fromQuery.ToString()))
            {
                await Refuse(context, "The token in the link is not this server's access token.");
                return;
            }

            context.Response.Cookies.Append(CookieName, fromQuery.ToString(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
                IsEssential = true,
            });
            context.Response.Redirect(WithoutToken(context.Request));
            return;
        }

        if (Presented(context.Request) is not { } token)
        {
            await Refuse(context, "This server needs its access token: send 'Authorization: Bearer TOKEN', or open /?token=TOKEN once in the browser.");
            return;
        }

        if (!Matches(token))
        {
            await Refuse(context, "The access token presented is not this server's.");
            return;
        }

        await next(context);
    }

    private static string? Presented(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return header["Bearer ".Length..].Trim();
        return request.Cookies.TryGetValue(CookieName, out var cookie) ? cookie : null;
    }

    private bool Matches(string presented) => CryptographicOperations.FixedTimeEquals(expected, Digest(presented));

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim()));

    private static string WithoutToken(HttpRequest request)
    {
        var rest = request.Query.Where(p => !string.Equals(p.Key, QueryName, StringComparison.OrdinalIgnoreCase)).ToList();
        var query = rest.Count == 0 ? QueryString.Empty : QueryString.Create(rest.SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v))));
        var path = request.PathBase.Add(request.Path);
        return (path.HasValue ? path.ToUriComponent() : "/") + query.ToUriComponent();
    }

    private static Task Refuse(HttpContext context, string detail)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Write(context, StatusCodes.Status401Unauthorized, "Access token required", detail);
    }
}
