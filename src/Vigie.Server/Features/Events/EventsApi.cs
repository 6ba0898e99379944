using System.ComponentModel;
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
    [Description("Event type, e.g. `territory_taken`.")]
    [FromQuery(Name = "type")]
    public string? Type { get; init; }

    /// <summary>Actor id or name.</summary>
    [Description("Actor id or name.")]
    [FromQuery(Name = "actor")]
    public string? Actor { get; init; }

    /// <summary>ISO 3166 alpha-2 country of a location.</summary>
    [Description("ISO 3166 alpha-2 country of a location.")]
    [FromQuery(Name = "country")]
    public string? Country { get; init; }

    /// <summary>Place name or GeoNames id.</summary>
    [Description("Place name or GeoNames id.")]
    [FromQuery(Name = "place")]
    public string? Place { get; init; }

    /// <summary>First day, YYYY-MM-DD (inclusive).</summary>
    [Description("First day, YYYY-MM-DD (inclusive).")]
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    /// <summary>Last day, YYYY-MM-DD (inclusive).</summary>
    [Description("Last day, YYYY-MM-DD (inclusive).")]
    [FromQuery(Name = "to")]
    public string? To { get; init; }

    /// <summary><c>asserted</c>, <c>claimed</c>, <c>planned</c>, <c>conditional</c>, <c>negated</c>, <c>denied</c> or <c>question</c>.</summary>
    [Description("`asserted`, `claimed`, `planned`, `conditional`, `negated`, `denied` or `question`.")]
    [FromQuery(Name = "modality")]
    public string? Modality { get; init; }

    /// <summary>Words of the evidence sentences.</summary>
    [Description("Words of the evidence sentences.")]
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>Only the events of this document.</summary>
    [Description("Only the events of this document.")]
    [FromQuery(Name = "document")]
    public string? Document { get; init; }

    /// <summary>Page size, 1 to 500 (default 100).</summary>
    [Description("Page size, 1 to 500 (default 100).")]
    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    /// <summary>The <c>next_cursor</c> of the previous page.</summary>
    [Description("The `next_cursor` of the previous page.")]
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    /// <summary>The filter as given, for the one parser that the CLI shares.</summary>
    public EventFilter ToFilter() => new(Type, Actor, Country, Place, From, To, Modality, Q, Document, Limit, Cursor);
}

/// <summary>One event with the documents it was read in and the spans to highlight in them.</summary>
/// <param name="Event">The event.</param>
/// <param name="Documents">The documents of its evidence.</param>
/// <param name="Highlights">The spans to highlight in those documents, by document and offset.</param>
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
    internal static (EventQuery? Query, ProblemHttpResult? Problem) ToQuery(EventFilters f, LazyEngine? engine = null)
    {
        var parsed = f.ToFilter().Parse(static n => $"'{n}'", engine is null ? null : engine.ActorIdOf);
        return parsed.Query is { } q ? (q, null)
            : (null, Problems.BadRequest(parsed.Error!, parsed.ErrorCode ?? "invalid_query", [.. parsed.ErrorArgs.Select(a => (a.Key, (string?)a.Value))]));
    }

    private static async Task<Results<EventPageJson, ProblemHttpResult>> ListAsync([AsParameters] EventFilters filters, IVigieStore store, LazyEngine engine, CancellationToken ct)
    {
        var (query, problem) = ToQuery(filters, engine);
        if (query is null) return problem!;
        try
        {
            return new EventPageJson(await store.QueryEventsJsonAsync(query, ct));
        }
        catch (ArgumentException ex)
        {
            return Problems.BadRequest(ex.Message.Split(" (Parameter", 2)[0], "invalid_query");
        }
    }

    private static async Task<Results<Ok<EventDetail>, ProblemHttpResult>> GetAsync([Description("The event id (URL-encoded: ids may hold '/').")] string id, IVigieStore store, EventSnapshotCache cache, CancellationToken ct)
    {
        id = EventEvidence.RouteId(id);
        var e = await store.GetEventAsync(id, ct);
        if (e is null) return Problems.NotFound("event", id);
        var (documents, highlights) = await EventEvidence.LoadAsync(e, store, ct);
        var snapshot = await cache.GetAsync(ct);
        return TypedResults.Ok(new EventDetail(e, documents, highlights, snapshot.FusedIdOf(e.Id)));
    }
}
