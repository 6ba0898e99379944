using Vigie.Core;
using Vigie.Text;

namespace Vigie.Pipeline.Export;

/// <summary>The export formats of <c>vigie export</c> and <c>GET /api/export</c>, written by one method so that both give
/// the same file for the same events.</summary>
public static class EventExport
{
    /// <summary>The format names, as the CLI's <c>--format</c> and the API's <c>format</c> take them.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["jsonl", "acled-csv", "geojson"];

    /// <summary>The media type of a format's file.</summary>
    public static string ContentType(string format) => format switch
    {
        "acled-csv" => "text/csv; charset=utf-8",
        "geojson" => "application/geo+json",
        _ => "application/x-ndjson",
    };

    /// <summary>The file name extension of a format.</summary>
    public static string Extension(string format) => format switch
    {
        "acled-csv" => "csv",
        "geojson" => "geojson",
        _ => "jsonl",
    };

    /// <summary>Writes the events in the format (one of <see cref="Formats"/>); ACLED's country columns come from
    /// <c>data/geo/countries.tsv</c>. Returns what was written: events, or GeoJSON features.</summary>
    public static async Task<int> WriteAsync(Stream output, string format, IAsyncEnumerable<Event> events, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(events);
        switch (format)
        {
            case "geojson":
                return await GeoJsonWriter.WriteAsync(output, events, ct);
            case "acled-csv":
            {
                await using var w = new StreamWriter(output, leaveOpen: true);
                return await AcledCsvWriter.WriteAsync(w, events, CountryTable.Load(Path.Combine(DataPaths.Root, "geo", "countries.tsv")), ct: ct);
            }
            case "jsonl":
            {
                var n = 0;
                await using var w = new StreamWriter(output, leaveOpen: true);
                await foreach (var e in events.WithCancellation(ct))
                {
                    await w.WriteLineAsync(VigieJson.Serialize(e));
                    n++;
                }
                return n;
            }
            default:
                throw new ArgumentException($"Unknown export format '{format}': use {string.Join(", ", Formats)}.", nameof(format));
        }
    }
}
