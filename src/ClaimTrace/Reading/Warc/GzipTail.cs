using System.Buffers.Binary;

namespace ClaimTrace;

/// <summary>
/// Watches the compressed bytes of a .warc.gz go by, keeping the last eight. .NET's GZipStream ends quietly
/// when a file is cut inside a gzip member, and when the cut falls between two records the WARC still parses;
/// only the last member's trailer tells. It ends with ISIZE, the member's uncompressed size: if no recent
/// record boundary is that far from the end of the data, the last member is incomplete and the file was cut.
/// </summary>
internal sealed class GzipTail(Stream inner) : ForwardReadStream
{
    private const int RememberedStarts = 64;

    private readonly byte[] _last = new byte[8];
    private readonly Queue<long> _starts = new();
    private long _seen;

    /// <summary>Notes an uncompressed offset where a gzip member may have started (where a record starts).</summary>
    public void MaybeMemberStart(long offset)
    {
        if (_starts.Count == RememberedStarts)
            _starts.Dequeue();
        _starts.Enqueue(offset);
    }

    /// <summary>True when the last member's trailer matches a member that started at the file's start or a recent record.</summary>
    public bool EndsCleanly(long uncompressedTotal)
    {
        if (_seen < 18) // a gzip member is at least a 10-byte header and an 8-byte trailer
            return _seen == 0;
        var isize = BinaryPrimitives.ReadUInt32LittleEndian(_last.AsSpan(4));
        return (uint)uncompressedTotal == isize || _starts.Any(start => (uint)(uncompressedTotal - start) == isize);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>The compressed input has ended: a gzip error now means the file was cut, not that it is corrupt.</summary>
    public bool ReachedEnd { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        if (read > 0)
            Remember(buffer[..read]);
        else if (buffer.Length > 0)
            ReachedEnd = true;
        return read;
    }

    private void Remember(ReadOnlySpan<byte> bytes)
    {
        _seen += bytes.Length;
        if (bytes.Length >= _last.Length)
        {
            bytes[^_last.Length..].CopyTo(_last);
            return;
        }

        // Shift the kept bytes left and append the new ones.
        _last.AsSpan(bytes.Length).CopyTo(_last);
        bytes.CopyTo(_last.AsSpan(_last.Length - bytes.Length));
    }

}
