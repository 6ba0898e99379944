using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Vigie.Core;
using Vigie.Server.Infrastructure;
using Vigie.Storage;

namespace Vigie.Server.Features.Events;

/// <summary>The filters of <c>GET /api/events</c>, all optional (CONTRACT §3 <c>events</c>).</summary>
public sealed record EventFilters
{
    /// <summary>Event type, e.g. <c>territory_taken</c>.</summary>
    [FromQuery(Name = "type")]
    public string? Type { get; init; }

    /// <summary>Actor id or name.</summary>
    [FromQuery(Name = "actor")]
    public string? Actor { get; init; }

    /// <summary>ISO 3166 alpha-2 country of a location.</summary>
    [FromQuery(Name = "country")]
    public string? Country { get; init; }

    /// <summary>Place name or GeoNames id.</summary>
    [FromQuery(Name = "place")]
    public string? Place { get; init; }

    /// <summary>First day, YYYY-MM-DD (inclusive).</summary>
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    /// <summary>Last day, YYYY-MM-DD (inclusive).</summary>
    [FromQuery(Name = "to")]
    public string? To { get; init; }

    /// <summary><c>asserted</c>, <c>claimed</c>, <c>planned</c>, <c>conditional</c>, <c>negated</c>, <c>denied</c> or <c>question</c>.</summary>
    [FromQuery(Name = "modality")]
    public string? Modality { get; init; }

    /// <summary>Words of the evidence sentences.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>Only the events of this document.</summary>
    [FromQuery(Name = "document")]
    public string? Document { get; init; }

    /// <summary>Page size, 1 to 500 (default 100).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>The <c>next_cursor</c> of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}

/// <summary>One event with the documents it was read in and the spans to highlight in them.</summary>
public sealed record EventDetail(Event Event, IReadOnlyList<Document> Documents, IReadOnlyList<Highlight> Highlights);

/// <summary><c>/api/events</c>: filtered, cursor-paged event lists and single events with their evidence.</summary>
public static class EventsApi
{
    private const int MaxLimit = 500;

    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/events").WithTags("Events");
        group.MapGet("/", ListAsync).WithName("ListEvents").WithSummary("Events matching the filters, ordered by date then id, one page at a time.");
        group.MapGet("/{id}", GetAsync).WithName("GetEvent").WithSummary("One event with its documents and the evidence spans to highlight.");
        return api;
    }

    /// <summary>Turns the query parameters into a store query, or says which one is wrong.</summary>
    internal static (EventQuery? Query, ProblemHttpResult? Problem) ToQuery(EventFilters f)
    {
        if (!Problems.TryParseDay(f.From, "from", out var from, out var p1)) return (null, p1);
        if (!Problems.TryParseDay(f.To, "to", out var to, out var p2)) return (null, p2);
        if (from is not null && to is not null && from > to) return (null, Problems.BadRequest("'from' must not be after 'to'."));
        Modality? modality = null;
        if (!string.IsNullOrWhiteSpace(f.Modality))
        {
            if (!Enum.TryParse<Modality>(f.Modality.Trim(), ignoreCase: true, out var m) || !Enum.IsDefined(m) || int.TryParse(f.Modality, out _))
                return (null, Problems.BadRequest($"'modality' must be one of: {string.Join(", ", Enum.GetNames<Modality>().Select(n => n.ToLowerInvariant()))}."));
            modality = m;
        }
        var limit = f.Limit ?? 100;
        if (limit is < 1 or > MaxLimit) return (null, Problems.BadRequest($"'limit' must be between 1 and {MaxLimit}."));
        if (f.Type is { Length: > 0 } type && EventTypeCatalog.Default.Find(type) is null)
            return (null, Problems.BadRequest($"'type' '{type}' is not an event type."));
        if (f.Country is { } c && !string.IsNullOrWhiteSpace(c) && (c.Trim().Length != 2 || !c.Trim().All(char.IsAsciiLetter)))
            return (null, Problems.BadRequest("'country' must be an ISO 3166 alpha-2 code such as AF."));
        return (new EventQuery(
            Type: Blank(f.Type), Actor: Blank(f.Actor), Country: Blank(f.Country)?.ToUpperInvariant(), Place: Blank(f.Place),
            From: from, To: to, Modality: modality, Text: Blank(f.Q), Document: Blank(f.Document), Limit: limit, Cursor: Blank(f.Cursor)), null);
    }

    private static async Task<Results<Ok<EventPage>, ProblemHttpResult>> ListAsync([AsParameters] EventFilters filters, IVigieStore store, CancellationToken ct)
    {
        var (query, problem) = ToQuery(filters);
        if (query is null) return problem!;
        try
        {
            return TypedResults.Ok(await store.QueryEventsAsync(query, ct));
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(ex.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static async Task<Results<Ok<EventDetail>, ProblemHttpResult>> GetAsync(string id, IVigieStore store, EngineHolder engine, CancellationToken ct)
    {
        var e = await store.GetEventAsync(id, ct);
        if (e is null) return Problems.NotFound($"No event with id '{id}'.");
        var documents = new List<Document>();
        var highlights = new List<Highlight>();
        foreach (var docId in e.Evidence.Select(ev => ev.Document).Prepend(e.Document).Distinct(StringComparer.Ordinal))
        {
            var doc = await store.GetDocumentAsync(docId, ct);
            if (doc is null) continue;
            documents.Add(doc);
            var analysis = engine.AnalysisOf(doc);
            highlights.AddRange(EvidenceHighlighter.Find(e, doc, analysis?.Mentions ?? [], analysis?.Triggers?.GetValueOrDefault(e.Id)));
        }
        return TypedResults.Ok(new EventDetail(e, documents, highlights));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
