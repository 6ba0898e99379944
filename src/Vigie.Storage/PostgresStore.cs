using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Vigie.Core;

namespace Vigie.Storage;

/// <summary>The shared store: PostgreSQL through Npgsql, binary COPY for bulk writes, full-text search with a GIN index.</summary>
/// <remarks>Safe for several processes at once: documents are claimed with <c>ON CONFLICT DO NOTHING</c> inside the batch's
/// transaction, so two workers storing the same document never both store it.</remarks>
public sealed class PostgresStore : IVigieStore
{
    private const long MigrationLockKey = 0x5669676965; // "Vigie"
    private readonly NpgsqlDataSource _dataSource;

    private PostgresStore(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>Opens a pool on the database the connection string or <c>postgres://</c> URL names and brings its schema up to date.</summary>
    public static async Task<PostgresStore> OpenAsync(string connectionString, CancellationToken ct = default)
    {
        var store = new PostgresStore(NpgsqlDataSource.Create(PostgresConnectionString.Normalize(connectionString)));
        try
        {
            await store.MigrateAsync(ct);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        await using var c = await _dataSource.OpenConnectionAsync(ct);
        var current = 0;
        var migrated = false;
        foreach (var (version, sql) in PostgresMigrations.All)
        {
            await using var tx = await c.BeginTransactionAsync(ct);
            // Another process may hold the lock for as long as its migration runs.
            await Exec(c, tx, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", ct, timeoutSeconds: 0);
            await Exec(c, tx, "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)", ct);
            await using (var q = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", c, tx))
                current = Convert.ToInt32(await q.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            if (version > current)
            {
                // A migration may rewrite every event (half a minute or more per million): no command timeout.
                await Exec(c, tx, sql, ct, timeoutSeconds: 0);
                await Exec(c, tx, $"INSERT INTO schema_version (version) VALUES ({version})", ct);
                current = version;
                migrated = true;
            }
            await tx.CommitAsync(ct);
        }
        // Index-only scans (the key and date walks) read the table too until a vacuum marks its pages all-visible:
        // after a backfill, do it now rather than when autovacuum comes by. VACUUM cannot run in a transaction.
        if (migrated) await Exec(c, null, "VACUUM (ANALYZE) events, event_keys", ct, timeoutSeconds: 0);
        return current;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlySet<string>> FindExistingAsync(IReadOnlyCollection<string> idsOrContentKeys, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(idsOrContentKeys);
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (idsOrContentKeys.Count == 0) return found;
        var keys = idsOrContentKeys.ToArray();
        var wanted = new HashSet<string>(keys, StringComparer.Ordinal);
        await using var c = await _dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT id, content_key FROM documents WHERE id = ANY(@k) OR content_key = ANY(@k)", c);
        cmd.Parameters.Add(new NpgsqlParameter("k", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var id = r.GetString(0);
            var key = r.GetString(1);
            if (wanted.Contains(id)) found.Add(id);
            if (wanted.Contains(key)) found.Add(key);
        }
        return found;
    }

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
        var storedIds = await InsertDocumentsAsync(c, tx, unique, ct);
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

    private static async Task<HashSet<string>> InsertDocumentsAsync(NpgsqlConnection c, NpgsqlTransaction tx, List<StoredDocument> docs, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO documents (id, content_key, date, language, title, source, url, text, ingested_at) "
            + "SELECT i, k, d, l, t, s, u, x, @now FROM unnest(@i, @k, @d, @l, @t, @s, @u, @x) AS v(i, k, d, l, t, s, u, x) "
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
        cmd.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = DateTime.UtcNow });
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) stored.Add(r.GetString(0));
        return stored;
    }

    /// <summary>Copies events into a per-connection staging table, then moves those whose id is new; returns the ids moved.</summary>
    private static async Task<HashSet<string>> InsertEventsAsync(NpgsqlConnection c, NpgsqlTransaction tx, List<Event> events, CancellationToken ct)
    {
        await Exec(c, tx, "CREATE TEMP TABLE IF NOT EXISTS events_in (LIKE events) ON COMMIT DELETE ROWS", ct);
        await using (var w = await c.BeginBinaryImportAsync(
            "COPY events_in (id, document_id, type, modality, date_value, date_last, date_precision, date_start, date_end, actor1_id, actor2_id, confidence, json, long_span) FROM STDIN (FORMAT BINARY)", ct))
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
            }
            await w.CompleteAsync(ct);
        }
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand("INSERT INTO events SELECT * FROM events_in ON CONFLICT DO NOTHING RETURNING id", c, tx);
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
                    await w.WriteAsync(TextFolding.Fold(l.Name), NpgsqlDbType.Text, ct);
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
                    await w.WriteAsync(TextFolding.Fold(a.Name), NpgsqlDbType.Text, ct);
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
                    await w.WriteAsync(SearchFold(x.Text), NpgsqlDbType.Text, ct);
                }
            await w.CompleteAsync(ct);
        }
    }

    /// <inheritdoc/>
    /// <remarks>The page is merged from disjoint "branches", each an index walk in (date_start, id) order that stops
    /// after a page: one per alternative key of the most selective key filter (rows of <c>event_keys</c>), or the date
    /// index when the query has no key filter; with a start date, each is split into short events starting at most
    /// <see cref="StoreRows.LongSpanDays"/> before it and long events from their own partial index. Text is checked on
    /// a bounded walk of that ordered stream first; only words too rare to fill a page there are looked up in the GIN
    /// index and sorted.</remarks>
    public async Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, 1000);
        (string Date, string Id)? cursor = null;
        if (query.Cursor is not null)
        {
            try { cursor = StoreRows.DecodeCursor(query.Cursor); }
            catch (FormatException ex) { throw new ArgumentException("The paging cursor is not valid.", nameof(query), ex); }
        }
        var plan = new QueryPlan(query, cursor, limit);
        await using var c = await _dataSource.OpenConnectionAsync(ct);
        var (page, complete) = await ReadPageAsync(c, plan, plan.Sql(), limit, ct);
        // A walk that did not fill the page and stopped at its bound may have missed later matches: the index lookup
        // finds them all.
        if (plan.HasText && page.NextCursor is null && !complete)
            (page, _) = await ReadPageAsync(c, plan, plan.TextIndexSql(), limit, ct);
        return page;
    }

    /// <summary>Runs one of the plan's statements and reads the page it returns (limit + 1 rows tell that there is a next
    /// page); Complete when it also returned the text walk's row of nulls, which says that the walk saw every candidate.</summary>
    private static async Task<(EventPage Page, bool Complete)> ReadPageAsync(NpgsqlConnection c, QueryPlan plan, string sql, int limit, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, c);
        foreach (var (name, value) in plan.Parameters) cmd.Parameters.Add(new NpgsqlParameter(name, value));
        var list = new List<Event>(limit);
        string? next = null;
        var complete = false;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        string lastDate = "", lastId = "";
        while (await r.ReadAsync(ct))
        {
            if (r.IsDBNull(0)) { complete = true; continue; }
            if (list.Count == limit) { next = StoreRows.EncodeCursor(lastDate, lastId); break; }
            list.Add(StoreRows.ReadEvent(r.GetString(0)));
            lastDate = r.GetString(1);
            lastId = r.GetString(2);
        }
        return (new EventPage(list, next), complete);
    }

    /// <summary>The SQL of one event query and its parameters.</summary>
    private sealed class QueryPlan
    {
        /// <summary>Events a text query checks in date order before it falls back to the index of words.</summary>
        private const int TextWalk = 6000;

        private readonly EventQuery _q;
        private readonly (string Date, string Id)? _cursor;
        private readonly List<string[]> _keys;
        private readonly List<string> _columns = [];
        private readonly string? _tsQuery;

        /// <summary>Binds the query's values; the statements are written on demand.</summary>
        public QueryPlan(EventQuery q, (string Date, string Id)? cursor, int limit)
        {
            _q = q;
            _cursor = cursor;
            _keys = FilterKeys.Of(q);
            Add("limit", limit + 1);
            // The columns an event row and its key rows both have ({0}: the walked table's alias).
            if (q.Type is not null) _columns.Add("{0}.type = " + Add("type", q.Type));
            if (q.Modality is { } m) _columns.Add("{0}.modality = " + Add("modality", StoreRows.ModalityName(m)));
            if (q.From is { } from)
            {
                _columns.Add("{0}.date_end >= " + Add("from", StoreRows.Day(from)));
                Add("fromLow", StoreRows.Day(StoreRows.LowestShortStart(from)));
            }
            if (q.Document is not null) Add("doc", q.Document);
            if (q.To is { } to) Add("to", StoreRows.Day(to));
            if (cursor is { } cur)
            {
                Add("cdate", cur.Date);
                Add("cid", cur.Id);
            }
            for (var f = 0; f < _keys.Count; f++)
                for (var i = 0; i < _keys[f].Length; i++)
                    Add($"k{f}_{i}", _keys[f][i]);
            if (!string.IsNullOrWhiteSpace(q.Text))
            {
                var words = q.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                _tsQuery = string.Join(" && ", words.Select((w, i) => $"phraseto_tsquery('simple'::regconfig, {Add($"w{i}", SearchFold(w))})"));
                Add("walk", TextWalk);
            }
        }

        /// <summary>The values every statement of the plan is bound to (a statement leaves out those it does not use).</summary>
        public List<(string Name, object Value)> Parameters { get; } = [];

        /// <summary>Whether the query searches the evidence text.</summary>
        public bool HasText => _tsQuery is not null;

        /// <summary>The page from the merged branches; with text, from a bounded walk of them, followed by a row of nulls
        /// when the walk found fewer than a page before its candidates ran out (then it found them all).</summary>
        public string Sql()
        {
            if (!HasText)
                return $"SELECT e.json, e.date_start, e.id FROM ({Merged("@limit")}) m JOIN events e ON e.id = m.id ORDER BY m.date_start, m.id LIMIT @limit";
            // The walk stops after a page of matches (a subquery keeps its order, a CTE would lose it and be sorted);
            // CASE counts the candidates, a second walk without the text test, only when the page is not full.
            return $"WITH h AS MATERIALIZED (SELECT c.date_start, c.id FROM ({Merged("@walk")}) c WHERE {TextMatch("c.id")} ORDER BY c.date_start, c.id LIMIT @limit) "
                + "SELECT json, date_start, id FROM ("
                + "SELECT e.json, h.date_start, h.id FROM h JOIN events e ON e.id = h.id "
                + $"UNION ALL SELECT NULL, NULL, NULL WHERE CASE WHEN (SELECT count(*) FROM h) < @limit THEN (SELECT count(*) FROM ({Merged("@walk")}) c) < @walk ELSE false END"
                + ") p ORDER BY date_start NULLS LAST, id";
        }

        /// <summary>The page from every event whose evidence has the words (GIN index), filtered, then sorted.</summary>
        public string TextIndexSql()
        {
            var where = Columns("e").ToList();
            if (_q.Document is not null) where.Add("e.document_id = @doc");
            where.AddRange(DateBounds("e.date_start"));
            for (var f = 0; f < _keys.Count; f++) where.Add(KeyMatch(f, _keys[f].Length, "e.date_start", "e.id"));
            if (_cursor is not null) where.Add("(e.date_start, e.id) > (@cdate, @cid)");
            return $"WITH t AS MATERIALIZED (SELECT DISTINCT event_id FROM evidence WHERE search_tsv @@ ({_tsQuery})) "
                + "SELECT e.json, e.date_start, e.id FROM t JOIN events e ON e.id = t.event_id"
                + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
                + " ORDER BY e.date_start, e.id LIMIT @limit";
        }

        /// <summary>(date_start, id) of the first <paramref name="limit"/> matches in order, merged from the branches.</summary>
        /// <remarks>The branches are disjoint, so UNION ALL merges them: the planner reads them side by side in order
        /// (Merge Append) and each stops as soon as the merged page is full, where UNION would first read every branch
        /// to the end of its limit to remove duplicates.</remarks>
        private string Merged(string limit)
        {
            var branches = new List<string>();
            // A document has few events: its index finds them, and every key is probed; otherwise the first key drives.
            var drivers = _keys.Count > 0 && _q.Document is null ? Enumerable.Range(0, _keys[0].Length).Select(i => (int?)i) : [null];
            foreach (var key in drivers)
            {
                if (_q.From is null) branches.Add(Branch(key, null, limit));
                else
                {
                    branches.Add(Branch(key, false, limit));
                    branches.Add(Branch(key, true, limit));
                }
            }
            return branches.Count == 1
                ? branches[0]
                : "SELECT date_start, id FROM (" + string.Join(" UNION ALL ", branches.Select(b => "(" + b + ")")) + $") u ORDER BY date_start, id LIMIT {limit}";
        }

        /// <summary>One ordered index walk: the rows of event_keys of alternative <paramref name="key"/> of the first key
        /// filter (less those an earlier alternative has), or the events; with a start date, only the short events that
        /// start at most LongSpanDays before it, or only the long ones.</summary>
        /// <remarks>A key row carries the columns the filters test, and its index covers them; the other keys are
        /// correlated subqueries, which the planner cannot turn into joins: a hash join or a sort would read every row of
        /// the key before the first one is returned, while the walk stops after a page.</remarks>
        private string Branch(int? key, bool? longSpan, string limit)
        {
            var (d, id) = key is null ? ("e", "e.id") : ("k", "k.event_id");
            var where = new List<string>();
            if (key is { } i)
            {
                where.Add($"k.key = @k0_{i}");
                if (i > 0) where.Add($"{KeyMatch(0, i, "k.date_start", "k.event_id")} IS NULL");
            }
            where.AddRange(DateBounds(d + ".date_start"));
            // A short event that ends on or after From starts on or after fromLow.
            if (longSpan == false) where.Add($"{d}.date_start >= @fromLow AND NOT {d}.long_span");
            if (longSpan == true) where.Add($"{d}.long_span");
            where.AddRange(Columns(d));
            if (_q.Document is not null) where.Add("e.document_id = @doc");
            for (var f = key is null ? 0 : 1; f < _keys.Count; f++) where.Add(KeyMatch(f, _keys[f].Length, d + ".date_start", id));
            if (_cursor is not null) where.Add($"({d}.date_start, {id}) > (@cdate, @cid)");
            return $"SELECT {d}.date_start, {id} AS id FROM {(key is null ? "events e" : "event_keys k")}"
                + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
                + $" ORDER BY {d}.date_start, {id} LIMIT {limit}";
        }

        /// <summary>The type, modality and end date tests on the rows of <paramref name="alias"/>.</summary>
        private IEnumerable<string> Columns(string alias) => _columns.Select(c => string.Format(CultureInfo.InvariantCulture, c, alias));

        /// <summary>The end of the date range, on the walked date column.</summary>
        private IEnumerable<string> DateBounds(string dateStart)
        {
            if (_q.To is not null) yield return $"{dateStart} <= @to AND {dateStart} <> ''";
        }

        /// <summary>True when the event has one of the first <paramref name="count"/> alternative keys of filter
        /// <paramref name="f"/>, else null (a primary key probe).</summary>
        private string KeyMatch(int f, int count, string dateStart, string id) =>
            $"(SELECT true FROM event_keys j WHERE j.key IN ({string.Join(", ", Enumerable.Range(0, count).Select(i => $"@k{f}_{i}"))}) AND j.date_start = {dateStart} AND j.event_id = {id} LIMIT 1)";

        // A correlated subquery, not a join: the walk checks each event as it goes and stops after a page.
        private string TextMatch(string id) =>
            $"(SELECT true FROM evidence x WHERE x.event_id = {id} AND x.search_tsv @@ ({_tsQuery}) LIMIT 1)";

        /// <summary>Binds a value; returns its placeholder.</summary>
        private string Add(string name, object value)
        {
            Parameters.Add((name, value));
            return "@" + name;
        }
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<Event> StreamEventsAsync(CancellationToken ct = default) => StoreRows.StreamAll(this, ct);

    /// <inheritdoc/>
    public async Task<Event?> GetEventAsync(string id, CancellationToken ct = default)
    {
        await using var c = await _dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT json FROM events WHERE id = @id", c);
        cmd.Parameters.Add(new NpgsqlParameter("id", id));
        return await cmd.ExecuteScalarAsync(ct) is string json ? StoreRows.ReadEvent(json) : null;
    }

    /// <inheritdoc/>
    public async Task<Document?> GetDocumentAsync(string id, CancellationToken ct = default)
    {
        await using var c = await _dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT id, text, date, language, title, source, url FROM documents WHERE id = @id", c);
        cmd.Parameters.Add(new NpgsqlParameter("id", id));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new Document(r.GetString(0), r.GetString(1), PartialDate.TryParse(S(2)), r.GetString(3), S(4), S(5), S(6));
    }

    /// <inheritdoc/>
    public async Task<StoreStats> GetStatsAsync(CancellationToken ct = default)
    {
        await using var c = await _dataSource.OpenConnectionAsync(ct);
        async Task<object?> Scalar(string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, c);
            var v = await cmd.ExecuteScalarAsync(ct);
            return v is DBNull ? null : v;
        }
        var docs = Convert.ToInt64(await Scalar("SELECT COUNT(*) FROM documents"), CultureInfo.InvariantCulture);
        var events = Convert.ToInt64(await Scalar("SELECT COUNT(*) FROM events"), CultureInfo.InvariantCulture);
        var places = Convert.ToInt64(await Scalar("SELECT COUNT(DISTINCT COALESCE(geonames_id::text, name_folded || '|' || COALESCE(country, ''))) FROM locations"), CultureInfo.InvariantCulture);
        var first = await Scalar("SELECT MIN(date_value) FROM events WHERE date_value IS NOT NULL") as string;
        var last = await Scalar("SELECT MAX(date_last) FROM events WHERE date_value IS NOT NULL") as string;
        var byType = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("SELECT type, COUNT(*) FROM events GROUP BY type", c))
        {
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) byType[r.GetString(0)] = r.GetInt64(1);
        }
        return new StoreStats(docs, events, byType, places, first, last);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Folds evidence and searched words alike: lower case, accents removed, as SQLite's FTS5 tokenizer does.</summary>
    private static string SearchFold(string s) => TextFolding.Fold(s);

    private static async Task WriteText(NpgsqlBinaryImporter w, string? value, CancellationToken ct)
    {
        if (value is null) await w.WriteNullAsync(ct);
        else await w.WriteAsync(value, NpgsqlDbType.Text, ct);
    }

    private static async Task Exec(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, CancellationToken ct, int? timeoutSeconds = null)
    {
        await using var cmd = new NpgsqlCommand(sql, c, tx);
        if (timeoutSeconds is { } t) cmd.CommandTimeout = t;
        await cmd.ExecuteNonQueryAsync(ct);
    }




}

/// <summary>Turns a <c>postgres://user:password@host:port/database?option=value</c> URL into an Npgsql connection string.</summary>
public static class PostgresConnectionString
{
    /// <summary>A key=value connection string unchanged, or the URL converted.</summary>
    public static string Normalize(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !target.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return target;
        var uri = new Uri(target);
        var b = new NpgsqlConnectionStringBuilder { Host = string.IsNullOrEmpty(uri.Host) ? "localhost" : uri.Host };
        if (uri.Port > 0) b.Port = uri.Port;
        var db = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (db.Length > 0) b.Database = db;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            b.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) b.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            b[key switch { "sslmode" => "SSL Mode", "search_path" => "Search Path", "application_name" => "Application Name", _ => key }] = value;
        }
        return b.ConnectionString;
    }
}
