namespace ClaimTrace;

/// <summary>
/// Turns pages' statements into claims across pages, in two rounds. The first groups the reports with the dates
/// the pages give, which is enough to see which pages report one event (they share a claim, or one copies the
/// other). Pages without a date then borrow one from those links (<see cref="PageDating"/>), and the second round
/// groups again with the dates now known. A report whose statement has no date is placed by its page's date,
/// which says at least when it had been said by. Conflicts and timelines are read off the final claims.
/// </summary>
public sealed class ClaimLinker(IPageAnalyser analyser)
{
    private readonly PageDating _dating = new(analyser);
    private readonly ReportCollector _reports = ReportCollector.Default;

    public ClaimLinker()
        : this(new PageAnalyser())
    {
    }

    public LinkResult Link(IReadOnlyList<LinkedPage> pages, IReadOnlyList<CopyLink> copyLinks)
    {
        var byId = pages.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var pairs = copyLinks.Where(l => l.OriginId is not null && byId.ContainsKey(l.CopyId) && byId.ContainsKey(l.OriginId!)).ToList();

        var people = EntityIndex.Build(pages.Select(p => (p.Id, p.Page, p.Analysis)));
        var firstRound = ClaimGrouper.Group(pages.SelectMany(p => Reports(p, null, null, people)));
        var events = SameEvents(firstRound, pairs, byId);

        var pageDates = new Dictionary<string, (string Date, string How)>(StringComparer.Ordinal);
        var statementDates = new Dictionary<string, IReadOnlyDictionary<int, (string Date, string How)>>(StringComparer.Ordinal);
        foreach (var page in pages.Where(p => p.Published is null))
        {
            if (Reference(page, pairs, events, byId) is { } reference)
            {
                pageDates[page.Id] = ($"..{reference.Date}", $"on or before {reference.Date}, the date of {reference.From} ({reference.Link})");
                statementDates[page.Id] = _dating.Borrow(page, reference.Date, reference.From, reference.Link);
            }
        }

        foreach (var page in pages.Where(p => p.Published is null && !pageDates.ContainsKey(p.Id)))
        {
            var neighbours = NeighbourYears(page, firstRound, byId, pageDates);
            if (PageDating.FromCalendar(page, neighbours) is { } calendar)
                pageDates[page.Id] = calendar;
        }

        var claims = DatedThroughClaims(ClaimGrouper.Group(pages.SelectMany(p => Reports(p, statementDates.GetValueOrDefault(p.Id), PageDateOf(p, pageDates), people))), statementDates);
        var finalEvents = SameEvents(claims, pairs, byId);
        var conflicts = new ConflictFinder(Gazetteer.Default).Find(claims, pages, finalEvents);
        var inferred = statementDates
            .SelectMany(p => p.Value.Select(s => new InferredDate(p.Key, s.Key, s.Value.Date, s.Value.How)))
            .OrderBy(d => d.PageId, StringComparer.Ordinal).ThenBy(d => d.Statement)
            .ToList();
        return new LinkResult(claims, finalEvents, conflicts, Timelines(claims, conflicts), inferred, pageDates);
    }

    /// <summary>
    /// A report that no date reaches takes the date of the claim it reports, from the same page when one of its
    /// reports there is dated ("Gerasimov said ..." after "The General Staff issued a statement Wednesday"), else
    /// from the claim as a whole; the statement's inferred date records which.
    /// </summary>
    private static List<Claim> DatedThroughClaims(IReadOnlyList<Claim> claims, Dictionary<string, IReadOnlyDictionary<int, (string Date, string How)>> statementDates)
    {
        var result = new List<Claim>(claims.Count);
        foreach (var claim in claims)
        {
            if (claim.Reports.All(r => r.Date is not null))
            {
                result.Add(claim);
                continue;
            }

            var reports = claim.Reports.Select(r =>
            {
                if (r.Date is not null || r.IsEcho)
                    return r;
                var source = claim.Reports.FirstOrDefault(o => o.PageId == r.PageId && o.Date is not null && !o.DatedByPublication)
                    ?? claim.Reports.FirstOrDefault(o => o.Date is not null && !o.DatedByPublication);
                if (source is null)
                    return r;
                var how = $"the date of the claim it reports ({source.Key}, {source.DateHow})";
                var dates = statementDates.TryGetValue(r.PageId, out var known) ? new Dictionary<int, (string, string)>(known) : [];
                dates.TryAdd(r.Statement, (source.Date!, how));
                statementDates[r.PageId] = dates;
                return r with { Date = source.Date, DateHow = how };
            }).ToList();
            result.Add(claim with { Reports = reports });
        }

        return result;
    }

    private IEnumerable<ClaimReport> Reports(LinkedPage page, IReadOnlyDictionary<int, (string Date, string How)>? statementDates, (string Date, string How)? pageDate, EntityIndex people)
    {
        foreach (var report in _reports.Collect(page, statementDates, people))
        {
            if (report.Date is not null)
                yield return report;
            else if (page.Published is { } published)
                yield return report with { Date = published, DateHow = "published: the statement gives no date of its own" };
            else if (pageDate is { } inferred && LooseDate.Parse(inferred.Date) is not null)
                yield return report with { Date = inferred.Date, DateHow = "page date inferred: " + inferred.How };
            else
                yield return report;
        }
    }

    private static (string Date, string How)? PageDateOf(LinkedPage page, Dictionary<string, (string Date, string How)> pageDates) =>
        pageDates.TryGetValue(page.Id, out var d) && !d.Date.StartsWith("..", StringComparison.Ordinal) ? d : null;

    /// <summary>
    /// The date an undated page borrows: from a copy link first (a copy and its origin carry the same report), then
    /// from the earliest dated page of the same event.
    /// </summary>
    private static (string Date, string From, string Link)? Reference(LinkedPage page, List<CopyLink> pairs, IReadOnlyList<SameEvent> events, Dictionary<string, LinkedPage> byId)
    {
        var copies = pairs
            .Select(l => l.CopyId == page.Id ? l.OriginId! : l.OriginId == page.Id ? l.CopyId : null)
            .Where(id => id is not null && byId[id].Published is not null)
            .Select(id => byId[id!])
            .OrderBy(p => p.Published, StringComparer.Ordinal)
            .FirstOrDefault();
        if (copies is not null)
            return (DayOf(copies.Published!), copies.Id, "its copy or origin");
        var sameEvent = events.Where(e => e.Pages.Contains(page.Id))
            .SelectMany(e => e.Pages)
            .Where(id => id != page.Id && byId[id].Published is not null)
            .Select(id => byId[id])
            .OrderBy(p => p.Published, StringComparer.Ordinal)
            .FirstOrDefault();
        return sameEvent is null ? null : (DayOf(sameEvent.Published!), sameEvent.Id, "a report of the same event");
    }

    private static string DayOf(string published) => published.Length > 10 ? published[..10] : published;

    /// <summary>Years of the dated pages that report on the same measure families as <paramref name="page"/>.</summary>
    private static List<int> NeighbourYears(LinkedPage page, IReadOnlyList<Claim> claims, Dictionary<string, LinkedPage> byId, Dictionary<string, (string Date, string How)> pageDates)
    {
        var families = claims.Where(c => c.Pages.Contains(page.Id)).Select(c => c.Family).ToHashSet(StringComparer.Ordinal);
        return [.. claims.Where(c => families.Contains(c.Family))
            .SelectMany(c => c.Pages)
            .Where(id => id != page.Id)
            .Distinct()
            .Select(id => ReportCollector.YearOf(byId[id].Published) ?? ReportCollector.YearOf(pageDates.TryGetValue(id, out var d) ? d.Date.TrimStart('.') : null))
            .OfType<int>()
            .Distinct()];
    }

    /// <summary>Pages that copy each other or report one claim, joined transitively.</summary>
    private static List<SameEvent> SameEvents(IReadOnlyList<Claim> claims, List<CopyLink> pairs, Dictionary<string, LinkedPage> byId)
    {
        var parent = byId.Keys.ToDictionary(k => k, k => k, StringComparer.Ordinal);
        var why = new List<(string A, string B, string Why)>();
        foreach (var link in pairs)
        {
            Union(parent, link.CopyId, link.OriginId!);
            why.Add((link.CopyId, link.OriginId!, $"{link.CopyId} copies {link.OriginId}"));
        }

        foreach (var claim in claims)
        {
            var ids = claim.Pages;
            for (var i = 1; i < ids.Count; i++)
            {
                Union(parent, ids[0], ids[i]);
                why.Add((ids[0], ids[i], $"{ids[0]} and {ids[i]} both report claim {claim.Id} ({claim.Measure} {claim.Value} {claim.Unit}, {claim.Side.Display})"));
            }
        }

        return [.. byId.Keys
            .GroupBy(k => Find(parent, k))
            .Where(g => g.Count() > 1)
            .Select(g =>
            {
                var members = g.Order(StringComparer.Ordinal).ToList();
                return new SameEvent(members, [.. why.Where(w => members.Contains(w.A)).Select(w => w.Why).Distinct()]);
            })
            .OrderBy(e => e.Pages[0], StringComparer.Ordinal)];
    }

    private static string Find(Dictionary<string, string> parent, string id)
    {
        while (parent[id] != id)
            id = parent[id] = parent[parent[id]];
        return id;
    }

    private static void Union(Dictionary<string, string> parent, string a, string b)
    {
        var (ra, rb) = (Find(parent, a), Find(parent, b));
        if (ra != rb)
            parent[string.CompareOrdinal(ra, rb) < 0 ? rb : ra] = string.CompareOrdinal(ra, rb) < 0 ? ra : rb;
    }

    /// <summary>One timeline per measure family and country: the claims in date order, and the conflicts among them.</summary>
    internal static List<Timeline> Timelines(IReadOnlyList<Claim> claims, IReadOnlyList<Conflict> conflicts) =>
        [.. claims
            .GroupBy(c => (c.Family, Country: c.Scope is { } s ? Gazetteer.Default.Outermost(s) ?? s : "(no place)"))
            .Select(g =>
            {
                var points = g.OrderBy(c => LooseDate.Parse(c.Date)?.First ?? DateOnly.MaxValue).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
                var ids = points.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
                return new Timeline(g.Key.Family, g.Key.Country, points, [.. conflicts.Where(c => ids.Contains(c.Claim))]);
            })
            .OrderBy(t => t.Family, StringComparer.Ordinal).ThenBy(t => t.Scope, StringComparer.Ordinal)];
}
