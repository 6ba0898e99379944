using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Vigie.Core;

namespace Vigie.Storage;

/// <summary>What both stores write and read the same way: event JSON, day strings, enum names and paging cursors.</summary>
internal static class StoreRows
{
    public static Event ReadEvent(string json) => JsonSerializer.Deserialize<Event>(json, VigieJson.Options)
        ?? throw new InvalidDataException("A stored event is empty.");

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string ModalityName(Modality m) => JsonSerializer.Serialize(m, VigieJson.Options).Trim('"');

    public static string PrecisionName(DatePrecision p) => JsonSerializer.Serialize(p, VigieJson.Options).Trim('"');

    /// <summary>The cursor of the page after the event at (date, id): opaque to clients.</summary>
    public static string EncodeCursor(string date, string id) => Convert.ToBase64String(Encoding.UTF8.GetBytes(date + "|" + id));

    /// <summary>Reads a cursor; <see cref="FormatException"/> when it is not one.</summary>
    public static (string Date, string Id) DecodeCursor(string cursor)
    {
        var s = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        var bar = s.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0) throw new FormatException("Bad cursor.");
        return (s[..bar], s[(bar + 1)..]);
    }

    /// <summary>Every event of a store, page by page in the store's own order.</summary>
    public static async IAsyncEnumerable<Event> StreamAll(IVigieStore store, [EnumeratorCancellation] CancellationToken ct)
    {
        string? cursor = null;
        do
        {
            var page = await store.QueryEventsAsync(new EventQuery(Limit: 1000, Cursor: cursor), ct);
            foreach (var e in page.Events) yield return e;
            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }
}
