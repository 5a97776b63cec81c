using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>
/// Decides whether a decoded comment zone is really a comment section. A marked section (a "12 Comments"
/// heading, bullets naming commenters, "X says:" or "Reply" lines) needs nothing more. An unmarked one
/// must be a change of voice: the report before it reads as reporting (little first or second person
/// outside quotes), the section sounds clearly more like readers, and it has several turns. Without that
/// contrast, a how-to article written to "you" or a chatty closing paragraph would be cut off as comments.
/// </summary>
internal static partial class CommentEvidence
{
    // Without markers, a few chatty paragraphs closing an essay (rhetorical questions, "you") are far
    // commoner than a short unmarked comment section, so an unmarked section must be long.
    private const int MinimumUnmarkedTurns = 12;

    // Transcripts and fact-check roundups label their turns ("AMY GOODMAN:", "THE FACTS:"): dialogue that
    // belongs to the article. Two labelled turns are enough to tell.
    private const int TranscriptLabels = 2;
    private const int MinimumReportLines = 3;
    private const double MaximumReportVoice = 0.6;
    private const double MinimumVoiceContrast = 1.0;

    // Readers write turns of every length; essays and how-tos keep an even paragraph length. A section
    // with almost no short conversational turns is more likely the article going on in another register.
    private const double MinimumShortTurnShare = 0.25;
    private const int ShortTurnLength = 120;

    // Readers talk to each other: they ask, address "you", joke. A columnist's first-person reflection
    // after a reported opening has the voice contrast but rarely this dialogue.
    private const double MinimumDialogueShare = 0.3;

    [GeneratedRegex(@"^\s*(?:\d+\s+)?(?:comments?|responses?|replies|reader comments|discussion|join the discussion|leave a (?:reply|comment)|(?:show|view|load) (?:more )?comments)\s*:?\s*$|^\s*\S.{0,40}\s(?:says|said|wrote)\s*:\s*$|^\s*reply\s*$|\bat \d{1,2}:\d{2}\s*(?:am|pm)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\s*[A-Z][A-Z.'’\- ]{1,40}:\s")]
    private static partial Regex SpeakerLabel();

    [GeneratedRegex(@"^\s*(?:\d{1,2}|[a-z])[.)]\s")]
    private static partial Regex NumberedItem();

    private static bool IsMarker(LineProfile line) => line.Length < 100 && Marker().IsMatch(line.Text);

    public static bool Suffices(IReadOnlyList<LineProfile> lines, PageZone[] zones)
    {
        var firstComment = Array.IndexOf(zones, PageZone.Comments);
        if (firstComment < 0)
            return true;

        var turns = 0;
        var bulletOpen = false;
        var labelled = 0;
        var shortTurns = 0;
        var dialogueTurns = 0;
        var voice = 0.0;
        for (var i = firstComment; i < lines.Count && zones[i] == PageZone.Comments; i++)
        {
            var line = lines[i];
            if (line.IsBlank)
                continue;
            if (IsMarker(line))
                return true;
            if (line.CommentAuthor is not null)
            {
                bulletOpen = true;
                continue;
            }

            // A bullet naming a commenter is followed by what they wrote; a bulleted list of headlines
            // ("Related" links) is bullet after bullet with nothing in between.
            if (bulletOpen)
                return true;
            turns++;
            if (SpeakerLabel().IsMatch(line.Text))
                labelled++;
            voice += line.ReaderVoice;
            if (line.Second > 0 || line.Questions > 0 || line.Informal > 0 || line.Emoticons > 0)
                dialogueTurns++;
            if (line.Length < ShortTurnLength && !line.IsHeadlineLike && !NumberedItem().IsMatch(line.Text))
                shortTurns++;
        }

        // A heading just above the section ("Comments", "3 Responses") marks it too.
        for (var i = firstComment - 1; i >= 0 && i >= firstComment - 3; i--)
        {
            if (!lines[i].IsBlank && IsMarker(lines[i]))
                return true;
        }

        var reportLines = 0;
        var reportVoice = 0.0;
        for (var i = 0; i < firstComment; i++)
        {
            if (zones[i] != PageZone.Body || lines[i].IsBlank)
                continue;
            reportLines++;
            reportVoice += lines[i].ReaderVoice;
        }

        if (turns < MinimumUnmarkedTurns || labelled >= TranscriptLabels || reportLines < MinimumReportLines || (double)shortTurns / turns < MinimumShortTurnShare
            || (double)dialogueTurns / turns < MinimumDialogueShare)
            return false;
        var meanReport = reportVoice / reportLines;
        return meanReport <= MaximumReportVoice && (voice / turns) - meanReport >= MinimumVoiceContrast;
    }
}
