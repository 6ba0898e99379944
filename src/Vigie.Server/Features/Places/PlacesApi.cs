using System.ComponentModel;
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
        [Description("Words of the place's name, ignoring case and accents.")] string? q,
        [Description("Only places of this ISO 3166 alpha-2 country.")] string? country,
        [Description("How many places, 1 to 200 (default 20).")] int? limit, IVigieStore store, CancellationToken ct)
    {
        var n = limit ?? 20;
        if (n is < 1 or > 200) return Problems.OutOfRange("limit", 1, 200);
        return TypedResults.Ok(await store.SearchPlacesAsync(new PlaceQuery(q, country, n), ct));
    }
}
