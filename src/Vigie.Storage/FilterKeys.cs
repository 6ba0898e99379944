using System.Globalization;
using Vigie.Core;

namespace Vigie.Storage;

/// <summary>The keys an event is indexed by for the actor, country and place filters, written beside its date so that a
/// filtered page reads its events already in date order (table <c>event_keys</c> in both stores).</summary>
/// <remarks>One table for every such filter: the query walks the rows of one key from the page's start and stops after a
/// page, instead of collecting every match and sorting it. Both stores derive keys here so they answer alike.</remarks>
internal static class FilterKeys
{
    /// <summary>Every key of one event, each once.</summary>
    public static IReadOnlyCollection<string> Of(Event e)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in new[] { e.Actor1, e.Actor2, e.Claimant })
        {
            if (a is null) continue;
            keys.Add("a:" + a.Id);
            keys.Add("a:" + Vigie.Text.Folding.Fold(a.Name));
        }
        foreach (var l in e.Locations)
        {
            if (l.Country is { Length: > 0 } c) keys.Add("c:" + c.ToUpperInvariant());
            keys.Add("p:" + Vigie.Text.Folding.Fold(l.Name));
            if (l.GeonamesId is { } g) keys.Add("g:" + g.ToString(CultureInfo.InvariantCulture));
        }
        return keys;
    }

    /// <summary>An actor filter matches the actor's id or its name, each as typed or folded (ids and folded names share
    /// one key space, so an actor whose id is its folded name, as most are, has one key).</summary>
    public static string[] ForActor(string actor) => Distinct("a:" + actor, "a:" + Vigie.Text.Folding.Fold(actor));

    /// <summary>A country filter matches a location's ISO code, in any case.</summary>
    public static string[] ForCountry(string country) => ["c:" + country.ToUpperInvariant()];

    /// <summary>A place filter matches a location's folded name, or its GeoNames id when the filter is one.</summary>
    public static string[] ForPlace(string place)
    {
        var byName = "p:" + Vigie.Text.Folding.Fold(place);
        return long.TryParse(place, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id.ToString(CultureInfo.InvariantCulture) == place
            ? Distinct(byName, "g:" + place)
            : [byName];
    }

    /// <summary>The key filters of a query, each a set of alternative keys (any of them matches), most selective first.</summary>
    public static List<string[]> Of(EventQuery q)
    {
        var filters = new List<string[]>(3);
        if (q.Place is not null) filters.Add(ForPlace(q.Place));
        if (q.Actor is not null) filters.Add(ForActor(q.Actor));
        if (q.Country is not null) filters.Add(ForCountry(q.Country));
        return filters;
    }

    private static string[] Distinct(string a, string b) => a == b ? [a] : [a, b];
}
