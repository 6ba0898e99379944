using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Vigie.Storage;

/// <summary>The embedded store's reading connections: up to <c>size</c> open at once, each used by one reader at a time,
/// opened when first needed. In WAL mode readers do not block each other nor the single writer, so a server's requests
/// read in parallel.</summary>
internal sealed class SqliteReaderPool(Func<CancellationToken, Task<SqliteConnection>> open, int size) : IAsyncDisposable
{
    private readonly ConcurrentBag<SqliteConnection> _idle = [];
    private readonly ConcurrentBag<SqliteConnection> _all = [];
    private readonly SemaphoreSlim _slots = new(size, size);

    /// <summary>A connection for one read; dispose the lease to give it back.</summary>
    public async Task<Lease> RentAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            if (_idle.TryTake(out var idle)) return new Lease(this, idle);
            var c = await open(ct);
            _all.Add(c);
            return new Lease(this, c);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var c in _all) await c.DisposeAsync();
        _slots.Dispose();
    }

    /// <summary>One connection rented from the pool.</summary>
    internal readonly struct Lease(SqliteReaderPool pool, SqliteConnection connection) : IDisposable
    {
        /// <summary>The connection, for this reader only until disposed.</summary>
        public SqliteConnection Connection => connection;

        /// <inheritdoc/>
        public void Dispose()
        {
            pool._idle.Add(connection);
            pool._slots.Release();
        }
    }
}
