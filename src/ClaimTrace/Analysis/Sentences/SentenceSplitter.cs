namespace ClaimTrace;

/// <summary>
/// Splits the readable parts of a page into sentences. Only article, title, editor's note, caption and
/// comments segments are split (boilerplate and related links are not prose anyone said); where segments nest
/// the innermost one decides. A line break ends a sentence unless the next line starts in lower case (a hard
/// wrap), and a new paragraph begins wherever a line break falls between two sentences, so both blank-line and
/// one-paragraph-per-line texts count paragraphs as a reader would.
/// </summary>
public sealed class SentenceSplitter
{
    private static readonly Lazy<WordSet> DefaultAbbreviations = new(() => WordSet.Load("analysis/abbreviations.txt"));
    private readonly WordSet _abbreviations;

    public SentenceSplitter()
        : this(DefaultAbbreviations.Value)
    {
    }

    public SentenceSplitter(WordSet abbreviations) => _abbreviations = abbreviations;

    public IReadOnlyList<Sentence> Split(Page page) => Split(page.Text, page.Segments);

    public IReadOnlyList<Sentence> Split(string text, IReadOnlyList<Segment> segments)
    {
        var sentences = new List<Sentence>();
        var paragraph = -1;
        var previousEnd = -1;
        foreach (var (start, end, kind) in ProseRanges(text.Length, segments))
        {
            var position = start;
            while (position < end)
            {
                var sentenceStart = SkipSpace(text, position, end);
                if (sentenceStart >= end)
                    break;
                var sentenceEnd = FindEnd(text, sentenceStart, end);
                var trimmedEnd = sentenceEnd;
                while (trimmedEnd > sentenceStart && char.IsWhiteSpace(text[trimmedEnd - 1]))
                    trimmedEnd--;
                if (paragraph < 0 || text.AsSpan(previousEnd, sentenceStart - previousEnd).Contains('\n'))
                    paragraph++;
                sentences.Add(new Sentence(sentences.Count, sentenceStart, trimmedEnd, paragraph, kind, kind == SegmentKind.Comments));
                previousEnd = trimmedEnd;
                position = sentenceEnd;
            }
        }

        return sentences;
    }

    /// <summary>
    /// The stretches worth splitting, in text order, each labelled by the innermost segment over it. Segment
    /// lists are short, so the quadratic look-up costs less than building any index.
    /// </summary>
    internal static List<(int Start, int End, SegmentKind Kind)> ProseRanges(int length, IReadOnlyList<Segment> segments)
    {
        var cuts = new SortedSet<int>();
        foreach (var segment in segments)
        {
            cuts.Add(Math.Clamp(segment.Start, 0, length));
            cuts.Add(Math.Clamp(segment.End, 0, length));
        }

        var ranges = new List<(int Start, int End, SegmentKind Kind)>();
        int? previous = null;
        foreach (var cut in cuts)
        {
            if (previous is { } from && cut > from)
            {
                Segment? innermost = null;
                foreach (var segment in segments)
                {
                    if (segment.Start <= from && segment.End >= cut && (innermost is null || segment.End - segment.Start < innermost.End - innermost.Start))
                        innermost = segment;
                }

                if (innermost is not null && IsProse(innermost.Kind))
                {
                    if (ranges.Count > 0 && ranges[^1].End == from && ranges[^1].Kind == innermost.Kind)
                        ranges[^1] = (ranges[^1].Start, cut, innermost.Kind);
                    else
                        ranges.Add((from, cut, innermost.Kind));
                }
            }

            previous = cut;
        }

        return ranges;
    }

    private static bool IsProse(SegmentKind kind) => kind is SegmentKind.Article or SegmentKind.Title or SegmentKind.EditorNote or SegmentKind.Caption or SegmentKind.Comments;

    private static int SkipSpace(string text, int position, int end)
    {
        while (position < end && char.IsWhiteSpace(text[position]))
            position++;
        return position;
    }

    /// <summary>Where the sentence that starts at <paramref name="start"/> ends (exclusive, before trailing space).</summary>
    private int FindEnd(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                var next = SkipSpace(text, i, end);
                if (next >= end || !char.IsLower(text[next]) || text.AsSpan(i + 1, next - i - 1).Contains('\n'))
                    return i;
                continue;
            }

            if (c is not ('.' or '!' or '?' or '…'))
                continue;

            // A run of terminators ("?!", "...") and the closing quotes or brackets after it belong to the sentence.
            var after = i + 1;
            while (after < end && text[after] is '.' or '!' or '?' or '…')
                after++;
            while (after < end && IsCloser(text[after]))
                after++;
            if (after >= end)
                return end;
            if (!char.IsWhiteSpace(text[after]))
            {
                i = after - 1;
                continue;
            }

            var nextWord = SkipSpace(text, after, end);
            if (nextWord >= end)
                return after;
            if (text[nextWord] == '\n' || text.AsSpan(after, nextWord - after).Contains('\n'))
                return after;
            if (!StartsSentence(text[nextWord]))
            {
                i = after - 1;
                continue;
            }

            if (c == '.' && after == i + 1 && IsAbbreviation(text, start, i))
            {
                i = after - 1;
                continue;
            }

            return after;
        }

        return end;
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or ']' or '»';

    private static bool StartsSentence(char c) => char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '‘' or '\'' or '(' or '[' or '«' or '-' or '–' or '—';

    /// <summary>"Mr.", "U.S.", "Jan." and single initials ("J. Smith") do not end a sentence.</summary>
    private bool IsAbbreviation(string text, int sentenceStart, int period)
    {
        var wordStart = period;
        while (wordStart > sentenceStart && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
            wordStart--;
        var word = text.AsSpan(wordStart, period - wordStart);
        if (word.IsEmpty)
            return false;
        if (word.Length == 1 && char.IsUpper(word[0]))
            return true;
        return _abbreviations.Contains(word);
    }
}
