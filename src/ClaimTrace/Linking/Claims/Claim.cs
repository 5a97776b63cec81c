using System.Text.Json.Serialization;

namespace ClaimTrace;

/// <summary>
/// One proposition — a side, a measure, a scope, a value, a time — with every report of it across pages.
/// <see cref="Id"/> is stable: it is made from the proposition and the first report's key, not from the order
/// pages arrived in. <see cref="Date"/> is the first dated report's date, or a range "first..last" when reports
/// give different days; <see cref="Why"/> says why each report joined.
/// </summary>
public sealed record Claim(
    string Id,
    Side Side,
    string Measure,
    string Family,
    string? Scope,
    double Value,
    double? ValueMax,
    double FamilyValue,
    string Unit,
    string? Qualifier,
    QualifierDirection Direction,
    string? Date,
    IReadOnlyList<ClaimReport> Reports,
    IReadOnlyList<string> Why)
{
    /// <summary>The reports' pages, each once, in report order.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Pages => [.. Reports.Select(r => r.PageId).Distinct()];

    /// <summary>The people and organisations the reports name, each once ("Rudskoi", "Russian General Staff").</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Speakers => [.. Reports.Select(r => r.Side.Display).Distinct()];
}
