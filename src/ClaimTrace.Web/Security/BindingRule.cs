using System.Net;

namespace ClaimTrace.Web;

/// <summary>
/// Where the server may listen. Loopback (localhost, 127.x.x.x, ::1) is only reachable from this machine; any other
/// address (0.0.0.0, a LAN address, '*', '+', a host name) exposes the corpus and the upload form to the network,
/// so it is refused unless an access token guards every request.
/// </summary>
public static class BindingRule
{
    /// <summary>Throws <see cref="WebOptionsException"/> for the first address that needs a token when none is set.</summary>
    public static void Check(string urls, bool hasToken)
    {
        ArgumentNullException.ThrowIfNull(urls);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IsLoopback(url) && !hasToken)
            {
                throw new WebOptionsException(
                    $"refusing to listen on {url}: it is reachable from other machines. Listen on loopback (http://127.0.0.1:5080), " +
                    "or set an access token with --token or the CLAIMTRACE_TOKEN variable so every request must carry it.");
            }
        }
    }

    /// <summary>True when the address of <paramref name="url"/> is this machine's loopback and nothing else.</summary>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        // Kestrel's wildcards ('*', '+') are not valid URI hosts, so they are caught before parsing.
        var afterScheme = url.IndexOf("://", StringComparison.Ordinal);
        if (afterScheme < 0)
            return false;
        var rest = url[(afterScheme + 3)..];
        if (rest.StartsWith('*') || rest.StartsWith('+'))
            return false;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return false;
        if (uri.IsLoopback && string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
