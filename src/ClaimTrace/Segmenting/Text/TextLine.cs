namespace ClaimTrace;

/// <summary>One line of a page: its 1-based number and the offsets of its content (without the line break).</summary>
internal readonly record struct TextLine(int Number, int Start, int End)
{
    public int Length => End - Start;
}

internal static class TextLines
{
    /// <summary>Splits on \n, \r\n and \r, so line numbers agree with what an editor shows.</summary>
    public static List<TextLine> Split(string text)
    {
        var lines = new List<TextLine>();
        var start = 0;
        var number = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\n' && c != '\r')
                continue;
            lines.Add(new TextLine(number++, start, i));
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i++;
            start = i + 1;
        }

        lines.Add(new TextLine(number, start, text.Length));
        return lines;
    }
}
