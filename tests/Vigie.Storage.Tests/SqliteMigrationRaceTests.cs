using Microsoft.Data.Sqlite;

namespace Vigie.Storage.Tests;

/// <summary>Two ingests started together on a database that does not exist yet both open it.</summary>
public sealed class SqliteMigrationRaceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vigie-race-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact(Timeout = 120_000)]
    public async Task Two_stores_opened_at_once_on_a_new_file_both_migrate_it_once()
    {
        Directory.CreateDirectory(_dir);
        for (var run = 0; run < 12; run++)
        {
            var path = Path.Combine(_dir, $"race{run}.db");
            using var start = new ManualResetEventSlim();
            // Each on its own thread, released together, so that both read the version of the empty file.
            var opens = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
            {
                start.Wait();
                return SqliteStore.OpenAsync(path).GetAwaiter().GetResult();
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
            start.Set();
            var stores = await Task.WhenAll(opens);
            try
            {
                await stores[0].StoreAsync([Sample.Stored(Sample.Doc("d1"), Sample.Ev("e1", "d1"))]);
                await stores[1].StoreAsync([Sample.Stored(Sample.Doc("d2"), Sample.Ev("e2", "d2"))]);
                Assert.Equal(2, (await stores[1].GetStatsAsync()).Documents);
            }
            finally
            {
                foreach (var s in stores) await s.DisposeAsync();
            }
            await using var c = new SqliteConnection($"Data Source={path};Pooling=False");
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) = COUNT(DISTINCT version) FROM schema_version";
            Assert.Equal(1L, await cmd.ExecuteScalarAsync());
        }
    }
}
