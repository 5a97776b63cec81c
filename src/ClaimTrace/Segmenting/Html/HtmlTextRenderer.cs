using System.Text;

namespace ClaimTrace;

/// <summary>
/// Renders a parsed page to the text a reader sees, block by block, and records for every node where its
/// text starts and ends in that text. Blocks break lines, paragraph-like blocks are set apart by a blank
/// line, <c>br</c> breaks a line, whitespace collapses inside blocks (kept inside <c>pre</c>), and nothing
/// hidden is rendered: scripts, styles, templates, the head, <c>hidden</c> and <c>display:none</c> elements.
/// </summary>
internal static class HtmlTextRenderer
{
    public static string Render(HtmlDocument document)
    {
        MarkHidden(document);
        return new Writer(document).Run();
    }

    /// <summary>Clears <see cref="HtmlNode.Rendered"/> for every node a reader cannot see.</summary>
    public static void MarkHidden(HtmlDocument document)
    {
        var nodes = document.Nodes;
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (!node.IsElement || !IsHidden(node))
                continue;
            for (var j = i; j < node.SubtreeEnd; j++)
                nodes[j].Rendered = false;
            i = node.SubtreeEnd - 1;
        }
    }

    private static bool IsHidden(HtmlNode element)
    {
        if (HtmlElements.NotRendered.Contains(element.Name))
            return true;
        if (!element.HasAttributes)
            return false;
        if (element.HasAttribute("hidden"))
            return true;
        return element.TryRaw("style", out var style) && HidesByStyle(style);
    }

    private static bool HidesByStyle(ReadOnlySpan<char> style)
    {
        if (!style.Contains("display", StringComparison.OrdinalIgnoreCase) && !style.Contains("visibility", StringComparison.OrdinalIgnoreCase))
            return false;
        var compact = style.ToString().Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return compact.Contains("display:none", StringComparison.Ordinal) || compact.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    private sealed class Writer(HtmlDocument document)
    {
        private readonly StringBuilder _text = new(4096);
        private readonly List<HtmlNode> _open = new(64);
        private readonly List<HtmlNode> _awaitingStart = new(64);
        private int _pendingBreaks;
        private bool _pendingSpace;
        private int _preformatted;

        public string Run()
        {
            var nodes = document.Nodes;
            for (var i = 0; i < nodes.Count; i++)
            {
                var node = nodes[i];
                while (_open.Count > 0 && i >= _open[^1].SubtreeEnd)
                    Close();

                if (!node.Rendered)
                {
                    for (var j = i; j < node.SubtreeEnd; j++)
                        nodes[j].Start = nodes[j].End = _text.Length;
                    i = node.SubtreeEnd - 1;
                    continue;
                }

                if (node.IsText)
                {
                    node.Start = -1;
                    _awaitingStart.Add(node);
                    Write(node.NeedsDecoding ? node.Text.AsSpan() : node.RawText);
                    node.End = _text.Length;
                    if (node.Start < 0)
                        node.Start = node.End;
                    continue;
                }

                Open(node);
            }

            while (_open.Count > 0)
                Close();
            return _text.ToString();
        }

        private void Open(HtmlNode element)
        {
            element.Start = -1;
            _awaitingStart.Add(element);
            _open.Add(element);
            var name = element.Name;
            if (name == "br")
                _pendingBreaks = Math.Min(2, _pendingBreaks + 1);
            else if (HtmlElements.Block.Contains(name))
                Break(HtmlElements.Paragraph.Contains(name) ? 2 : 1);
            if (name is "pre" or "listing" or "xmp" or "plaintext" or "textarea")
                _preformatted++;
        }

        private void Close()
        {
            var element = _open[^1];
            _open.RemoveAt(_open.Count - 1);
            element.End = _text.Length;
            if (element.Start < 0)
                element.Start = element.End;
            var name = element.Name;
            if (HtmlElements.Block.Contains(name))
                Break(HtmlElements.Paragraph.Contains(name) ? 2 : 1);
            if (name is "pre" or "listing" or "xmp" or "plaintext" or "textarea")
                _preformatted--;
        }

        private void Break(int lines) => _pendingBreaks = Math.Max(_pendingBreaks, lines);

        private void Write(ReadOnlySpan<char> span)
        {
            if (_preformatted > 0)
            {
                WritePreformatted(span);
                return;
            }

            var i = 0;
            while (i < span.Length)
            {
                var c = span[i];
                if (IsCollapsible(c))
                {
                    _pendingSpace = true;
                    i++;
                    continue;
                }

                var runEnd = i + 1;
                while (runEnd < span.Length && !IsCollapsible(span[runEnd]))
                    runEnd++;
                BeforeContent();
                _text.Append(span[i..runEnd]);
                i = runEnd;
            }
        }

        private void WritePreformatted(ReadOnlySpan<char> text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                        continue;
                    c = '\n';
                }

                if (c == '\n')
                {
                    // A line break inside pre is content, but never at the very start of the page text.
                    if (_text.Length > 0)
                    {
                        BeforeContent();
                        _text.Append('\n');
                        _pendingSpace = false;
                    }

                    continue;
                }

                BeforeContent();
                _text.Append(c);
            }
        }

        /// <summary>Writes the separators owed before the next visible character and starts the nodes waiting for it.</summary>
        private void BeforeContent()
        {
            if (_text.Length == 0)
            {
                _pendingBreaks = 0;
            }
            else if (_pendingBreaks > 0)
            {
                var owed = _pendingBreaks;
                // A line break written inside pre already counts towards the blank line a block asks for.
                if (_text[^1] == '\n')
                    owed -= _text.Length > 1 && _text[^2] == '\n' ? 2 : 1;
                for (var k = 0; k < owed; k++)
                    _text.Append('\n');
            }
            else if (_pendingSpace && _text[^1] != '\n')
            {
                _text.Append(' ');
            }

            _pendingBreaks = 0;
            _pendingSpace = false;
            if (_awaitingStart.Count > 0)
            {
                var at = _text.Length;
                foreach (var node in _awaitingStart)
                {
                    if (node.Start < 0)
                        node.Start = at;
                }

                _awaitingStart.Clear();
            }
        }

        private static bool IsCollapsible(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\u00A0' or '\u200B' || (c > '\u2000' && char.IsWhiteSpace(c));
    }
}
