using System.Text;

namespace ClaimTrace;

/// <summary>
/// How outlet names and URLs are compared when a credit is matched with a stored page: the outlet
/// directory's canonical name when it knows the name or the host ("southfront.org", "SouthFront" and
/// "South Front" are one outlet), then letters and digits only, lower-cased, without a leading "the".
/// </summary>
public static class OutletKey
{
    public static string? Of(string? outlet, OutletDirectory? directory = null)
    {
        if (string.IsNullOrWhiteSpace(outlet))
            return null;
        directory ??= OutletDirectory.Default;
        var name = directory.FindByName(outlet) ?? (LooksLikeHost(outlet) ? directory.FindByHost(outlet) ?? OutletDirectory.HostOf(outlet) : outlet);
        var folded = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            if (char.IsLetterOrDigit(c))
                folded.Append(char.ToLowerInvariant(c));
        }

        var key = folded.ToString();
        if (key.StartsWith("the", StringComparison.Ordinal) && name.TrimStart().StartsWith("the ", StringComparison.OrdinalIgnoreCase))
            key = key[3..];
        return key.Length == 0 ? null : key;
    }

    /// <summary>A URL without scheme, "www.", query, fragment or trailing slash, host lower-cased; null if not a URL.</summary>
    public static string? Url(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return null;
        var text = url.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
            text = "http://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host) || !uri.Host.Contains('.', StringComparison.Ordinal))
            return null;
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
            host = host[4..];
        var path = uri.AbsolutePath.TrimEnd('/');
        return path.Length == 0 ? null : host + path;
    }

    private static bool LooksLikeHost(string text) =>
        !text.Trim().Contains(' ', StringComparison.Ordinal) && text.Contains('.', StringComparison.Ordinal);
}
