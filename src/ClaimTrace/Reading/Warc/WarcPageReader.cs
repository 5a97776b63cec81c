using System.IO.Compression;

namespace ClaimTrace;

/// <summary>
/// WARC files (1.0 and 1.1, plain or gzipped: one member per record as crawlers write them, or the whole
/// file as one member). Each <c>response</c> record holding a successful HTML response becomes a page:
/// the HTTP body (de-chunked and decompressed), its Content-Type charset as the declared charset, the
/// target URI as the URL and the WARC-Date as the scrape time. Other records are skipped without a word.
/// Records stream by one at a time; only the current page's body is held. Source: <c>file.warc.gz#record=N</c>,
/// N counting every record in the file from 1; byte offsets in messages are into the uncompressed WARC.
/// </summary>
public sealed class WarcPageReader(ReadingOptions options) : IPageReader
{
    public IEnumerable<ReadResult> Read(string source, Stream stream) => ReaderGuard.Guard(source, ReadCore(source, stream));

    private IEnumerable<ReadResult> ReadCore(string source, Stream stream)
    {
        // Gzip is recognised by its magic bytes, not the extension: .warc files are sometimes gzipped and vice versa.
        var peeked = PeekedStream.Peek(stream, 2, out var head);
        var tail = head is [0x1F, 0x8B] ? new GzipTail(peeked) : null;
        using (var gzip = tail is null ? null : new GZipStream(tail, CompressionMode.Decompress, leaveOpen: true))
        {
            var scanner = new WarcScanner(source, new ByteReader((Stream?)gzip ?? peeked), tail, options);
            while (true)
            {
                var step = scanner.Next();
                if (step.Page is not null)
                {
                    yield return ReadResult.Ok(step.Page);
                    continue;
                }

                if (step.Failure is not null)
                {
                    yield return ReadResult.Fail(step.Failure);
                    if (step.Fatal)
                        yield break;
                    continue;
                }

                yield break;
            }
        }
    }
}

/// <summary>What reading the next record gave: a page, a failure (fatal when reading cannot go on), or the end.</summary>
internal readonly record struct WarcStep(RawPage? Page, ReadFailure? Failure, bool Fatal)
{
    public static WarcStep End => default;
}

/// <summary>Walks the records of one WARC stream. Every method returns values; exceptions stay inside.</summary>
internal sealed class WarcScanner(string source, ByteReader reader, GzipTail? tail, ReadingOptions options)
{
    private const int MaxVersionLine = 256;
    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxHttpHead = 64 * 1024;
    private const string Origin = "container:warc";

    private readonly ByteBuffer _line = new();
    private readonly byte[] _httpHead = new byte[MaxHttpHead];
    private int _number;
    private long _start;
    private bool _haveVersionLine;
    private bool _inRecord;

    public WarcStep Next()
    {
        try
        {
            while (true)
            {
                var step = NextRecord();
                if (step is { } found)
                    return found;
            }
        }
        catch (InvalidDataException e)
        {
            // Between records, the failure belongs to the record that was about to start.
            if (!_inRecord)
            {
                _number++;
                _start = reader.Position;
            }

            return tail is { ReachedEnd: true }
                ? Fatal(FailureKind.Truncated, $"the gzip data stops inside a member ({e.Message}); the file looks truncated")
                : Fatal(FailureKind.Malformed, $"the gzip data is corrupt ({e.Message})");
        }
        catch (IOException e)
        {
            return Fatal(FailureKind.Io, $"read error ({e.Message})");
        }
    }

    /// <summary>Reads one record; null when it was skipped (not an HTML response) and reading goes on.</summary>
    private WarcStep? NextRecord()
    {
        // Gzip members usually start where a record does, sometimes where the previous one's block ended.
        _inRecord = false;
        tail?.MaybeMemberStart(reader.Position);
        if (!_haveVersionLine && !FindVersionLine())
            return AtEnd();
        _haveVersionLine = false;
        _number++;
        _inRecord = true;
        tail?.MaybeMemberStart(_start);

        if (!_line.Span.StartsWith("WARC/"u8))
        {
            // Only the start of a version line at the very end is a cut record; other text is simply not WARC.
            var cut = "WARC/1."u8.StartsWith(_line.Span);
            return Broken($"expected a WARC/1.0 or WARC/1.1 line, found '{Preview(_line.Span)}'", cut);
        }

        var warc = new HeaderFields();
        var headerBytes = 0L;
        while (true)
        {
            var status = reader.ReadLine(_line, MaxHeaderBytes, out var length);
            if (status == LineStatus.End)
                return Step(FailureKind.Truncated, "the file ends inside the record's headers; it looks truncated", fatal: true);
            headerBytes += length;
            if (status == LineStatus.TooLong || headerBytes > MaxHeaderBytes)
                return Broken($"the WARC headers run past {ByteSize.Format(MaxHeaderBytes)}");
            if (_line.Length == 0)
                break;
            if (!warc.AddLine(_line.Span))
                return Broken($"not a WARC header line: '{Preview(_line.Span)}'");
        }

        if (warc.Long("Content-Length") is not { } blockLength)
            return Broken("the record has no valid Content-Length");

        if (!string.Equals(warc["WARC-Type"], "response", StringComparison.OrdinalIgnoreCase) || !IsHttp(warc["Content-Type"]))
            return SkipBlock(blockLength);
        return ReadResponse(warc, blockLength);
    }

    private WarcStep? ReadResponse(HeaderFields warc, long blockLength)
    {
        var headLength = (int)Math.Min(blockLength, MaxHttpHead);
        var got = reader.ReadExactly(_httpHead.AsSpan(0, headLength));
        if (got < headLength)
            return CutShort(got, blockLength);

        var buffered = _httpHead.AsSpan(0, headLength);
        var bodyStart = EndOfHttpHead(buffered);
        if (bodyStart < 0)
        {
            var skipped = SkipBlock(blockLength - headLength);
            return skipped ?? Step(FailureKind.Malformed, "the HTTP response headers never end");
        }

        var http = new HeaderFields();
        var headLines = buffered[..bodyStart];
        var firstBreak = headLines.IndexOf((byte)'\n');
        var statusLine = firstBreak < 0 ? headLines : headLines[..firstBreak];
        var status = StatusCode(statusLine);
        foreach (var range in headLines[(firstBreak + 1)..].Split((byte)'\n'))
            http.AddLine(headLines[(firstBreak + 1)..][range].TrimEnd("\r"u8));

        var (mediaType, charset) = HeaderFields.ParseContentType(http["Content-Type"]);
        var html = mediaType is "text/html" or "application/xhtml+xml";
        var bodyLength = blockLength - bodyStart;
        if (status is not (>= 200 and < 300) || (!html && mediaType is not null))
            return SkipBlock(blockLength - headLength);

        if (bodyLength > options.MaxRecordBytes)
        {
            var skipped = SkipBlock(blockLength - headLength);
            return skipped ?? Step(FailureKind.TooLarge, $"the HTTP body is {ByteSize.Format(bodyLength)}, over {options.RecordLimitText}");
        }

        var body = new byte[bodyLength];
        buffered[bodyStart..].CopyTo(body);
        var already = headLength - bodyStart;
        var rest = reader.ReadExactly(body.AsSpan(already));
        if (rest < body.Length - already)
            return CutShort(headLength + rest, blockLength);

        var warnings = new List<string>();
        if (warc["WARC-Truncated"] is { } truncatedBy)
            warnings.Add($"the crawler truncated this response (WARC-Truncated: {truncatedBy})");
        var payload = HttpPayload.Decode(body, http, options.MaxPageBytes, warnings);
        if (payload.Bytes is not { } bytes)
            return Step(payload.Kind ?? FailureKind.Malformed, payload.Reason ?? "the payload cannot be decoded");
        if (!html && !LooksLikeHtml(bytes))
            return null; // no Content-Type and not HTML by its first bytes: not a page

        return new WarcStep(new RawPage
        {
            Source = $"{source}#record={_number}",
            Bytes = bytes,
            Format = PageFormat.Html,
            DeclaredCharset = charset,
            Container = Metadata(warc, warnings),
            Warnings = warnings,
        }, null, false);
    }

    private static PageMetadata Metadata(HeaderFields warc, ICollection<string> warnings)
    {
        var values = new ContainerValues();
        values.Offer(ContainerField.Url, 0, warc["WARC-Target-URI"]?.Trim().TrimStart('<').TrimEnd('>'));
        values.Offer(ContainerField.ScrapedAt, 0, warc["WARC-Date"]);
        return values.ToMetadata(Origin, warnings);
    }

    /// <summary>Skips the rest of a record's block; a failure if the file ends first, else null (go on).</summary>
    private WarcStep? SkipBlock(long count)
    {
        var skipped = reader.Skip(count);
        return skipped < count ? CutShort(-1, -1) : null;
    }

    private WarcStep CutShort(long got, long expected) => Step(FailureKind.Truncated,
        got < 0 ? "the file ends inside the record; it looks truncated" : $"the file ends after {got} of the record's {expected} bytes; it looks truncated",
        fatal: true);

    /// <summary>Moves to the next non-blank line (records are separated by blank lines); false at the end of input.</summary>
    private bool FindVersionLine()
    {
        while (true)
        {
            _start = reader.Position;
            var status = reader.ReadLine(_line, MaxVersionLine, out _);
            if (status == LineStatus.End)
                return false;
            if (status == LineStatus.TooLong || _line.Length > 0)
                return true;
        }
    }

    /// <summary>After a broken record, looks for the next line starting a record, so the rest of the file is read.</summary>
    private bool Resync()
    {
        while (true)
        {
            var start = reader.Position;
            var status = reader.ReadLine(_line, MaxVersionLine, out _);
            if (status == LineStatus.End)
                return false;
            if (status == LineStatus.Line && _line.Span.StartsWith("WARC/1."u8))
            {
                _start = start;
                _haveVersionLine = true;
                return true;
            }
        }
    }

    private WarcStep? AtEnd()
    {
        if (tail is null || tail.EndsCleanly(reader.Position))
            return WarcStep.End;
        _number++;
        _start = reader.Position;
        return Step(FailureKind.Truncated, "the gzip data stops inside a member; the file looks truncated", fatal: true);
    }

    private WarcStep Step(FailureKind kind, string reason, bool fatal = false)
    {
        var where = $"byte {_start}{(tail is null ? "" : " (uncompressed)")}";
        return new WarcStep(null, new ReadFailure($"{source}#record={_number}", where, kind, $"record {_number} at {where}: {reason}"), fatal);
    }

    private WarcStep Fatal(FailureKind kind, string reason) => Step(kind, reason, fatal: true);

    /// <summary>
    /// A record whose start cannot be parsed. If the input ends right there, the record was cut off (a
    /// truncated file); otherwise it is garbage, reported, and reading resumes at the next record found.
    /// </summary>
    private WarcStep Broken(string reason, bool mayBeCut = true)
    {
        if (mayBeCut && reader.AtEnd)
            return Step(FailureKind.Truncated, "the file ends inside the record's headers; it looks truncated", fatal: true);
        var resynced = Resync();
        return Step(FailureKind.Malformed, resynced ? reason + "; skipped to the next record" : reason, fatal: !resynced);
    }

    private static bool IsHttp(string? contentType)
    {
        var (media, _) = HeaderFields.ParseContentType(contentType);
        return media is null or "application/http";
    }

    /// <summary>Where the HTTP body starts: after the first empty line (CRLF CRLF, or bare LF LF from sloppy writers).</summary>
    private static int EndOfHttpHead(ReadOnlySpan<byte> block)
    {
        var crlf = block.IndexOf("\r\n\r\n"u8);
        var lf = block.IndexOf("\n\n"u8);
        if (crlf >= 0 && (lf < 0 || crlf < lf))
            return crlf + 4;
        return lf >= 0 ? lf + 2 : -1;
    }

    private static int StatusCode(ReadOnlySpan<byte> statusLine)
    {
        if (!statusLine.StartsWith("HTTP/"u8))
            return -1;
        var space = statusLine.IndexOf((byte)' ');
        if (space < 0 || statusLine.Length < space + 4)
            return -1;
        var code = statusLine.Slice(space + 1, 3);
        return int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
    }

    private static bool LooksLikeHtml(byte[] bytes)
    {
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).TrimStart(" \t\r\n\uFEFF"u8);
        return head.StartsWith("<"u8) && (System.Text.Ascii.EqualsIgnoreCase(head[..Math.Min(head.Length, 14)], "<!doctype html"u8)
            || System.Text.Ascii.EqualsIgnoreCase(head[..Math.Min(head.Length, 5)], "<html"u8));
    }

    private static string Preview(ReadOnlySpan<byte> line)
    {
        var text = System.Text.Encoding.Latin1.GetString(line[..Math.Min(line.Length, 40)]);
        var clean = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return line.Length > 40 ? clean + "..." : clean;
    }
}
