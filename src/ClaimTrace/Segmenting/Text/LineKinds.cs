using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>Recognisers for the small kinds that sit inside a report: editor's notes, related links, captions, bylines.</summary>
internal static partial class LineKinds
{
    // "[SF: ...]", "[Ed.: ...]", "(Editor's note: ...)", "Editor’s Note:"
    [GeneratedRegex(@"^\s*(?:\[\s*(?<tag>[A-Z][A-Za-z.]{0,7})\s*:|[\[(]?\s*(?:editor[’']?s?|ed\.)\s*note\b)", RegexOptions.CultureInvariant)]
    public static partial Regex EditorNote();

    [GeneratedRegex(@"^\s*(?:related(?: (?:articles?|stories|posts|news|coverage))?|read also|also read|see also|read more|more|recommended|watch)\s*[:»>|]\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex RelatedLink();

    [GeneratedRegex(@"^\s*(?:image|photo|picture|photograph|pictured|credit|illustration|graphic|getty images|courtesy)\b\s*(?:credit)?\s*[:|/]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex CaptionCredit();

    [GeneratedRegex(@"^\s*(?:by|written by|posted by|words by|von)\s*:?\s+(?=[<\p{Lu}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Byline();

    public static bool IsEditorNote(LineProfile line) =>
        EditorNote().IsMatch(line.Text) && line.Length > 12;

    public static bool IsRelatedLink(LineProfile line) =>
        line.Length < 240 && RelatedLink().IsMatch(line.Text);

    public static bool IsCaptionCredit(LineProfile line) =>
        line.Length < 120 && CaptionCredit().IsMatch(line.Text);

    public static bool IsByline(LineProfile line) => line.IsByline;
}
