using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>
/// Reads what a plain-text page says about itself: title, author, outlet, dates and the original source of
/// a crosspost. Every value keeps the span it was read from. Evidence is ranked: a dateline's agency code
/// or a "Delivered by" line names the outlet more surely than the names its furniture repeats, and an
/// editor's tag ("[SF: ...]") is the weakest, used only when nothing else speaks.
/// </summary>
internal sealed partial class TextMetadataReader(OutletDirectory outlets)
{
    // "Damascus (GPA– ...", "WASHINGTON (Reuters) - ...", "(CNN) – ..."
    [GeneratedRegex(@"^\s*(?:[\p{Lu}][\p{L}.'’ -]{1,40}?,?\s*)?\((?<tag>[\p{Lu}][\p{L}0-9 .&'’-]{0,40}?)\s*(?:\)\s*[–—-]|[–—-])", RegexOptions.CultureInvariant)]
    private static partial Regex DatelineTag();

    [GeneratedRegex(@"\[\s*(?<tag>[A-Z][A-Za-z]{1,6})\s*:")]
    private static partial Regex EditorTag();

    [GeneratedRegex(@"^\s*delivered by\s+(?<name>.+?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeliveredBy();

    [GeneratedRegex(@"\b(?:become a (?:member|patron|subscriber) of|comment on|subscribe to|support)\s+(?<name>(?:the\s+)?[\p{Lu}][\p{L}'’&.-]*(?:\s+[\p{Lu}][\p{L}'’&.-]*){0,4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureOutlet();

    [GeneratedRegex(@"\b(?:https?://)?(?:www\.)?(?<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|ca|co\.uk|info|news|ru|sy|uk|us|io|tv))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostMention();

    [GeneratedRegex(@"^\s*the original source of this article is\s+(?<name>.+?)\s*(?:copyright\b|©|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalSourceLine();

    [GeneratedRegex(@"^\s*contributed by\s+(?<name>.+?)(?:\s+of)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContributedBy();

    [GeneratedRegex(@"\bappeared first on\s+(?<name>.+?)\s*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AppearedFirstOn();

    [GeneratedRegex(@"^\s*(?:this (?:article|story|post) )?(?:was )?(?:originally|first) (?:published|appeared|posted) (?:on|in|at|by)\s+(?<name>.+?)(?:\s+(?:at|on)\s+\d.*)?\s*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginallyPublished();

    [GeneratedRegex(@"^\s*(?:republished|reprinted) (?:with permission )?(?:from|by)\s+(?<name>.+?)\s*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Republished();

    [GeneratedRegex(@"^\s*[Ff]rom (?:[Tt]he )?(?<name>[\p{Lu}][\p{L}'’&.-]*(?:\s+[\p{Lu}][\p{L}'’&.-]*){0,6})\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex FromOutletColon();

    [GeneratedRegex(@"^\s*(?:source|via)\s*:\s*(?<url>(?:https?://|www\.)\S+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourceLink();

    // "Reporting by Jane Roe; editing by John Doe": the reporter is the author, the editor is not.
    [GeneratedRegex(@"^\s*(?:articles|posts|stories) by\s*:\s*(?<name>.+?)\s*$|^\s*author\s*:\s*(?<name>.+?)\s*$|^\s*report(?:ing|ed) by\s+(?<name>[^;,]+?)\s*(?:[;,].*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorLine();

    // "© 2024 Valley Press. All rights reserved.", "Copyright © 2024 Marrowgate Courier": the holder a site's
    // own furniture names. Words run until a full stop, comma or anything not capitalised.
    [GeneratedRegex(@"(?:©|\([cC]\)|\b(?i:copyright)\b)(?:\s*(?:©|\([cC]\)|\b(?i:copyright)\b))*\s*(?:(?:19|20)\d{2}(?:\s*[–-]\s*(?:19|20)\d{2})?\s*[,–-]?\s*)?(?<name>[\p{Lu}][\p{L}'’&-]*(?:\s+[\p{Lu}][\p{L}'’&-]*){0,4})", RegexOptions.CultureInvariant)]
    private static partial Regex CopyrightNotice();

    [GeneratedRegex(@"\b(?:republished|reprinted|reposted|original source|appeared first|originally (?:published|appeared)|contributed by)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CrosspostCredit();

    // One to four capitalised words and nothing else: "NewsHarbor", "Valley Press".
    [GeneratedRegex(@"^\s*(?<name>\p{Lu}[\p{L}'’&-]*(?:\s\p{Lu}[\p{L}'’&-]*){0,3})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex MastheadName();

    [GeneratedRegex(@"<[^>]{1,40}>")]
    private static partial Regex Tag();

    public PageMetadata Read(PageLayout layout, HeaderFindings header)
    {
        var meta = new PageMetadata();
        if (header.Title is { } title)
            meta = meta with { Title = Whole(title, "text:title") };
        if (header.Dateline is { } dateline)
            meta = meta with { Published = DateOf(dateline, "text:dateline") };
        if (header.PageDate is { } pageDate)
            meta = meta with { PageDate = DateOf(pageDate, "text:page-date") };

        var (author, bylineOutlet, bylineDate) = ReadByline(header.Byline);
        if (bylineDate is not null)
            meta = meta with { Published = meta.Published ?? bylineDate };
        if (meta.Published is null && DatelineDate(header.FirstBodyLine) is { } datelineDate)
            meta = meta with { Published = datelineDate };

        var original = FindOriginalSource(layout);
        author ??= FindAuthorLine(layout);
        meta = meta with { Author = author, OriginalSource = original };
        return meta with { Outlet = FindOutlet(layout, header, bylineOutlet, original, author) };
    }

    private (MetaValue? Author, MetaValue? Outlet, MetaValue? Date) ReadByline(LineProfile? byline)
    {
        if (byline is null)
            return (null, null, null);
        var text = byline.Text;
        var start = byline.Line.Start;
        var afterBy = LineKinds.Byline().Match(text);
        var rest = text[afterBy.Length..];
        MetaValue? author;
        var underlined = Regex.Match(rest, @"^\s*<(?<t>u|a|b|strong|span)\b[^>]*>(?<name>[^<]{2,80})</\k<t>>");
        if (underlined.Success)
        {
            var g = underlined.Groups["name"];
            author = new MetaValue(Clean(g.Value), "text:byline", start + afterBy.Length + g.Index, start + afterBy.Length + g.Index + g.Length);
        }
        else
        {
            var cut = Regex.Match(rest, @"^(?<name>[^,|;/\n<]+?)(?=\s*(?:,|\||;|/| [–—-] |\bon\b|\d|$))");
            var name = cut.Success ? cut.Groups["name"].Value : rest;
            author = new MetaValue(Clean(name), "text:byline", start + afterBy.Length, start + afterBy.Length + name.Length);
        }

        if (author.Value.Length == 0 || author.Value.Split(' ').Length > 8)
            author = null;

        MetaValue? outlet = null;
        var plain = text;
        foreach (var candidate in OutletNamesIn(plain))
        {
            if (author is not null && string.Equals(candidate.Name, outlets.FindByName(author.Value) ?? author.Value, StringComparison.OrdinalIgnoreCase))
                continue;
            outlet = new MetaValue(candidate.Name, "text:byline", start + candidate.Start, start + candidate.End);
            break;
        }

        var date = DateText.FindAll(text, start).Select(d => new MetaValue(d.Iso, "text:byline", d.Start, d.End)).FirstOrDefault();
        return (author, outlet, date);
    }

    /// <summary>The date a report's dateline carries ("HALDEN FORD, 20 June 2024 – ..."), when it gives a full one.</summary>
    private static MetaValue? DatelineDate(LineProfile? first)
    {
        if (first is null || LineKinds.Dateline().Match(first.Text) is not { Success: true } dateline)
            return null;
        return DateText.FindAll(first.Text[..dateline.Length], first.Line.Start)
            .Select(d => new MetaValue(d.Iso, "text:dateline", d.Start, d.End))
            .FirstOrDefault();
    }

    /// <summary>Known outlet names mentioned in a line, by name or by domain.</summary>
    private IEnumerable<(string Name, int Start, int End)> OutletNamesIn(string text)
    {
        foreach (Match m in Regex.Matches(text, @"[\p{Lu}][\p{L}'’&.-]*(?:\s+[\p{Lu}][\p{L}'’&.-]*){0,4}"))
        {
            // Try the longest run of capitalised words first, then shorter tails ("By Global Research" → "Global Research").
            var words = m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var skip = 0; skip < words.Length; skip++)
            {
                for (var take = words.Length - skip; take >= 1; take--)
                {
                    var phrase = string.Join(' ', words.Skip(skip).Take(take));
                    var name = outlets.FindByName(phrase);
                    if (name is null)
                        continue;
                    var at = text.IndexOf(phrase, m.Index, StringComparison.Ordinal);
                    yield return (name, at, at + phrase.Length);
                    goto next;
                }
            }

        next:;
        }

        foreach (Match m in HostMention().Matches(text))
        {
            if (outlets.FindByHost(m.Groups["host"].Value) is { } name)
                yield return (name, m.Index, m.Index + m.Length);
        }
    }

    /// <summary>
    /// The outlet a crosspost credits, from a credit line anywhere in a page's visible text ("Contributed by X",
    /// "The original source of this article is X"...). The HTML segmenter calls this on its rendered text.
    /// </summary>
    public MetaValue? OriginalSourceIn(string text)
    {
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
                end = text.Length;
            if (end - start is > 0 and <= 400 && CreditIn(text[start..end], start) is { } credit)
                return credit;
            start = end + 1;
        }

        return null;
    }

    private MetaValue? CreditIn(string line, int lineStart) =>
        Named(line, lineStart, OriginalSourceLine(), "text:original-source")
        ?? Named(line, lineStart, ContributedBy(), "text:contributed-by")
        ?? Named(line, lineStart, AppearedFirstOn(), "text:appeared-first-on")
        ?? Named(line, lineStart, OriginallyPublished(), "text:originally-published")
        ?? Named(line, lineStart, Republished(), "text:republished-from");

    private MetaValue? FindOriginalSource(PageLayout layout)
    {
        foreach (var line in layout.All)
        {
            if (line.IsBlank || line.Length > 400)
                continue;
            if (CreditIn(line.Text, line.Line.Start) is { } credit)
                return credit;
        }

        // The credit opens the article; a page that starts with it may have it read as a title line, so the
        // page's first line is tried as well as the body's.
        foreach (var first in new[] { layout.Lines(PageZone.Body).FirstOrDefault(l => !l.IsBlank), layout.All.FirstOrDefault(l => !l.IsBlank) })
        {
            if (first is not null && FromOutletColon().Match(first.Text) is { Success: true } from
                && outlets.FindByName(from.Groups["name"].Value) is { } known)
            {
                var g = from.Groups["name"];
                return new MetaValue(known, "text:from-credit", first.Line.Start + g.Index, first.Line.Start + g.Index + g.Length);
            }
        }

        // A bare "Source: https://..." at the foot of a repost names where it was taken from.
        foreach (var line in layout.All.Reverse())
        {
            if (line.IsBlank || layout.ZoneOf(line) == PageZone.Comments)
                continue;
            var m = SourceLink().Match(line.Text);
            if (!m.Success)
                continue;
            var g = m.Groups["url"];
            var name = outlets.FindByHost(g.Value) ?? OutletDirectory.HostOf(g.Value);
            return new MetaValue(name, "text:source-link", line.Line.Start + g.Index, line.Line.Start + g.Index + g.Length);
        }

        return null;
    }

    private MetaValue? Named(LineProfile line, Regex pattern, string origin) => Named(line.Text, line.Line.Start, pattern, origin);

    private MetaValue? Named(string line, int lineStart, Regex pattern, string origin)
    {
        var m = pattern.Match(line);
        if (!m.Success)
            return null;
        var g = m.Groups["name"];
        var name = Clean(g.Value);
        if (name.Length is < 2 or > 80)
            return null;
        return new MetaValue(outlets.FindByName(name) ?? name, origin, lineStart + g.Index, lineStart + g.Index + g.Length);
    }

    private MetaValue? FindAuthorLine(PageLayout layout)
    {
        foreach (var line in layout.All)
        {
            if (line.IsBlank || line.Length > 200 || layout.ZoneOf(line) == PageZone.Comments)
                continue;
            if (Named(line, AuthorLine(), "text:author-line") is { } author)
                return author;
        }

        return null;
    }

    private MetaValue? FindOutlet(PageLayout layout, HeaderFindings header, MetaValue? bylineOutlet, MetaValue? original, MetaValue? author)
    {
        if (header.FirstBodyLine is { } first && DatelineTag().Match(first.Text) is { Success: true } dateline)
        {
            var g = dateline.Groups["tag"];
            var tag = g.Value.Trim();
            return new MetaValue(outlets.FindByTag(tag) ?? tag, "text:dateline", first.Line.Start + g.Index, first.Line.Start + g.Index + tag.Length);
        }

        foreach (var line in layout.All)
        {
            if (!line.IsBlank && layout.ZoneOf(line) != PageZone.Comments && Named(line, DeliveredBy(), "text:delivered-by") is { } delivered)
                return delivered;
        }

        if (bylineOutlet is not null)
            return bylineOutlet;

        // The name the site's furniture keeps repeating ("Become a Member of X", "www.x.org"), other than
        // the original source and the author, which furniture also names.
        var votes = new Dictionary<string, (int Count, MetaValue First)>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in layout.All)
        {
            if (line.IsBlank || line.Furniture <= 0 || layout.ZoneOf(line) is PageZone.Body or PageZone.Comments)
                continue;
            foreach (Match m in FurnitureOutlet().Matches(line.Text))
            {
                var g = m.Groups["name"];
                var known = outlets.FindByName(TrimTrailingWords(g.Value));
                if (known is not null)
                    Vote(votes, known, line.Line.Start + g.Index, line.Line.Start + g.Index + g.Length);
            }

            foreach (Match m in HostMention().Matches(line.Text))
            {
                if (outlets.FindByHost(m.Groups["host"].Value) is { } host)
                    Vote(votes, host, line.Line.Start + m.Index, line.Line.Start + m.Index + m.Length);
            }
        }

        var excluded = new[] { original?.Value, author?.Value };
        var winner = votes
            .Where(v => !excluded.Contains(v.Key, StringComparer.OrdinalIgnoreCase))
            .OrderByDescending(v => v.Value.Count)
            .Select(v => v.Value.First)
            .FirstOrDefault();
        if (winner is not null)
            return winner;

        // Outlets the directory does not know, named by the page's own furniture.
        var named = CopyrightHolder(layout, excluded) ?? (original is null ? AboutIssuer(layout) : null) ?? Masthead(layout, header, excluded);
        if (named is not null)
            return named;

        foreach (var line in layout.All)
        {
            if (line.IsBlank || layout.ZoneOf(line) != PageZone.Body || !LineKinds.IsEditorNote(line))
                continue;
            var m = EditorTag().Match(line.Text);
            if (m.Success && outlets.FindByTag(m.Groups["tag"].Value) is { } byTag)
                return new MetaValue(byTag, "text:editor-tag", line.Line.Start + m.Groups["tag"].Index, line.Line.Start + m.Groups["tag"].Index + m.Groups["tag"].Length);
        }

        return null;
    }

    /// <summary>
    /// The holder a site's copyright line names ("© 2024 Valley Press"), known or not. A crosspost's names
    /// the original and a blog's may name its author, so both are passed over, as is a copyright inside a
    /// crosspost's credit line ("Republished with permission from X. Copyright (c) X LLP").
    /// </summary>
    private MetaValue? CopyrightHolder(PageLayout layout, string?[] excluded)
    {
        foreach (var line in layout.All)
        {
            if (line.IsBlank || line.Furniture <= 0 || line.Length > 300 || layout.ZoneOf(line) is PageZone.Body or PageZone.Comments
                || CrosspostCredit().IsMatch(line.Text))
                continue;
            foreach (Match m in CopyrightNotice().Matches(line.Text))
            {
                var g = m.Groups["name"];
                var name = outlets.FindByName(g.Value) ?? Clean(g.Value);
                if (name.Length >= 2 && !excluded.Contains(name, StringComparer.OrdinalIgnoreCase))
                    return new MetaValue(name, "text:copyright", line.Line.Start + g.Index, line.Line.Start + g.Index + g.Length);
            }
        }

        return null;
    }

    /// <summary>
    /// The issuer a press release's "About X" section names. The release itself mentions it, which tells an
    /// issuer from a heading such as "About the Author". (Not asked of a repost, whose release is the original's.)
    /// </summary>
    private MetaValue? AboutIssuer(PageLayout layout)
    {
        var bodyText = string.Join('\n', layout.Lines(PageZone.Body).Select(l => l.Text));
        foreach (var line in layout.All)
        {
            if (line.IsBlank || layout.ZoneOf(line) is PageZone.Body or PageZone.Comments || LineKinds.AboutHeading().Match(line.Text) is not { Success: true } about)
                continue;
            var g = about.Groups["name"];
            if (bodyText.Contains(g.Value, StringComparison.Ordinal))
                return new MetaValue(outlets.FindByName(g.Value) ?? g.Value, "text:about-issuer", line.Line.Start + g.Index, line.Line.Start + g.Index + g.Length);
        }

        return null;
    }

    /// <summary>
    /// The masthead: a name standing alone as the page's first line that the site's furniture repeats
    /// ("NewsHarbor" ... "Subscribe to the NewsHarbor daily digest"). A repeated name, not just a short first
    /// line, because a page may as well open with its headline.
    /// </summary>
    private MetaValue? Masthead(PageLayout layout, HeaderFindings header, string?[] excluded)
    {
        var top = layout.Lines(PageZone.Header).FirstOrDefault(l => !l.IsBlank);
        if (top is null || top == header.Title || MastheadName().Match(top.Text) is not { Success: true } masthead)
            return null;
        var g = masthead.Groups["name"];
        var mention = new Regex(@"(?<![\p{L}\p{N}])" + Regex.Escape(g.Value) + @"(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var repeated = layout.All.Any(l => l != top && !l.IsBlank && l.Furniture > 0
            && layout.ZoneOf(l) is PageZone.Trailer or PageZone.Tail && mention.IsMatch(l.Text));
        if (!repeated || excluded.Contains(g.Value, StringComparer.OrdinalIgnoreCase))
            return null;
        return new MetaValue(outlets.FindByName(g.Value) ?? g.Value, "text:masthead", top.Line.Start + g.Index, top.Line.Start + g.Index + g.Length);
    }

    /// <summary>"Global Research Articles" → "Global Research": drop trailing words until a known name remains.</summary>
    private string TrimTrailingWords(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var take = words.Length; take >= 1; take--)
        {
            var candidate = string.Join(' ', words.Take(take));
            if (outlets.FindByName(candidate) is not null)
                return candidate;
        }

        return phrase;
    }

    private static void Vote(Dictionary<string, (int Count, MetaValue First)> votes, string name, int start, int end)
    {
        votes[name] = votes.TryGetValue(name, out var existing)
            ? (existing.Count + 1, existing.First)
            : (1, new MetaValue(name, "text:furniture", start, end));
    }

    private static MetaValue Whole(LineProfile line, string origin)
    {
        var text = line.Text;
        var lead = text.Length - text.TrimStart().Length;
        var trimmed = text.Trim();
        return new MetaValue(Clean(trimmed), origin, line.Line.Start + lead, line.Line.Start + lead + trimmed.Length);
    }

    private static MetaValue DateOf(LineProfile line, string origin) =>
        new(line.Date.Iso, origin, line.Line.Start + line.Date.Start, line.Line.Start + line.Date.End);

    /// <summary>Drops markup left in scraped text (<c>&lt;u&gt;South Front&lt;/u&gt;</c>) and stray punctuation.</summary>
    internal static string Clean(string value)
    {
        var text = Tag().Replace(value, string.Empty);
        text = Regex.Replace(text, @"\s+", " ").Trim();
        return text.Trim(',', ';', ':', '-', '–', '—', '|', '.', ' ');
    }
}
