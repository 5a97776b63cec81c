namespace ClaimTrace;

/// <summary>
/// A page as the claims linker sees it: its text, its analysis and the metadata claims need. <see cref="Published"/>
/// is the page's own date (ISO, possibly partial); pages without one get a date through their links or not at all.
/// </summary>
public sealed record LinkedPage(Page Page, PageAnalysis Analysis)
{
    public string Id => Page.Id;

    public string? Outlet => Page.Metadata.Outlet?.Value;

    public string? Published => Page.Metadata.Published?.Value;
}
