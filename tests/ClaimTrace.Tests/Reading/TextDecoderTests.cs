using System.Text;

namespace ClaimTrace.Tests;

public sealed class TextDecoderTests
{
    private static readonly Encoding Windows1252 = CodePages.Strict(1252);

    private static DecodedText Ok(byte[] bytes, string? declared = null, bool html = false)
    {
        var result = TextDecoder.Decode(bytes, declared, html);
        Assert.True(result.Succeeded, $"{result.Kind}: {result.Reason}");
        return result.Text!;
    }

    [Fact]
    public void An_empty_input_fails_as_empty()
    {
        var result = TextDecoder.Decode([], null, sniffHtmlMeta: false);
        Assert.Equal(FailureKind.Empty, result.Kind);
        Assert.Contains("0 bytes", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Whitespace_only_fails_as_empty()
    {
        var result = TextDecoder.Decode(" \r\n\t \n"u8, null, sniffHtmlMeta: false);
        Assert.Equal(FailureKind.Empty, result.Kind);
        Assert.Contains("whitespace", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_utf8_is_decoded_as_is_without_a_warning()
    {
        var text = "Syria: “96.5%” retaken… → ★ Ωmega 😀\r\nline two";
        var decoded = Ok(Encoding.UTF8.GetBytes(text));
        Assert.Equal(text, decoded.Text);
        Assert.Equal("utf-8", decoded.Encoding);
        Assert.Null(decoded.Warning);
    }

    [Fact]
    public void A_utf8_bom_is_removed_and_named()
    {
        var decoded = Ok([0xEF, 0xBB, 0xBF, .. "héllo"u8]);
        Assert.Equal("héllo", decoded.Text);
        Assert.Equal("utf-8-bom", decoded.Encoding);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-32le")]
    public void A_utf16_or_utf32_bom_names_the_encoding(string name)
    {
        var encoding = name switch
        {
            "utf-16le" => (Encoding)new UnicodeEncoding(false, true),
            "utf-16be" => new UnicodeEncoding(true, true),
            _ => new UTF32Encoding(false, true),
        };
        var text = "Aleppo “retaken” — 😀";
        var decoded = Ok([.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
        Assert.Equal(text, decoded.Text);
        Assert.Equal(name, decoded.Encoding);
        Assert.Null(decoded.Warning);
    }

    [Theory]
    [InlineData(false, "utf-16le")]
    [InlineData(true, "utf-16be")]
    public void Utf16_without_a_bom_is_recognised_by_its_nul_pattern_and_warned_about(bool bigEndian, string name)
    {
        var text = "The army said 96.5% of Syria was liberated.\nComments: “fake”";
        var decoded = Ok(new UnicodeEncoding(bigEndian, false).GetBytes(text));
        Assert.Equal(text, decoded.Text);
        Assert.Equal(name, decoded.Encoding);
        Assert.Contains("no byte-order mark", decoded.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_falls_back_to_windows_1252_and_says_where()
    {
        var text = "Caf\u00e9 owners said \u201cno\u201d \u2013 twice.";
        var bytes = Windows1252.GetBytes(text);
        var decoded = Ok(bytes);
        Assert.Equal(text, decoded.Text);
        Assert.Equal("windows-1252", decoded.Encoding);
        Assert.Equal("not valid UTF-8 at byte 3; decoded as windows-1252", decoded.Warning);
    }

    [Fact]
    public void A_few_stray_windows_1252_bytes_in_utf8_text_keep_the_utf8_characters_intact()
    {
        var before = Encoding.UTF8.GetBytes("“One” ‘two’ “three” … ");
        var after = Encoding.UTF8.GetBytes(" — done");
        var decoded = Ok([.. before, 0x92, .. after]);
        Assert.Equal("“One” ‘two’ “three” … ’ — done", decoded.Text);
        Assert.Equal("utf-8", decoded.Encoding);
        Assert.Contains($"not valid UTF-8 at byte {before.Length}", decoded.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_cut_inside_a_utf8_character_ends_in_a_replacement_character()
    {
        var bytes = Encoding.UTF8.GetBytes("retaken “96.5%”");
        var decoded = Ok(bytes[..^2]);
        Assert.Equal("retaken “96.5%\uFFFD", decoded.Text);
        Assert.Equal("utf-8", decoded.Encoding);
        Assert.Contains("ends inside a UTF-8 character", decoded.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_windows_1252_byte_decodes_to_a_character_of_its_own()
    {
        var all = Enumerable.Range(0x20, 256 - 0x20).Select(b => (byte)b).ToArray();
        var decoded = Ok(all);
        Assert.Equal("windows-1252", decoded.Encoding);
        Assert.Equal(all.Length, decoded.Text.Length);
        Assert.DoesNotContain('\uFFFD', decoded.Text);
        Assert.Equal('\u20AC', decoded.Text[0x80 - 0x20]);
        Assert.Equal('\u0081', decoded.Text[0x81 - 0x20]);
    }

    [Fact]
    public void A_known_binary_signature_is_refused_by_name()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8];
        var result = TextDecoder.Decode(png, null, sniffHtmlMeta: true);
        Assert.Equal(FailureKind.Binary, result.Kind);
        Assert.Equal("looks binary (a PNG image)", result.Reason);
    }

    [Fact]
    public void Scattered_nul_and_control_bytes_are_refused_as_binary_naming_the_offsets()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        bytes[0] = (byte)'x';
        bytes[5] = 0;
        var result = TextDecoder.Decode(bytes, null, sniffHtmlMeta: false);
        Assert.Equal(FailureKind.Binary, result.Kind);
        Assert.StartsWith("looks binary (NUL bytes at 5", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nul_inside_otherwise_ordinary_text_becomes_a_replacement_character_with_a_warning()
    {
        var decoded = Ok("Casualties\0 were reported."u8.ToArray());
        Assert.Equal("Casualties\uFFFD were reported.", decoded.Text);
        Assert.Equal("1 NUL character replaced with U+FFFD (the first at character 10)", decoded.Warning);
    }

    [Fact]
    public void A_declared_charset_is_used_when_it_fits()
    {
        var decoded = Ok(Windows1252.GetBytes("“Quoted” text"), "windows-1252");
        Assert.Equal("“Quoted” text", decoded.Text);
        Assert.Equal("windows-1252", decoded.Encoding);
        Assert.Null(decoded.Warning);
    }

    [Fact]
    public void A_declared_latin1_over_valid_utf8_is_overruled_with_a_warning()
    {
        var decoded = Ok(Encoding.UTF8.GetBytes("“Quoted” text"), "ISO-8859-1");
        Assert.Equal("“Quoted” text", decoded.Text);
        Assert.Equal("utf-8", decoded.Encoding);
        Assert.Contains("valid UTF-8", decoded.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_meta_charset_of_a_page_since_converted_to_utf8_is_overruled_with_a_warning()
    {
        var html = "<html><head><meta charset=\"gb2312\"><title>可利用记忆</title></head></html>";
        var decoded = Ok(Encoding.UTF8.GetBytes(html), html: true);
        Assert.Equal(html, decoded.Text);
        Assert.Equal("utf-8", decoded.Encoding);
        Assert.Equal("<meta> charset gb2312, but the bytes are valid UTF-8; decoded as utf-8", decoded.Warning);
    }

    [Fact]
    public void A_real_gbk_page_is_decoded_with_its_meta_charset()
    {
        var html = "<html><head><meta charset=\"gbk\"><title>可利用记忆</title></head></html>";
        var decoded = Ok(CodePages.Strict(936).GetBytes(html), html: true);
        Assert.Equal(html, decoded.Text);
        Assert.Null(decoded.Warning);
    }

    [Fact]
    public void A_declared_utf8_over_windows_1252_bytes_falls_back_and_names_the_claim()
    {
        var decoded = Ok(Windows1252.GetBytes("Na\u00efve \u201cclaim\u201d"), "UTF-8");
        Assert.Equal("Na\u00efve \u201cclaim\u201d", decoded.Text);
        Assert.Equal("windows-1252", decoded.Encoding);
        Assert.StartsWith("declared utf-8, but not valid UTF-8 at byte 2", decoded.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_utf16_is_trusted_even_for_text_without_nul_bytes()
    {
        var text = "Сирия освобождена";
        var bytes = new UnicodeEncoding(false, false).GetBytes(text.Replace(" ", "", StringComparison.Ordinal));
        var decoded = Ok(bytes, "utf-16");
        Assert.Equal("Сирияосвобождена", decoded.Text);
        Assert.Equal("utf-16le", decoded.Encoding);
    }

    [Fact]
    public void An_unknown_declared_charset_is_ignored_with_a_warning()
    {
        var decoded = Ok("plain"u8.ToArray(), "x-no-such-charset");
        Assert.Equal("utf-8", decoded.Encoding);
        Assert.Equal("unknown charset 'x-no-such-charset' ignored", decoded.Warning);
    }

    [Fact]
    public void A_bom_beats_a_declared_charset()
    {
        var decoded = Ok([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("“q”")], "windows-1252");
        Assert.Equal("“q”", decoded.Text);
        Assert.Equal("utf-8-bom", decoded.Encoding);
    }

    [Fact]
    public void An_html_meta_charset_decides_for_html()
    {
        var cyrillic = CodePages.Strict(1251);
        var html = "<!doctype html><html><head><meta charset=\"windows-1251\"><title>Сирия</title></head><body>Освобождено 96,5%</body></html>";
        var decoded = Ok(cyrillic.GetBytes(html), html: true);
        Assert.Equal(html, decoded.Text);
        Assert.Equal("windows-1251", decoded.Encoding);
    }

    [Fact]
    public void An_http_equiv_content_type_counts_as_a_meta_charset()
    {
        var html = "<html><head><!-- <meta charset=\"koi8-r\"> --><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-1\"></head><body>caf\u00e9</body></html>";
        var decoded = Ok(Windows1252.GetBytes(html), html: true);
        Assert.Equal(html, decoded.Text);
        Assert.Equal("windows-1252", decoded.Encoding);
    }

    [Fact]
    public void A_meta_charset_is_not_looked_for_in_plain_text()
    {
        var text = "A note on <meta charset=\"windows-1251\"> tags: “x”";
        var decoded = Ok(Encoding.UTF8.GetBytes(text), html: false);
        Assert.Equal(text, decoded.Text);
        Assert.Equal("utf-8", decoded.Encoding);
    }

    [Fact]
    public void Text_a_container_decoded_has_its_lone_surrogates_replaced_and_its_reader_warnings_kept()
    {
        var raw = new RawPage { Source = "x.jsonl#line=1", Text = "a\uD800b\uDC00c 😀", Warnings = ["title: repaired"] };
        var decoded = TextDecoder.Decode(raw).Text!;
        Assert.Equal("a\uFFFDb\uFFFDc 😀", decoded.Text);
        Assert.Equal("utf-8", decoded.Encoding);
        Assert.Equal("title: repaired; 2 lone surrogates replaced with U+FFFD (the first at character 1)", decoded.Warning);
    }

    [Fact]
    public void Container_text_of_only_whitespace_fails_as_empty_and_becomes_a_failure_for_its_source()
    {
        var result = TextDecoder.Decode(new RawPage { Source = "x.csv#row=2", Text = "  \n " });
        Assert.Equal(FailureKind.Empty, result.Kind);
        var failure = result.ToFailure("x.csv#row=2");
        Assert.Equal(new ReadFailure("x.csv#row=2", null, FailureKind.Empty, result.Reason!), failure);
    }

    [Fact]
    public void The_seed_pages_survive_decoding_byte_for_byte()
    {
        var folder = Corpus.Require("seeds");
        foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            var decoded = Ok(bytes);
            Assert.Equal("utf-8", decoded.Encoding);
            Assert.Null(decoded.Warning);
            Assert.Equal(bytes, Encoding.UTF8.GetBytes(decoded.Text));
        }
    }
}
