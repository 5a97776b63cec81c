using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ClaimTrace.Tests;

[Collection(HeavyReadingCollection.Name)]
public sealed class TextDecoderPropertyTests
{
    /// <summary>Byte soup with the shapes that steer the decoder: BOMs, NULs, UTF-8 and UTF-16 fragments, lone surrogates.</summary>
    private static readonly Gen<byte[]> Bytes = Gen.ListOf(Gen.OneOf(
            Gen.Choose(0, 255).Select(b => new[] { (byte)b }),
            Gen.Elements<byte[]>([0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0, 0], [0], [0xED, 0xA0, 0x80], [0xD8, 0x00], [0x00, 0xD8]),
            Gen.Elements("a", "“", "😀", "<meta charset=utf-16>", "<meta charset=\"shift_jis\">", " ", "\n")
                .Select(s => Encoding.UTF8.GetBytes(s)),
            Gen.Elements("ab", "😀", "\uD800").Select(s => Encoding.Unicode.GetBytes(s))))
        .Select(parts => parts.SelectMany(p => p).ToArray());

    private static readonly Gen<string?> Charset = Gen.Elements<string?>(null, "utf-8", "windows-1252", "iso-8859-1", "utf-16", "utf-16be", "shift_jis", "koi8-r", "nonsense");

    [Fact]
    public void For_any_bytes_the_decoder_never_throws_and_never_returns_a_lone_surrogate_or_a_nul()
    {
        Prop.ForAll(Arb.From(Gen.Zip(Bytes, Charset)), input =>
        {
            var (bytes, charset) = input;
            foreach (var html in new[] { false, true })
            {
                var result = TextDecoder.Decode(bytes, charset, html);
                if (result.Text is { } text)
                {
                    if (ReadingHelpers.HasLoneSurrogate(text.Text) || text.Text.Contains('\0', StringComparison.Ordinal))
                        return false;
                }
                else if (result.Kind is null || string.IsNullOrEmpty(result.Reason))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void For_any_uniformly_random_bytes_the_decoder_never_throws_and_returns_no_lone_surrogate()
    {
        Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))), bytes =>
        {
            var result = TextDecoder.Decode(bytes, null, sniffHtmlMeta: true);
            return result.Text is null ? result.Kind is not null : !ReadingHelpers.HasLoneSurrogate(result.Text.Text);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_printable_text_round_trips_through_utf8_exactly()
    {
        var printable = Gen.Elements("a", "Z", "7", " ", "\n", "\r\n", "\t", "“", "”", "…", "→", "★", "é", "Ж", "中", "😀", "\u00a0", "<", "&")
            .ArrayOf().Select(parts => "x" + string.Concat(parts));
        Prop.ForAll(Arb.From(printable), text =>
        {
            var result = TextDecoder.Decode(Encoding.UTF8.GetBytes(text), null, sniffHtmlMeta: true);
            return result.Text is { Encoding: "utf-8", Warning: null } decoded && decoded.Text == text;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Container_text_with_any_characters_comes_back_without_lone_surrogates_and_as_long_as_it_was()
    {
        var chars = Gen.Choose(0, 0xFFFF).Select(c => (char)c).ArrayOf().Select(a => "x" + new string(a));
        Prop.ForAll(Arb.From(chars), text =>
        {
            var result = TextDecoder.Decode(new RawPage { Source = "t", Text = text });
            return result.Text is { } decoded && !ReadingHelpers.HasLoneSurrogate(decoded.Text) && decoded.Text.Length == text.Length;
        }).QuickCheckThrowOnFailure();
    }
}
