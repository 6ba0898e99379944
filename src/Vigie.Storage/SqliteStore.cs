using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigie.Core;

namespace Vigie.Storage;

/// <summary>The embedded store: one SQLite file, WAL journal, full-text search with FTS5.</summary>
/// <remarks>Writes go through one connection and reads through a pool of others (<see cref="SqliteReaderPool"/>), so that
/// (in WAL mode) a long batch write never holds up the duplicate checks and queries of an ingest or a server in progress,
/// and a server's requests read in parallel.</remarks>
public sealed partial class SqliteStore : IVigieStore
{
    private readonly SqliteConnection _connection;
    private readonly SqliteReaderPool _readers;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _clock;

    /// <summary>Events a text query with other filters tests in their order before it walks the text index instead:
    /// enough for words in a few percent of the events to fill a page, and the rarer words are quick to find through
    /// the index.</summary>
    internal int TextWalk { get; set; } = 2000;

    /// <summary>Reading connections open at once at most: enough for a server's requests on a few cores, each holding
    /// an 8 MiB page cache.</summary>
    internal static int ReaderCount => Math.Clamp(Environment.ProcessorCount * 2, 4, 16);

    private SqliteStore(SqliteConnection connection, SqliteReaderPool readers, TimeProvider clock)
    {
        _connection = connection;
        _readers = readers;
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
        var store = new SqliteStore(connection, new SqliteReaderPool(c => Connect(cs, "PRAGMA cache_size=-8192;", c), ReaderCount), clock ?? TimeProvider.System);
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
    /// <remarks>One query for the whole list (the keys as a JSON array), not one per key.</remarks>
    public async Task<IReadOnlySet<string>> FindExistingAsync(IReadOnlyCollection<string> idsOrContentKeys, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(idsOrContentKeys);
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (idsOrContentKeys.Count == 0) return found;
        using var lease = await _readers.RentAsync(ct);
        await using var cmd = lease.Connection.CreateCommand();
        cmd.CommandText = """
            SELECT k.value FROM json_each($keys) k
            WHERE EXISTS (SELECT 1 FROM documents WHERE id = k.value) OR EXISTS (SELECT 1 FROM documents WHERE content_key = k.value)
            """;
        cmd.Parameters.AddWithValue("$keys", JsonSerializer.Serialize(idsOrContentKeys));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) found.Add(r.GetString(0));
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
        var (rows, next) = await QueryAsync(query, StoreRows.ReadEvent, ct);
        return new EventPage(rows, next);
    }

    /// <inheritdoc/>
    /// <remarks>The rows' JSON as stored: no event is read into objects.</remarks>
    public async Task<EventJsonPage> QueryEventsJsonAsync(EventQuery query, CancellationToken ct = default)
    {
        var (rows, next) = await QueryAsync(query, static json => json, ct);
        return new EventJsonPage(rows, next);
    }

    private async Task<(List<T> Rows, string? Next)> QueryAsync<T>(EventQuery query, Func<string, T> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, 1000);
        (string Date, string Id)? cursor;
        try { cursor = query.Cursor is null ? null : StoreRows.DecodeCursor(query.Cursor); }
        catch (FormatException ex) { throw new ArgumentException("The paging cursor is not valid.", nameof(query), ex); }
        using var lease = await _readers.RentAsync(ct);
        var c = lease.Connection;
        var plan = new SqliteQueryPlan(query, cursor, limit + 1, TextWalk);
        if (plan.ProbesText)
        {
            var page = await ReadPage(c, plan, limit, read, ct);
            if (page.Next is not null || !await WalkCut(c, plan, ct)) return page;
            plan.UseTextIndex();
        }
        if (plan.NeedsTextHorizon)
        {
            // Text: find how far (in the index's date order) the first page of matches reaches, then sort that stretch
            // (to its day's end, since within a day the index's order is not the id order).
            for (var window = limit + 1; ; window *= 4)
            {
                var (rows, last) = await TextHorizon(c, plan, window, ct);
                if (rows < window) { plan.TextBelow = null; break; }
                plan.TextBelow = ((last >> SqliteMigrations.DayShift) + 1) << SqliteMigrations.DayShift;
                var page = await ReadPage(c, plan, limit, read, ct);
                if (page.Next is not null || window >= 1 << 20) return page;
            }
        }
        return await ReadPage(c, plan, limit, read, ct);
    }

    private static async Task<bool> WalkCut(SqliteConnection c, SqliteQueryPlan plan, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = plan.WalkCutSql();
        plan.Bind(cmd);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) != 0;
    }

    private static async Task<(long Rows, long Last)> TextHorizon(SqliteConnection c, SqliteQueryPlan plan, int window, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = plan.TextHorizonSql();
        plan.Bind(cmd);
        cmd.Parameters.AddWithValue("$window", window);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return (r.GetInt64(0), r.IsDBNull(1) ? 0 : r.GetInt64(1));
    }

    private static async Task<(List<T> Rows, string? Next)> ReadPage<T>(SqliteConnection c, SqliteQueryPlan plan, int limit, Func<string, T> read, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = plan.PageSql();
        plan.Bind(cmd);
        var list = new List<T>(limit);
        string? next = null;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        string lastDate = "", lastId = "";
        while (await r.ReadAsync(ct))
        {
            if (list.Count == limit) { next = StoreRows.EncodeCursor(lastDate, lastId); break; }
            list.Add(read(r.GetString(0)));
            lastDate = r.GetString(1);
            lastId = r.GetString(2);
        }
        return (list, next);
    }

    /// <inheritdoc/>
    /// <remarks>The feed's position is the event's <c>seq</c>, given by the single writer inside its transaction, so
    /// positions grow in commit order.</remarks>
    public async Task<EventFeedPage> ReadEventsAfterAsync(long seq, int limit = 1000, CancellationToken ct = default)
    {
        using var lease = await _readers.RentAsync(ct);
        await using var cmd = lease.Connection.CreateCommand();
        cmd.CommandText = "SELECT seq, json FROM events WHERE seq > $after ORDER BY seq LIMIT $limit";
        cmd.Parameters.AddWithValue("$after", seq);
        cmd.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 10_000));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await StoreRows.ReadFeedPageAsync(r, seq, ct);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<Event> StreamEventsAsync(CancellationToken ct = default) => StoreRows.StreamAll(this, ct);

    /// <inheritdoc/>
    public async Task<Event?> GetEventAsync(string id, CancellationToken ct = default)
    {
        using var lease = await _readers.RentAsync(ct);
        await using var cmd = lease.Connection.CreateCommand();
        cmd.CommandText = "SELECT json, spans FROM events WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? StoreRows.ReadEvent(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)) : null;
    }

    /// <inheritdoc/>
    public async Task<Document?> GetDocumentAsync(string id, CancellationToken ct = default)
    {
        using var lease = await _readers.RentAsync(ct);
        await using var cmd = lease.Connection.CreateCommand();
        cmd.CommandText = "SELECT id, text, date, language, title, source, url FROM documents WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new Document(r.GetString(0), r.GetString(1), PartialDate.TryParse(S(2)), r.GetString(3), S(4), S(5), S(6));
    }

    /// <inheritdoc/>
    public async Task<StoreStats> GetStatsAsync(CancellationToken ct = default)
    {
        using var lease = await _readers.RentAsync(ct);
        var reader = lease.Connection;
        var docs = Convert.ToInt64(await Scalar(reader, "SELECT COUNT(*) FROM documents", ct), CultureInfo.InvariantCulture);
        var events = Convert.ToInt64(await Scalar(reader, "SELECT COUNT(*) FROM events", ct), CultureInfo.InvariantCulture);
        var places = Convert.ToInt64(await Scalar(reader, "SELECT COUNT(*) FROM places", ct), CultureInfo.InvariantCulture);
        var first = await Scalar(reader, "SELECT MIN(date_value) FROM events WHERE date_value IS NOT NULL", ct) as string;
        var last = await Scalar(reader, "SELECT MAX(COALESCE(json_extract(json, '$.date.end'), date_value)) FROM events WHERE date_value IS NOT NULL", ct) as string;
        var byType = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using (var cmd = reader.CreateCommand())
        {
            cmd.CommandText = "SELECT type, COUNT(*) FROM events GROUP BY type";
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) byType[r.GetString(0)] = r.GetInt64(1);
        }
        return new StoreStats(docs, events, byType, places, first, last);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _readers.DisposeAsync();
        _gate.Dispose();
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
