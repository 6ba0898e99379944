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
    public string? Limit { get; init; }

    /// <summary>The <c>next_cursor</c> of the previous page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    /// <summary>The filter as given, for the one parser that the CLI shares.</summary>
    public EventFilter ToFilter() => new(Type, Actor, Country, Place, From, To, Modality, Q, Document, Limit, Cursor);
}

/// <summary>One event with the documents it was read in and the spans to highlight in them.</summary>
/// <param name="FusedId">The fused event (one per real-world event) this report belongs to, when fusion has seen it.</param>
public sealed record EventDetail(Event Event, IReadOnlyList<Document> Documents, IReadOnlyList<Highlight> Highlights, string? FusedId = null);

/// <summary><c>/api/events</c>: filtered, cursor-paged event lists and single events with their evidence.</summary>
public static class EventsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/events").WithTags("Events");
        group.MapGet("/", ListAsync).WithName("ListEvents").WithSummary("Events matching the filters, ordered by date then id, one page at a time.");
        group.MapGet("/{*id}", GetAsync).WithName("GetEvent").WithSummary("One event with its documents and the evidence spans to highlight.");
        return api;
    }

    /// <summary>Turns the query parameters into a store query, or says which one is wrong (the CLI's rules and messages).</summary>
    internal static (EventQuery? Query, ProblemHttpResult? Problem) ToQuery(EventFilters f, EngineHolder? engine = null)
    {
        var parsed = f.ToFilter().Parse(static n => $"'{n}'", engine is null ? null : engine.ActorIdOf);
        return parsed.Query is { } q ? (q, null) : (null, Problems.BadRequest(parsed.Error!));
    }

    private static async Task<Results<Ok<EventPage>, ProblemHttpResult>> ListAsync([AsParameters] EventFilters filters, IVigieStore store, EngineHolder engine, CancellationToken ct)
    {
        var (query, problem) = ToQuery(filters, engine);
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

    private static async Task<Results<Ok<EventDetail>, ProblemHttpResult>> GetAsync(string id, IVigieStore store, EngineHolder engine, EventSnapshotCache cache, CancellationToken ct)
    {
        id = EventEvidence.RouteId(id);
        var e = await store.GetEventAsync(id, ct);
        if (e is null) return Problems.NotFound($"No event with id '{id}'.");
        var (documents, highlights) = await EventEvidence.LoadAsync(e, store, engine, ct);
        var snapshot = await cache.GetAsync(ct);
        return TypedResults.Ok(new EventDetail(e, documents, highlights, snapshot.FusedIdOf(e.Id)));
    }
}
