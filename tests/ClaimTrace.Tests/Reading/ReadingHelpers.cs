using System.Text;

namespace ClaimTrace.Tests;

/// <summary>Small conveniences shared by the reading tests.</summary>
internal static class ReadingHelpers
{
    public static List<ReadResult> ReadAll(this IPageReader reader, string source, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return [.. reader.Read(source, stream)];
    }

    public static List<ReadResult> ReadAll(this IPageReader reader, string source, string utf8) =>
        reader.ReadAll(source, Encoding.UTF8.GetBytes(utf8));

    public static List<RawPage> Pages(this IEnumerable<ReadResult> results) =>
        [.. results.Where(r => r.Page is not null).Select(r => r.Page!)];

    public static List<ReadFailure> Failures(this IEnumerable<ReadResult> results) =>
        [.. results.Where(r => r.Failure is not null).Select(r => r.Failure!)];

    public static DecodedText DecodeOk(RawPage page)
    {
        var result = TextDecoder.Decode(page);
        Assert.True(result.Text is not null, $"{page.Source}: {result.Kind} {result.Reason}");
        return result.Text!;
    }

    public static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return true;
        }

        return false;
    }

    /// <summary>A stream that can only be read forward, as stdin and pipes are.</summary>
    public static Stream Pipe(byte[] bytes) => new ForwardOnlyStream(new MemoryStream(bytes, writable: false));

    private sealed class ForwardOnlyStream(Stream inner) : ForwardReadStream
    {
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 1000));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
