using System.Security.Cryptography;
using System.Text;

namespace ClaimTrace;

public static class PageIds
{
    /// <summary>A 12-hex-digit id from a page key: short enough to type, long enough not to collide in practice.</summary>
    public static string FromKey(string key) => Sha256Hex(key)[..12];

    public static string Sha256Hex(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash);
    }
}
