using System.Text.Json;
using Vigie.Core;

namespace Vigie.Pipeline.Export;

/// <summary>Writes events as a GeoJSON FeatureCollection: one point per event location, the event's fields as properties.</summary>
public static class GeoJsonWriter
{
    /// <summary>Writes the collection; returns the number of features.</summary>
    public static async Task<int> WriteAsync(Stream output, IAsyncEnumerable<Event> events, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(events);
        await using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false, Encoder = VigieJson.Options.Encoder });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        var n = 0;
        await foreach (var e in events.WithCancellation(ct))
        {
            foreach (var l in e.Locations)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteStartObject("geometry");
                w.WriteString("type", "Point");
                w.WriteStartArray("coordinates");
                w.WriteNumberValue(l.Lon);
                w.WriteNumberValue(l.Lat);
                w.WriteEndArray();
                w.WriteEndObject();
                w.WritePropertyName("properties");
                JsonSerializer.Serialize(w, e, VigieJson.Options);
                w.WriteEndObject();
                n++;
            }
            if (n % 1000 == 0) await w.FlushAsync(ct);
        }
        w.WriteEndArray();
        w.WriteEndObject();
        await w.FlushAsync(ct);
        return n;
    }
}
