namespace ClaimTrace;

/// <summary>
/// A node of the light DOM: an element (lowercase <see cref="Name"/>), a text node (<c>#text</c>) or the
/// document. Nodes sit in <see cref="HtmlDocument.Nodes"/> in document order, so every walk over the tree
/// is a loop over that list (ancestors before descendants, or the reverse): nothing recurses over depth.
/// </summary>
internal sealed class HtmlNode
{
    public const string TextName = "#text";
    public const string DocumentName = "#document";

    private HtmlNode? _lastChild;
    private string? _classAndId;

    private readonly string? _markup;
    private readonly HtmlAttribute[]? _attributes;

    private readonly int _textStart;
    private readonly int _textLength;
    private readonly bool _decodeText;
    private string? _text;

    public HtmlNode(string name, HtmlNode? parent)
    {
        Name = name;
        Parent = parent;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    /// <summary>A text node over a stretch of the markup, decoded (when <paramref name="decode"/>) only if someone asks.</summary>
    public HtmlNode(HtmlNode parent, string markup, int start, int length, bool decode)
    {
        Name = TextName;
        Parent = parent;
        Depth = parent.Depth + 1;
        _markup = markup;
        _textStart = start;
        _textLength = length;
        _decodeText = decode;
    }

    /// <summary>An element whose attribute values stay in <paramref name="markup"/> until asked for (most never are).</summary>
    public HtmlNode(string name, HtmlNode? parent, string markup, HtmlAttribute[]? attributes, string? className, string? id)
    {
        Name = name;
        Parent = parent;
        _markup = markup;
        _attributes = attributes;
        ClassName = className;
        Id = id;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    public string Name { get; }
    public HtmlNode? Parent { get; }
    public int Depth { get; }

    /// <summary>Position in <see cref="HtmlDocument.Nodes"/> (document order).</summary>
    public int Index { get; set; }

    /// <summary>The decoded text of a text node; null for elements.</summary>
    public string? Text => IsText ? _text ??= (NeedsDecoding ? HtmlEntities.Decode(RawText) : RawText.ToString()) : null;

    /// <summary>A text node's characters as written in the markup.</summary>
    public ReadOnlySpan<char> RawText => _markup.AsSpan(_textStart, _textLength);

    /// <summary>Whether the raw text holds character references to decode.</summary>
    public bool NeedsDecoding => _decodeText && RawText.Contains('&');

    public bool HasAttributes => _attributes is not null;

    /// <summary>The class attribute, decoded when parsed because nearly every heuristic reads it.</summary>
    public string? ClassName { get; }

    public string? Id { get; }

    /// <summary>The children, linked rather than listed: most elements have one or two, and lists cost allocations.</summary>
    public ChildNodes Children => new(FirstChild);

    public HtmlNode? FirstChild { get; private set; }
    public HtmlNode? NextSibling { get; private set; }
    public HtmlNode? LastChild => _lastChild;

    public bool IsText => ReferenceEquals(Name, TextName);
    public bool IsElement => !IsText && !ReferenceEquals(Name, DocumentName);

    /// <summary>Where the node's rendered text starts in the page text (after any separator before it).</summary>
    public int Start { get; set; }

    /// <summary>Where the node's rendered text ends (exclusive); equal to <see cref="Start"/> when nothing of it shows.</summary>
    public int End { get; set; }

    /// <summary>False for nodes whose text a reader never sees (scripts, hidden elements and all inside them).</summary>
    public bool Rendered { get; set; } = true;

    /// <summary>Index one past the node's last descendant in <see cref="HtmlDocument.Nodes"/>.</summary>
    public int SubtreeEnd { get; set; }

    public void Add(HtmlNode child)
    {
        if (_lastChild is null)
            FirstChild = child;
        else
            _lastChild.NextSibling = child;
        _lastChild = child;
    }

    public string? Attribute(string name)
    {
        if (_attributes is null)
            return null;
        if (name == "class")
            return ClassName;
        if (name == "id")
            return Id;
        foreach (var attribute in _attributes)
        {
            if (string.Equals(attribute.Name, name, StringComparison.Ordinal))
                return attribute.Value(_markup!);
        }

        return null;
    }

    /// <summary>Every attribute value, decoded.</summary>
    public IEnumerable<string> AttributeValues()
    {
        if (_attributes is null)
            yield break;
        foreach (var attribute in _attributes)
            yield return attribute.Value(_markup!);
    }

    public bool HasAttribute(string name) => TryRaw(name, out _);

    /// <summary>An attribute's value as written, undecoded: for cheap checks that need no allocation.</summary>
    public bool TryRaw(string name, out ReadOnlySpan<char> value)
    {
        value = default;
        if (_attributes is null)
            return false;
        foreach (var attribute in _attributes)
        {
            if (string.Equals(attribute.Name, name, StringComparison.Ordinal))
            {
                value = _markup.AsSpan(attribute.ValueStart, attribute.ValueLength);
                return true;
            }
        }

        return false;
    }

    public bool AttributeIs(string name, string value) =>
        TryRaw(name, out var raw) && raw.Trim().Equals(value, StringComparison.OrdinalIgnoreCase);

    public bool AttributeContains(string name, string value) =>
        TryRaw(name, out var raw) && raw.Contains(value, StringComparison.OrdinalIgnoreCase);

    /// <summary>The class and id joined by a space, the string Readability-style hints are matched against.</summary>
    public string ClassAndId => _classAndId ??= (ClassName ?? string.Empty) + " " + (Id ?? string.Empty);

    public bool IsInside(HtmlNode ancestor)
    {
        for (var n = Parent; n is not null; n = n.Parent)
        {
            if (ReferenceEquals(n, ancestor))
                return true;
        }

        return false;
    }

    public HtmlNode? Closest(string name)
    {
        for (var n = this; n is not null; n = n.Parent)
        {
            if (n.Name == name)
                return n;
        }

        return null;
    }

    public override string ToString() => IsText ? "\"" + Text + "\"" : "<" + Name + " " + ClassAndId.Trim() + ">";
}

/// <summary>A node's children in order, walked through the sibling links without allocating.</summary>
internal readonly struct ChildNodes(HtmlNode? first) : IEnumerable<HtmlNode>
{
    public Enumerator GetEnumerator() => new(first);

    IEnumerator<HtmlNode> IEnumerable<HtmlNode>.GetEnumerator() => Walk().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => Walk().GetEnumerator();

    private IEnumerable<HtmlNode> Walk()
    {
        for (var n = first; n is not null; n = n.NextSibling)
            yield return n;
    }

    public struct Enumerator(HtmlNode? first)
    {
        private HtmlNode? _next = first;

        public HtmlNode Current { get; private set; } = null!;

        public bool MoveNext()
        {
            if (_next is null)
                return false;
            Current = _next;
            _next = _next.NextSibling;
            return true;
        }
    }
}

/// <summary>An attribute whose value is still a stretch of the markup, decoded on demand.</summary>
internal readonly record struct HtmlAttribute(string Name, int ValueStart, int ValueLength)
{
    public string Value(string markup) =>
        ValueLength == 0 ? string.Empty : HtmlEntities.Decode(markup.AsSpan(ValueStart, ValueLength), inAttribute: true);
}

/// <summary>A parsed page: the document node and every node in document order.</summary>
internal sealed class HtmlDocument(HtmlNode root, List<HtmlNode> nodes)
{
    public HtmlNode Root { get; } = root;
    public IReadOnlyList<HtmlNode> Nodes { get; } = nodes;

    /// <summary>Nodes of the subtree under <paramref name="node"/> (the node included), in document order.</summary>
    public IEnumerable<HtmlNode> Subtree(HtmlNode node)
    {
        for (var i = node.Index; i < node.SubtreeEnd; i++)
            yield return Nodes[i];
    }

    public IEnumerable<HtmlNode> Descendants(HtmlNode node)
    {
        for (var i = node.Index + 1; i < node.SubtreeEnd; i++)
            yield return Nodes[i];
    }

    public IEnumerable<HtmlNode> Elements(string name)
    {
        foreach (var node in Nodes)
        {
            if (node.Name == name)
                yield return node;
        }
    }

    /// <summary>The text of a subtree as the DOM's textContent has it (raw, not collapsed), rendered nodes only.</summary>
    public string TextContent(HtmlNode node, bool renderedOnly = true)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = node.Index; i < node.SubtreeEnd; i++)
        {
            var n = Nodes[i];
            if (renderedOnly && !n.Rendered)
            {
                i = n.SubtreeEnd - 1;
                continue;
            }

            if (n.IsText)
                builder.Append(n.Text);
        }

        return builder.ToString();
    }
}
