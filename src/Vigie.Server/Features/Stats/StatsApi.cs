using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigie.Core;
using Vigie.Server.Infrastructure;
using Vigie.Storage;

namespace Vigie.Server.Features.Stats;

/// <summary>One event type with its codes, for labels and legends.</summary>
public sealed record EventTypeView(string Type, string? Cameo, string? Plover, string? AcledEventType, string? AcledSubEventType, string? Case2021);

/// <summary><c>/api/stats</c> and <c>/api/types</c>: what the database holds and the event types Vigie knows.</summary>
public static class StatsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapStatsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/stats", async Task<Ok<StoreStats>> (IVigieStore store, CancellationToken ct) => TypedResults.Ok(await store.GetStatsAsync(ct)))
            .WithTags("Stats").WithName("Stats").WithSummary("What the database holds; the shape of `vigie stats --format json`.");
        api.MapGet("/types", () => TypedResults.Ok<IReadOnlyList<EventTypeView>>(EventTypeCatalog.Default.All
                .Select(t => new EventTypeView(t.Type, t.Cameo, t.Plover, t.AcledEventType, t.AcledSubEventType, t.Case2021)).ToList()))
            .WithTags("Stats").WithName("EventTypes").WithSummary("Every event type with its CAMEO, PLOVER, ACLED and CASE 2021 codes.");
        api.MapGet("/histogram", async Task<Ok<IReadOnlyList<DayCount>>> (EventSnapshotCache cache, CancellationToken ct) => TypedResults.Ok((await cache.GetAsync(ct)).PerDay))
            .WithTags("Stats").WithName("EventsPerDay").WithSummary("How many stored events start on each day (the time slider's histogram), oldest first.");
        return api;
    }
}
