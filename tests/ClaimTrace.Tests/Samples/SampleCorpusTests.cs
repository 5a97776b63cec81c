using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ClaimTrace.Tests;

/// <summary>
/// The sample corpus in <c>samples/</c> (what <c>claimtrace demo</c> ingests) and its gold,
/// <c>samples/expected.json</c>: the files decode cleanly, the gold is consistent with the files, and the
/// plain-text segmenter reads the text pages as the gold says. HTML pages are checked for decoding and
/// gold consistency only; their segmentation tests belong with the HTML segmenter.
/// </summary>
public sealed partial class SampleCorpusTests(ITestOutputHelper output)
{
    static SampleCorpusTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Folder => Path.Combine(Corpus.RepositoryRoot, "samples");

    private static string PathOf(string file) => Path.Combine(Folder, file);

    private static IEnumerable<string> Pages() =>
        Directory.EnumerateFiles(Folder)
            .Where(p => p.EndsWith(".txt", StringComparison.Ordinal) || p.EndsWith(".html", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    // <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">
    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?(?<cs>[A-Za-z0-9_-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    /// <summary>The encoding a page declares: an HTML page in its first kilobyte, anything else is UTF-8.</summary>
    private static Encoding DeclaredEncoding(string path, byte[] bytes)
    {
        if (!path.EndsWith(".html", StringComparison.Ordinal))
            return StrictUtf8;
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
        var declared = MetaCharset().Match(head);
        Assert.True(declared.Success, $"{Path.GetFileName(path)} declares no charset in its first 1024 bytes");
        return Encoding.GetEncoding(declared.Groups["cs"].Value, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The decoded text of a sample file, in the encoding it declares.</summary>
    private static string Decode(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return DeclaredEncoding(path, bytes).GetString(bytes);
    }

    /// <summary>Lines as GOLD-FORMAT.md counts them: every line, the empty remainder after a final newline excluded.</summary>
    private static string[] GoldLines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static GoldFile Gold() => GoldFile.Load(PathOf("expected.json"));

    private static GoldFile TextGold()
    {
        var gold = Gold();
        return gold with { Documents = [.. gold.Documents.Where(d => d.File.EndsWith(".txt", StringComparison.Ordinal))] };
    }

    private static SegmentationReport SegmentTextPages()
    {
        var segmenter = new PlainTextSegmenter();
        return SegmentationScorer.Score(TextGold(), file =>
        {
            var path = PathOf(file);
            var text = Decode(path);
            return PageAssembler.Assemble(path, PageFormat.Text, "utf-8", segmenter.Segment(path, text, PageMetadata.Empty));
        });
    }

    [Fact]
    public void Every_sample_file_decodes_strictly_in_the_encoding_it_declares()
    {
        var files = Directory.EnumerateFiles(Folder).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            string text;
            try
            {
                text = Decode(path);
            }
            catch (DecoderFallbackException e)
            {
                Assert.Fail($"{name}: bytes that are not valid in its declared encoding ({e.Message})");
                throw;
            }

            Assert.False(text.StartsWith('\uFEFF'), $"{name} starts with a byte-order mark");
            Assert.DoesNotContain('\uFFFD', text);
            var control = text.FirstOrDefault(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
            Assert.True(control == default, $"{name} contains the control character U+{(int)control:X4}");
        }
    }

    [Fact]
    public void The_windows_1252_page_has_curly_quotes_that_decode_to_U201C_and_U201D()
    {
        var path = PathOf("09-valley-press-kessel.html");
        var bytes = File.ReadAllBytes(path);
        Assert.Contains((byte)0x93, bytes);
        Assert.Contains((byte)0x94, bytes);
        Assert.Throws<DecoderFallbackException>(() => StrictUtf8.GetString(bytes));

        var encoding = DeclaredEncoding(path, bytes);
        Assert.Equal(1252, encoding.CodePage);
        var text = encoding.GetString(bytes);
        Assert.Contains("“The map on the ministry’s website shows Kessel in green.", text, StringComparison.Ordinal);
        Assert.Equal(bytes.Count(b => b == 0x93), text.Count(c => c == '\u201C'));
        Assert.Equal(bytes.Count(b => b == 0x94), text.Count(c => c == '\u201D'));
        Assert.Contains("€25 million", text, StringComparison.Ordinal);
    }

    [Fact]
    public void One_text_page_keeps_its_CRLF_line_ends_and_the_others_use_LF()
    {
        foreach (var path in Pages().Where(p => p.EndsWith(".txt", StringComparison.Ordinal)))
        {
            var text = Decode(path);
            var crlf = text.Contains("\r\n", StringComparison.Ordinal);
            if (Path.GetFileName(path) == "04-bvrn-survey.txt")
                Assert.True(crlf && !Regex.IsMatch(text, "(?<!\r)\n"), "04 must keep CRLF on every line (see .gitattributes)");
            else
                Assert.False(crlf, $"{Path.GetFileName(path)} has CRLF line ends");
        }
    }

    [Fact]
    public void The_gold_parses_and_has_one_document_for_every_page()
    {
        var gold = Gold();
        var pages = Pages().Select(p => Path.GetFileName(p)).ToList();
        Assert.Equal(pages, gold.Documents.Select(d => d.File).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(7, pages.Count(p => p.EndsWith(".txt", StringComparison.Ordinal)));
        Assert.Equal(5, pages.Count(p => p.EndsWith(".html", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_line_number_in_the_gold_lies_inside_its_file_and_every_segment_ends_on_text()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(PathOf("expected.json")));
        var root = json.RootElement;
        var lineCounts = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string[] LinesOf(string file)
        {
            if (!lineCounts.TryGetValue(file, out var lines))
            {
                Assert.True(File.Exists(PathOf(file)), $"the gold names {file}, which is not in samples/");
                lines = lineCounts[file] = GoldLines(Decode(PathOf(file)));
            }

            return lines;
        }

        var problems = new List<string>();
        var checkedNumbers = 0;
        foreach (var doc in root.GetProperty("documents").EnumerateArray())
        {
            var file = doc.GetProperty("file").GetString()!;
            var lines = LinesOf(file);
            foreach (var (name, value) in LineNumbers(doc))
            {
                checkedNumbers++;
                if (value < 1 || value > lines.Length)
                    problems.Add($"{file}: {name} {value} is outside 1..{lines.Length}");
            }

            foreach (var segment in doc.GetProperty("segments").EnumerateArray())
            {
                var first = segment.GetProperty("first_line").GetInt32();
                var last = segment.GetProperty("last_line").GetInt32();
                var kind = segment.GetProperty("kind").GetString()!;
                if (SegmentKindNames.FromWire(kind) is null)
                    problems.Add($"{file}: unknown segment kind '{kind}'");
                if (first > last)
                    problems.Add($"{file}: {kind} segment {first}-{last} runs backwards");
                else if (last <= lines.Length && (string.IsNullOrWhiteSpace(lines[first - 1]) || string.IsNullOrWhiteSpace(lines[last - 1])))
                    problems.Add($"{file}: {kind} segment {first}-{last} starts or ends on a blank line");
            }
        }

        foreach (var claim in root.GetProperty("claims").EnumerateArray())
        {
            foreach (var report in claim.GetProperty("reports").EnumerateArray())
            {
                var file = report.GetProperty("file").GetString()!;
                var count = LinesOf(file).Length;
                foreach (var line in report.GetProperty("lines").EnumerateArray())
                {
                    checkedNumbers++;
                    if (line.GetInt32() < 1 || line.GetInt32() > count)
                        problems.Add($"claim {claim.GetProperty("id").GetString()}: {file} line {line.GetInt32()} is outside 1..{count}");
                }
            }
        }

        output.WriteLine($"{checkedNumbers} line numbers checked");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>Every property of a document that holds a line number, however deeply nested.</summary>
    private static IEnumerable<(string Name, int Value)> LineNumbers(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var found in LineNumbers(item))
                    yield return found;
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name is "line" or "first_line" or "last_line" or "reply_to_line" or "target_line"
                    && property.Value.ValueKind == JsonValueKind.Number)
                    yield return (property.Name, property.Value.GetInt32());
                else
                {
                    foreach (var found in LineNumbers(property.Value))
                        yield return found;
                }
            }
        }
    }

    [Fact]
    public void Article_and_comment_lines_of_the_text_pages_match_the_gold_at_f1_of_at_least_0_95()
    {
        var report = SegmentTextPages();
        foreach (var doc in report.Documents)
            output.WriteLine($"{doc.File}: " + string.Join("  ", doc.Kinds.Select(k => $"{k.Key} P={k.Value.Precision:F2} R={k.Value.Recall:F2}")));
        var article = report.Totals[SegmentKind.Article];
        var comments = report.Totals[SegmentKind.Comments];
        output.WriteLine($"article F1 {article.F1:F3}, comments F1 {comments.F1:F3}");
        Assert.True(article.F1 >= 0.95, $"article F1 {article.F1:F3}");
        Assert.True(comments.F1 >= 0.95, $"comments F1 {comments.F1:F3}");
    }

    [Fact]
    public void Every_title_outlet_author_date_and_original_source_of_the_text_pages_is_found()
    {
        var report = SegmentTextPages();
        var fields = report.Documents.SelectMany(d => d.Fields.Select(f => (d.File, Field: f))).ToList();
        foreach (var (file, field) in fields)
            output.WriteLine($"{(field.Correct ? "ok  " : "MISS")} {file} {field.Field}: expected '{field.Expected}', found '{field.Found}'");
        var wrong = fields.Where(f => !f.Field.Correct).Select(f => $"{f.File} {f.Field.Field}: expected '{f.Field.Expected}', found '{f.Field.Found}'").ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void The_threaded_comments_of_the_text_pages_have_the_right_authors_replies_and_spam()
    {
        var threads = SegmentTextPages().Documents.Where(d => d.Thread is not null).ToList();
        Assert.NotEmpty(threads);
        foreach (var doc in threads)
        {
            var thread = doc.Thread!;
            Assert.Equal(thread.ExpectedAuthors, thread.FoundAuthors);
            Assert.Equal(thread.RepliesExpected, thread.RepliesFound);
            Assert.Equal(thread.SpamExpected, thread.SpamFound);
        }
    }

    [Fact]
    public void Each_text_page_has_at_least_as_many_comments_as_the_gold_requires()
    {
        foreach (var doc in SegmentTextPages().Documents.Where(d => d.CommentsMin is > 0))
            Assert.True(doc.CommentsFound >= doc.CommentsMin, $"{doc.File}: {doc.CommentsFound} comments, gold wants at least {doc.CommentsMin}");
    }

    /// <remarks>The samples must be written for ClaimTrace, not lifted from the corpus they are modelled on.</remarks>
    [Fact]
    public void No_sample_page_shares_a_run_of_eight_words_with_the_seed_pages()
    {
        var seeds = Corpus.Require("seeds");
        var seedShingles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(seeds, "*.txt"))
            seedShingles.UnionWith(Shingles(File.ReadAllText(path, Encoding.UTF8)));

        foreach (var path in Pages())
        {
            var shared = Shingles(Decode(path)).Where(seedShingles.Contains).ToList();
            Assert.True(shared.Count == 0, $"{Path.GetFileName(path)} shares '{shared.FirstOrDefault()}' with a seed page");
        }
    }

    private static IEnumerable<string> Shingles(string text)
    {
        var words = Regex.Matches(text.ToLowerInvariant(), @"[\p{L}\p{N}]+").Select(m => m.Value).ToArray();
        for (var i = 0; i + 8 <= words.Length; i++)
            yield return string.Join(' ', words, i, 8);
    }
}
