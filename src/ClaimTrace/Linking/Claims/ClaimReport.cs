using System.Text.Json.Serialization;

namespace ClaimTrace;

/// <summary>
/// One page's report of a figure: the statement and the quantity in it, who it is attributed to (<see cref="Side"/>),
/// the measure, scope and value, and when it was said. <see cref="FamilyValue"/> is the value on its family's base
/// scale (100% free is 0% held). <see cref="Date"/> is the page's own date for the statement, else one inferred
/// through links (<see cref="DateHow"/> says which); null when neither exists.
/// </summary>
public sealed record ClaimReport(
    string PageId,
    string? Outlet,
    int Statement,
    int Quantity,
    Side Side,
    string? SpeakerWritten,
    string Measure,
    string Family,
    double Value,
    double? ValueMax,
    double FamilyValue,
    string Unit,
    string? Qualifier,
    QualifierDirection Direction,
    string? Scope,
    string? Date,
    string DateHow,
    TextSpan Evidence,
    TextSpan Sentence,
    string? What = null)
{
    /// <summary>
    /// A report proper, or the outlet repeating in its own words a figure its page attributes to someone
    /// ("it does not seem like ... 96.5% of Syria"): an echo is shown with the claim but is not another report of it.
    /// </summary>
    public bool IsEcho { get; init; }

    /// <summary>The date came from the page's publication, not from the statement: a bound, not the day it was said.</summary>
    [JsonIgnore]
    public bool DatedByPublication => DateHow.StartsWith("published", StringComparison.Ordinal);

    /// <summary>Stable identity of a report across runs: page, statement and quantity.</summary>
    [JsonIgnore]
    public string Key => FormattableString.Invariant($"{PageId}:{Statement}:{Quantity}");
}

/// <summary>Which way a qualifier bends a figure on its family's scale: "more than 96.5% free" is "less than 3.5% held".</summary>
public enum QualifierDirection
{
    Exact,
    Approximate,
    AtLeast,
    AtMost,
}
