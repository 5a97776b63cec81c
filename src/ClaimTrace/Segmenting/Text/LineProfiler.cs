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
        var last = trimmedEnd[^1];
        var bullet = BulletLine().Match(content);
        string? bulletAuthor = null;
        if (bullet.Success)
        {
            var name = bullet.Groups["name"].Value;
            // A bullet naming a person has a few words and no sentence punctuation.
            if (name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5 && !".!?:;,".Contains(name[^1], StringComparison.Ordinal))
                bulletAuthor = name;
        }

        var isDate = DateText.IsDateOnly(content, out var date);
        return new LineProfile
        {
            Line = line,
            Text = content,
            Indent = indent,
            Words = counts.Words,
            EndsWithTerminal = ".!?…\"”’)]".Contains(last, StringComparison.Ordinal),
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
            BulletAuthor = bulletAuthor,
            IsByline = content.Length < 400 && LineKinds.Byline().IsMatch(content),
        };
    }

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
