using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigie.Core;

namespace Vigie.Storage;

/// <summary>The embedded store: one SQLite file, WAL journal, full-text search with FTS5.</summary>
public sealed class SqliteStore : IVigieStore
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private SqliteStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating when absent) the database file and brings its schema up to date.</summary>
    public static async Task<SqliteStore> OpenAsync(string path, CancellationToken ct = default)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        var connection = new SqliteConnection(cs);
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        var store = new SqliteStore(connection);
        await store.MigrateAsync(ct);
        return store;
    }

    /// <inheritdoc/>
    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await Exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", ct);
            var current = Convert.ToInt32(await Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version", ct), CultureInfo.InvariantCulture);
            foreach (var (version, sql) in SqliteMigrations.All)
            {
                if (version <= current) continue;
                await using var tx = (SqliteTransaction)await _connection.BeginTransactionAsync(ct);
                await using (var cmd = _connection.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = sql + $"; INSERT INTO schema_version (version) VALUES ({version});";
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                current = version;
            }
            return current;
        }
        finally { _gate.Release(); }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlySet<string>> FindExistingAsync(IReadOnlyCollection<string> idsOrContentKeys, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(idsOrContentKeys);
        var found = new HashSet<string>(StringComparer.Ordinal);
        await _gate.WaitAsync(ct);
        try
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT 1 FROM documents WHERE id = $k OR content_key = $k LIMIT 1";
            var p = cmd.Parameters.Add("$k", SqliteType.Text);
            foreach (var key in idsOrContentKeys)
            {
                p.Value = key;
                if (await cmd.ExecuteScalarAsync(ct) is not null) found.Add(key);
            }
        }
        finally { _gate.Release(); }
        return found;
    }

    /// <inheritdoc/>
    public async Task<StoreResult> StoreAsync(IReadOnlyList<StoredDocument> batch, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _gate.WaitAsync(ct);
        try
        {
            await using var tx = (SqliteTransaction)await _connection.BeginTransactionAsync(ct);
            var w = new BatchWriter(_connection, tx);
            int stored = 0, skipped = 0, events = 0;
            var now = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            foreach (var item in batch)
            {
                if (!await w.InsertDocumentAsync(item, now, ct)) { skipped++; continue; }
                stored++;
                foreach (var e in item.Events)
                    if (await w.InsertEventAsync(e, ct)) events++;
            }
            await tx.CommitAsync(ct);
            return new StoreResult(stored, skipped, events);
        }
        finally { _gate.Release(); }
    }

    /// <inheritdoc/>
    public async Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, 1000);
        var where = new List<string>();
        await _gate.WaitAsync(ct);
        try
        {
            await using var cmd = _connection.CreateCommand();
            if (query.Type is not null) { where.Add("e.type = $type"); cmd.Parameters.AddWithValue("$type", query.Type); }
            if (query.Modality is { } m) { where.Add("e.modality = $modality"); cmd.Parameters.AddWithValue("$modality", StoreRows.ModalityName(m)); }
            if (query.Document is not null) { where.Add("e.document_id = $doc"); cmd.Parameters.AddWithValue("$doc", query.Document); }
            if (query.From is { } from)
            {
                where.Add("e.date_end >= $from AND e.date_end <> ''");
                cmd.Parameters.AddWithValue("$from", StoreRows.Day(from));
                cmd.Parameters.AddWithValue("$fromLow", StoreRows.Day(from.AddDays(-StoreRows.LongSpanDays)));
            }
            if (query.To is { } to) { where.Add("e.date_start <= $to AND e.date_start <> ''"); cmd.Parameters.AddWithValue("$to", StoreRows.Day(to)); }
            if (query.Actor is not null)
            {
                where.Add("e.id IN (SELECT event_id FROM actors WHERE actor_id = $actor OR name_folded = $actorFolded)");
                cmd.Parameters.AddWithValue("$actor", query.Actor);
                cmd.Parameters.AddWithValue("$actorFolded", TextFolding.Fold(query.Actor));
            }
            if (query.Country is not null)
            {
                where.Add("e.id IN (SELECT event_id FROM locations WHERE country = $country)");
                cmd.Parameters.AddWithValue("$country", query.Country.ToUpperInvariant());
            }
            if (query.Place is not null)
            {
                where.Add("e.id IN (SELECT event_id FROM locations WHERE name_folded = $place OR CAST(geonames_id AS TEXT) = $placeRaw)");
                cmd.Parameters.AddWithValue("$place", TextFolding.Fold(query.Place));
                cmd.Parameters.AddWithValue("$placeRaw", query.Place);
            }
            if (!string.IsNullOrWhiteSpace(query.Text))
            {
                where.Add("e.id IN (SELECT event_id FROM evidence_fts WHERE evidence_fts MATCH $text)");
                cmd.Parameters.AddWithValue("$text", TextFolding.ToFtsQuery(query.Text));
            }
            if (query.Cursor is not null)
            {
                var (date, id) = StoreRows.DecodeCursor(query.Cursor);
                where.Add("(e.date_start, e.id) > ($cdate, $cid)");
                cmd.Parameters.AddWithValue("$cdate", date);
                cmd.Parameters.AddWithValue("$cid", id);
            }
            var filter = where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "";
            cmd.CommandText = query.From is null
                ? "SELECT e.json, e.date_start, e.id FROM events e" + filter + " ORDER BY e.date_start, e.id LIMIT $limit"
                // A short event that ends on or after $from starts on or after $fromLow: that bound lets the date index
                // start near the range; long events come from their own small index.
                : "SELECT json, date_start, id FROM ("
                    + "SELECT * FROM (SELECT e.json, e.date_start, e.id FROM events e" + filter + " AND e.long_span = 0 AND e.date_start >= $fromLow ORDER BY e.date_start, e.id LIMIT $limit)"
                    + " UNION ALL "
                    + "SELECT * FROM (SELECT e.json, e.date_start, e.id FROM events e" + filter + " AND e.long_span = 1 ORDER BY e.date_start, e.id LIMIT $limit)"
                    + ") ORDER BY date_start, id LIMIT $limit";
            cmd.Parameters.AddWithValue("$limit", limit + 1);
            var list = new List<Event>(limit);
            string? next = null;
            await using var r = await cmd.ExecuteReaderAsync(ct);
            string lastDate = "", lastId = "";
            while (await r.ReadAsync(ct))
            {
                if (list.Count == limit) { next = StoreRows.EncodeCursor(lastDate, lastId); break; }
                list.Add(StoreRows.ReadEvent(r.GetString(0)));
                lastDate = r.GetString(1);
                lastId = r.GetString(2);
            }
            return new EventPage(list, next);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The paging cursor is not valid.", nameof(query), ex);
        }
        finally { _gate.Release(); }
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<Event> StreamEventsAsync(CancellationToken ct = default) => StoreRows.StreamAll(this, ct);

    /// <inheritdoc/>
    public async Task<Event?> GetEventAsync(string id, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT json FROM events WHERE id = $id";
            cmd.Parameters.AddWithValue("$id", id);
            return await cmd.ExecuteScalarAsync(ct) is string json ? StoreRows.ReadEvent(json) : null;
        }
        finally { _gate.Release(); }
    }

    /// <inheritdoc/>
    public async Task<Document?> GetDocumentAsync(string id, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT id, text, date, language, title, source, url FROM documents WHERE id = $id";
            cmd.Parameters.AddWithValue("$id", id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return null;
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            return new Document(r.GetString(0), r.GetString(1), PartialDate.TryParse(S(2)), r.GetString(3), S(4), S(5), S(6));
        }
        finally { _gate.Release(); }
    }

    /// <inheritdoc/>
    public async Task<StoreStats> GetStatsAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var docs = Convert.ToInt64(await Scalar("SELECT COUNT(*) FROM documents", ct), CultureInfo.InvariantCulture);
            var events = Convert.ToInt64(await Scalar("SELECT COUNT(*) FROM events", ct), CultureInfo.InvariantCulture);
            var places = Convert.ToInt64(await Scalar("SELECT COUNT(DISTINCT COALESCE(CAST(geonames_id AS TEXT), name_folded || '|' || COALESCE(country, ''))) FROM locations", ct), CultureInfo.InvariantCulture);
            var first = await Scalar("SELECT MIN(date_value) FROM events WHERE date_value IS NOT NULL", ct) as string;
            var last = await Scalar("SELECT MAX(COALESCE(json_extract(json, '$.date.end'), date_value)) FROM events WHERE date_value IS NOT NULL", ct) as string;
            var byType = new SortedDictionary<string, long>(StringComparer.Ordinal);
            await using (var cmd = _connection.CreateCommand())
            {
                cmd.CommandText = "SELECT type, COUNT(*) FROM events GROUP BY type";
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct)) byType[r.GetString(0)] = r.GetInt64(1);
            }
            return new StoreStats(docs, events, byType, places, first, last);
        }
        finally { _gate.Release(); }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _gate.Dispose();
    }






    private async Task Exec(string sql, CancellationToken ct)
    {
        await using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<object?> Scalar(string sql, CancellationToken ct)
    {
        await using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        var v = await cmd.ExecuteScalarAsync(ct);
        return v is DBNull ? null : v;
    }

    /// <summary>Prepared insert commands reused across one batch.</summary>
    private sealed class BatchWriter(SqliteConnection c, SqliteTransaction tx)
    {
        private SqliteCommand? _doc, _fts, _event, _loc, _actor, _qty, _evidence, _evidenceFts;

        private SqliteCommand Cmd(ref SqliteCommand? slot, string sql)
        {
            if (slot is not null) return slot;
            slot = c.CreateCommand();
            slot.Transaction = tx;
            slot.CommandText = sql;
            return slot;
        }

        public async Task<bool> InsertDocumentAsync(StoredDocument item, string now, CancellationToken ct)
        {
            var d = item.Document;
            var cmd = Cmd(ref _doc, "INSERT INTO documents (id, content_key, date, language, title, source, url, text, ingested_at) "
                + "VALUES ($id, $key, $date, $lang, $title, $source, $url, $text, $now) ON CONFLICT DO NOTHING RETURNING rowid");
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$id", d.Id);
            cmd.Parameters.AddWithValue("$key", item.ContentKey);
            cmd.Parameters.AddWithValue("$date", (object?)d.Date?.ToString() ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$lang", d.Language);
            cmd.Parameters.AddWithValue("$title", (object?)d.Title ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$source", (object?)d.Source ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$url", (object?)d.Url ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$text", d.Text);
            cmd.Parameters.AddWithValue("$now", now);
            var rowid = cmd.ExecuteScalar();
            if (rowid is null or DBNull) return false;
            var fts = Cmd(ref _fts, "INSERT INTO documents_fts (rowid, text) VALUES ($rowid, $text)");
            fts.Parameters.Clear();
            fts.Parameters.AddWithValue("$rowid", rowid);
            fts.Parameters.AddWithValue("$text", d.Text);
            fts.ExecuteNonQuery();
            return true;
        }

        public async Task<bool> InsertEventAsync(Event e, CancellationToken ct)
        {
            var cmd = Cmd(ref _event, "INSERT INTO events (id, document_id, type, modality, date_value, date_precision, date_start, date_end, actor1_id, actor2_id, confidence, json, long_span) "
                + "VALUES ($id, $doc, $type, $modality, $dv, $dp, $ds, $de, $a1, $a2, $conf, $json, $long) ON CONFLICT DO NOTHING");
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$id", e.Id);
            cmd.Parameters.AddWithValue("$doc", e.Document);
            cmd.Parameters.AddWithValue("$type", e.Type);
            cmd.Parameters.AddWithValue("$modality", StoreRows.ModalityName(e.Modality));
            cmd.Parameters.AddWithValue("$dv", (object?)e.Date?.Value ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$dp", e.Date is null ? DBNull.Value : StoreRows.PrecisionName(e.Date.Precision));
            cmd.Parameters.AddWithValue("$ds", e.Date is null ? "" : StoreRows.Day(e.Date.FirstDay));
            cmd.Parameters.AddWithValue("$de", e.Date is null ? "" : StoreRows.Day(e.Date.LastDay));
            cmd.Parameters.AddWithValue("$a1", (object?)e.Actor1?.Id ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$a2", (object?)e.Actor2?.Id ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$conf", e.Confidence);
            cmd.Parameters.AddWithValue("$json", JsonSerializer.Serialize(e, VigieJson.Options));
            cmd.Parameters.AddWithValue("$long", StoreRows.IsLongSpan(e));
            if (cmd.ExecuteNonQuery() == 0) return false;

            var loc = Cmd(ref _loc, "INSERT INTO locations (event_id, idx, name, name_folded, country, admin1, lat, lon, precision, geonames_id) "
                + "VALUES ($e, $i, $name, $folded, $country, $admin1, $lat, $lon, $precision, $gid)");
            for (var i = 0; i < e.Locations.Count; i++)
            {
                var l = e.Locations[i];
                loc.Parameters.Clear();
                loc.Parameters.AddWithValue("$e", e.Id);
                loc.Parameters.AddWithValue("$i", i);
                loc.Parameters.AddWithValue("$name", l.Name);
                loc.Parameters.AddWithValue("$folded", TextFolding.Fold(l.Name));
                loc.Parameters.AddWithValue("$country", (object?)l.Country ?? DBNull.Value);
                loc.Parameters.AddWithValue("$admin1", (object?)l.Admin1 ?? DBNull.Value);
                loc.Parameters.AddWithValue("$lat", l.Lat);
                loc.Parameters.AddWithValue("$lon", l.Lon);
                loc.Parameters.AddWithValue("$precision", l.Precision);
                loc.Parameters.AddWithValue("$gid", (object?)l.GeonamesId ?? DBNull.Value);
                loc.ExecuteNonQuery();
            }

            var actor = Cmd(ref _actor, "INSERT INTO actors (event_id, slot, actor_id, name, name_folded, country, role) VALUES ($e, $slot, $id, $name, $folded, $country, $role)");
            foreach (var (slot, a) in new[] { ("actor1", e.Actor1), ("actor2", e.Actor2), ("claimant", e.Claimant) })
            {
                if (a is null) continue;
                actor.Parameters.Clear();
                actor.Parameters.AddWithValue("$e", e.Id);
                actor.Parameters.AddWithValue("$slot", slot);
                actor.Parameters.AddWithValue("$id", a.Id);
                actor.Parameters.AddWithValue("$name", a.Name);
                actor.Parameters.AddWithValue("$folded", TextFolding.Fold(a.Name));
                actor.Parameters.AddWithValue("$country", (object?)a.Country ?? DBNull.Value);
                actor.Parameters.AddWithValue("$role", (object?)a.Role ?? DBNull.Value);
                actor.ExecuteNonQuery();
            }

            var qty = Cmd(ref _qty, "INSERT INTO quantities (event_id, idx, kind, low, high, approximate, lower_bound, upper_bound, text) VALUES ($e, $i, $kind, $low, $high, $ap, $lb, $ub, $text)");
            for (var i = 0; i < e.Quantities.Count; i++)
            {
                var q = e.Quantities[i];
                qty.Parameters.Clear();
                qty.Parameters.AddWithValue("$e", e.Id);
                qty.Parameters.AddWithValue("$i", i);
                qty.Parameters.AddWithValue("$kind", (object?)q.Kind ?? DBNull.Value);
                qty.Parameters.AddWithValue("$low", q.Low);
                qty.Parameters.AddWithValue("$high", q.High);
                qty.Parameters.AddWithValue("$ap", q.Approximate);
                qty.Parameters.AddWithValue("$lb", q.LowerBound);
                qty.Parameters.AddWithValue("$ub", q.UpperBound);
                qty.Parameters.AddWithValue("$text", q.Text);
                qty.ExecuteNonQuery();
            }

            var ev = Cmd(ref _evidence, "INSERT INTO evidence (event_id, idx, document_id, sentence, start, \"end\", text, rule) VALUES ($e, $i, $doc, $s, $start, $end, $text, $rule)");
            var evFts = Cmd(ref _evidenceFts, "INSERT INTO evidence_fts (event_id, text) VALUES ($e, $text)");
            for (var i = 0; i < e.Evidence.Count; i++)
            {
                var x = e.Evidence[i];
                ev.Parameters.Clear();
                ev.Parameters.AddWithValue("$e", e.Id);
                ev.Parameters.AddWithValue("$i", i);
                ev.Parameters.AddWithValue("$doc", x.Document);
                ev.Parameters.AddWithValue("$s", x.Sentence);
                ev.Parameters.AddWithValue("$start", x.Start);
                ev.Parameters.AddWithValue("$end", x.End);
                ev.Parameters.AddWithValue("$text", x.Text);
                ev.Parameters.AddWithValue("$rule", x.Rule);
                ev.ExecuteNonQuery();
                evFts.Parameters.Clear();
                evFts.Parameters.AddWithValue("$e", e.Id);
                evFts.Parameters.AddWithValue("$text", x.Text);
                evFts.ExecuteNonQuery();
            }
            return true;
        }
    }
}
