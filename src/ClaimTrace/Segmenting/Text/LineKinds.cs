using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>Recognisers for the small kinds that sit inside a report: editor's notes, related links, captions, bylines.</summary>
internal static partial class LineKinds
{
    // "[SF: ...]", "[Ed.: ...]", "(Editor's note: ...)", "Editor’s Note:"
    // The tag is case-sensitive (a capitalised outlet code); "Editor’s note" is matched in any case.
    [GeneratedRegex(@"^\s*(?:\[\s*(?<tag>[A-Z][A-Za-z.]{0,7})\s*:|[\[(]?\s*(?i:editor[’']?s?|ed\.)\s*(?i:note)\b)", RegexOptions.CultureInvariant)]
    public static partial Regex EditorNote();

    [GeneratedRegex(@"^\s*(?:related(?: (?:articles?|stories|posts|news|coverage))?|read also|also read|see also|read more|more|recommended|watch)\s*[:»>|]\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex RelatedLink();

    [GeneratedRegex(@"^\s*(?:image|photo|picture|photograph|pictured|credit|illustration|graphic|getty images|courtesy)\b\s*(?:credit)?\s*[:|/]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex CaptionCredit();

    // "Reporting by ..." is the wire services' credit line, usually below the story.
    [GeneratedRegex(@"^\s*(?:by|written by|posted by|words by|reporting by|reported by|von)\s*:?\s+(?=[<\p{Lu}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Byline();

    // "HALDEN FORD, 20 June 2024 – ...", "MARROWGATE (VNA) – ...": a place in capitals, an optional date or
    // agency, a dash, then the report.
    [GeneratedRegex(@"^\s*\p{Lu}[\p{Lu} .'’-]{1,40}?(?:,\s*[^–—()]{3,30}?)?\s*(?:\([^)]{1,40}\)\s*)?[–—-]\s+\S", RegexOptions.CultureInvariant)]
    public static partial Regex Dateline();

    // "About the Brenn Valley Relief Network": the heading of a press release's boilerplate about its issuer.
    [GeneratedRegex(@"^\s*(?i:about)\s+(?:(?i:the)\s+)?(?<name>\p{Lu}[\p{L}'’&-]*(?:\s+\p{Lu}[\p{L}'’&-]*){0,6})\s*$", RegexOptions.CultureInvariant)]
    public static partial Regex AboutHeading();

    public static bool IsAboutHeading(LineProfile line) => AboutHeading().IsMatch(line.Text);

    public static bool OpensWithDateline(LineProfile line) => line.Length > 60 && Dateline().IsMatch(line.Text);

    public static bool IsEditorNote(LineProfile line) =>
        EditorNote().IsMatch(line.Text) && line.Length > 12;

    public static bool IsRelatedLink(LineProfile line) =>
        line.Length < 240 && RelatedLink().IsMatch(line.Text);

    public static bool IsCaptionCredit(LineProfile line) =>
        line.Length < 120 && CaptionCredit().IsMatch(line.Text);

    public static bool IsByline(LineProfile line) => line.IsByline;
}
