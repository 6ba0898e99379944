using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Vigie.Core;
using Vigie.Pipeline.Export;
using Vigie.Server.Features.Events;
using Vigie.Server.Features.Fused;
using Vigie.Server.Infrastructure;
using Vigie.Storage;

namespace Vigie.Server.Features.Export;

/// <summary><c>/api/export</c>: the events that the filters select, as the files of <c>vigie export</c>.</summary>
public static class ExportApi
{
    /// <summary>Maps the endpoint.</summary>
    public static RouteGroupBuilder MapExportApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/export", ExportAsync).WithTags("Export").WithName("Export")
            .WithSummary("Every event matching the filters of /api/events as a file: format=jsonl (default), acled-csv (ACLED's columns) or geojson; view=fused for one row per real-world event.");
        return api;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportAsync(
        HttpContext http, [AsParameters] EventFilters filters,
        [Description("`jsonl` (default), `acled-csv` or `geojson`.")] string? format,
        [Description("`raw` (default: every extracted event) or `fused` (one row per real-world event).")] string? view, IVigieStore store, EventSnapshotCache cache, LazyEngine engine, CancellationToken ct)
    {
        var f = string.IsNullOrWhiteSpace(format) ? "jsonl" : format.Trim();
        if (!EventExport.Formats.Contains(f)) return Problems.InvalidChoice("format", f, [.. EventExport.Formats]);
        if (view is { Length: > 0 } && view is not ("fused" or "raw")) return Problems.InvalidChoice("view", view, "fused", "raw");
        var (query, problem) = EventsApi.ToQuery(filters with { Cursor = null, Limit = null }, engine);
        if (query is null) return problem!;
        IAsyncEnumerable<Event> events = view == "fused"
            ? Fused(FusedApi.Matching(await cache.GetAsync(ct), query))
            : Pages(store, query with { Limit = EventFilter.MaxLimit }, ct);
        http.Response.ContentType = EventExport.ContentType(f);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"vigie-{(view == "fused" ? "fused" : "events")}.{EventExport.Extension(f)}\"";
        // The writers end with a flush that the compressing body may do synchronously.
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } body) body.AllowSynchronousIO = true;
        await EventExport.WriteAsync(http.Response.Body, f, events, ct);
        return TypedResults.Empty;
    }

    private static async IAsyncEnumerable<Event> Fused(IEnumerable<Vigie.Fusion.FusedEvent> fused)
    {
        foreach (var x in fused) yield return x.Event;
        await Task.CompletedTask;
    }

    private static async IAsyncEnumerable<Event> Pages(IVigieStore store, EventQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? cursor = null;
        do
        {
            var page = await store.QueryEventsAsync(query with { Cursor = cursor }, ct);
            foreach (var e in page.Events) yield return e;
            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }
}
