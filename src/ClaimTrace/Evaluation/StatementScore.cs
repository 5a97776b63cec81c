using System.Text.Json;

namespace ClaimTrace;

/// <summary>A gold statement of expected.json (GOLD-FORMAT.md): where it is and who said it.</summary>
public sealed record GoldStatement(string File, int Line, string? Speaker, IReadOnlyList<string> Accept, string? Verb, string? Kind);

/// <summary>One gold statement with what the product found on its line.</summary>
public sealed record StatementMatch(GoldStatement Gold, bool SpeakerRight, IReadOnlyList<string> FoundSpeakers);

public sealed record StatementReport(IReadOnlyList<StatementMatch> Matches)
{
    public int Total => Matches.Count;
    public int SpeakerRight => Matches.Count(m => m.SpeakerRight);
    public double SpeakerAccuracy => Total == 0 ? 0 : (double)SpeakerRight / Total;
}

/// <summary>
/// Scores statements against a gold file, matched by line. A found statement is on a line when its content or its
/// cue starts on that line (a speaker after a multi-paragraph quote is credited to the cue's line too). A gold
/// statement with a speaker is right when a statement on its line resolves to that speaker, to one of its
/// <c>speaker_accept</c> names, or to its surname alone ("Mizintsev" for "Mikhail Mizintsev"). A gold statement
/// with no speaker is right when its line holds an unattributed statement or no statement whose speaker the gold
/// does not list for that line: saying nothing is never guessing.
/// </summary>
public static class StatementScorer
{
    public static IReadOnlyList<GoldStatement> LoadGold(string expectedJson)
    {
        using var stream = File.OpenRead(expectedJson);
        using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var gold = new List<GoldStatement>();
        if (!doc.RootElement.TryGetProperty("documents", out var documents))
            return gold;
        foreach (var d in documents.EnumerateArray())
        {
            var file = d.GetProperty("file").GetString() ?? "";
            if (!d.TryGetProperty("statements", out var statements))
                continue;
            foreach (var s in statements.EnumerateArray())
            {
                var accept = s.TryGetProperty("speaker_accept", out var a) && a.ValueKind == JsonValueKind.Array
                    ? a.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
                    : [];
                gold.Add(new GoldStatement(file, s.GetProperty("line").GetInt32(), Text(s, "speaker"), accept, Text(s, "verb"), Text(s, "kind")));
            }
        }

        return gold;
    }

    /// <param name="gold">gold statements</param>
    /// <param name="analyse">the page text and the statements found in it, for a file of the gold</param>
    public static StatementReport Score(IReadOnlyList<GoldStatement> gold, Func<string, (string Text, IReadOnlyList<Statement> Statements)> analyse)
    {
        var matches = new List<StatementMatch>();
        foreach (var byFile in gold.GroupBy(g => g.File))
        {
            var (text, statements) = analyse(byFile.Key);
            var lineStarts = new LineIndex(text);
            var onLine = new Dictionary<int, List<Statement>>();
            foreach (var s in statements.Where(s => !s.InComments))
            {
                var lines = new HashSet<int> { lineStarts.LineOf(s.Content.Start) };
                if (s.Cue is { } cue)
                    lines.Add(lineStarts.LineOf(cue.Start));
                foreach (var line in lines)
                {
                    if (!onLine.TryGetValue(line, out var list))
                        onLine[line] = list = [];
                    list.Add(s);
                }
            }

            foreach (var g in byFile)
            {
                var here = onLine.TryGetValue(g.Line, out var list) ? list : [];
                var found = here.Select(s => s.Speaker?.Name ?? "(unattributed)").ToList();
                bool right;
                if (g.Speaker is null)
                {
                    var listed = byFile.Where(o => o.Line == g.Line && o.Speaker is not null).ToList();
                    right = here.Any(s => s.Speaker is null)
                        || here.All(s => s.Speaker is { } sp && listed.Any(o => SameSpeaker(sp.Name, o)));
                }
                else
                {
                    right = here.Any(s => s.Speaker is { } sp && SameSpeaker(sp.Name, g));
                }

                matches.Add(new StatementMatch(g, right, found));
            }
        }

        return new StatementReport(matches);
    }

    public static bool SameSpeaker(string found, GoldStatement gold)
    {
        if (gold.Speaker is null)
            return false;
        return SameName(found, gold.Speaker) || gold.Accept.Any(a => SameName(found, a));
    }

    private static bool SameName(string a, string b)
    {
        a = Normalise(a);
        b = Normalise(b);
        if (a.Equals(b, StringComparison.OrdinalIgnoreCase))
            return true;
        var aWords = a.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var bWords = b.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // A surname ("Mizintsev", "de Mistura") names the person whose full name ends with it.
        var (shorter, longer) = aWords.Length <= bWords.Length ? (aWords, bWords) : (bWords, aWords);
        if (shorter.Length == 0 || shorter.Length == longer.Length || !char.IsUpper(shorter[^1][0]))
            return false;
        return longer.Skip(longer.Length - shorter.Length).SequenceEqual(shorter, StringComparer.OrdinalIgnoreCase);
    }

    private static string Normalise(string name)
    {
        name = name.Replace('’', '\'').Trim();
        return name.StartsWith("The ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

}
