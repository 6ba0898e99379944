using Vigie.Core;

namespace Vigie.Fusion;

/// <summary>Where the fuser looks for events that may merge with a new one: held events by type family and month,
/// and by 1° cell for sub-national places or by country for coarse ones (a country, a province), so that a new event
/// is compared only with its neighbours in time and space.</summary>
internal sealed class CandidateIndex
{
    private readonly Dictionary<(string Family, int Month, int X, int Y), List<int>> _cells = [];
    private readonly Dictionary<(string Family, int Month, string Country), List<int>> _coarse = [];
    private readonly Dictionary<(string Family, int Month, string Country), List<int>> _byCountry = [];

    /// <summary>Files held event <paramref name="i"/> under its family, every month of its (widened) window, and each
    /// of its places.</summary>
    public void Add(int i, string family, DateWindow window, IReadOnlyList<Location> locations)
    {
        foreach (var m in Months(window))
            foreach (var l in locations)
            {
                var country = l.Country ?? "";
                AddTo(_byCountry, (family, m, country), i);
                if (GeoMath.IsCoarse(l)) AddTo(_coarse, (family, m, country), i);
                else { var (x, y) = Cell(l); AddTo(_cells, (family, m, x, y), i); }
            }
    }

    /// <summary>The held events of a family in the window's months near any of the places: within
    /// <paramref name="radiusKm"/> of a sub-national place (and the coarse places of its country), or anywhere in the
    /// country of a coarse one.</summary>
    public HashSet<int> Near(string family, DateWindow window, IReadOnlyList<Location> locations, double radiusKm)
    {
        var found = new HashSet<int>();
        foreach (var m in Months(window))
            foreach (var l in locations)
            {
                var country = l.Country ?? "";
                if (GeoMath.IsCoarse(l))
                {
                    if (_byCountry.TryGetValue((family, m, country), out var all)) found.UnionWith(all);
                    continue;
                }
                if (_coarse.TryGetValue((family, m, country), out var coarse)) found.UnionWith(coarse);
                var (cx, cy) = Cell(l);
                var dy = (int)Math.Ceiling(radiusKm / 111.0);
                var cos = Math.Max(0.05, Math.Cos(l.Lat * Math.PI / 180));
                var dx = Math.Min(180, (int)Math.Ceiling(radiusKm / (111.32 * cos)));
                for (var x = cx - dx; x <= cx + dx; x++)
                    for (var y = cy - dy; y <= cy + dy; y++)
                        if (_cells.TryGetValue((family, m, x, y), out var list)) found.UnionWith(list);
            }
        return found;
    }

    private static int MonthKey(DateOnly d) => d.Year * 12 + d.Month - 1;

    private static IEnumerable<int> Months(DateWindow w)
    {
        for (var m = MonthKey(w.First); m <= MonthKey(w.Last); m++) yield return m;
    }

    private static (int X, int Y) Cell(Location l) => ((int)Math.Floor(l.Lon), (int)Math.Floor(l.Lat));

    private static void AddTo<TKey>(Dictionary<TKey, List<int>> index, TKey key, int i) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        if (list.Count == 0 || list[^1] != i) list.Add(i);
    }
}
