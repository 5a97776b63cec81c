namespace ClaimTrace;

/// <summary>A reusable, growable byte buffer for one record at a time: a line, a CSV row, a WARC header block.</summary>
internal sealed class ByteBuffer
{
    private const int InitialCapacity = 4096;

    // A buffer that grew for one huge record is dropped afterwards, so memory follows the typical record, not the largest.
    private const int KeepCapacity = 1024 * 1024;

    private byte[] _data = new byte[InitialCapacity];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _data.AsSpan(0, Length);

    public void Clear()
    {
        Length = 0;
        if (_data.Length > KeepCapacity)
            _data = new byte[InitialCapacity];
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (Length + bytes.Length > _data.Length)
            Grow(Length + bytes.Length);
        bytes.CopyTo(_data.AsSpan(Length));
        Length += bytes.Length;
    }

    public void Append(byte b)
    {
        if (Length == _data.Length)
            Grow(Length + 1);
        _data[Length++] = b;
    }

    public void Truncate(int length) => Length = Math.Min(Length, length);

    private void Grow(int needed)
    {
        var capacity = (int)Math.Min(Array.MaxLength, Math.Max((long)needed, _data.Length * 2L));
        Array.Resize(ref _data, capacity);
    }
}
