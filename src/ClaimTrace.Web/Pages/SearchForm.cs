using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ClaimTrace.Web;

/// <summary>
/// The search page's query string (<c>q, speaker, outlet, measure, place, from, to, stance, page</c>) as typed,
/// blanks as null. Links that add or drop one filter are made from it, so a facet click keeps every other filter.
/// </summary>
public sealed record SearchForm(
    string? Q = null,
    string? Speaker = null,
    string? Outlet = null,
    string? Measure = null,
    string? Place = null,
    string? From = null,
    string? To = null,
    string? Stance = null,
    int Page = 1)
{
    public const int PageSize = 20;

    public static SearchForm Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? V(string name) => query[name].FirstOrDefault() is { } v && v.Trim().Length > 0 ? v.Trim() : null;
        var page = int.TryParse(V("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1;
        return new SearchForm(V("q"), V("speaker"), V("outlet"), V("measure"), V("place"), V("from"), V("to"), V("stance"), page);
    }

    public bool HasFilters => Speaker is not null || Outlet is not null || Measure is not null || Place is not null || From is not null || To is not null || Stance is not null;

    /// <summary>What is wrong with the form, in words for the person who filled it in; empty when it can be searched.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (name, value) in new[] { ("From", From), ("To", To) })
        {
            if (value is not null && !ClaimQuery.IsDate(value))
                problems.Add($"{name} \u201c{value}\u201d is not a date of the form 2018, 2018-12 or 2018-12-11.");
        }

        if (Stance is not null && AnalysisWireNames.FromWire<StanceKind>(Stance) is null)
            problems.Add($"Stance \u201c{Stance}\u201d is not one of {string.Join(", ", AnalysisWireNames.All<StanceKind>())}.");
        return problems;
    }

    public SearchQuery ToQuery() => new(
        Q ?? "", SearchKind.All, Speaker, Outlet, Measure, Place, From, To, AnalysisWireNames.FromWire<StanceKind>(Stance),
        IncludeComments: true, Offset: (int)Math.Min(int.MaxValue, (Page - 1L) * PageSize), Limit: PageSize);

    /// <summary>The link to this search (page 1 unless <paramref name="page"/> says otherwise).</summary>
    public string Href(int page = 1) => Html.Url("/",
        ("q", Q), ("speaker", Speaker), ("outlet", Outlet), ("measure", Measure), ("place", Place), ("from", From), ("to", To), ("stance", Stance),
        ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null));
}
