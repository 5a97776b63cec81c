using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimTrace;

/// <summary>
/// A dossier as JSON for other tools: claims with their reports (page, offsets of the figure and its sentence, the
/// sentence text, date and how it was found), conflicts with their evidence spans, timelines as claim ids in date
/// order, same events and copy links. Names are snake_case; offsets are UTF-16 code units into the page text, end
/// exclusive, as in the extraction JSON (docs/extraction-json.md).
/// </summary>
public static class DossierJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Render(Dossier d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return JsonSerializer.Serialize(new
        {
            schema = "claimtrace.dossier/1",
            query = d.Query,
            claims = d.Claims.Select(c => new
            {
                id = c.Id,
                headline = DossierText.Headline(c),
                side = new { key = c.Side.Key, name = c.Side.Display, level = c.Side.Level, institution = c.Side.Institution, country = c.Side.Country, why = c.Side.Why },
                measure = c.Measure,
                family = c.Family,
                scope = c.Scope,
                value = c.Value,
                value_max = c.ValueMax,
                unit = c.Unit,
                qualifier = c.Qualifier,
                date = c.Date,
                reports = c.Reports.Select(r => new
                {
                    page = r.PageId,
                    outlet = r.Outlet,
                    page_name = d.PageName(r.PageId),
                    echo = r.IsEcho,
                    speaker = r.Side.Display,
                    speaker_written = r.SpeakerWritten,
                    statement = r.Statement,
                    quantity = r.Quantity,
                    measure = r.Measure,
                    value = r.Value,
                    unit = r.Unit,
                    qualifier = r.Qualifier,
                    scope = r.Scope,
                    date = r.Date,
                    date_how = r.DateHow,
                    start = r.Evidence.Start,
                    end = r.Evidence.End,
                    sentence_start = r.Sentence.Start,
                    sentence_end = r.Sentence.End,
                    sentence = d.SentenceOf(r),
                }),
                why = c.Why,
            }),
            conflicts = d.Conflicts.Select(c => new
            {
                kind = c.Kind,
                claim = c.Claim,
                other = c.Other,
                why = c.Why,
                evidence = new { page = c.Evidence.PageId, start = c.Evidence.Span.Start, end = c.Evidence.Span.End, text = d.EvidenceOf(c), by = c.Evidence.By, stance = c.Evidence.Stance },
            }),
            timelines = d.Timelines.Select(t => new { family = t.Family, scope = t.Scope, omitted = t.Omitted, points = t.Points.Select(p => new { claim = p.Id, date = p.Date, value = p.Value, family_value = p.FamilyValue, unit = p.Unit, scope = p.Scope, side = p.Side.Display }) }),
            same_events = d.SameEvents.Select(e => new { pages = e.Pages, why = e.Why }),
            copies = d.CopyLinks.Select(l => new { copy = l.CopyId, origin = l.OriginId, origin_outlet = l.OriginOutlet, direction = l.Direction.ToWire(), why = l.Explain() }),
        }, Options);
    }
}
