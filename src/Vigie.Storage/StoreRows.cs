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

    /// <summary>One page of the event feed from rows of (seq, json), read after position <paramref name="after"/>.</summary>
    public static async Task<EventFeedPage> ReadFeedPageAsync(System.Data.Common.DbDataReader r, long after, CancellationToken ct)
    {
        var list = new List<Event>();
        var last = after;
        while (await r.ReadAsync(ct))
        {
            last = r.GetInt64(0);
            list.Add(ReadEvent(r.GetString(1)));
        }
        return new EventFeedPage(list, last);
    }

    /// <summary>An event and the spans stored beside it (the <c>spans</c> column; null for an event stored before it).</summary>
    public static Event ReadEvent(string json, string? spans)
    {
        var e = ReadEvent(json);
        return string.IsNullOrEmpty(spans) ? e : e with { Spans = JsonSerializer.Deserialize<EventSpan[]>(spans, VigieJson.Options) ?? [] };
    }

    /// <summary>The <c>spans</c> column of an event: its spans as a JSON array, or null when it has none.</summary>
    public static byte[]? SpansJson(Event e) => e.Spans.Count == 0 ? null : JsonSerializer.SerializeToUtf8Bytes(e.Spans, VigieJson.Options);

    /// <summary>What the document list searches: the folded title, source and id.</summary>
    public static string DocumentLabel(Document d) => Vigie.Text.Folding.Fold($"{d.Title} {d.Source} {d.Id}");

    /// <summary>A search's words folded as the stored names are ("" for none).</summary>
    public static string Folded(string? text) => string.IsNullOrWhiteSpace(text) ? "" : Vigie.Text.Folding.Fold(text.Trim());

    /// <summary>A country filter in upper case, or null for none.</summary>
    public static string? Country(string? country) => string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant();

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly string[] ModalityNames = Names<Modality>();
    private static readonly string[] PrecisionNames = Names<DatePrecision>();

    public static string ModalityName(Modality m) => ModalityNames[(int)m];

    public static string PrecisionName(DatePrecision p) => PrecisionNames[(int)p];

    /// <summary>Events whose date spans more days than this are "long": date-range queries read them from an index of their
    /// own, and bound the start of every other event by the range's start minus this many days.</summary>
    public const int LongSpanDays = 40;

    /// <summary>The earliest start a short event overlapping a range from <paramref name="from"/> can have (never before 0001-01-01).</summary>
    public static DateOnly LowestShortStart(DateOnly from) =>
        from.DayNumber > LongSpanDays ? from.AddDays(-LongSpanDays) : DateOnly.MinValue;

    /// <summary>Whether the event's date spans more than <see cref="LongSpanDays"/>.</summary>
    public static bool IsLongSpan(Event e) => e.Date is not null && e.Date.LastDay.DayNumber - e.Date.FirstDay.DayNumber > LongSpanDays;

    // The JSON names of an enum's values, indexed by value (the enums are dense from 0).
    private static string[] Names<T>() where T : struct, Enum =>
        [.. Enum.GetValues<T>().OrderBy(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)).Select(v => JsonSerializer.Serialize(v, VigieJson.Options).Trim('"'))];

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
