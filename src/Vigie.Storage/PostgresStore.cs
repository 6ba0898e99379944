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
public sealed partial class PostgresStore : IVigieStore
{
    private const long MigrationLockKey = 0x5669676965; // "Vigie"
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;

    private PostgresStore(NpgsqlDataSource dataSource, TimeProvider clock)
    {
        _dataSource = dataSource;
        _clock = clock;
    }

    /// <summary>Opens a pool on the database the connection string or <c>postgres://</c> URL names and brings its schema up to date.</summary>
    public static Task<PostgresStore> OpenAsync(string connectionString, CancellationToken ct = default) => OpenAsync(connectionString, null, ct);

    /// <summary>Opens the store as <see cref="OpenAsync(string, CancellationToken)"/> does; <paramref name="clock"/> stamps
    /// stored documents (the system clock when null).</summary>
    public static async Task<PostgresStore> OpenAsync(string connectionString, TimeProvider? clock, CancellationToken ct = default)
    {
        var store = new PostgresStore(NpgsqlDataSource.Create(PostgresConnectionString.Normalize(connectionString)), clock ?? TimeProvider.System);
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
    public async Task<EventFeedPage> ReadEventsAfterAsync(long seq, int limit = 1000, CancellationToken ct = default)
    {
        await using var c = await _dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT seq, json FROM events WHERE seq > @after ORDER BY seq LIMIT @limit", c);
        cmd.Parameters.Add(new NpgsqlParameter("after", seq));
        cmd.Parameters.Add(new NpgsqlParameter("limit", Math.Clamp(limit, 1, 10_000)));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await StoreRows.ReadFeedPageAsync(r, seq, ct);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<Event> StreamEventsAsync(CancellationToken ct = default) => StoreRows.StreamAll(this, ct);

    /// <inheritdoc/>
    public async Task<Event?> GetEventAsync(string id, CancellationToken ct = default)
    {
        await using var c = await _dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT json, spans FROM events WHERE id = @id", c);
        cmd.Parameters.Add(new NpgsqlParameter("id", id));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? StoreRows.ReadEvent(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)) : null;
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

    /// <summary>Deletes every document and event (the benchmark starts from an empty database).</summary>
    public async Task ClearAsync(CancellationToken ct = default)
    {
        await using var c = await _dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("TRUNCATE documents CASCADE", c);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

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
