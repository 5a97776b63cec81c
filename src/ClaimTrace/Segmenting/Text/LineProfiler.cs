using System.Buffers;
using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>Computes <see cref="LineProfile"/>s from the shipped lexicons.</summary>
internal sealed partial class LineProfiler
{
    private readonly WeightedCues _furniture;
    private readonly WordSet _readerVoice;
    private readonly WordSet _reportingVerbs;

    public LineProfiler(WeightedCues furniture, WordSet readerVoice, WordSet reportingVerbs)
    {
        _furniture = furniture;
        _readerVoice = readerVoice;
        _reportingVerbs = reportingVerbs;
    }

    public static LineProfiler Default { get; } = new(
        WeightedCues.Load("segmenting/furniture.tsv"),
        WordSet.Load("segmenting/reader-voice.txt"),
        WordSet.Load("reporting-verbs.txt"));

    [GeneratedRegex(@"^\s*[•·▪●◦‣∙*]\s+(?<name>[^\s•].{0,60}?)\s*$")]
    private static partial Regex BulletLine();

    // "Jane Roe – June 13, 2024 at 8:41 am", "Jane Roe | 13 June 2024 08:41", "Jane Roe says:": the header a
    // comment system prints above each comment, naming its author.
    // Nothing but a date and time may follow the name, so "Kovic said: ..." in a report is not one.
    [GeneratedRegex(@"^\s*(?<name>\S.{0,40}?)(?:\s+[–—|-]\s+(?=.{0,40}\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*$)|\s+(?:says|said|wrote)\s*:\s*(?:.{0,40}\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentHeader();

    [GeneratedRegex(@"(?<![\w])(?::-?[)(DPp]|;-?\)|xD|<3|:/)(?![\w])")]
    private static partial Regex Emoticon();

    [GeneratedRegex(@"^\s*(?:https?://|www\.)\S+\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex UrlOnly();

    public List<LineProfile> Profile(string text, IReadOnlyList<TextLine> lines)
    {
        var profiles = new List<LineProfile>(lines.Count);
        foreach (var line in lines)
            profiles.Add(ProfileLine(text.Substring(line.Start, line.Length), line));
        return profiles;
    }

    public LineProfile ProfileLine(string content, TextLine line)
    {
        if (string.IsNullOrWhiteSpace(content))
            return new LineProfile { Line = line, Text = content, IsBlank = true };

        var indent = 0;
        while (indent < content.Length && (content[indent] == ' ' || content[indent] == '\t' || content[indent] == '\u00A0'))
            indent += content[indent] == '\t' ? 4 : 1;

        var counts = CountWords(content);
        var trimmedEnd = content.TrimEnd();
        var opener = BulletLine().Match(content);
        if (!opener.Success)
            opener = CommentHeader().Match(content);
        string? commentAuthor = null;
        if (opener.Success)
        {
            var name = opener.Groups["name"].Value;
            // A name has a few words and no sentence punctuation.
            if (name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5 && !".!?:;,".Contains(name[^1], StringComparison.Ordinal))
                commentAuthor = name;
        }

        var isDate = DateText.IsDateOnly(content, out var date);
        return new LineProfile
        {
            Line = line,
            Text = content,
            Indent = indent,
            Words = counts.Words,
            EndsWithTerminal = EndsSentence(trimmedEnd),
            Furniture = _furniture.Score(content),
            ReportingCues = counts.Reporting,
            FirstSingular = counts.FirstSingular,
            FirstPlural = counts.FirstPlural,
            Second = counts.Second,
            Questions = counts.Questions,
            Exclamations = counts.Exclamations,
            Informal = counts.Informal,
            Emoticons = Emoticon().Count(content),
            HasQuote = content.AsSpan().IndexOfAny("\"“”") >= 0,
            StartsLowercase = char.IsLower(content[indent < content.Length ? indent : 0]),
            CapitalisedShare = counts.Words == 0 ? 0 : (double)counts.Capitalised / counts.Words,
            IsUrlOnly = UrlOnly().IsMatch(content),
            IsDateOnly = isDate,
            Date = date,
            CommentAuthor = commentAuthor,
            IsByline = content.Length < 400 && LineKinds.Byline().IsMatch(content),
        };
    }

    /// <summary>
    /// Whether a line ends a sentence. A line that closes a quotation ends one, except when the quotation is
    /// a short phrase without punctuation: a headline ending in a scare-quoted phrase
    /// (<c>... survey as “not representative”</c>) is a label, while a quoted sentence or quoted headline
    /// (<c>Times: "As Troubles Pile Up, a Crisis of Confidence"</c>) is not.
    /// </summary>
    private static bool EndsSentence(string trimmedEnd)
    {
        var last = trimmedEnd[^1];
        if (!"\"”’".Contains(last, StringComparison.Ordinal))
            return ".!?…)]".Contains(last, StringComparison.Ordinal);
        var inside = trimmedEnd.AsSpan()[..^1];
        var open = inside.LastIndexOfAny(last == '”' ? "“" : last == '’' ? "‘" : "\"");
        if (open < 0 || inside.Length == 0 || !char.IsLetterOrDigit(inside[^1]))
            return true;
        var quoted = inside[(open + 1)..];
        return quoted.Count(' ') >= ScareQuoteMaxWords || quoted.IndexOfAny(Punctuation) >= 0;
    }

    private const int ScareQuoteMaxWords = 4;

    private static readonly SearchValues<char> Punctuation = SearchValues.Create(".,;:!?");

    private WordCounts CountWords(string content)
    {
        var counts = new WordCounts();
        var inCurly = false;
        var inStraight = false;
        var i = 0;
        var lower = content.ToLowerInvariant();
        while (i < content.Length)
        {
            var c = content[i];
            if (c == '“')
                inCurly = true;
            else if (c == '”')
                inCurly = false;
            else if (c == '"')
                inStraight = !inStraight;

            var quoted = inCurly || inStraight;
            if (c == '?' && !quoted)
                counts.Questions++;
            if (c == '!' && !quoted)
                counts.Exclamations++;

            if (!char.IsLetter(c))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < content.Length && (char.IsLetter(content[i]) || content[i] == '\'' || content[i] == '’'))
                i++;
            var word = lower.AsSpan(start, i - start).TrimEnd("'’");
            counts.Words++;
            if (char.IsUpper(content[start]))
                counts.Capitalised++;
            // Lowercase only: "State" and "Report" in a headline are nouns, not reporting verbs.
            if (char.IsLower(content[start]) && _reportingVerbs.Contains(word))
                counts.Reporting++;
            if (quoted)
                continue;
            var bare = StripContraction(word);
            if (bare is "i" or "me" or "my" or "mine" or "myself")
                counts.FirstSingular++;
            else if (bare is "we" or "us" or "our" or "ours")
                counts.FirstPlural++;
            else if (bare is "you" or "your" or "yours" or "yourself" or "ya" or "u")
                counts.Second++;
            if (_readerVoice.Contains(word))
                counts.Informal++;
        }

        foreach (var phrase in _reportingVerbs.Phrases)
        {
            if (lower.Contains(phrase, StringComparison.Ordinal))
                counts.Reporting++;
        }

        return counts;
    }

    private static ReadOnlySpan<char> StripContraction(ReadOnlySpan<char> word)
    {
        var apostrophe = word.IndexOfAny('\'', '’');
        return apostrophe > 0 ? word[..apostrophe] : word;
    }

    private struct WordCounts
    {
        public int Words;
        public int Capitalised;
        public int Reporting;
        public int FirstSingular;
        public int FirstPlural;
        public int Second;
        public int Questions;
        public int Exclamations;
        public int Informal;
    }
}
