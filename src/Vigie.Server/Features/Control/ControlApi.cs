using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Vigie.Fusion;
using Vigie.Server.Infrastructure;

namespace Vigie.Server.Features.Control;

/// <summary>The span of dates the control timeline covers, and the days on which some place changed hands (for the time slider).</summary>
public sealed record ControlRange(string? First, string? Last, IReadOnlyList<string> Changes);

/// <summary><c>/api/control</c>: who controls which place on a date (CONTRACT §3 <c>control --format json</c>).</summary>
public static class ControlApi
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapControlApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/control").WithTags("Control");
        group.MapGet("/", AsOfAsync).WithName("ControlAsOf").WithSummary("Who controls each place on a day; the elements of `vigie control --format json`.");
        group.MapGet("/range", RangeAsync).WithName("ControlRange").WithSummary("The dates the control timeline covers and the days places changed hands.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<ControlEntry>>, ProblemHttpResult>> AsOfAsync(
        [Description("The day, YYYY-MM-DD (required).")][FromQuery(Name = "as_of")] string? asOf,
        [Description("Only places of this ISO 3166 alpha-2 country.")] string? country, EventSnapshotCache cache, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(asOf)) return Problems.BadRequest("'as_of' is required: a date YYYY-MM-DD.", "required", ("param", "as_of"));
        if (!Problems.TryParseDay(asOf, "as_of", out var day, out var problem)) return problem!;
        if (country is { Length: > 0 } && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
            return Problems.BadRequest($"'country' must be an ISO 3166 alpha-2 code such as AF, not '{country}'.", "invalid_country", ("param", "country"), ("value", country));
        var snapshot = await cache.GetAsync(ct);
        return TypedResults.Ok(snapshot.Control.AsOf(day!.Value, string.IsNullOrEmpty(country) ? null : country.ToUpperInvariant()));
    }

    private static async Task<Ok<ControlRange>> RangeAsync(EventSnapshotCache cache, CancellationToken ct)
    {
        var snapshot = await cache.GetAsync(ct);
        var changes = snapshot.Control.Timelines()
            .SelectMany(t => t.Periods.Select(p => p.PossibleFrom))
            .Distinct().Order()
            .Select(Day).ToList();
        return TypedResults.Ok(new ControlRange(snapshot.FirstControlDate is { } f ? Day(f) : null, snapshot.LastControlDate is { } l ? Day(l) : null, changes));
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
