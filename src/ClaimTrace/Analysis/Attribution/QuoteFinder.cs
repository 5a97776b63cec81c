namespace ClaimTrace;

/// <summary>
/// Finds quotations inside the sentences' paragraphs: curly double quotes, straight double quotes (opening when
/// they follow a space or the start, closing otherwise) and single quotes used as scare quotes. By newspaper
/// convention a quote left open at the end of a paragraph continues when the next paragraph opens with a quote
/// mark; otherwise it ends with its paragraph, unclosed. No quote is longer than <see cref="MaxLength"/>, so one
/// stray mark cannot swallow a page.
/// </summary>
public static class QuoteFinder
{
    public const int MaxLength = 4000;

    public static IReadOnlyList<QuoteSpan> Find(string text, IReadOnlyList<Sentence> sentences)
    {
        var quotes = new List<QuoteSpan>();
        var paragraphs = Paragraphs(sentences);
        int? openAt = null;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var (start, end) = paragraphs[p];
            var from = start;
            if (openAt is { } carried)
            {
                // The quote continues only if this paragraph reopens it; then the reopening mark is not a new quote.
                if (IsOpener(text[start]) && start - carried < MaxLength)
                {
                    from = start + 1;
                }
                else
                {
                    quotes.Add(new QuoteSpan(carried, paragraphs[p - 1].End, false));
                    openAt = null;
                }
            }

            openAt = ScanParagraph(text, from, end, openAt, quotes);
        }

        if (openAt is { } last && paragraphs.Count > 0)
            quotes.Add(new QuoteSpan(last, paragraphs[^1].End, false));
        quotes.Sort((a, b) => a.Start.CompareTo(b.Start));
        return quotes;
    }

    private static bool IsOpener(char c) => c is '“' or '"' or '«';

    private static int? ScanParagraph(string text, int from, int end, int? openAt, List<QuoteSpan> quotes)
    {
        int? singleAt = null;
        for (var i = from; i < end; i++)
        {
            var c = text[i];
            var before = i > 0 ? text[i - 1] : ' ';
            var after = i + 1 < text.Length ? text[i + 1] : ' ';
            if (c is '“' or '«' || (c == '"' && openAt is null && !IsWordChar(before)))
            {
                if (openAt is null)
                    openAt = i;
                continue;
            }

            if (c is '”' or '»' or '"')
            {
                if (openAt is { } open)
                {
                    quotes.Add(new QuoteSpan(open, i + 1, i + 1 - open <= MaxLength));
                    openAt = null;
                    singleAt = null;
                }

                continue;
            }

            if (openAt is not null)
                continue;

            // Single quotes double as apostrophes: open only at a word start, close only at a word end.
            if (c is '‘' or '\'' && !IsWordChar(before) && IsWordChar(after))
                singleAt ??= i;
            else if (c is '’' or '\'' && singleAt is { } single && !IsWordChar(after) && (IsWordChar(before) || before is '.' or '!' or '?' or '%'))
            {
                quotes.Add(new QuoteSpan(single, i + 1, true));
                singleAt = null;
            }
        }

        if (openAt is { } stillOpen && end - stillOpen > MaxLength)
        {
            quotes.Add(new QuoteSpan(stillOpen, stillOpen + MaxLength, false));
            return null;
        }

        return openAt;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    private static List<(int Start, int End)> Paragraphs(IReadOnlyList<Sentence> sentences)
    {
        var paragraphs = new List<(int Start, int End)>();
        for (var i = 0; i < sentences.Count; i++)
        {
            var s = sentences[i];
            if (i > 0 && sentences[i - 1].Paragraph == s.Paragraph && sentences[i - 1].InComments == s.InComments)
                paragraphs[^1] = (paragraphs[^1].Start, s.End);
            else
                paragraphs.Add((s.Start, s.End));
        }

        return paragraphs;
    }
}
