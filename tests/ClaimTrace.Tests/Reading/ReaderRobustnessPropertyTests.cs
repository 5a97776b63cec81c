using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

/// <summary>Every reader, fed any mixture of the fragments its format is made of, answers with values and never throws.</summary>
[Collection(HeavyReadingCollection.Name)]
public sealed class ReaderRobustnessPropertyTests
{
    private static readonly string[] Fragments =
    [
        "WARC/1.0\r\n", "WARC/1.1\r\n", "WARC-Type: response\r\n", "WARC-Type: warcinfo\r\n", "Content-Length: 40\r\n",
        "Content-Length: 5\r\n", "Content-Length: x\r\n", "Content-Type: application/http; msgtype=response\r\n",
        "HTTP/1.1 200 OK\r\n", "Content-Type: text/html; charset=utf-8\r\n", "Transfer-Encoding: chunked\r\n",
        "Content-Encoding: gzip\r\n", "5\r\n", "0\r\n", "<html>", "\r\n", "\n", "\r\n\r\n",
        "{", "}", "\"text\":", "\"content\":", "\"title\":", "\"\\ud800\"", "\"a\"", ",", "[", "]", "null",
        "content,title\n", "\"", "\"\"", "a,b", "“q”", "😀", " ",
    ];

    private static readonly Gen<byte[]> Input = Gen.ListOf(Gen.OneOf(
            Gen.Elements(Fragments).Select(f => Encoding.UTF8.GetBytes(f)),
            Gen.Choose(0, 255).Select(b => new[] { (byte)b })))
        .Select(parts => parts.SelectMany(p => p).ToArray())
        .SelectMany(bytes => Gen.Elements(bytes, WarcBuilder.Gzip(bytes)));

    [Fact]
    public void Every_reader_turns_any_input_into_pages_and_failures_without_throwing()
    {
        var options = new ReadingOptions { MaxPageBytes = 4096, MaxRecordBytes = 4096 };
        var registry = ReaderRegistry.CreateDefault(options);
        Prop.ForAll(Arb.From(Input), bytes =>
        {
            foreach (var format in ReaderRegistry.Formats)
            {
                using var stream = ReadingHelpers.Pipe(bytes);
                foreach (var result in registry.ForFormat(format)!.Read("x", stream))
                {
                    if ((result.Page is null) == (result.Failure is null))
                        return false;
                    if (result.Page is { } page && !Clean(page))
                        return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>What a reader hands on contains no lone surrogate, and decodes without throwing.</summary>
    private static bool Clean(RawPage page)
    {
        var meta = page.Container;
        string?[] values = [page.Text, meta.Url?.Value, meta.Title?.Value, meta.Outlet?.Value, meta.Author?.Value, meta.Published?.Value, meta.ScrapedAt?.Value];
        if (values.Any(v => v is not null && ReadingHelpers.HasLoneSurrogate(v)))
            return false;
        var decoded = TextDecoder.Decode(page);
        return decoded.Succeeded || decoded.Kind is not null;
    }
}
