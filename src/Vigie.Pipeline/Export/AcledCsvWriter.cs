using System.Globalization;
using CsvHelper;
using Vigie.Core;

namespace Vigie.Pipeline.Export;

/// <summary>Writes events in the columns and order of ACLED's public export, one row per event and location.</summary>
public static class AcledCsvWriter
{
    /// <summary>ACLED's columns, in its order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    /// <summary>Writes the header and one row per event location (events without an ACLED type are left out);
    /// <paramref name="clock"/> gives the <c>timestamp</c> column (the system clock when null).</summary>
    public static async Task<int> WriteAsync(TextWriter writer, IAsyncEnumerable<Event> events, Func<string, CountryInfo?> country,
        TimeProvider? clock = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(events);
        await using var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
        await csv.WriteRecordAsync([.. Columns], ct);
        var rows = 0;
        var catalog = EventTypeCatalog.Default;
        var timestamp = (clock ?? TimeProvider.System).GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await foreach (var e in events.WithCancellation(ct))
        {
            var info = catalog.Find(e.Type);
            if (info?.AcledEventType is null) continue;
            var codes = info.CodesFor(e.Actor1?.Role);
            var locations = e.Locations.Count > 0 ? e.Locations : [null!];
            var n = 0;
            foreach (var l in locations)
            {
                n++;
                var c = l?.Country is { } cc ? country(cc) : null;
                var day = e.Date?.FirstDay;
                var fatalities = e.Quantities.Where(q => q.Kind == "fatalities").Select(q => q.Low).DefaultIfEmpty(0).Max();
                var inter1 = Inter(e.Actor1?.Role);
                var inter2 = Inter(e.Actor2?.Role);
                string[] row =
                [
                    $"{c?.Iso3 ?? "XXX"}{e.Id}{(locations.Count > 1 ? "-" + n.ToString(CultureInfo.InvariantCulture) : "")}",
                    day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    day?.Year.ToString(CultureInfo.InvariantCulture) ?? "",
                    TimePrecision(e.Date),
                    info.DisorderType ?? "",
                    info.AcledEventType,
                    codes.AcledSubEventType ?? "",
                    e.Actor1?.Name ?? "",
                    "",
                    inter1,
                    e.Actor2?.Name ?? "",
                    "",
                    inter2,
                    Interaction(inter1, inter2),
                    e.Actor2?.Role == "CVL" ? "Civilian targeting" : "",
                    c?.IsoNumeric ?? "",
                    c?.Region ?? "",
                    c?.Name ?? l?.Country ?? "",
                    l?.Admin1 ?? "",
                    "",
                    "",
                    l?.Name ?? "",
                    l is null ? "" : l.Lat.ToString("0.0000", CultureInfo.InvariantCulture),
                    l is null ? "" : l.Lon.ToString("0.0000", CultureInfo.InvariantCulture),
                    GeoPrecision(l?.Precision),
                    e.Document,
                    "",
                    string.Join(" ", e.Evidence.Select(x => x.Text)),
                    fatalities.ToString(CultureInfo.InvariantCulture),
                    e.Modality == Modality.Asserted ? "" : "modality: " + VigieJson.Serialize(e.Modality).Trim('"'),
                    timestamp,
                ];
                await csv.WriteRecordAsync(row, ct);
                rows++;
            }
        }
        await csv.FlushAsync(ct);
        return rows;
    }

    /// <summary>ACLED's time precision: 1 day, 2 week, 3 month or more.</summary>
    private static string TimePrecision(DateValue? d) => d?.Precision switch
    {
        DatePrecision.Day => "1",
        DatePrecision.Week => "2",
        null => "",
        _ => "3",
    };

    /// <summary>ACLED's geo precision: 1 the place itself, 2 a part of a region near it, 3 a larger region.</summary>
    private static string GeoPrecision(string? p) => p switch
    {
        "point" or "city" => "1",
        "district" => "2",
        null => "",
        _ => "3",
    };

    /// <summary>ACLED's actor type codes (inter1/inter2) from the CAMEO-style role.</summary>
    private static string Inter(string? role) => role switch
    {
        "GOV" or "MIL" or "POL" or "SPY" => "1",
        "REB" or "INS" => "2",
        "PTY" or "MLT" => "3",
        "ETH" => "4",
        "OPP" => "5",
        "CVL" or "MED" or "BUS" or "REF" or "HLH" or "EDU" => "7",
        "IGO" or "NGO" => "8",
        null => "",
        _ => "8",
    };

    private static string Interaction(string a, string b)
    {
        if (a.Length == 0) return "";
        if (b.Length == 0) return a + "0";
        return string.CompareOrdinal(a, b) <= 0 ? a + b : b + a;
    }
}
