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
public sealed partial class SqliteStore : IVigieStore
{
    private readonly SqliteConnection _connection;
    private readonly SqliteConnection _reader;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _readGate = new(1, 1);
    private readonly TimeProvider _clock;

    /// <summary>Events a text query with other filters tests in their order before it walks the text index instead:
    /// enough for words in a few percent of the events to fill a page, and the rarer words are quick to find through
    /// the index.</summary>
    internal int TextWalk { get; set; } = 2000;

    private SqliteStore(SqliteConnection connection, SqliteConnection reader, TimeProvider clock)
    {
        _connection = connection;
        _reader = reader;
        _clock = clock;
    }

    /// <summary>Deletes a database file and its journal files, closing the pooled connections that hold them first.</summary>
    public static void DeleteDatabase(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
    }

    /// <summary>Opens (creating when absent) the database file and brings its schema up to date.</summary>
    public static Task<SqliteStore> OpenAsync(string path, CancellationToken ct = default) => OpenAsync(path, null, ct);

    /// <summary>Opens the store as <see cref="OpenAsync(string, CancellationToken)"/> does; <paramref name="clock"/> stamps
    /// stored documents (the system clock when null).</summary>
    public static async Task<SqliteStore> OpenAsync(string path, TimeProvider? clock, CancellationToken ct = default)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        // 8 KiB pages (for a new file; an existing one keeps its own): event rows of about a kilobyte of JSON and many
        // index pages touched per commit make ingest about 15 % faster than with 4 KiB. An ingest's long transactions grow
        // the write-ahead log; past a checkpoint it is cut back to 64 MiB.
        var connection = await Connect(cs, "PRAGMA page_size=8192; PRAGMA journal_mode=WAL; PRAGMA journal_size_limit=67108864; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;", ct);
        var store = new SqliteStore(connection, await Connect(cs, "PRAGMA cache_size=-8192;", ct), clock ?? TimeProvider.System);
        await store.MigrateAsync(ct);
        return store;
    }

    private static async Task<SqliteConnection> Connect(string cs, string pragmas, CancellationToken ct)
    {
        var connection = new SqliteConnection(cs);
        await connection.OpenAsync(ct);
        // The schema's migrations and the searches fold text as the writes do.
        connection.CreateFunction("vigie_fold", (string? s) => s is null ? null : Vigie.Text.Folding.Fold(s), isDeterministic: true);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY; " + pragmas;
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }

    /// <inheritdoc/>
    /// <remarks>Each migration runs in a write transaction taken at its start (BEGIN IMMEDIATE) that reads the version
    /// again: another process opening the same new file at the same moment waits for it, then finds the migration done.</remarks>
    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var current = 0;
            foreach (var (version, sql) in SqliteMigrations.All)
            {
                await using var tx = _connection.BeginTransaction(deferred: false);
                await using (var cmd = _connection.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL); SELECT COALESCE(MAX(version), 0) FROM schema_version";
                    current = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
                    if (version > current)
                    {
                        cmd.CommandText = sql + $"; INSERT INTO schema_version (version) VALUES ({version});";
                        await cmd.ExecuteNonQueryAsync(ct);
                        current = version;
                    }
                }
                await tx.CommitAsync(ct);
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
        await using var bulk = new Bulk(this);
        var result = await bulk.StoreAsync(batch, ct);
        await bulk.CommitAsync(ct);
        return result;
    }

    /// <inheritdoc/>
    /// <remarks>Most of a commit's cost is rewriting every index page the batch touched, and consecutive batches touch
    /// many of the same pages: an ingest that commits every few thousand documents writes much less. The write lock
    /// is held from a transaction's first batch to its commit; reads go on through the reading connection.</remarks>
    public IBulkWriter BeginBulk() => new Bulk(this);

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
            var plan = new SqliteQueryPlan(query, cursor, limit + 1, TextWalk);
            if (plan.ProbesText)
            {
                var page = await ReadPage(plan, limit, ct);
                if (page.NextCursor is not null || !await WalkCut(plan, ct)) return page;
                plan.UseTextIndex();
            }
            if (plan.NeedsTextHorizon)
            {
                // Text: find how far (in the index's date order) the first page of matches reaches, then sort that stretch
                // (to its day's end, since within a day the index's order is not the id order).
                for (var window = limit + 1; ; window *= 4)
                {
                    var (rows, last) = await TextHorizon(plan, window, ct);
                    if (rows < window) { plan.TextBelow = null; break; }
                    plan.TextBelow = ((last >> SqliteMigrations.DayShift) + 1) << SqliteMigrations.DayShift;
                    var page = await ReadPage(plan, limit, ct);
                    if (page.NextCursor is not null || window >= 1 << 20) return page;
                }
            }
            return await ReadPage(plan, limit, ct);
        }
        finally { _readGate.Release(); }
    }

    private async Task<bool> WalkCut(SqliteQueryPlan plan, CancellationToken ct)
    {
        await using var cmd = _reader.CreateCommand();
        cmd.CommandText = plan.WalkCutSql();
        plan.Bind(cmd);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) != 0;
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
            cmd.CommandText = "SELECT json, spans FROM events WHERE id = $id";
            cmd.Parameters.AddWithValue("$id", id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            return await r.ReadAsync(ct) ? StoreRows.ReadEvent(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)) : null;
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
            var places = Convert.ToInt64(await Scalar(_reader, "SELECT COUNT(*) FROM places", ct), CultureInfo.InvariantCulture);
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

    private static async Task<object?> Scalar(SqliteConnection c, string sql, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        var v = await cmd.ExecuteScalarAsync(ct);
        return v is DBNull ? null : v;
    }

    private sealed class Bulk(SqliteStore store) : IBulkWriter
    {
        private readonly ConditionalWeakTable<StoredDocument, SqliteEventRows[]> _prepared = [];
        private SqliteTransaction? _tx;

        public void Prepare(StoredDocument document) => _prepared.AddOrUpdate(document, SqliteBatchWriter.Prepare(document));

        public async Task<StoreResult> StoreAsync(IReadOnlyList<StoredDocument> batch, CancellationToken ct = default)
        {
            ArgumentNullException.ThrowIfNull(batch);
            var prepared = SqliteBatchWriter.Prepare(batch, _prepared);
            if (_tx is null)
            {
                await store._gate.WaitAsync(ct);
                try { _tx = (SqliteTransaction)await store._connection.BeginTransactionAsync(ct); }
                catch
                {
                    store._gate.Release();
                    throw;
                }
            }
            using var w = new SqliteBatchWriter(store._connection, _tx);
            return w.Write(batch, prepared, store._clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture), ct);
        }

        public async Task CommitAsync(CancellationToken ct = default)
        {
            if (_tx is null) return;
            try { await _tx.CommitAsync(ct); }
            finally { await EndAsync(); }
        }

        public async ValueTask DisposeAsync()
        {
            if (_tx is not null) await EndAsync();
        }

        // Disposing an uncommitted transaction rolls it back.
        private async Task EndAsync()
        {
            await _tx!.DisposeAsync();
            _tx = null;
            store._gate.Release();
        }
    }
}
