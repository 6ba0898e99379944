using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Vigie.Core;

namespace Vigie.Storage;
/// <summary>The store's writes: documents claimed with ON CONFLICT DO NOTHING, events and their children by binary COPY.</summary>
public sealed partial class PostgresStore
{
    private const string EventColumns = "id, document_id, type, modality, date_value, date_last, date_precision, date_start, date_end, actor1_id, actor2_id, confidence, json, long_span, spans";

    /// <summary>The advisory lock a writer holds from numbering its events to its commit.</summary>
    private const long FeedLockKey = 0x5669676966; // "Vigif"

    /// <inheritdoc/>
    public async Task<StoreResult> StoreAsync(IReadOnlyList<StoredDocument> batch, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) return new StoreResult(0, 0, 0);

        // The first of several copies in one batch wins, as it does in SQLite where the later ones hit the unique keys.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = new List<StoredDocument>(batch.Count);
        foreach (var item in batch)
        {
            if (seen.Contains("i:" + item.Document.Id) || seen.Contains("k:" + item.ContentKey)) continue;
            seen.Add("i:" + item.Document.Id);
            seen.Add("k:" + item.ContentKey);
            unique.Add(item);
        }

        await using var c = await _dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var storedIds = await InsertDocumentsAsync(c, tx, unique, _clock.GetUtcNow().UtcDateTime, ct);
        var events = new List<Event>();
        var eventIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in unique)
        {
            if (!storedIds.Contains(item.Document.Id)) continue;
            foreach (var e in item.Events)
                if (eventIds.Add(e.Id)) events.Add(e);
        }
        var inserted = events.Count == 0 ? new HashSet<string>(StringComparer.Ordinal) : await InsertEventsAsync(c, tx, events, ct);
        if (inserted.Count > 0)
        {
            var fresh = events.Where(e => inserted.Contains(e.Id)).ToList();
            await CopyChildrenAsync(c, fresh, ct);
        }
        await tx.CommitAsync(ct);
        return new StoreResult(storedIds.Count, batch.Count - storedIds.Count, inserted.Count);
    }

    private static async Task<HashSet<string>> InsertDocumentsAsync(NpgsqlConnection c, NpgsqlTransaction tx, List<StoredDocument> docs, DateTime now, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO documents (id, content_key, date, language, title, source, url, text, ingested_at, label_folded) "
            + "SELECT i, k, d, l, t, s, u, x, @now, f FROM unnest(@i, @k, @d, @l, @t, @s, @u, @x, @f) AS v(i, k, d, l, t, s, u, x, f) "
            + "ON CONFLICT DO NOTHING RETURNING id", c, tx);
        void Add(string name, string?[] values) => cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values });
        Add("i", docs.Select(x => x.Document.Id).ToArray());
        Add("k", docs.Select(x => x.ContentKey).ToArray());
        Add("d", docs.Select(x => x.Document.Date?.ToString()).ToArray());
        Add("l", docs.Select(x => x.Document.Language).ToArray());
        Add("t", docs.Select(x => x.Document.Title).ToArray());
        Add("s", docs.Select(x => x.Document.Source).ToArray());
        Add("u", docs.Select(x => x.Document.Url).ToArray());
        Add("x", docs.Select(x => x.Document.Text).ToArray());
        Add("f", docs.Select(x => StoreRows.DocumentLabel(x.Document)).ToArray());
        cmd.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) stored.Add(r.GetString(0));
        return stored;
    }

    /// <summary>Copies events into a per-connection staging table, then moves those whose id is new; returns the ids moved.</summary>
    private static async Task<HashSet<string>> InsertEventsAsync(NpgsqlConnection c, NpgsqlTransaction tx, List<Event> events, CancellationToken ct)
    {
        // The staging table has the columns written here, not the feed's seq (numbered on the move into events).
        await Exec(c, tx, $"CREATE TEMP TABLE IF NOT EXISTS events_staged ON COMMIT DELETE ROWS AS SELECT {EventColumns} FROM events WITH NO DATA", ct);
        await using (var w = await c.BeginBinaryImportAsync(
            "COPY events_staged (id, document_id, type, modality, date_value, date_last, date_precision, date_start, date_end, actor1_id, actor2_id, confidence, json, long_span, spans) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var e in events)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(e.Id, NpgsqlDbType.Text, ct);
                await w.WriteAsync(e.Document, NpgsqlDbType.Text, ct);
                await w.WriteAsync(e.Type, NpgsqlDbType.Text, ct);
                await w.WriteAsync(StoreRows.ModalityName(e.Modality), NpgsqlDbType.Text, ct);
                await WriteText(w, e.Date?.Value, ct);
                await WriteText(w, e.Date is null ? null : e.Date.End ?? e.Date.Value, ct);
                await WriteText(w, e.Date is null ? null : StoreRows.PrecisionName(e.Date.Precision), ct);
                await w.WriteAsync(e.Date is null ? "" : StoreRows.Day(e.Date.FirstDay), NpgsqlDbType.Text, ct);
                await w.WriteAsync(e.Date is null ? "" : StoreRows.Day(e.Date.LastDay), NpgsqlDbType.Text, ct);
                await WriteText(w, e.Actor1?.Id, ct);
                await WriteText(w, e.Actor2?.Id, ct);
                await w.WriteAsync(e.Confidence, NpgsqlDbType.Double, ct);
                await w.WriteAsync(JsonSerializer.Serialize(e, VigieJson.Options), NpgsqlDbType.Text, ct);
                await w.WriteAsync(StoreRows.IsLongSpan(e), NpgsqlDbType.Boolean, ct);
                await WriteText(w, StoreRows.SpansJson(e) is { } spans ? Encoding.UTF8.GetString(spans) : null, ct);
            }
            await w.CompleteAsync(ct);
        }
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        // Held to the commit: the feed's positions are given in commit order (PostgresMigrations, version 4).
        await Exec(c, tx, $"SELECT pg_advisory_xact_lock({FeedLockKey})", ct, timeoutSeconds: 0);
        await using var cmd = new NpgsqlCommand($"INSERT INTO events ({EventColumns}) SELECT {EventColumns} FROM events_staged ON CONFLICT DO NOTHING RETURNING id", c, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) inserted.Add(r.GetString(0));
        return inserted;
    }

    private static async Task CopyChildrenAsync(NpgsqlConnection c, List<Event> events, CancellationToken ct)
    {
        await using (var w = await c.BeginBinaryImportAsync(
            "COPY event_keys (key, date_start, event_id, long_span, date_end, type, modality) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var e in events)
            {
                var start = e.Date is null ? "" : StoreRows.Day(e.Date.FirstDay);
                var end = e.Date is null ? "" : StoreRows.Day(e.Date.LastDay);
                var isLong = StoreRows.IsLongSpan(e);
                var modality = StoreRows.ModalityName(e.Modality);
                foreach (var key in FilterKeys.Of(e))
                {
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(key, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(start, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(e.Id, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(isLong, NpgsqlDbType.Boolean, ct);
                    await w.WriteAsync(end, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(e.Type, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(modality, NpgsqlDbType.Text, ct);
                }
            }
            await w.CompleteAsync(ct);
        }
        if (events.Any(e => e.Locations.Count > 0))
        {
            await using var w = await c.BeginBinaryImportAsync(
                "COPY locations (event_id, idx, name, name_folded, country, admin1, lat, lon, precision, geonames_id) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var e in events)
                for (var i = 0; i < e.Locations.Count; i++)
                {
                    var l = e.Locations[i];
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(e.Id, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(i, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(l.Name, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(Vigie.Text.Folding.Fold(l.Name), NpgsqlDbType.Text, ct);
                    await WriteText(w, l.Country, ct);
                    await WriteText(w, l.Admin1, ct);
                    await w.WriteAsync(l.Lat, NpgsqlDbType.Double, ct);
                    await w.WriteAsync(l.Lon, NpgsqlDbType.Double, ct);
                    await w.WriteAsync(l.Precision, NpgsqlDbType.Text, ct);
                    if (l.GeonamesId is { } g) await w.WriteAsync(g, NpgsqlDbType.Bigint, ct);
                    else await w.WriteNullAsync(ct);
                }
            await w.CompleteAsync(ct);
        }
        if (events.Any(e => e.Actor1 is not null || e.Actor2 is not null || e.Claimant is not null))
        {
            await using var w = await c.BeginBinaryImportAsync(
                "COPY actors (event_id, slot, actor_id, name, name_folded, country, role) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var e in events)
                foreach (var (slot, a) in new[] { ("actor1", e.Actor1), ("actor2", e.Actor2), ("claimant", e.Claimant) })
                {
                    if (a is null) continue;
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(e.Id, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(slot, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(a.Id, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(a.Name, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(Vigie.Text.Folding.Fold(a.Name), NpgsqlDbType.Text, ct);
                    await WriteText(w, a.Country, ct);
                    await WriteText(w, a.Role, ct);
                }
            await w.CompleteAsync(ct);
        }
        if (events.Any(e => e.Quantities.Count > 0))
        {
            await using var w = await c.BeginBinaryImportAsync(
                "COPY quantities (event_id, idx, kind, low, high, approximate, lower_bound, upper_bound, text) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var e in events)
                for (var i = 0; i < e.Quantities.Count; i++)
                {
                    var q = e.Quantities[i];
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(e.Id, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(i, NpgsqlDbType.Integer, ct);
                    await WriteText(w, q.Kind, ct);
                    await w.WriteAsync(q.Low, NpgsqlDbType.Numeric, ct);
                    await w.WriteAsync(q.High, NpgsqlDbType.Numeric, ct);
                    await w.WriteAsync(q.Approximate, NpgsqlDbType.Boolean, ct);
                    await w.WriteAsync(q.LowerBound, NpgsqlDbType.Boolean, ct);
                    await w.WriteAsync(q.UpperBound, NpgsqlDbType.Boolean, ct);
                    await w.WriteAsync(q.Text, NpgsqlDbType.Text, ct);
                }
            await w.CompleteAsync(ct);
        }
        if (events.Any(e => e.Evidence.Count > 0))
        {
            await using var w = await c.BeginBinaryImportAsync(
                "COPY evidence (event_id, idx, document_id, sentence, start, \"end\", text, rule, search) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var e in events)
                for (var i = 0; i < e.Evidence.Count; i++)
                {
                    var x = e.Evidence[i];
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(e.Id, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(i, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(x.Document, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(x.Sentence, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(x.Start, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(x.End, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(x.Text, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(x.Rule, NpgsqlDbType.Text, ct);
                    // Evidence and searched words are folded alike (lower case, no accents), as SQLite's FTS5 tokenizer does.
                    await w.WriteAsync(Vigie.Text.Folding.Fold(x.Text), NpgsqlDbType.Text, ct);
                }
            await w.CompleteAsync(ct);
        }
    }
}
