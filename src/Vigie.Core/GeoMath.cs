namespace Vigie.Core;

/// <summary>Distances and precision ranks shared by event merging, fusion and the timeline.</summary>
public static class GeoMath
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle distance in kilometres between two WGS84 points.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = ToRad(lat2 - lat1);
        var dLon = ToRad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(ToRad(lat1)) * Math.Cos(ToRad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Distance in kilometres between two locations.</summary>
    public static double DistanceKm(Location a, Location b) => DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon);

    /// <summary>How coarse a location precision is: point 0, city 1, district 2, province 3, country 4, region 5.</summary>
    /// <remarks>An unknown precision counts as a city: the gazetteer's default level.</remarks>
    public static int PrecisionRank(string? precision) => precision switch
    {
        "point" => 0,
        "city" => 1,
        "district" => 2,
        "province" => 3,
        "country" => 4,
        "region" => 5,
        _ => 1,
    };

    /// <summary>True for locations known only at country or region level.</summary>
    public static bool IsCoarse(Location l) => PrecisionRank(l.Precision) >= 4;


    private static double ToRad(double deg) => deg * Math.PI / 180.0;
}
