using System.Globalization;

namespace ClaimTrace;

/// <summary>Byte counts as people read them in a failure message ("52.4 MB", "812 bytes").</summary>
internal static class ByteSize
{
    private const double Kilo = 1024;
    private const double Mega = 1024 * 1024;

    public static string Format(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / Mega).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / Kilo).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        1 => "1 byte",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };
}
