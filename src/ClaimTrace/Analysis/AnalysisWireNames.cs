using System.Text.Json;

namespace ClaimTrace;

/// <summary>
/// The names analysis enums take in rows, JSON and on the command line: snake case of the member, which
/// gives the gold format's names (<c>direct</c>, <c>unattributed</c>, <c>armed_group</c>, <c>hedged</c>).
/// </summary>
public static class AnalysisWireNames
{
    public static string ToWire(this StatementKind kind) => Name(kind);

    public static string ToWire(this SpeakerKind kind) => Name(kind);

    public static string ToWire(this EntityKind kind) => Name(kind);

    public static string ToWire(this StanceKind kind) => Name(kind);

    /// <summary>Reads a wire name back; null for a name no member has (so callers can say which name was wrong).</summary>
    public static TEnum? FromWire<TEnum>(string? name)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        var bare = name.Trim().Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        // TryParse also takes numbers ("2"), which are not names: only a defined, non-numeric name counts.
        return bare.Length > 0 && !char.IsAsciiDigit(bare[0]) && Enum.TryParse<TEnum>(bare, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : null;
    }

    /// <summary>Every wire name of an enum, for help texts and errors.</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(Name)];

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
