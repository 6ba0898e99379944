using System.Text.Json;
using Vigie.Core;
using Vigie.Pipeline.Export;

namespace Vigie.Pipeline.Tests.Export;

public sealed class ExportTests
{
    private static readonly Location Kandahar = new("Kandahar", "AF", "Kandahar", 31.6133, 65.7101, "city", 1138336);
    private static readonly Location LashkarGah = new("Lashkar Gah", "AF", "Helmand", 31.5938, 64.3716, "city", 1147290);

    private static Event Taken(params Location[] places) => new(
        "ev1", "doc1", "fr", "territory_taken", EventTypeCatalog.Default.Get("territory_taken").CodesFor("REB"),
        new Actor("taliban", "Taliban", "AFG", "REB"), null, null, places, DateValue.OfDay(new DateOnly(2021, 8, 13), "friday"),
        [new Quantity("fatalities", 3, 3, false, false, false, "trois morts")], Modality.Claimed, 0.8,
        [new Evidence("doc1", 1, 0, 40, "Les talibans ont pris Kandahar, \"dit-on\".", "fr/test")]);

    private static async IAsyncEnumerable<Event> Stream(params Event[] events)
    {
        foreach (var e in events) yield return e;
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Acled_csv_has_acleds_columns_in_order_and_one_row_per_location()
    {
        var w = new StringWriter();
        var countries = (string cc) => cc == "AF" ? new CountryInfo("AF", "AFG", "004", "Afghanistan", "Southern Asia") : null;
        var rows = await AcledCsvWriter.WriteAsync(w, Stream(Taken(Kandahar, LashkarGah)), countries);
        var lines = w.ToString().TrimEnd().Split('\n');
        Assert.Equal(2, rows);
        Assert.Equal("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp", lines[0]);
        Assert.StartsWith("AFGev1-1,2021-08-13,2021,1,Political violence,Battles,Non-state actor overtakes territory,Taliban,,2,,,,20,,004,Southern Asia,Afghanistan,Kandahar,,,Kandahar,31.6133,65.7101,1,doc1,,", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"Les talibans ont pris Kandahar, \"\"dit-on\"\".\"", lines[1], StringComparison.Ordinal);
        Assert.Contains(",3,modality: claimed,", lines[1], StringComparison.Ordinal);
        Assert.Contains("Lashkar Gah", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_without_an_acled_type_are_not_exported()
    {
        var talks = Taken(Kandahar) with { Type = "talks" };
        var w = new StringWriter();
        Assert.Equal(0, await AcledCsvWriter.WriteAsync(w, Stream(talks), _ => null));
    }

    [Fact]
    public async Task Geojson_is_a_feature_collection_of_points_with_the_event_as_properties()
    {
        using var ms = new MemoryStream();
        var n = await GeoJsonWriter.WriteAsync(ms, Stream(Taken(Kandahar, LashkarGah)));
        using var doc = JsonDocument.Parse(ms.ToArray());
        Assert.Equal(2, n);
        Assert.Equal("FeatureCollection", doc.RootElement.GetProperty("type").GetString());
        var f = doc.RootElement.GetProperty("features")[0];
        Assert.Equal("Point", f.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(65.7101, f.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());
        Assert.Equal("territory_taken", f.GetProperty("properties").GetProperty("type").GetString());
    }
}
