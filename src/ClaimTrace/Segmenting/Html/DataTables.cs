namespace ClaimTrace;

/// <summary>
/// Tells data tables (kept whole in an article) from layout tables, after Mozilla Readability's rules:
/// a declared role or summary decides, then captions, headers and column groups, then size.
/// </summary>
internal sealed class DataTables(HtmlDocument document)
{
    private readonly Dictionary<int, bool> _known = [];

    public bool IsData(HtmlNode table)
    {
        if (!_known.TryGetValue(table.Index, out var isData))
        {
            isData = Decide(table);
            _known[table.Index] = isData;
        }

        return isData;
    }

    private bool Decide(HtmlNode table)
    {
        if (table.AttributeIs("role", "presentation") || table.AttributeIs("datatable", "0"))
            return false;
        if (table.HasAttribute("summary"))
            return true;
        var rows = 0;
        var columns = 0;
        foreach (var node in document.Descendants(table))
        {
            switch (node.Name)
            {
                case "caption" when node.FirstChild is not null && node.End > node.Start:
                case "col" or "colgroup" or "tfoot" or "thead" or "th":
                    return true;
                case "table":
                    return false;
                case "tr":
                    rows += Span(node.Attribute("rowspan"));
                    var cells = 0;
                    foreach (var cell in node.Children)
                    {
                        if (cell.Name is "td")
                            cells += Span(cell.Attribute("colspan"));
                    }

                    columns = Math.Max(columns, cells);
                    break;
            }
        }

        return rows >= 10 || columns > 4 || rows * columns > 10;
    }

    private static int Span(string? value) => int.TryParse(value, out var n) && n > 0 ? n : 1;
}
