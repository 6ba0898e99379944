using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Vigie.Core;
using Vigie.Fusion;
using Vigie.Server.Features.Events;
using Vigie.Server.Infrastructure;
using Vigie.Storage;

namespace Vigie.Server.Features.Fused;

/// <summary>One page of fused events (one per real-world event), the total that match, and the offset of the next page.</summary>
public sealed record FusedPage(IReadOnlyList<FusedEvent> Fused, int Total, int? NextOffset);

/// <summary>A fused event with every report merged into it, each with its documents and highlights, side by side.</summary>
public sealed record FusedDetail(FusedEvent Fused, IReadOnlyList<EventDetail> Reports);

/// <summary><c>/api/fused</c>: the events of every source merged into one per real-world event (the CLI's <c>fused</c>).</summary>
public static class FusedApi
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapFusedApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/fused").WithTags("Fused");
        group.MapGet("/", ListAsync).WithName("ListFused")
            .WithSummary("Fused events matching the filters of /api/events, newest first (sort=oldest for oldest first), one page at a time (offset).");
        group.MapGet("/{*id}", GetAsync).WithName("GetFused").WithSummary("One fused event with every report merged into it and their evidence.");
        return api;
    }

    private static async Task<Results<Ok<FusedPage>, ProblemHttpResult>> ListAsync(
        [AsParameters] EventFilters filters,
        [Description("`newest` (default) or `oldest` first.")] string? sort,
        [Description("How many fused events to skip: the `next_offset` of the previous page.")] string? offset,
        [Description("Only fused events told by at least this many sources (default 1).")][FromQuery(Name = "min_sources")] string? minSources,
        EventSnapshotCache cache, LazyEngine engine, CancellationToken ct)
    {
        var (query, problem) = EventsApi.ToQuery(filters with { Cursor = null }, engine);
        if (query is null) return problem!;
        if (sort is { Length: > 0 } && sort is not ("newest" or "oldest")) return Problems.InvalidChoice("sort", sort, "newest", "oldest");
        var skip = 0;
        if (offset is { Length: > 0 } && (!int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out skip)))
            return Problems.BadRequest("'offset' must be a whole number of events to skip.", "not_whole_number", ("param", "offset"), ("min", "0"));
        var sources = 1;
        if (minSources is { Length: > 0 } && (!int.TryParse(minSources, NumberStyles.None, CultureInfo.InvariantCulture, out sources) || sources < 1))
            return Problems.BadRequest("'min_sources' must be a whole number of 1 or more.", "not_whole_number", ("param", "min_sources"), ("min", "1"));
        var snapshot = await cache.GetAsync(ct);
        var matching = Matching(snapshot, query, sources);
        if (sort == "oldest") matching.Reverse();
        var page = matching.Skip(skip).Take(query.Limit).ToList();
        var next = skip + page.Count < matching.Count ? skip + page.Count : (int?)null;
        return TypedResults.Ok(new FusedPage(page, matching.Count, next));
    }

    /// <summary>The fused events that pass the query, newest first.</summary>
    internal static List<FusedEvent> Matching(EventSnapshot snapshot, EventQuery query, int minSources = 1) =>
        snapshot.Fused.NewestFirst.Where(f => f.SourcesCount >= minSources && EventMatch.Matches(f.Event, query)).ToList();

    private static async Task<Results<Ok<FusedDetail>, ProblemHttpResult>> GetAsync([Description("The fused event id (URL-encoded).")] string id, IVigieStore store, EventSnapshotCache cache, CancellationToken ct)
    {
        id = EventEvidence.RouteId(id);
        var snapshot = await cache.GetAsync(ct);
        if (snapshot.Fused.ById.GetValueOrDefault(id) is not { } fused) return Problems.NotFound("fused", id);
        var reports = new List<EventDetail>();
        foreach (var memberId in fused.MemberIds)
        {
            if (await store.GetEventAsync(memberId, ct) is not { } e) continue;
            var (documents, highlights) = await EventEvidence.LoadAsync(e, store, ct);
            reports.Add(new EventDetail(e, documents, highlights, fused.Id));
        }
        return TypedResults.Ok(new FusedDetail(fused, reports));
    }
}
