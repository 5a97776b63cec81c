namespace ClaimTrace;

/// <summary>
/// Who a report speaks for. <see cref="Key"/> groups reports into one claim: a person's name, or the institution
/// they speak for (the highest organisation below the country, "Russian Defense Ministry" for the General Staff's
/// chief), or a country speaking as a whole ("Moscow's declaration"), or the outlet itself for an unattributed
/// figure. <see cref="Why"/> says how the speaker was placed, for the dossier.
/// </summary>
public sealed record Side(string Key, string Display, SideLevel Level, string? Institution, string? Country, string Why)
{
    public static Side Outlet(string? outlet, string pageId) =>
        new("outlet:" + (OutletKey.Of(outlet) ?? pageId), outlet ?? "the outlet", SideLevel.Outlet, null, null, "unattributed: the outlet's own words");
}

public enum SideLevel
{
    /// <summary>A person with no known organisation: only their own reports are theirs.</summary>
    Person,

    /// <summary>An institution (or a person speaking for one).</summary>
    Institution,

    /// <summary>A country or its capital speaking as a whole ("Moscow", "Russia").</summary>
    Country,

    /// <summary>The outlet, for figures no one in the page is said to have given.</summary>
    Outlet,
}
