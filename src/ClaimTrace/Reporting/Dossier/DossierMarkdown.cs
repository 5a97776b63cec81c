using System.Text;

namespace ClaimTrace;

/// <summary>
/// A dossier as Markdown: for each claim, who made it, when and with what figure; every page that reports it with
/// the sentence as the page writes it; what disputes or contradicts it; then the timelines it sits on, and which
/// pages copy each other. Page text is quoted as plain text with Markdown's special characters escaped, so a page
/// cannot inject links or markup into the report.
/// </summary>
public static class DossierMarkdown
{
    public static string Render(Dossier d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var md = new StringBuilder();
        md.AppendLine($"# Dossier: {(d.Query.Length == 0 ? "every claim" : Escape(d.Query))}");
        md.AppendLine();
        var pages = d.Claims.SelectMany(c => c.Pages).Distinct().Count();
        md.AppendLine($"{d.Claims.Count} claim{(d.Claims.Count == 1 ? "" : "s")} reported on {pages} page{(pages == 1 ? "" : "s")}; " +
                      $"{d.Conflicts.Count(c => c.Kind == ConflictKind.Dispute)} disputes, {d.Conflicts.Count(c => c.Kind == ConflictKind.Contradiction)} contradictions, " +
                      $"{d.Conflicts.Count(c => c.Kind == ConflictKind.Revision)} revisions.");
        md.AppendLine();
        md.AppendLine("A claim is one figure from one side (a person, or the institution they speak for) about one measure and place, " +
                      "reported on one or more pages within a week. Dates say how they were found: from the sentence, from the page's " +
                      "publication date, or borrowed from a linked page.");
        md.AppendLine();
        if (d.Claims.Count == 0)
        {
            md.AppendLine("No claim matches. Try a measure (`territory`), a speaker's name, or a figure (`96.5`).");
            return md.ToString();
        }

        var number = d.Claims.Select((c, i) => (c.Id, i + 1)).ToDictionary(x => x.Id, x => x.Item2);
        foreach (var claim in d.Claims)
        {
            md.AppendLine($"## {number[claim.Id]}. {Escape(DossierText.Headline(claim))}");
            md.AppendLine();
            md.AppendLine($"Claim `{claim.Id}`. Side: {Escape(claim.Side.Display)} ({Escape(claim.Side.Why)}).");
            md.AppendLine();
            md.AppendLine("| page | date (how it was found) | speaker as written | figure | sentence |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var r in claim.Reports)
            {
                md.AppendLine($"| {Cell(d.PageName(r.PageId))} `{r.PageId}` | {Cell(r.Date ?? "undated")} ({Cell(r.DateHow)}) | " +
                              $"{Cell(r.IsEcho ? "(the outlet repeats it)" : r.SpeakerWritten ?? "(unattributed)")} | {Cell(DossierText.Figure(r))} | " +
                              $"{Cell(DossierText.OneLine(d.SentenceOf(r)))} (offsets {r.Evidence.Start}–{r.Evidence.End}) |");
            }

            md.AppendLine();
            var conflicts = d.Conflicts.Where(c => c.Claim == claim.Id || c.Other == claim.Id).ToList();
            if (conflicts.Count > 0)
            {
                md.AppendLine("**Pushback and changes**");
                md.AppendLine();
                foreach (var c in conflicts)
                {
                    var other = c.Other is null ? "" : $" (with claim {(number.TryGetValue(c.Claim == claim.Id ? c.Other : c.Claim, out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "`" + (c.Claim == claim.Id ? c.Other : c.Claim) + "`")})";
                    md.AppendLine($"- {DossierText.Kind(c.Kind)}{other}: {Escape(c.Why)} — evidence: {Escape(d.PageName(c.Evidence.PageId))}, \"{Escape(DossierText.OneLine(d.EvidenceOf(c), 200))}\" (offsets {c.Evidence.Span.Start}–{c.Evidence.Span.End})");
                }

                md.AppendLine();
            }
        }

        if (d.Timelines.Count > 0)
        {
            md.AppendLine("## Timelines");
            md.AppendLine();
            foreach (var t in d.Timelines)
            {
                md.AppendLine($"### {Escape(t.Family)} — {Escape(t.Scope)} and places in it");
                md.AppendLine();
                md.AppendLine("| date | side | figure | measure | place | flags |");
                md.AppendLine("|---|---|---|---|---|---|");
                foreach (var p in t.Points)
                {
                    var flags = t.Conflicts.Where(c => c.Claim == p.Id).Select(c => DossierText.Kind(c.Kind)).Distinct();
                    md.AppendLine($"| {Cell(p.Date ?? "undated")} | {Cell(p.Side.Display)} | {Cell(DossierText.Figure(p))} | {Cell(p.Measure)} | {Cell(p.Scope ?? "")} | {string.Join(", ", flags)} |");
                }

                md.AppendLine();
            }
        }

        if (d.CopyLinks.Count > 0 || d.SameEvents.Count > 0)
        {
            md.AppendLine("## Copies and events");
            md.AppendLine();
            foreach (var l in d.CopyLinks)
                md.AppendLine($"- {Escape(d.PageName(l.CopyId))} copies {Escape(l.OriginId is { } o ? d.PageName(o) : l.OriginOutlet ?? "")}: {Escape(l.Explain())}");
            foreach (var e in d.SameEvents)
                md.AppendLine($"- One event on {string.Join(", ", e.Pages.Select(p => Escape(d.PageName(p))))}: {Escape(string.Join("; ", e.Why))}");
            md.AppendLine();
        }

        return md.ToString();
    }

    /// <summary>Markdown's punctuation escaped so page text stays text.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            if (ch is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '!')
                sb.Append('\\');
            sb.Append(ch);
        }

        return sb.ToString();
    }

    private static string Cell(string text) => Escape(DossierText.OneLine(text));
}
