namespace ClaimTrace;

/// <summary>
/// The evidence one line of plain text carries about what it is: prose of a report, furniture of the
/// site, or a reader's voice. Counts of pronouns, questions and slang are taken outside quotation
/// marks, because a quoted official saying "we" is still reporting, not a reader talking.
/// </summary>
internal sealed class LineProfile
{
    public required TextLine Line { get; init; }
    public required string Text { get; init; }
    public bool IsBlank { get; init; }
    public int Indent { get; init; }
    public int Words { get; init; }
    public bool EndsWithTerminal { get; init; }
    public double Furniture { get; init; }
    public int ReportingCues { get; init; }
    public int FirstSingular { get; init; }
    public int FirstPlural { get; init; }
    public int Second { get; init; }
    public int Questions { get; init; }
    public int Exclamations { get; init; }
    public int Informal { get; init; }
    public int Emoticons { get; init; }
    public bool HasQuote { get; init; }
    public bool StartsLowercase { get; init; }
    public double CapitalisedShare { get; init; }
    public bool IsUrlOnly { get; init; }
    public bool IsDateOnly { get; init; }
    public FoundDate Date { get; init; }

    /// <summary>
    /// The commenter's name when the line opens a comment: a bullet naming one ("  • John Smith") or a
    /// comment header ("John Smith – June 13, 2024 at 8:41 am", "John Smith says:").
    /// </summary>
    public string? CommentAuthor { get; init; }

    public int Length => Text.Length;

    /// <summary>How strongly the line sounds like a reader rather than a reporter.</summary>
    public double ReaderVoice
    {
        get
        {
            var voice = (1.2 * FirstSingular) + (0.9 * Second) + (0.4 * FirstPlural)
                + (0.9 * Math.Min(Questions, 2)) + (0.5 * Math.Min(Exclamations, 2))
                + (1.5 * Informal) + (1.5 * Emoticons) + (StartsLowercase ? 0.6 : 0)
                + (IsUrlOnly ? 1.5 : 0);
            if (CommentAuthor is not null)
                voice += 4;
            return Math.Min(voice, 5);
        }
    }

    /// <summary>How much the line reads like a paragraph of a report.</summary>
    public double Prose
    {
        get
        {
            var score = Math.Min(Length / 100.0, 3);
            if (EndsWithTerminal && Length > 60)
                score += 1;
            score += Math.Min(ReportingCues, 2);
            if (HasQuote && ReportingCues > 0)
                score += 0.5;
            return score;
        }
    }

    /// <summary>Short, unpunctuated and title-like: a headline, a menu item, a label.</summary>
    public bool IsShortLabel => !IsBlank && Length < 80 && !EndsWithTerminal && Words <= 14;

    /// <summary>
    /// Reads like a headline: mostly capitalised words, no closing full stop (a question or exclamation
    /// mark is allowed: "...Retaken by Pro-Government Forces?"), and not a paragraph's length.
    /// </summary>
    public bool IsHeadlineLike
    {
        get
        {
            if (IsBlank || Words is < 3 or > 30 || Length > 220 || CapitalisedShare < 0.6)
                return false;
            var last = Text.TrimEnd()[^1];
            return last != '.' && last != ',' && last != ';';
        }
    }

    /// <summary>
    /// A headline asked as a question ("Is the valley really 92% back on the grid?"): one short sentence
    /// ending in a question mark. Such a headline is neither a short label (it ends in punctuation) nor,
    /// in sentence case, headline-like, yet it is a title candidate all the same.
    /// </summary>
    public bool IsQuestionHeadline
    {
        get
        {
            if (IsBlank || Words is < 5 or > 20 || Length > 160)
                return false;
            var text = Text.Trim();
            return text.EndsWith('?') && !text[..^1].Contains("? ", StringComparison.Ordinal)
                && !text.Contains(". ", StringComparison.Ordinal) && !text.Contains("! ", StringComparison.Ordinal);
        }
    }

    /// <summary>A "By ..." line: set by the profiler.</summary>
    public bool IsByline { get; init; }
}
