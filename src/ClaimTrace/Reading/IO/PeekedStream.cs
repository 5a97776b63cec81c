namespace ClaimTrace;

/// <summary>
/// Looks at the first bytes of a stream without losing them, also for stdin and pipes, which cannot seek:
/// there the peeked bytes are replayed in front of the rest.
/// </summary>
internal static class PeekedStream
{
    public static Stream Peek(Stream stream, int count, out byte[] head)
    {
        var buffer = new byte[count];
        var read = 0;
        long? start = stream.CanSeek ? stream.Position : null;
        while (read < count)
        {
            var n = stream.Read(buffer, read, count - read);
            if (n == 0)
                break;
            read += n;
        }

        head = buffer[..read];
        if (start is { } position)
        {
            stream.Position = position;
            return stream;
        }

        return new ReplayStream(head, stream);
    }

    private sealed class ReplayStream(byte[] prefix, Stream rest) : ForwardReadStream
    {
        private int _offset;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_offset < prefix.Length)
            {
                var take = Math.Min(buffer.Length, prefix.Length - _offset);
                prefix.AsSpan(_offset, take).CopyTo(buffer);
                _offset += take;
                return take;
            }

            return rest.Read(buffer);
        }

    }
}
