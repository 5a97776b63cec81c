using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimTrace;

/// <summary>
/// A <see cref="LinkResult"/> to and from the rows the store keeps (<see cref="LinkSnapshot"/>): each claim, conflict,
/// event and inferred date as JSON. Timelines are not stored: they are read off the claims and conflicts again,
/// as the linker does. Doubles round-trip exactly, so a loaded result equals the one saved.
/// </summary>
public static class LinkResultJson
{
    private const string Conflict = "conflict";
    private const string Event = "event";
    private const string Inferred = "inferred_date";
    private const string PageDate = "page_date";

    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static LinkSnapshot ToSnapshot(LinkResult result, LinkState state)
    {
        ArgumentNullException.ThrowIfNull(result);
        var claims = result.Claims.Select(c => new StoredClaim(
            c.Id, c.Family, c.Measure, c.Unit, c.Scope, c.Side.Key, c.Side.Display, c.Value, c.Date, c.Reports.Count, c.Pages,
            JsonSerializer.Serialize(c, Options))).ToList();
        var parts = new List<LinkPart>();
        parts.AddRange(result.Conflicts.Select(c => new LinkPart(Conflict, JsonSerializer.Serialize(c, Options))));
        parts.AddRange(result.SameEvents.Select(e => new LinkPart(Event, JsonSerializer.Serialize(e, Options))));
        parts.AddRange(result.InferredDates.Select(d => new LinkPart(Inferred, JsonSerializer.Serialize(d, Options))));
        parts.AddRange(result.PageDates.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new LinkPart(PageDate, JsonSerializer.Serialize(new StoredPageDate(p.Key, p.Value.Date, p.Value.How), Options))));
        return new LinkSnapshot(state with { Claims = claims.Count, Conflicts = result.Conflicts.Count }, claims, parts);
    }

    /// <exception cref="StoreException">A stored body is not a claim, conflict, event or date this build can read.</exception>
    public static LinkResult FromSnapshot(LinkSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var claims = snapshot.Claims.Select(c => Read<Claim>(c.Body, $"claim {c.Id}")).ToList();
        var conflicts = new List<Conflict>();
        var events = new List<SameEvent>();
        var inferred = new List<InferredDate>();
        var pageDates = new Dictionary<string, (string Date, string How)>(StringComparer.Ordinal);
        foreach (var part in snapshot.Parts)
        {
            switch (part.Kind)
            {
                case Conflict:
                    conflicts.Add(Read<Conflict>(part.Body, "a conflict"));
                    break;
                case Event:
                    events.Add(Read<SameEvent>(part.Body, "an event"));
                    break;
                case Inferred:
                    inferred.Add(Read<InferredDate>(part.Body, "an inferred date"));
                    break;
                case PageDate:
                    var date = Read<StoredPageDate>(part.Body, "a page date");
                    pageDates[date.PageId] = (date.Date, date.How);
                    break;
                default:
                    throw new StoreException($"The stored claims hold a part of kind '{part.Kind}' this build does not know; run 'claimtrace relink'.");
            }
        }

        return new LinkResult(claims, events, conflicts, ClaimLinker.Timelines(claims, conflicts), inferred, pageDates);
    }

    /// <summary>The whole result as one JSON text: two results are the same when their texts are.</summary>
    public static string Canonical(LinkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var snapshot = ToSnapshot(result, new LinkState("", DateTimeOffset.UnixEpoch, 0, 0, 0));
        return JsonSerializer.Serialize(new { claims = snapshot.Claims.Select(c => c.Body), parts = snapshot.Parts }, Options);
    }

    private static T Read<T>(string body, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Options) ?? throw new StoreException($"The stored {what} is empty; run 'claimtrace relink'.");
        }
        catch (JsonException e)
        {
            throw new StoreException($"The stored {what} cannot be read ({e.Message}); run 'claimtrace relink'.", e);
        }
    }

    private sealed record StoredPageDate(string PageId, string Date, string How);
}
