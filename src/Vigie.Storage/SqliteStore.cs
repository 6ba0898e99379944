using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigie.Core;

namespace Vigie.Storage;

/// <summary>The embedded store: one SQLite file, WAL journal, full-text search with FTS5.</summary>
/// <remarks>Writes go through one connection and reads through another, so that (in WAL mode) a long batch write never
/// holds up the duplicate checks and queries of an ingest or a server in progress.</remarks>
public sealed class SqliteStore : IVigieStore
{
    private readonly SqliteConnection _connection;
    private readonly SqliteConnection _reader;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _readGate = new(1, 1);

    private SqliteStore(SqliteConnection connection, SqliteConnection reader)
    {
        _connection = connection;
        _reader = reader;
    }

    /// <summary>Opens (creating when absent) the database file and brings its schema up to date.</summary>
    public static async Task<SqliteStore> OpenAsync(string path, CancellationToken ct = default)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        var connection = await Connect(cs, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;", ct);
        var store = new SqliteStore(connection, await Connect(cs, "PRAGMA cache_size=-32768;", ct));
        await store.MigrateAsync(ct);
        return store;
    }

    private static async Task<SqliteConnection> Connect(string cs, string pragmas, CancellationToken ct)
    {
        var connection = new SqliteConnection(cs);
        await connection.OpenAsync(ct);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY; " + pragmas;
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }

    /// <inheritdoc/>
    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await Exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", ct);
            var current = Convert.ToInt32(await Scalar(_connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version", ct), CultureInfo.InvariantCulture);
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
        await _readGate.WaitAsync(ct);
        try
        {
            await using var cmd = _reader.CreateCommand();
            cmd.CommandText = "SELECT 1 FROM documents WHERE id = $k UNION ALL SELECT 1 FROM documents WHERE content_key = $k LIMIT 1";
            var p = cmd.Parameters.Add("$k", SqliteType.Text);
            foreach (var key in idsOrContentKeys)
            {
                p.Value = key;
                if (await cmd.ExecuteScalarAsync(ct) is not null) found.Add(key);
            }
        }
        finally { _readGate.Release(); }
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
            int stored = 0, skipped = 0, events = 0;
            using (var w = new BatchWriter(_connection, tx))
            {
                var now = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
                foreach (var item in batch)
                {
                    ct.ThrowIfCancellationRequested();
                    if (!w.InsertDocument(item, now)) { skipped++; continue; }
                    stored++;
                    foreach (var e in item.Events)
                        if (w.InsertEvent(e)) events++;
                }
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
        (string Date, string Id)? cursor;
        try { cursor = query.Cursor is null ? null : StoreRows.DecodeCursor(query.Cursor); }
        catch (FormatException ex) { throw new ArgumentException("The paging cursor is not valid.", nameof(query), ex); }
        await _readGate.WaitAsync(ct);
        try
        {
            var plan = new SqliteQueryPlan(query, cursor, limit + 1);
            if (plan.NeedsTextHorizon)
            {
                // Text: find how far (in the index's date order) the first page of matches reaches, then sort that stretch
                // (to its day's end, since within a day the index's order is not the id order).
                for (var window = limit + 1; ; window *= 4)
                {
                    var (rows, last) = await TextHorizon(plan, window, ct);
                    if (rows < window) { plan.TextBelow = null; break; }
                    plan.TextBelow = ((last >> 32) + 1) << 32;
                    var page = await ReadPage(plan, limit, ct);
                    if (page.NextCursor is not null || window >= 1 << 20) return page;
                }
            }
            return await ReadPage(plan, limit, ct);
        }
        finally { _readGate.Release(); }
    }

    private async Task<(long Rows, long Last)> TextHorizon(SqliteQueryPlan plan, int window, CancellationToken ct)
    {
        await using var cmd = _reader.CreateCommand();
        cmd.CommandText = plan.TextHorizonSql();
        plan.Bind(cmd);
        cmd.Parameters.AddWithValue("$window", window);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return (r.GetInt64(0), r.IsDBNull(1) ? 0 : r.GetInt64(1));
    }

    private async Task<EventPage> ReadPage(SqliteQueryPlan plan, int limit, CancellationToken ct)
    {
        await using var cmd = _reader.CreateCommand();
        cmd.CommandText = plan.PageSql();
        plan.Bind(cmd);
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

    /// <inheritdoc/>
    public IAsyncEnumerable<Event> StreamEventsAsync(CancellationToken ct = default) => StoreRows.StreamAll(this, ct);

    /// <inheritdoc/>
    public async Task<Event?> GetEventAsync(string id, CancellationToken ct = default)
    {
        await _readGate.WaitAsync(ct);
        try
        {
            await using var cmd = _reader.CreateCommand();
            cmd.CommandText = "SELECT json FROM events WHERE id = $id";
            cmd.Parameters.AddWithValue("$id", id);
            return await cmd.ExecuteScalarAsync(ct) is string json ? StoreRows.ReadEvent(json) : null;
        }
        finally { _readGate.Release(); }
    }

    /// <inheritdoc/>
    public async Task<Document?> GetDocumentAsync(string id, CancellationToken ct = default)
    {
        await _readGate.WaitAsync(ct);
        try
        {
            await using var cmd = _reader.CreateCommand();
            cmd.CommandText = "SELECT id, text, date, language, title, source, url FROM documents WHERE id = $id";
            cmd.Parameters.AddWithValue("$id", id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return null;
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            return new Document(r.GetString(0), r.GetString(1), PartialDate.TryParse(S(2)), r.GetString(3), S(4), S(5), S(6));
        }
        finally { _readGate.Release(); }
    }

    /// <inheritdoc/>
    public async Task<StoreStats> GetStatsAsync(CancellationToken ct = default)
    {
        await _readGate.WaitAsync(ct);
        try
        {
            var docs = Convert.ToInt64(await Scalar(_reader, "SELECT COUNT(*) FROM documents", ct), CultureInfo.InvariantCulture);
            var events = Convert.ToInt64(await Scalar(_reader, "SELECT COUNT(*) FROM events", ct), CultureInfo.InvariantCulture);
            var places = Convert.ToInt64(await Scalar(_reader, "SELECT COUNT(DISTINCT COALESCE(CAST(geonames_id AS TEXT), name_folded || '|' || COALESCE(country, ''))) FROM locations", ct), CultureInfo.InvariantCulture);
            var first = await Scalar(_reader, "SELECT MIN(date_value) FROM events WHERE date_value IS NOT NULL", ct) as string;
            var last = await Scalar(_reader, "SELECT MAX(COALESCE(json_extract(json, '$.date.end'), date_value)) FROM events WHERE date_value IS NOT NULL", ct) as string;
            var byType = new SortedDictionary<string, long>(StringComparer.Ordinal);
            await using (var cmd = _reader.CreateCommand())
            {
                cmd.CommandText = "SELECT type, COUNT(*) FROM events GROUP BY type";
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct)) byType[r.GetString(0)] = r.GetInt64(1);
            }
            return new StoreStats(docs, events, byType, places, first, last);
        }
        finally { _readGate.Release(); }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _reader.DisposeAsync();
        _gate.Dispose();
        _readGate.Dispose();
    }

    private async Task Exec(string sql, CancellationToken ct)
    {
        await using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> Scalar(SqliteConnection c, string sql, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        var v = await cmd.ExecuteScalarAsync(ct);
        return v is DBNull ? null : v;
    }

    /// <summary>Insert statements prepared once per batch, their parameters bound by position.</summary>
    private sealed class BatchWriter(SqliteConnection c, SqliteTransaction tx) : IDisposable
    {
        private readonly Statement _doc = new(c, tx, "INSERT INTO documents (id, content_key, date, language, title, source, url, text, ingested_at) "
            + "VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING", 9);
        private readonly Statement _event = new(c, tx, "INSERT INTO events (id, document_id, type, modality, date_value, date_precision, date_start, date_end, actor1_id, actor2_id, confidence, json, long_span) "
            + "VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING", 13);
        private readonly Statement _loc = new(c, tx, "INSERT INTO locations (event_id, idx, name, name_folded, country, admin1, lat, lon, precision, geonames_id) "
            + "VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9)", 10);
        private readonly Statement _actor = new(c, tx, "INSERT INTO actors (event_id, slot, actor_id, name, name_folded, country, role) VALUES ($0, $1, $2, $3, $4, $5, $6)", 7);
        private readonly Statement _qty = new(c, tx, "INSERT INTO quantities (event_id, idx, kind, low, high, approximate, lower_bound, upper_bound, text) VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8)", 9);
        private readonly Statement _evidence = new(c, tx, "INSERT INTO evidence (event_id, idx, document_id, sentence, start, \"end\", text, rule) VALUES ($0, $1, $2, $3, $4, $5, $6, $7) RETURNING id", 8);
        private readonly Statement _search = new(c, tx, "INSERT INTO evidence_search (rowid, text) VALUES ($0, $1)", 2);
        private readonly Statement _key = new(c, tx, "INSERT OR IGNORE INTO event_keys (key, date_start, event_id, long_span) VALUES ($0, $1, $2, $3)", 4);

        public bool InsertDocument(StoredDocument item, string now)
        {
            var d = item.Document;
            return _doc.Execute(d.Id, item.ContentKey, d.Date?.ToString(), d.Language, d.Title, d.Source, d.Url, d.Text, now) > 0;
        }

        public bool InsertEvent(Event e)
        {
            var dateStart = e.Date is null ? "" : StoreRows.Day(e.Date.FirstDay);
            var longSpan = StoreRows.IsLongSpan(e);
            if (_event.Execute(e.Id, e.Document, e.Type, StoreRows.ModalityName(e.Modality), e.Date?.Value,
                    e.Date is null ? null : StoreRows.PrecisionName(e.Date.Precision), dateStart, e.Date is null ? "" : StoreRows.Day(e.Date.LastDay),
                    e.Actor1?.Id, e.Actor2?.Id, e.Confidence, JsonSerializer.Serialize(e, VigieJson.Options), longSpan) == 0)
                return false;

            for (var i = 0; i < e.Locations.Count; i++)
            {
                var l = e.Locations[i];
                _loc.Execute(e.Id, i, l.Name, TextFolding.Fold(l.Name), l.Country, l.Admin1, l.Lat, l.Lon, l.Precision, l.GeonamesId);
            }
            Actor(e.Id, "actor1", e.Actor1);
            Actor(e.Id, "actor2", e.Actor2);
            Actor(e.Id, "claimant", e.Claimant);
            for (var i = 0; i < e.Quantities.Count; i++)
            {
                var q = e.Quantities[i];
                _qty.Execute(e.Id, i, q.Kind, q.Low, q.High, q.Approximate, q.LowerBound, q.UpperBound, q.Text);
            }
            for (var i = 0; i < e.Evidence.Count; i++)
            {
                var x = e.Evidence[i];
                var id = Convert.ToInt64(_evidence.Scalar(e.Id, i, x.Document, x.Sentence, x.Start, x.End, x.Text, x.Rule), CultureInfo.InvariantCulture);
                _search.Execute(SqliteMigrations.SearchRowId(dateStart, id), x.Text);
            }
            foreach (var key in FilterKeys.Of(e)) _key.Execute(key, dateStart, e.Id, longSpan);
            return true;
        }

        private void Actor(string eventId, string slot, Actor? a)
        {
            if (a is not null) _actor.Execute(eventId, slot, a.Id, a.Name, TextFolding.Fold(a.Name), a.Country, a.Role);
        }

        public void Dispose()
        {
            foreach (var s in new[] { _doc, _event, _loc, _actor, _qty, _evidence, _search, _key }) s.Dispose();
        }
    }

    /// <summary>One prepared statement whose parameters are $0, $1, … bound by position.</summary>
    private sealed class Statement : IDisposable
    {
        private readonly SqliteCommand _cmd;
        private readonly SqliteParameter[] _params;

        public Statement(SqliteConnection c, SqliteTransaction tx, string sql, int count)
        {
            _cmd = c.CreateCommand();
            _cmd.Transaction = tx;
            _cmd.CommandText = sql;
            _params = new SqliteParameter[count];
            for (var i = 0; i < count; i++) _params[i] = _cmd.Parameters.Add("$" + i.ToString(CultureInfo.InvariantCulture), SqliteType.Text);
        }

        public int Execute(params object?[] values)
        {
            Bind(values);
            return _cmd.ExecuteNonQuery();
        }

        public object? Scalar(params object?[] values)
        {
            Bind(values);
            return _cmd.ExecuteScalar();
        }

        private void Bind(object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var p = _params[i];
                (p.SqliteType, p.Value) = values[i] switch
                {
                    null => (SqliteType.Text, DBNull.Value),
                    string s => (SqliteType.Text, s),
                    int n => (SqliteType.Integer, n),
                    long n => (SqliteType.Integer, n),
                    bool b => (SqliteType.Integer, b ? 1 : 0),
                    double f => (SqliteType.Real, f),
                    decimal m => (SqliteType.Text, m.ToString(CultureInfo.InvariantCulture)),
                    var other => (SqliteType.Text, other),
                };
            }
        }

        public void Dispose() => _cmd.Dispose();
    }
}
