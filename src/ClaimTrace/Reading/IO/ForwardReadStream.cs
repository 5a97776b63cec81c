namespace ClaimTrace;

/// <summary>
/// The base of the read-only, forward-only streams the readers wrap around their input (replays, watchers):
/// everything but reading is refused, as on a pipe. Subclasses implement <see cref="Stream.Read(byte[], int, int)"/>.
/// </summary>
internal abstract class ForwardReadStream : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
