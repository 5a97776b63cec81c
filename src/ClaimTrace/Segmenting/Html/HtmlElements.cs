namespace ClaimTrace;

/// <summary>
/// What the parser and the renderer need to know about element names, after the WHATWG HTML standard:
/// which are void, which hold raw text, which end an open paragraph, which start a new line.
/// </summary>
internal static class HtmlElements
{
    private static readonly string[] KnownNames =
    [
        "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "basefont", "bdi", "bdo", "bgsound",
        "big", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup",
        "data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed", "fieldset",
        "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "keygen", "label", "legend", "li",
        "link", "listing", "main", "map", "mark", "marquee", "math", "menu", "meta", "meter", "nav", "nobr", "noembed",
        "noframes", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "plaintext",
        "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "search", "section", "select", "slot", "small",
        "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td",
        "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video",
        "wbr", "xmp",

        // Attribute names the segmenter reads, interned so lookups compare references first.
        "class", "id", "href", "rel", "itemprop", "content", "property", "style", "hidden", "role", "aria-hidden",
        "aria-modal", "type", "datetime", "lang", "src", "summary", "datatable", "colspan", "rowspan", "http-equiv",
        "xml:lang", "name",
    ];

    private static readonly Dictionary<string, string> Interned = KnownNames.Distinct(StringComparer.Ordinal).ToDictionary(n => n, n => n, StringComparer.Ordinal);
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> InternedLookup =
        Interned.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly HashSet<string> Void = Set(
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link",
        "meta", "param", "source", "track", "wbr");

    /// <summary>Elements whose content is not markup: the tokenizer reads to their end tag in one step.</summary>
    public static readonly HashSet<string> RawText = Set(
        "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title", "plaintext");

    /// <summary>Raw-text elements whose content still has character references decoded.</summary>
    public static readonly HashSet<string> EscapableRawText = Set("textarea", "title");

    /// <summary>Start tags that close an open <c>p</c> (WHATWG "in body" insertion mode).</summary>
    public static readonly HashSet<string> ClosesParagraph = Set(
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main",
        "menu", "nav", "ol", "p", "pre", "listing", "search", "section", "summary", "table", "ul", "xmp", "plaintext");

    /// <summary>Elements a stray end tag of an inline element must not close across ("special" in the standard).</summary>
    public static readonly HashSet<string> Special = Set(
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br",
        "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset",
        "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee",
        "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre",
        "script", "search", "section", "select", "source", "style", "summary", "table", "tbody", "td", "template",
        "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp");

    /// <summary>Elements an end tag of a block may not close across: tables and their cells keep their content.</summary>
    public static readonly HashSet<string> ScopeBarrier = Set(
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template");

    /// <summary>Head-only elements: anything else in the head means the body has begun.</summary>
    public static readonly HashSet<string> HeadContent = Set(
        "base", "basefont", "bgsound", "link", "meta", "noframes", "noscript", "script", "style", "template", "title");

    /// <summary>Elements whose content never shows (or shows only without scripts or in other media).</summary>
    public static readonly HashSet<string> NotRendered = Set(
        "head", "script", "style", "noscript", "template", "svg", "math", "title", "iframe", "noembed", "noframes",
        "object", "embed", "canvas", "audio", "video", "datalist", "param", "source", "track", "area", "map", "img",
        "input", "button", "select", "textarea", "rp");

    /// <summary>Blocks that start and end a line.</summary>
    public static readonly HashSet<string> Block = Set(
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu", "nav", "ol", "optgroup",
        "option", "p", "plaintext", "pre", "search", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul", "xmp");

    /// <summary>Blocks set apart from their neighbours by a blank line, as paragraphs are.</summary>
    public static readonly HashSet<string> Paragraph = Set(
        "address", "article", "aside", "blockquote", "dl", "fieldset", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul", "details", "menu",
        "listing", "xmp");

    public static readonly HashSet<string> Headings = Set("h1", "h2", "h3", "h4", "h5", "h6");

    /// <summary>The interned lowercase name for a tag as written.</summary>
    public static string NameOf(ReadOnlySpan<char> raw)
    {
        Span<char> lower = raw.Length <= 64 ? stackalloc char[raw.Length] : new char[raw.Length];
        raw.ToLowerInvariant(lower);
        return InternedLookup.TryGetValue(lower, out var known) ? known : lower.ToString();
    }

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
