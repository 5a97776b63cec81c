namespace ClaimTrace;

/// <summary>
/// A file that is one page (.txt, .html): its bytes, undecoded, with the format its extension gives
/// (or none, for stdin and unknown extensions, so the pipeline sniffs HTML from text).
/// </summary>
public sealed class PlainFileReader(PageFormat? format, ReadingOptions options) : IPageReader
{
    public PageFormat? Format { get; } = format;

    public IEnumerable<ReadResult> Read(string source, Stream stream) => ReaderGuard.Guard(source, ReadCore(source, stream));

    private IEnumerable<ReadResult> ReadCore(string source, Stream stream)
    {
        var limit = options.MaxPageBytes;
        byte[]? bytes;
        if (stream.CanSeek)
        {
            var length = stream.Length - stream.Position;
            if (length > limit)
            {
                yield return ReadResult.Fail(source, null, FailureKind.TooLarge, $"{ByteSize.Format(length)} is over {options.PageLimitText}");
                yield break;
            }

            bytes = ReadKnownLength(stream, (int)length);
        }
        else
        {
            bytes = ReadPipe(stream, limit);
        }

        yield return bytes switch
        {
            null => ReadResult.Fail(source, null, FailureKind.TooLarge, $"more than {ByteSize.Format(limit)}, over {options.PageLimitText}"),
            [] => ReadResult.Fail(source, null, FailureKind.Empty, "empty (0 bytes)"),
            _ => ReadResult.Ok(new RawPage { Source = source, Bytes = bytes, Format = Format }),
        };
    }

    private static byte[] ReadKnownLength(Stream stream, int length)
    {
        var bytes = new byte[length];
        var read = stream.ReadAtLeast(bytes, length, throwOnEndOfStream: false);
        return read == length ? bytes : bytes[..read]; // the file shrank while being read
    }

    /// <summary>A pipe's bytes, or null once they pass the limit (a pipe's length is unknown until it ends).</summary>
    private static byte[]? ReadPipe(Stream stream, long limit)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = stream.Read(buffer, 0, buffer.Length);
            if (read == 0)
                return memory.ToArray();
            if (memory.Length + read > limit)
                return null;
            memory.Write(buffer, 0, read);
        }
    }
}
