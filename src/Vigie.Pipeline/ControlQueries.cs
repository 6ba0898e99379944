using Vigie.Core;
using Vigie.Fusion;
using Vigie.Geo;
using Vigie.Storage;
using Vigie.Text;

namespace Vigie.Pipeline;

/// <summary>The control timeline of what a store holds, with each place's feature class read from the gazetteer.</summary>
public static class ControlQueries
{
    /// <summary>Builds the timeline from every stored event of the control types.</summary>
    public static async Task<ControlTimeline> LoadTimelineAsync(IVigieStore store, Func<Location, string?>? featureOf, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var events = new List<Event>();
        foreach (var type in ControlTimeline.ControlTypes)
        {
            string? cursor = null;
            do
            {
                var page = await store.QueryEventsAsync(new EventQuery(Type: type, Limit: 1000, Cursor: cursor), ct);
                events.AddRange(page.Events);
                cursor = page.NextCursor;
            }
            while (cursor is not null);
        }
        return ControlTimeline.Rebuild(events, featureOf);
    }

    /// <summary>A feature lookup backed by the gazetteer: capital, provincial_capital, city, airport, province, country, region.</summary>
    public static Func<Location, string?> FeaturesFrom(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        return location =>
        {
            if (location.GeonamesId is not { } id || gazetteer.ByGeonamesId(id) is not { } place) return location.Precision;
            if (place.Flags.HasFlag(PlaceFlags.ProvincialCapital) && place.Kind != PlaceKind.Capital) return "provincial_capital";
            return place.Kind switch
            {
                PlaceKind.Capital => "capital",
                PlaceKind.Airport => "airport",
                PlaceKind.Admin1 or PlaceKind.Nation => "province",
                PlaceKind.Country => "country",
                PlaceKind.Region => "region",
                _ => "city",
            };
        };
    }

    /// <summary>The gazetteer under the data root (built by <c>tools/gazetteer/build.sh</c>).</summary>
    public static Gazetteer LoadGazetteer() => Gazetteer.Load(Path.Combine(DataPaths.Root, "geo", "gazetteer.bin"));
}
