using System.Text.Json;
using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>What the markup says about a page, before the text is segmented.</summary>
internal sealed record HtmlFacts(PageMetadata Metadata, string? DocumentTitle);

/// <summary>
/// Reads a page's metadata from its markup: Open Graph, Twitter and Dublin Core meta tags, JSON-LD objects
/// of article types (data file <c>segmenting/html/article-types.txt</c>), the canonical link, the
/// <c>html</c> element's language and the document title cleaned of its " | Site" suffix. Each value names
/// where it came from, so a reader can weigh an Open Graph title against a guessed one.
/// </summary>
internal static partial class HtmlMetadataReader
{
    private static readonly Lazy<HashSet<string>> ArticleTypes =
        new(() => DataFiles.ReadLines("segmenting/html/article-types.txt").Select(l => l.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase));

    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@" [\|\-–—\\/>»] ")]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"^https?://", RegexOptions.IgnoreCase)]
    private static partial Regex UrlLike();

    public static HtmlFacts Read(HtmlDocument document)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? canonical = null;
        string? documentTitle = null;
        var jsonLd = new List<string>();
        foreach (var node in document.Nodes)
        {
            switch (node.Name)
            {
                case "meta":
                    AddMeta(node, meta);
                    break;
                case "link" when canonical is null && HasToken(node.Attribute("rel"), "canonical"):
                    canonical = node.Attribute("href");
                    break;
                case "title" when documentTitle is null && node.Closest("svg") is null:
                    documentTitle = Clean(document.TextContent(node, renderedOnly: false));
                    break;
                case "script" when node.FirstChild?.Text is { } json:
                    jsonLd.Add(json);
                    break;
            }
        }

        var ld = ReadJsonLd(jsonLd);
        var metadata = new PageMetadata
        {
            Title = Value(meta, "og:title", "html:og:title")
                ?? ld.Title
                ?? Value(meta, "twitter:title", "html:twitter:title")
                ?? Value(meta, "dc:title", "html:meta:title")
                ?? Value(meta, "dcterm:title", "html:meta:title")
                ?? Value(meta, "parsely-title", "html:meta:title")
                ?? (documentTitle is { Length: > 0 } ? new MetaValue(CleanTitle(documentTitle), "html:title") : null),
            Outlet = Value(meta, "og:site_name", "html:og:site_name")
                ?? ld.Publisher
                ?? Value(meta, "application-name", "html:meta:application-name"),
            Author = ld.Author
                ?? Value(meta, "author", "html:meta:author")
                ?? Value(meta, "dc:creator", "html:meta:author")
                ?? Value(meta, "dcterm:creator", "html:meta:author")
                ?? Value(meta, "parsely-author", "html:meta:author")
                ?? NonUrl(Value(meta, "article:author", "html:meta:article:author")),
            Published = Value(meta, "article:published_time", "html:article:published_time")
                ?? ld.Published
                ?? Value(meta, "parsely-pub-date", "html:meta:date")
                ?? Value(meta, "dc:date", "html:meta:date")
                ?? Value(meta, "dcterms.date", "html:meta:date")
                ?? Value(meta, "date", "html:meta:date")
                ?? ItempropDate(document)
                ?? TimeElement(document),
            Url = (canonical is { Length: > 0 } ? new MetaValue(canonical.Trim(), "html:canonical") : null)
                ?? Value(meta, "og:url", "html:og:url")
                ?? ld.Url,
            Language = Language(document) ?? Value(meta, "content-language", "html:meta:content-language") ?? Value(meta, "og:locale", "html:og:locale"),
        };
        return new HtmlFacts(metadata, documentTitle);
    }

    private static void AddMeta(HtmlNode node, Dictionary<string, string> meta)
    {
        var content = node.Attribute("content");
        if (string.IsNullOrWhiteSpace(content))
            return;
        var value = Clean(content);
        // property="og:title twitter:title" names several properties at once.
        foreach (var key in new[] { node.Attribute("property"), node.Attribute("name"), node.Attribute("itemprop"), node.Attribute("http-equiv") })
        {
            if (string.IsNullOrWhiteSpace(key))
                continue;
            foreach (var part in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var normal = part.ToLowerInvariant().Replace("dcterms:", "dcterm:", StringComparison.Ordinal).Replace("dc.", "dc:", StringComparison.Ordinal);
                meta.TryAdd(normal, value);
            }
        }
    }

    private static MetaValue? Value(Dictionary<string, string> meta, string key, string origin) =>
        meta.TryGetValue(key, out var value) && value.Length > 0 ? new MetaValue(value, origin) : null;

    private static MetaValue? NonUrl(MetaValue? value) => value is not null && UrlLike().IsMatch(value.Value) ? null : value;

    private static MetaValue? Language(HtmlDocument document)
    {
        var html = document.Elements("html").FirstOrDefault();
        var lang = html?.Attribute("lang") ?? html?.Attribute("xml:lang");
        return string.IsNullOrWhiteSpace(lang) ? null : new MetaValue(lang.Trim(), "html:lang");
    }

    private static MetaValue? ItempropDate(HtmlDocument document)
    {
        foreach (var node in document.Nodes)
        {
            if (node.IsElement && node.Attribute("itemprop") is { } prop && prop.Contains("datePublished", StringComparison.OrdinalIgnoreCase))
            {
                var value = node.Attribute("content") ?? node.Attribute("datetime") ?? document.TextContent(node);
                if (!string.IsNullOrWhiteSpace(value))
                    return new MetaValue(Clean(value), "html:itemprop:datePublished");
            }
        }

        return null;
    }

    private static MetaValue? TimeElement(HtmlDocument document)
    {
        foreach (var node in document.Elements("time"))
        {
            if (node.Rendered && node.Attribute("datetime") is { Length: > 0 } datetime)
                return new MetaValue(datetime.Trim(), "html:time");
        }

        return null;
    }

    /// <summary>
    /// The document title without the site's name: text before the last " | ", " - " or " » " when that leaves
    /// at least three words, else after the first (after Mozilla Readability's title cleaning).
    /// </summary>
    public static string CleanTitle(string title)
    {
        var separators = TitleSeparator().Matches(title);
        if (separators.Count == 0)
            return title;
        var last = separators[^1];
        var cleaned = title[..last.Index].Trim();
        if (Words(cleaned) < 3)
            cleaned = title[(separators[0].Index + separators[0].Length)..].Trim();
        var originalWords = Words(TitleSeparator().Replace(title, " "));
        if (Words(cleaned) <= 4 && Words(cleaned) != originalWords - 1)
            return title;
        return cleaned;
    }

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static bool HasToken(string? list, string token) =>
        list is not null && list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(t => t.Equals(token, StringComparison.OrdinalIgnoreCase));

    internal static string Clean(string value) => Spaces().Replace(value, " ").Trim();

    private sealed record LdFacts(MetaValue? Title, MetaValue? Author, MetaValue? Published, MetaValue? Publisher, MetaValue? Url);

    private static LdFacts ReadJsonLd(List<string> scripts)
    {
        JsonElement? best = null;
        var bestIsArticle = false;
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var script in scripts)
            {
                JsonDocument parsed;
                try
                {
                    parsed = JsonDocument.Parse(StripCdata(script), JsonOptions);
                }
                catch (JsonException)
                {
                    continue;
                }

                documents.Add(parsed);
                foreach (var candidate in Objects(parsed.RootElement))
                {
                    var isArticle = IsArticleType(candidate);
                    if (best is null || (isArticle && !bestIsArticle))
                    {
                        if (isArticle || candidate.TryGetProperty("headline", out _))
                        {
                            best = candidate;
                            bestIsArticle = isArticle;
                        }
                    }
                }
            }

            if (best is not { } article)
                return new LdFacts(null, null, null, null, null);
            const string origin = "html:json-ld";
            return new LdFacts(
                Text(article, "headline", origin) ?? (bestIsArticle ? Text(article, "name", origin) : null),
                Names(article, "author", origin),
                Text(article, "datePublished", origin),
                Names(article, "publisher", origin),
                Text(article, "url", origin));
        }
        finally
        {
            foreach (var d in documents)
                d.Dispose();
        }
    }

    private static string StripCdata(string script)
    {
        var text = script.Trim();
        if (text.StartsWith("//<![CDATA[", StringComparison.Ordinal))
            text = text[11..];
        if (text.EndsWith("//]]>", StringComparison.Ordinal))
            text = text[..^5];
        return text.Trim();
    }

    /// <summary>Every object at the top level, in arrays, and in <c>@graph</c>, breadth-first without recursion.</summary>
    private static IEnumerable<JsonElement> Objects(JsonElement root)
    {
        var queue = new Queue<JsonElement>();
        queue.Enqueue(root);
        var seen = 0;
        while (queue.Count > 0 && seen++ < 200)
        {
            var element = queue.Dequeue();
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                    queue.Enqueue(item);
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                yield return element;
                if (element.TryGetProperty("@graph", out var graph))
                    queue.Enqueue(graph);
            }
        }
    }

    private static bool IsArticleType(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
            return false;
        if (type.ValueKind == JsonValueKind.String)
            return ArticleTypes.Value.Contains(type.GetString() ?? string.Empty);
        return type.ValueKind == JsonValueKind.Array
            && type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Value.Contains(t.GetString() ?? string.Empty));
    }

    private static MetaValue? Text(JsonElement element, string property, string origin)
    {
        if (!element.TryGetProperty(property, out var value))
            return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object when value.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : new MetaValue(Clean(HtmlEntities.Decode(text)), origin);
    }

    /// <summary>A person or organisation given as a string, an object with a name, or a list of either.</summary>
    private static MetaValue? Names(JsonElement element, string property, string origin)
    {
        if (!element.TryGetProperty(property, out var value))
            return null;
        var names = new List<string>();
        void Add(JsonElement item)
        {
            var name = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object when item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String => n.GetString(),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(name) && !UrlLike().IsMatch(name))
                names.Add(Clean(HtmlEntities.Decode(name)));
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
                Add(item);
        }
        else
        {
            Add(value);
        }

        return names.Count == 0 ? null : new MetaValue(string.Join(", ", names.Distinct(StringComparer.Ordinal)), origin);
    }
}
