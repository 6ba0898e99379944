using Vigie.Core;

namespace Vigie.Fusion.Tests;

/// <summary>Synthetic events for specification tests.</summary>
internal static class Build
{
    public static readonly Actor Taliban = new("taliban", "Taliban", "AFG", "REB");
    public static readonly Actor Government = new("afg_government", "Afghan government", "AFG", "GOV");
    public static readonly Actor Army = new("afg_army", "Afghan army", "AFG", "MIL");
    public static readonly Actor Wagner = new("wagner", "Wagner Group", "RUS", "MIL");

    public static readonly Location Kandahar = new("Kandahar", "AF", "Kandahar", 31.61332, 65.71013, "city", 1138336);
    public static readonly Location Herat = new("Herat", "AF", "Herat", 34.34817, 62.19967, "city", 1140026);
    public static readonly Location Kabul = new("Kabul", "AF", "Kabul", 34.52813, 69.17233, "city", 1138958);
    public static readonly Location Zaranj = new("Zaranj", "AF", "Nimruz", 30.95962, 61.86037, "city", 1120985);
    public static readonly Location Kunduz = new("Kunduz", "AF", "Kunduz", 36.72895, 68.857, "city", 1135689);
    public static readonly Location Afghanistan = new("Afghanistan", "AF", null, 33.0, 65.0, "country", 1149361);
    public static readonly Location Bamako = new("Bamako", "ML", "Bamako", 12.6392, -8.0029, "city", 2460596);

    /// <summary>A place <paramref name="km"/> kilometres north of <paramref name="from"/>.</summary>
    public static Location North(Location from, double km, string precision = "city", string? name = null) =>
        new(name ?? $"{from.Name}+{km}km", from.Country, from.Admin1, from.Lat + km / 111.195, from.Lon, precision, null);

    public static DateValue Day(string iso) => new(iso, DatePrecision.Day);

    public static DateValue Month(string iso) => new(iso, DatePrecision.Month);

    private static int _seq;

    public static Event Ev(
        string document,
        string type = "territory_taken",
        Actor? actor1 = null,
        Location? at = null,
        DateValue? date = null,
        Modality modality = Modality.Asserted,
        Actor? actor2 = null,
        string? id = null,
        double confidence = 0.8,
        params Quantity[] quantities)
    {
        var n = Interlocked.Increment(ref _seq);
        id ??= $"{document}-e{n}";
        var location = at ?? Kandahar;
        return new Event(
            id, document, "en", type, new EventCodes(null, null, null, null),
            actor1, actor2, modality == Modality.Claimed ? actor1 : null,
            [location], date, quantities, modality, confidence,
            [new Evidence(document, 1, 0, 10, $"{type} at {location.Name}", "test/rule")]);
    }

    public static Quantity Killed(decimal low, decimal? high = null, bool atLeast = false, bool about = false) =>
        new("fatalities", low, high ?? low, about, atLeast, false, $"{low}");
}
