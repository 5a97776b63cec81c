namespace ClaimTrace;

/// <summary>
/// A forgiving HTML parser into the light DOM, written for speed on real news pages: one pass over the
/// markup, raw-text elements (scripts and styles, often most of a page's bytes) skipped with a single search
/// for their end tag, and the tree-building rules that matter for reading text: void elements, implied end
/// tags for p, li, dt/dd, option and table parts, end tags that close only what is in scope, a head that
/// ends when body content appears. Nesting deeper than <see cref="MaxDepth"/> is flattened, so hostile or
/// broken pages cost linear time and never deep recursion. The adoption agency algorithm for misnested
/// formatting tags is left out: a stray inline end tag is ignored instead, which keeps the text intact.
/// </summary>
internal sealed class HtmlParser
{
    /// <summary>Deeper elements are parsed as siblings of the last element that fit (browsers cap depth too).</summary>
    public const int MaxDepth = 400;

    private readonly string _html;
    private readonly List<HtmlNode> _open = new(64);
    private readonly List<HtmlAttribute> _attributes = new(16);
    private string? _class;
    private string? _id;
    private HtmlNode _root = null!;
    private HtmlNode? _html5Html;
    private HtmlNode? _head;
    private HtmlNode? _body;
    private int _pos;

    private HtmlParser(string html) => _html = html;

    public static HtmlDocument Parse(string html) => new HtmlParser(html).Run();

    private HtmlNode Current => _open[^1];

    private HtmlDocument Run()
    {
        _root = new HtmlNode(HtmlNode.DocumentName, null);
        _open.Add(_root);
        var html = _html;
        while (_pos < html.Length)
        {
            var lt = html.IndexOf('<', _pos);
            if (lt < 0)
            {
                AddText(_pos, html.Length);
                break;
            }

            if (lt > _pos)
                AddText(_pos, lt);
            _pos = lt;
            if (!TryMarkup())
            {
                // A '<' that opens nothing is text ("a < b").
                AddText(lt, lt + 1);
                _pos = lt + 1;
            }
        }

        var nodes = new List<HtmlNode>(1024);
        Number(_root, nodes);
        return new HtmlDocument(_root, nodes);
    }

    /// <summary>Numbers nodes in document order and records where each subtree ends, with an explicit stack.</summary>
    private static void Number(HtmlNode root, List<HtmlNode> nodes)
    {
        // Preorder through the sibling links; a subtree ends when the walk climbs back out of it.
        var node = root;
        while (true)
        {
            node.Index = nodes.Count;
            nodes.Add(node);
            if (node.FirstChild is { } child)
            {
                node = child;
                continue;
            }

            while (true)
            {
                node.SubtreeEnd = nodes.Count;
                if (ReferenceEquals(node, root))
                    return;
                if (node.NextSibling is { } sibling)
                {
                    node = sibling;
                    break;
                }

                node = node.Parent!;
            }
        }
    }

    private bool TryMarkup()
    {
        var html = _html;
        var next = _pos + 1 < html.Length ? html[_pos + 1] : '\0';
        if (char.IsAsciiLetter(next))
        {
            StartTag();
            return true;
        }

        if (next == '/')
        {
            var after = _pos + 2 < html.Length ? html[_pos + 2] : '\0';
            if (char.IsAsciiLetter(after))
            {
                EndTag();
                return true;
            }

            // "</>" is dropped; "</ x>" and the like are bogus comments.
            SkipPast('>', _pos + 2);
            return true;
        }

        if (next == '!')
        {
            if (string.CompareOrdinal(html, _pos, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", _pos + 4, StringComparison.Ordinal);
                _pos = end < 0 ? html.Length : end + 3;
            }
            else
            {
                SkipPast('>', _pos + 2);
            }

            return true;
        }

        if (next == '?')
        {
            SkipPast('>', _pos + 2);
            return true;
        }

        return false;
    }

    private void SkipPast(char c, int from)
    {
        var end = _html.IndexOf(c, from);
        _pos = end < 0 ? _html.Length : end + 1;
    }

    private (string Name, int NameEnd) ReadName(int from)
    {
        var html = _html;
        var i = from;
        while (i < html.Length && !IsNameEnd(html[i]))
            i++;
        return (HtmlElements.NameOf(html.AsSpan(from, i - from)), i);
    }

    private static bool IsNameEnd(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>';

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    private void StartTag()
    {
        var (name, i) = ReadName(_pos + 1);
        var selfClosing = ReadAttributes(ref i);
        _pos = i;
        var attributes = _attributes.Count == 0 ? null : _attributes.ToArray();
        OpenElement(name, attributes, selfClosing, _class, _id);
    }

    /// <summary>Reads attributes up to and past the tag's '&gt;'; returns whether the tag ended with "/&gt;".</summary>
    private bool ReadAttributes(ref int i)
    {
        _attributes.Clear();
        _class = null;
        _id = null;
        var html = _html;
        var selfClosing = false;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                i++;
                return selfClosing;
            }

            if (IsSpace(c))
            {
                i++;
                continue;
            }

            if (c == '/')
            {
                selfClosing = true;
                i++;
                continue;
            }

            selfClosing = false;
            var nameStart = i;
            i++;
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not '/' and not '>' and not '=')
                i++;
            var attributeName = html.AsSpan(nameStart, i - nameStart);
            while (i < html.Length && IsSpace(html[i]))
                i++;
            int valueStart = i, valueLength = 0;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && IsSpace(html[i]))
                    i++;
                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var close = html.IndexOf(quote, i + 1);
                    if (close < 0)
                        close = html.Length;
                    valueStart = i + 1;
                    valueLength = close - i - 1;
                    i = Math.Min(close + 1, html.Length);
                }
                else
                {
                    valueStart = i;
                    while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
                        i++;
                    valueLength = i - valueStart;
                }
            }

            var key = HtmlElements.NameOf(attributeName);
            if (ContainsAttribute(key))
                continue;
            var attribute = new HtmlAttribute(key, valueStart, valueLength);
            _attributes.Add(attribute);
            if (key == "class")
                _class = attribute.Value(html);
            else if (key == "id")
                _id = attribute.Value(html);
        }

        return selfClosing;
    }

    private bool ContainsAttribute(string key)
    {
        foreach (var pair in _attributes)
        {
            if (pair.Name == key)
                return true;
        }

        return false;
    }

    private void EndTag()
    {
        var (name, i) = ReadName(_pos + 2);
        var close = _html.IndexOf('>', i);
        _pos = close < 0 ? _html.Length : close + 1;
        CloseElement(name);
    }

    private void OpenElement(string name, HtmlAttribute[]? attributes, bool selfClosing, string? className = null, string? id = null)
    {
        if (!PrepareHtmlStart(name))
            return;

        var parent = Current;
        var element = attributes is null ? new HtmlNode(name, parent) : new HtmlNode(name, parent, _html, attributes, className, id);
        parent.Add(element);

        if (name == "head")
            _head ??= element;
        else if (name == "body")
            _body ??= element;
        else if (name == "html")
            _html5Html ??= element;

        if (HtmlElements.Void.Contains(name))
            return;
        if (name is "svg" or "math")
        {
            // Drawings and formulas show no reading text: skip them whole instead of building their trees.
            if (!selfClosing)
                ReadRawText(element, name);
            return;
        }

        if (HtmlElements.RawText.Contains(name))
        {
            ReadRawText(element, name);
            return;
        }

        if (_open.Count >= MaxDepth)
            return;
        _open.Add(element);
    }

    /// <summary>Applies the implied end tags a start tag causes; false when the tag is to be dropped.</summary>
    private bool PrepareHtmlStart(string name)
    {
        switch (name)
        {
            case "html":
                return _html5Html is null && _open.Count == 1;
            case "head":
                return _head is null && _body is null;
            case "body":
                if (_body is not null)
                    return false;
                CloseHead();
                return true;
        }

        if (!HtmlElements.HeadContent.Contains(name))
            CloseHead();

        if (HtmlElements.ClosesParagraph.Contains(name))
            CloseInScope("p", buttonScope: true);

        switch (name)
        {
            case "li":
                CloseListItem("li", "ul", "ol", "menu");
                break;
            case "dt":
            case "dd":
                CloseListItem("dt", "dl");
                CloseListItem("dd", "dl");
                break;
            case "option":
                if (Current.Name == "option")
                    Pop();
                break;
            case "optgroup":
                if (Current.Name == "option")
                    Pop();
                if (Current.Name == "optgroup")
                    Pop();
                break;
            case "tr":
                CloseTableParts("tr", "td", "th");
                break;
            case "td":
            case "th":
                CloseTableParts("td", "th");
                break;
            case "thead":
            case "tbody":
            case "tfoot":
                CloseTableParts("thead", "tbody", "tfoot", "tr", "td", "th");
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                if (HtmlElements.Headings.Contains(Current.Name))
                    Pop();
                break;
            case "a":
                // Anchors do not nest: a new one ends an open one when only inline content lies between.
                CloseInline("a");
                break;
        }

        return true;
    }

    private void CloseHead()
    {
        for (var i = _open.Count - 1; i > 0; i--)
        {
            if (_open[i].Name == "head")
            {
                PopTo(i);
                return;
            }
        }
    }

    private void CloseInScope(string name, bool buttonScope)
    {
        for (var i = _open.Count - 1; i > 0; i--)
        {
            var n = _open[i].Name;
            if (n == name)
            {
                PopTo(i);
                return;
            }

            if (HtmlElements.ScopeBarrier.Contains(n) || (buttonScope && n == "button"))
                return;
        }
    }

    private void CloseListItem(string item, params string[] lists)
    {
        for (var i = _open.Count - 1; i > 0; i--)
        {
            var n = _open[i].Name;
            if (n == item)
            {
                PopTo(i);
                return;
            }

            if (Array.IndexOf(lists, n) >= 0 || (HtmlElements.Special.Contains(n) && n is not "address" and not "div" and not "p"))
                return;
        }
    }

    private void CloseTableParts(params string[] parts)
    {
        for (var i = _open.Count - 1; i > 0; i--)
        {
            var n = _open[i].Name;
            if (n == "table")
                return;
            if (Array.IndexOf(parts, n) >= 0)
            {
                // Pop the outermost open part below the table, so a stray tr closes its open cell too.
                var outermost = i;
                for (var j = i - 1; j > 0 && _open[j].Name != "table"; j--)
                {
                    if (Array.IndexOf(parts, _open[j].Name) >= 0)
                        outermost = j;
                }

                PopTo(outermost);
                return;
            }
        }
    }

    private void CloseInline(string name)
    {
        for (var i = _open.Count - 1; i > 0; i--)
        {
            var n = _open[i].Name;
            if (n == name)
            {
                PopTo(i);
                return;
            }

            if (HtmlElements.Special.Contains(n))
                return;
        }
    }

    private void CloseElement(string name)
    {
        switch (name)
        {
            case "br":
                OpenElement("br", null, selfClosing: true);
                return;
            case "html" or "body" or "head":
                if (name == "head")
                    CloseHead();
                return;
        }

        if (!HtmlElements.Special.Contains(name))
        {
            CloseInline(name);
            return;
        }

        for (var i = _open.Count - 1; i > 0; i--)
        {
            var n = _open[i].Name;
            if (n == name)
            {
                PopTo(i);
                return;
            }

            if (StopsEndTag(name, n))
                return;
        }
    }

    /// <summary>Whether an end tag's search for its element stops at <paramref name="open"/> (the element's scope ends there).</summary>
    private static bool StopsEndTag(string name, string open) => name switch
    {
        "table" => open == "html",
        "td" or "th" or "tr" or "tbody" or "thead" or "tfoot" or "caption" => open is "table" or "html",
        _ => HtmlElements.ScopeBarrier.Contains(open),
    };

    private void ReadRawText(HtmlNode element, string name)
    {
        var html = _html;
        var contentStart = _pos;
        var end = name == "plaintext" ? html.Length : FindEndTag(name, contentStart);
        if (end > contentStart && KeepsRawText(element))
            element.Add(new HtmlNode(element, html, contentStart, end - contentStart, HtmlElements.EscapableRawText.Contains(name)));

        if (end >= html.Length)
        {
            _pos = html.Length;
            return;
        }

        var close = html.IndexOf('>', end);
        _pos = close < 0 ? html.Length : close + 1;
    }

    /// <summary>Only titles, text areas and JSON-LD scripts are read later; other raw text is skipped unallocated.</summary>
    private static bool KeepsRawText(HtmlNode element) => element.Name switch
    {
        "title" or "textarea" => true,
        "script" => element.AttributeContains("type", "ld+json"),
        _ => false,
    };

    private int FindEndTag(string name, int from)
    {
        var html = _html;
        var i = from;
        while (true)
        {
            var lt = html.IndexOf("</", i, StringComparison.Ordinal);
            if (lt < 0)
                return html.Length;
            var nameEnd = lt + 2 + name.Length;
            if (nameEnd <= html.Length
                && string.Compare(html, lt + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (nameEnd == html.Length || IsNameEnd(html[nameEnd])))
            {
                return lt;
            }

            i = lt + 2;
        }
    }

    private void AddText(int start, int end)
    {
        var parent = Current;
        if (_html.AsSpan(start, end - start).IsWhiteSpace())
        {
            // Whitespace between tags only separates words, but it does separate them ("By<!-- --> <b>Name</b>").
            parent.Add(new HtmlNode(parent, _html, start, end - start, decode: false));
            return;
        }

        if (_head is not null && ReferenceEquals(parent, _head))
        {
            CloseHead();
            parent = Current;
        }

        parent.Add(new HtmlNode(parent, _html, start, end - start, decode: true));
    }

    private void Pop()
    {
        if (_open.Count > 1)
            PopTo(_open.Count - 1);
    }

    private void PopTo(int index) => _open.RemoveRange(index, _open.Count - index);
}
