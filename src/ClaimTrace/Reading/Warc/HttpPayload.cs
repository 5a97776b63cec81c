using System.Globalization;
using System.IO.Compression;

namespace ClaimTrace;

/// <summary>The body of an HTTP response as the server meant it, or why it cannot be had.</summary>
internal readonly record struct PayloadResult(byte[]? Bytes, FailureKind? Kind, string? Reason)
{
    public static PayloadResult Ok(byte[] bytes) => new(bytes, null, null);

    public static PayloadResult Fail(FailureKind kind, string reason) => new(null, kind, reason);
}

/// <summary>
/// Undoes what HTTP did to a response body on the wire: chunked transfer coding, then gzip, deflate or
/// brotli content coding. Crawlers disagree on whether they store bodies raw or decoded while keeping the
/// original headers, so each step first checks the body really is coded that way; a header that lies is
/// reported as a warning and the body kept as it is.
/// </summary>
internal static class HttpPayload
{
    public static PayloadResult Decode(byte[] body, HeaderFields http, long maxBytes, ICollection<string> warnings)
    {
        var transfer = Codings(http["Transfer-Encoding"]);
        if (transfer.Contains("chunked"))
        {
            body = Dechunk(body, warnings);
            transfer.Remove("chunked");
        }

        // Content codings are applied in the order listed, so they are undone from the last; a transfer
        // coding other than chunked (rare) is undone after them, being applied last on the wire.
        var codings = Codings(http["Content-Encoding"]);
        codings.AddRange(transfer);
        for (var i = codings.Count - 1; i >= 0; i--)
        {
            var result = Decompress(body, codings[i], maxBytes, warnings);
            if (result.Bytes is null)
                return result;
            body = result.Bytes;
        }

        return body.Length > maxBytes
            ? PayloadResult.Fail(FailureKind.TooLarge, $"the decoded payload is {ByteSize.Format(body.Length)}")
            : PayloadResult.Ok(body);
    }

    private static List<string> Codings(string? header) =>
        header is null ? [] : header.Split(',').Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0 && c != "identity").ToList();

    /// <summary>Joins the chunks; a body that does not start with a chunk size was stored already joined.</summary>
    internal static byte[] Dechunk(byte[] body, ICollection<string> warnings)
    {
        using var output = new MemoryStream(body.Length);
        var span = body.AsSpan();
        var pos = 0;
        var chunks = 0;
        while (true)
        {
            var newline = span[pos..].IndexOf((byte)'\n');
            var size = newline < 0 ? -1 : ParseChunkSize(span.Slice(pos, newline));
            if (size < 0)
            {
                if (chunks == 0)
                {
                    warnings.Add("Transfer-Encoding says chunked, but the stored body is not; kept as it is");
                    return body;
                }

                warnings.Add($"the chunked body breaks off at byte {pos}; kept the {ByteSize.Format(output.Length)} before it");
                break;
            }

            pos += newline + 1;
            if (size == 0)
                break;
            chunks++;
            if (size > span.Length - pos)
            {
                output.Write(span[pos..]);
                warnings.Add($"the last chunk is cut short ({span.Length - pos} of {size} bytes)");
                break;
            }

            output.Write(span.Slice(pos, (int)size));
            pos += (int)size;
            if (span[pos..].StartsWith("\r\n"u8))
                pos += 2;
            else if (span[pos..].StartsWith("\n"u8))
                pos += 1;
        }

        return output.ToArray();
    }

    private static long ParseChunkSize(ReadOnlySpan<byte> line)
    {
        var semicolon = line.IndexOf((byte)';');
        if (semicolon >= 0)
            line = line[..semicolon];
        line = line.Trim(" \t\r"u8);
        if (line.IsEmpty || line.Length > 15)
            return -1;
        return long.TryParse(line, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) ? size : -1;
    }

    private static PayloadResult Decompress(byte[] body, string coding, long maxBytes, ICollection<string> warnings)
    {
        Func<Stream, Stream>? open = coding switch
        {
            "gzip" or "x-gzip" when body is [0x1F, 0x8B, ..] => s => new GZipStream(s, CompressionMode.Decompress),
            "deflate" when LooksZlib(body) => s => new ZLibStream(s, CompressionMode.Decompress),
            "deflate" => s => new DeflateStream(s, CompressionMode.Decompress),
            "br" => s => new BrotliStream(s, CompressionMode.Decompress),
            _ => null,
        };

        if (open is null)
        {
            if (coding is "gzip" or "x-gzip")
            {
                warnings.Add("Content-Encoding says gzip, but the stored body is not gzip data; kept as it is");
                return PayloadResult.Ok(body);
            }

            return PayloadResult.Fail(FailureKind.Unsupported, $"Content-Encoding '{coding}' is not supported");
        }

        using var output = new MemoryStream();
        try
        {
            using var input = open(new MemoryStream(body, writable: false));
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var read = input.Read(buffer, 0, buffer.Length);
                if (read == 0)
                    break;
                if (output.Length + read > maxBytes)
                    return PayloadResult.Fail(FailureKind.TooLarge, $"the payload decompresses to more than {ByteSize.Format(maxBytes)}");
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            if (output.Length == 0)
                return PayloadResult.Fail(FailureKind.Malformed, $"the {coding} body cannot be decoded ({e.Message})");
            warnings.Add($"the {coding} body is damaged after {ByteSize.Format(output.Length)}; kept what decoded");
        }

        return PayloadResult.Ok(output.ToArray());
    }

    /// <summary>HTTP "deflate" is meant to be zlib-wrapped, but many servers send raw deflate; the zlib header tells them apart.</summary>
    private static bool LooksZlib(byte[] body) => body.Length >= 2 && (body[0] & 0x0F) == 8 && ((body[0] << 8) | body[1]) % 31 == 0;
}
