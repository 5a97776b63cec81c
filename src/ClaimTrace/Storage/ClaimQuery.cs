using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>
/// Which statements and quantities <see cref="IPageStore.ListClaims"/> returns. Every filter is optional
/// and they combine with AND. <see cref="Speaker"/> is a case-insensitive substring of the speaker's
/// resolved name or of the mention as written. <see cref="Measure"/> and <see cref="Scope"/> are compared
/// whole, ignoring case, and only quantities have them, so either one leaves statements out.
/// <see cref="From"/> and <see cref="To"/> (ISO 8601, <c>2018</c>, <c>2018-12</c> or <c>2018-12-11</c>, both
/// inclusive) apply to the statement's event date when its sentence names one with a year, else to the page's
/// published date; rows with neither are left out by a date filter. Reader comments are left out unless
/// <see cref="IncludeComments"/> is set. Only current versions of documents are searched.
/// </summary>
public sealed partial record ClaimQuery(
    int Offset = 0,
    int Limit = 100,
    string? Speaker = null,
    string? Measure = null,
    string? Scope = null,
    string? From = null,
    string? To = null,
    string? Outlet = null,
    StanceKind? Stance = null,
    bool IncludeComments = false)
{
    /// <summary>True for the date forms <see cref="From"/> and <see cref="To"/> accept.</summary>
    public static bool IsDate(string? value) => value is not null && DateForm().IsMatch(value);

    [GeneratedRegex(@"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")]
    private static partial Regex DateForm();
}

public enum ClaimRowKind
{
    Statement,
    Quantity,
}

/// <summary>
/// One statement or one quantity, with the document it is in. For a statement, <see cref="Start"/>..<see cref="End"/>
/// is its content and <see cref="Text"/> that content; for a quantity, the number as written, and the speaker,
/// cue and statement kind are those of the statement holding it (null when it is in none).
/// <see cref="Date"/> is the date the row is filtered and sorted by: <see cref="EventDate"/> when it has a year,
/// else <see cref="Published"/>. <see cref="Stances"/> lists the stance cues aimed at the statement.
/// </summary>
public sealed record ClaimRow(
    ClaimRowKind Kind,
    string DocumentId,
    int Version,
    string? Outlet,
    string? Published,
    string? Title,
    int Index,
    int Start,
    int End,
    string Text,
    int? Statement,
    StatementKind? StatementKind,
    string? Speaker,
    string? SpeakerWritten,
    string? Cue,
    string? EventDate,
    string? Date,
    double? Value,
    double? ValueMax,
    string? Unit,
    string? Qualifier,
    string? What,
    string? Measure,
    string? Scope,
    IReadOnlyList<StanceKind> Stances,
    bool InComments);
