using System.IO.Compression;
using System.Text;

namespace ClaimTrace.Tests;

/// <summary>
/// Builds WARC files for tests, record by record, as crawlers write them: plain, one gzip member per
/// record, or the whole file as one gzip member. Also remembers where each record starts in the output.
/// </summary>
internal sealed class WarcBuilder
{
    private readonly List<byte[]> _records = [];

    public WarcBuilder Response(string uri, string httpHead, byte[] body, string version = "WARC/1.0", string? extraHeaders = null)
    {
        var block = Concat(Encoding.ASCII.GetBytes(httpHead.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n"), body);
        return Record("response", uri, "application/http; msgtype=response", block, version, extraHeaders);
    }

    public WarcBuilder Html(string uri, string html, string contentType = "text/html; charset=utf-8") =>
        Response(uri, $"HTTP/1.1 200 OK\nContent-Type: {contentType}\nContent-Length: {Encoding.UTF8.GetByteCount(html)}\n", Encoding.UTF8.GetBytes(html));

    public WarcBuilder Record(string type, string uri, string contentType, byte[] block, string version = "WARC/1.0", string? extraHeaders = null)
    {
        var header = new StringBuilder()
            .Append(version).Append("\r\n")
            .Append("WARC-Type: ").Append(type).Append("\r\n")
            .Append("WARC-Record-ID: <urn:uuid:").Append(Guid.NewGuid()).Append(">\r\n")
            .Append("WARC-Date: 2018-12-12T10:00:00Z\r\n")
            .Append("WARC-Target-URI: ").Append(uri).Append("\r\n")
            .Append("Content-Type: ").Append(contentType).Append("\r\n");
        if (extraHeaders is not null)
            header.Append(extraHeaders.Replace("\n", "\r\n", StringComparison.Ordinal));
        header.Append("Content-Length: ").Append(block.Length).Append("\r\n\r\n");
        _records.Add(Concat(Encoding.ASCII.GetBytes(header.ToString()), block, "\r\n\r\n"u8.ToArray()));
        return this;
    }

    public WarcBuilder Warcinfo() => Record("warcinfo", "", "application/warc-fields", Encoding.ASCII.GetBytes("software: test\r\n"));

    public WarcBuilder Raw(byte[] bytes)
    {
        _records.Add(bytes);
        return this;
    }

    public byte[] Plain() => Concat([.. _records]);

    /// <summary>One gzip member per record; <paramref name="memberStarts"/> gets each member's offset in the output.</summary>
    public byte[] GzipPerRecord(out List<long> memberStarts)
    {
        memberStarts = [];
        using var output = new MemoryStream();
        foreach (var record in _records)
        {
            memberStarts.Add(output.Length);
            using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
                gzip.Write(record);
        }

        return output.ToArray();
    }

    public byte[] GzipPerRecord() => GzipPerRecord(out _);

    public byte[] GzipWhole() => Gzip(Plain());

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(bytes);
        return output.ToArray();
    }

    public static byte[] Concat(params byte[][] parts)
    {
        var all = new byte[parts.Sum(p => p.Length)];
        var at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(all, at);
            at += part.Length;
        }

        return all;
    }
}
