namespace ClaimTrace;

/// <summary>One CSV record as bytes: its cells, unquoted and unescaped, and where it started.</summary>
internal sealed class CsvRecord
{
    private readonly ByteBuffer _data = new();
    private readonly List<int> _cellEnds = [];

    /// <summary>The 1-based line the record starts on.</summary>
    public long Line { get; private set; }

    /// <summary>The byte offset the record starts at.</summary>
    public long Offset { get; private set; }

    /// <summary>The record's size in bytes, counted in full even when its cells were not all kept.</summary>
    public long Bytes { get; internal set; }

    /// <summary>The record was larger than the limit: its cells were not kept.</summary>
    public bool Overflow { get; private set; }

    /// <summary>A cell had text after its closing quote (<c>"a"b</c>); kept, as most spreadsheet tools do.</summary>
    public bool TextAfterQuote { get; internal set; }

    public int CellCount => _cellEnds.Count;

    /// <summary>An empty line: one empty cell and nothing else.</summary>
    public bool IsBlank => Bytes == 0 && _cellEnds.Count <= 1 && _data.Length == 0;

    public ReadOnlySpan<byte> Cell(int index)
    {
        if (index < 0 || index >= _cellEnds.Count)
            return default;
        var start = index == 0 ? 0 : _cellEnds[index - 1];
        return _data.Span[start.._cellEnds[index]];
    }

    internal void Reset(long line, long offset)
    {
        _data.Clear();
        _cellEnds.Clear();
        Line = line;
        Offset = offset;
        Bytes = 0;
        Overflow = false;
        TextAfterQuote = false;
    }

    internal void Append(ReadOnlySpan<byte> bytes, long limit)
    {
        if (Overflow)
            return;
        if (_data.Length + (long)bytes.Length > limit)
        {
            Overflow = true;
            _data.Clear();
            _cellEnds.Clear();
            return;
        }

        _data.Append(bytes);
    }

    internal void EndCell()
    {
        if (!Overflow)
            _cellEnds.Add(_data.Length);
    }
}
