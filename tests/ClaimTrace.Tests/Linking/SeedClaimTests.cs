using System.Text.Json;

namespace ClaimTrace.Tests;

/// <summary>
/// The seeds' <c>claims</c>, <c>same_event</c> and <c>timelines</c> gold (../shared/corpus/seeds/expected.json)
/// against the claims linker, run over the five seed pages as the product links a corpus.
/// </summary>
public sealed class SeedClaimTests(ITestOutputHelper output)
{
    private sealed record Linked(LinkResult Result, Dictionary<string, string> FileOf, Dictionary<string, LinkedPage> Pages, JsonElement Gold)
    {
        public string Line(ClaimReport r) => FileOf[r.PageId] + ":" + new LineIndex(Pages[r.PageId].Page.Text).LineOf(r.Evidence.Start);

        public string PageOf(string file) => FileOf.Single(f => f.Value == file[..3]).Key;
    }

    private static Linked LinkSeeds()
    {
        var gold = JsonDocument.Parse(File.ReadAllText(Corpus.Require("seeds", "expected.json"))).RootElement;
        var seeds = SeedDuplicateTests.SeedPages();
        var analyser = new PageAnalyser();
        var pages = seeds.Select(s => new LinkedPage(s.Page, analyser.Analyse(s.Page))).ToList();
        var fingerprinter = new Fingerprinter();
        var copyLinker = new CopyLinker();
        var links = pages.SelectMany(p => copyLinker.Add(fingerprinter.Of(p.Page))).ToList();
        var result = new ClaimLinker(analyser).Link(pages, links);
        return new Linked(result, seeds.ToDictionary(s => s.Page.Id, s => s.File[..3]), pages.ToDictionary(p => p.Id), gold);
    }

    private void Print(Linked linked)
    {
        foreach (var c in linked.Result.Claims)
        {
            output.WriteLine($"{c.Id} {c.Side.Display} {c.Measure} {c.Scope} {c.Qualifier} {c.Value} {c.Unit} date={c.Date}");
            foreach (var r in c.Reports)
                output.WriteLine($"    {linked.Line(r)}{(r.IsEcho ? " (echo)" : "")} {r.Side.Display} {r.Qualifier} {r.Value} {r.Date} ({r.DateHow})");
        }

        foreach (var c in linked.Result.Conflicts)
            output.WriteLine($"{c.Kind} {c.Claim} vs {c.Other} @{linked.FileOf[c.Evidence.PageId]}: {c.Why}");
    }

    private static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Abs(a));

    /// <summary>The found claim for a gold claim: same measure and value, and the scope where gold gives one.</summary>
    private static List<Claim> Matching(Linked linked, JsonElement gold)
    {
        var measure = gold.GetProperty("measure").GetString()!;
        var value = gold.GetProperty("value").GetDouble();
        var scope = gold.TryGetProperty("scope", out var s) ? Gazetteer.Default.Canonical(s.GetString()!) ?? s.GetString() : null;
        return [.. linked.Result.Claims.Where(c => c.Measure == measure && Same(c.Value, value)
            && (scope is null || string.Equals(c.Scope, scope, StringComparison.OrdinalIgnoreCase) || Gazetteer.Default.Canonical(c.Scope ?? "") == scope))];
    }

    [Fact]
    public void Every_gold_claim_is_one_found_claim_holding_its_reports_and_no_claim_mixes_values_or_sides()
    {
        var linked = LinkSeeds();
        Print(linked);
        int reportLines = 0, found = 0;
        var missed = new List<string>();
        foreach (var gold in linked.Gold.GetProperty("claims").EnumerateArray())
        {
            var id = gold.GetProperty("id").GetString();
            var goldLines = gold.GetProperty("reports").EnumerateArray()
                .SelectMany(r => r.GetProperty("lines").EnumerateArray().Select(l => r.GetProperty("file").GetString()![..3] + ":" + l.GetInt32()))
                .ToList();
            var claims = Matching(linked, gold).Where(c => c.Reports.Any(r => !r.IsEcho && goldLines.Contains(linked.Line(r)))).ToList();
            var claim = Assert.Single(claims);
            var lines = claim.Reports.Where(r => !r.IsEcho).Select(linked.Line).ToHashSet();
            reportLines += goldLines.Count;
            found += goldLines.Count(lines.Contains);
            missed.AddRange(goldLines.Where(l => !lines.Contains(l)).Select(l => $"{id}: {l}"));
        }

        foreach (var claim in linked.Result.Claims)
        {
            foreach (var report in claim.Reports.Where(r => !r.IsEcho))
            {
                Assert.True(ClaimGrouper.SameValue(claim.Reports[0], report), $"{claim.Id} mixes values: {linked.Line(report)}");
                Assert.True(report.Side.Key == claim.Side.Key || report.Side.Level == SideLevel.Country, $"{claim.Id} mixes sides: {linked.Line(report)} {report.Side.Key} in {claim.Side.Key}");
            }
        }

        output.WriteLine($"gold report lines found: {found}/{reportLines}; missed: {string.Join(", ", missed)}");
        // 004 line 1, the headline "Russia Announces The Complete Destruction Of ISIS In Syria", gives no figure and
        // no territory: the analysis does not read it as the 100% claim, and linking does not guess it in.
        Assert.True(found >= reportLines - 1, $"gold report lines found {found}/{reportLines}: {string.Join(", ", missed)}");
    }

    [Fact]
    public void The_two_same_event_groups_are_found_and_no_other()
    {
        var linked = LinkSeeds();
        var expected = linked.Gold.GetProperty("same_event").EnumerateArray()
            .Select(e => string.Join(",", e.GetProperty("files").EnumerateArray().Select(f => f.GetString()![..3]).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal);
        var found = linked.Result.SameEvents.Select(e => string.Join(",", e.Pages.Select(p => linked.FileOf[p]).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal);
        foreach (var e in linked.Result.SameEvents)
            output.WriteLine(string.Join("; ", e.Why));
        Assert.Equal(expected, found);
    }

    [Fact]
    public void Both_timelines_are_in_order_with_the_revision_the_contradiction_and_the_two_outlet_disputes()
    {
        var linked = LinkSeeds();
        Print(linked);
        var control = Assert.Single(linked.Result.Timelines, t => t.Family == "territory.government_control" && t.Scope == "Syria");
        Assert.Equal([85, 96.5], control.Points.Select(p => p.Value));
        Assert.Contains(control.Conflicts, c => c.Kind == ConflictKind.Revision && control.Points[1].Id == c.Claim && control.Points[0].Id == c.Other);
        var disputedBy = control.Conflicts.Where(c => c.Kind == ConflictKind.Dispute && c.Claim == control.Points[1].Id).Select(c => linked.FileOf[c.Evidence.PageId]).Order();
        Assert.Equal(["000", "001"], disputedBy);

        // Held by IS, on one scale: 27,000 km2 (September), none (6 December: "100% free"), 8% of Deir Ezzor (7 December).
        var held = Assert.Single(linked.Result.Timelines, t => t.Family == "territory.is_held" && t.Scope == "Syria");
        // (Putin's "almost the whole territory" on 4 December is a point of its own, not the 100% claim.)
        var points = held.Points.Select(p => (p.Unit, p.FamilyValue, p.Direction)).ToList();
        var order = new[] { ("km2", 27000.0), ("percent", 0.0), ("percent", 8.0) }
            .Select(g => points.FindIndex(p => p.Unit == g.Item1 && Same(p.FamilyValue, g.Item2) && p.Direction is QualifierDirection.Exact or QualifierDirection.Approximate))
            .ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        var free = held.Points[order[1]];
        var sohr = held.Points[order[2]];
        Assert.StartsWith("2017-12-06", free.Date, StringComparison.Ordinal);
        Assert.Equal("2017-12-07", sohr.Date);
        Assert.Contains(held.Conflicts, c => c.Kind == ConflictKind.Contradiction && c.Claim == sohr.Id && c.Other == free.Id);
        Assert.Contains(held.Conflicts, c => c.Kind == ConflictKind.Dispute && c.Claim == free.Id && c.Evidence.By == "Syrian Observatory for Human Rights");
    }

    [Fact]
    public void The_year_of_seed_000s_statement_is_inferred_from_its_dated_copy()
    {
        var linked = LinkSeeds();
        var page = linked.PageOf("000");
        var claim = Assert.Single(linked.Result.Claims, c => c.Measure == "settlements.liberated.count" && c.Pages.Contains(page));
        Assert.Equal("2018-12-11", claim.Date);
        var inferred = linked.Result.InferredDates.Where(d => d.PageId == page).ToList();
        Assert.NotEmpty(inferred);
        Assert.All(inferred, d => Assert.Equal("2018-12-11", d.Date));
        Assert.Contains(inferred, d => d.How.Contains("its copy or origin", StringComparison.Ordinal));
        // The page's own date stays as the page gives it.
        Assert.Contains(linked.Pages[page].Analysis.Dates, d => d.Value == "--12-11");
    }
}
