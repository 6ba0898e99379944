using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigie.Server.Infrastructure;
using Vigie.Storage;

namespace Vigie.Server.Features.Places;

/// <summary><c>/api/places</c>: the places stored events name, searched by name.</summary>
public static class PlacesApi
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapPlacesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGroup("/places").WithTags("Places")
            .MapGet("/", SearchAsync).WithName("SearchPlaces")
            .WithSummary("Places named by stored events whose name starts with (then contains) the words of q, ignoring case and accents; most events first.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<PlaceSummary>>, ProblemHttpResult>> SearchAsync(
        string? q, string? country, int? limit, EventSnapshotCache cache, CancellationToken ct)
    {
        var n = limit ?? 20;
        if (n is < 1 or > 200) return Problems.BadRequest("'limit' must be between 1 and 200.");
        var snapshot = await cache.GetAsync(ct);
        var folded = string.IsNullOrWhiteSpace(q) ? "" : Vigie.Text.Folding.Fold(q);
        IEnumerable<PlaceSummary> places = snapshot.Places;
        if (!string.IsNullOrWhiteSpace(country)) places = places.Where(p => string.Equals(p.Country, country.Trim(), StringComparison.OrdinalIgnoreCase));
        var list = places
            .Select(p => (Place: p, Name: Vigie.Text.Folding.Fold(p.Name)))
            .Where(x => folded.Length == 0 || x.Name.Contains(folded, StringComparison.Ordinal))
            .OrderBy(x => x.Name.StartsWith(folded, StringComparison.Ordinal) ? 0 : 1)
            .ThenByDescending(x => x.Place.Events).ThenBy(x => x.Place.Name, StringComparer.Ordinal)
            .Take(n).Select(x => x.Place).ToList();
        return TypedResults.Ok<IReadOnlyList<PlaceSummary>>(list);
    }
}
