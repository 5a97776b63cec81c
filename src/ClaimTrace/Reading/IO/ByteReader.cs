namespace ClaimTrace;

/// <summary>How a line read ended.</summary>
internal enum LineStatus
{
    /// <summary>A whole line (possibly the last one, without a newline) is in the buffer.</summary>
    Line,

    /// <summary>The line was longer than allowed: it was consumed up to its newline, and only its start kept.</summary>
    TooLong,

    /// <summary>Nothing was left to read.</summary>
    End,
}

/// <summary>
/// Buffered forward-only reading of a stream, byte-exact, with the number of bytes consumed so far. Readers
/// stream through inputs of any size with it; only the current line or record is ever held.
/// </summary>
internal sealed class ByteReader(Stream stream, int bufferSize = 64 * 1024)
{
    private readonly byte[] _buffer = new byte[bufferSize];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>Bytes consumed from the stream so far (the offset of the next byte).</summary>
    public long Position { get; private set; }

    /// <summary>The bytes buffered and not yet consumed; empty only at the end of the stream.</summary>
    public ReadOnlySpan<byte> Available()
    {
        if (_start == _end)
            Fill();
        return _buffer.AsSpan(_start, _end - _start);
    }

    /// <summary>Up to <paramref name="count"/> (at most the buffer size) bytes ahead, without consuming them.</summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        count = Math.Min(count, _buffer.Length);
        while (_end - _start < count && !_eof)
        {
            if (_start > 0)
                Compact();
            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
                _eof = true;
            _end += read;
        }

        return _buffer.AsSpan(_start, Math.Min(count, _end - _start));
    }

    public void Advance(int count)
    {
        _start += count;
        Position += count;
    }

    public bool AtEnd => Available().IsEmpty;

    /// <summary>
    /// Reads a line into <paramref name="line"/> (cleared first) without its LF or CRLF. Lines longer than
    /// <paramref name="maxBytes"/> are consumed but cut; <paramref name="length"/> is their full length.
    /// </summary>
    public LineStatus ReadLine(ByteBuffer line, long maxBytes, out long length)
    {
        line.Clear();
        length = 0;
        var any = false;
        while (true)
        {
            var span = Available();
            if (span.IsEmpty)
                break;
            any = true;
            var newline = span.IndexOf((byte)'\n');
            var take = newline < 0 ? span.Length : newline;
            var room = maxBytes - length;
            if (room > 0)
                line.Append(span[..(int)Math.Min(take, room)]);
            length += take;
            Advance(newline < 0 ? take : take + 1);
            if (newline >= 0)
                break;
        }

        if (!any)
            return LineStatus.End;
        if (length <= maxBytes && line.Length > 0 && line.Span[^1] == '\r')
        {
            line.Truncate(line.Length - 1);
            length--;
        }

        return length > maxBytes ? LineStatus.TooLong : LineStatus.Line;
    }

    /// <summary>Fills <paramref name="destination"/> as far as the stream allows; fewer bytes only at the end of the stream.</summary>
    public int ReadExactly(Span<byte> destination)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var span = Available();
            if (span.IsEmpty)
                break;
            var take = Math.Min(span.Length, destination.Length - total);
            span[..take].CopyTo(destination[total..]);
            Advance(take);
            total += take;
        }

        return total;
    }

    /// <summary>Skips up to <paramref name="count"/> bytes; returns how many there were.</summary>
    public long Skip(long count)
    {
        var skipped = 0L;
        while (skipped < count)
        {
            var span = Available();
            if (span.IsEmpty)
                break;
            var take = (int)Math.Min(span.Length, count - skipped);
            Advance(take);
            skipped += take;
        }

        return skipped;
    }

    private void Fill()
    {
        _start = 0;
        _end = 0;
        if (_eof)
            return;
        var read = stream.Read(_buffer, 0, _buffer.Length);
        if (read == 0)
            _eof = true;
        _end = read;
    }

    private void Compact()
    {
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
        _end -= _start;
        _start = 0;
    }
}
