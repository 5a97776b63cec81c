using System.Text.Json;

namespace ClaimTrace;

/// <summary>
/// Claims as schema.org <c>ClaimReview</c> items (https://schema.org/ClaimReview), the JSON-LD that fact-checking
/// tools import: one JSON-LD document, <c>@context</c> schema.org and a <c>@graph</c> with one review per claim.
/// <c>claimReviewed</c> is the claim in words; <c>itemReviewed</c> is a <c>Claim</c> whose <c>author</c> is the
/// speaker (a Person working for the institution, or an Organization), whose <c>appearance</c>s are the pages that
/// report it and whose <c>firstAppearance</c> is the earliest dated of them. The <c>reviewRating</c> gives no score
/// (ClaimTrace does not judge truth): its <c>alternateName</c> says what the pages show, disputed, contradicted,
/// revised or not questioned, and <c>ratingExplanation</c> why. No <c>datePublished</c> for the review, so the same
/// database always exports the same bytes. Written with the default encoder, which escapes &lt; and &gt;, so the
/// output can be pasted into a <c>&lt;script type="application/ld+json"&gt;</c> block safely.
/// </summary>
public static class ClaimReviewJsonLd
{
    public static void Write(LinkedCorpus corpus, Stream output, ClaimWords? words = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(output);
        words ??= ClaimWords.Default;
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("@context", "https://schema.org");
        w.WriteStartArray("@graph");
        foreach (var claim in corpus.Result.Claims)
            Review(w, corpus, claim, words);
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
        output.Flush();
    }

    private static void Review(Utf8JsonWriter w, LinkedCorpus corpus, Claim claim, ClaimWords words)
    {
        var conflicts = corpus.Result.Conflicts.Where(c => c.Claim == claim.Id).ToList();
        var appearances = claim.Reports.Where(r => !r.IsEcho).Select(r => r.PageId).Distinct(StringComparer.Ordinal)
            .Select(id => corpus.Pages.GetValueOrDefault(id)).OfType<LinkedPage>().ToList();
        var first = appearances
            .Select(p => (Page: p, Date: LooseDate.Parse(p.Published)))
            .Where(p => p.Date is { HasYear: true })
            .OrderBy(p => p.Date!.Value.First)
            .ThenBy(p => p.Page.Id, StringComparer.Ordinal)
            .Select(p => p.Page)
            .FirstOrDefault();

        w.WriteStartObject();
        w.WriteString("@type", "ClaimReview");
        w.WriteString("@id", "urn:claimtrace:claim:" + claim.Id);
        w.WriteString("claimReviewed", words.Sentence(claim));
        w.WriteStartObject("author");
        w.WriteString("@type", "Organization");
        w.WriteString("name", "ClaimTrace");
        w.WriteEndObject();

        w.WriteStartObject("itemReviewed");
        w.WriteString("@type", "Claim");
        Author(w, claim.Side);
        if (claim.Date is { } date && LooseDate.Parse(date) is { HasYear: true })
            w.WriteString("datePublished", date.Split("..")[0]);
        w.WriteStartArray("appearance");
        foreach (var page in appearances)
            Appearance(w, page, claim);
        w.WriteEndArray();
        if (first is not null)
        {
            w.WritePropertyName("firstAppearance");
            Appearance(w, first, claim);
        }

        w.WriteEndObject();

        w.WriteStartObject("reviewRating");
        w.WriteString("@type", "Rating");
        w.WriteString("alternateName", Verdict(conflicts));
        w.WriteString("ratingExplanation", conflicts.Count == 0
            ? "No page read questions this figure, and no other figure read conflicts with it."
            : string.Join(" ", conflicts.Select(c => c.Why.TrimEnd('.') + ".")));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Verdict(List<Conflict> conflicts)
    {
        var kinds = conflicts.Select(c => c.Kind).ToHashSet();
        var parts = new List<string>();
        if (kinds.Contains(ConflictKind.Dispute))
            parts.Add("Disputed");
        if (kinds.Contains(ConflictKind.Contradiction))
            parts.Add("Contradicted by another figure");
        if (kinds.Contains(ConflictKind.Revision))
            parts.Add("Revised by its speaker");
        return parts.Count == 0 ? "Not questioned in the pages read" : string.Join("; ", parts);
    }

    /// <summary>A person speaking for an institution is a Person who worksFor it; an institution, country or outlet is an Organization.</summary>
    private static void Author(Utf8JsonWriter w, Side side)
    {
        w.WriteStartObject("author");
        var suffix = side.Institution is { } inst ? " (" + inst + ")" : null;
        if (side.Level == SideLevel.Person)
        {
            w.WriteString("@type", "Person");
            w.WriteString("name", side.Display);
        }
        else if (suffix is not null && side.Display.EndsWith(suffix, StringComparison.Ordinal))
        {
            w.WriteString("@type", "Person");
            w.WriteString("name", side.Display[..^suffix.Length]);
            w.WriteStartObject("worksFor");
            w.WriteString("@type", "Organization");
            w.WriteString("name", side.Institution);
            w.WriteEndObject();
        }
        else
        {
            w.WriteString("@type", "Organization");
            w.WriteString("name", side.Display);
        }

        w.WriteEndObject();
    }

    private static void Appearance(Utf8JsonWriter w, LinkedPage page, Claim claim)
    {
        w.WriteStartObject();
        w.WriteString("@type", "CreativeWork");
        if (DossierHtml.SafeUrl(page.Page.Metadata.Url?.Value) is { } url)
            w.WriteString("url", url);
        if (page.Page.Metadata.Title?.Value is { } title)
            w.WriteString("headline", title);
        if (page.Published is { } published)
            w.WriteString("datePublished", published);
        if (page.Outlet is { } outlet)
        {
            w.WriteStartObject("publisher");
            w.WriteString("@type", "Organization");
            w.WriteString("name", outlet);
            w.WriteEndObject();
        }

        if (claim.Reports.FirstOrDefault(r => r.PageId == page.Id && !r.IsEcho) is { } report)
            w.WriteString("text", ClaimExport.Slice(page, report.Sentence));
        w.WriteString("identifier", page.Id);
        w.WriteEndObject();
    }
}
