namespace Vigie.Storage.Tests;

/// <summary>The store specification on the embedded SQLite file.</summary>
public sealed class SqliteStoreTests : StoreContract
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vigie-store-" + Guid.NewGuid().ToString("N"));

    protected override string? Unavailable => null;

    protected override async Task<IVigieStore> OpenNewAsync() => await SqliteStore.OpenAsync(Path.Combine(_dir, "vigie.db"));

    protected override Task DropAsync()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_bulk_write_disposed_before_its_commit_stores_nothing_and_releases_the_store()
    {
        await using var store = await SqliteStore.OpenAsync(Path.Combine(_dir, "bulk.db"));
        await using (var bulk = store.BeginBulk())
            await bulk.StoreAsync([Sample.Stored(Sample.Doc("d1"), Sample.Ev("e1", "d1"))]);
        Assert.Equal(0, (await store.GetStatsAsync()).Documents);
        Assert.Equal(new StoreResult(1, 0, 1), await store.StoreAsync([Sample.Stored(Sample.Doc("d1"), Sample.Ev("e1", "d1"))]));
    }

    [Fact]
    public async Task Text_with_other_filters_gives_what_a_scan_gives_when_the_bounded_walk_falls_back_on_the_text_index()
    {
        await using var store = await SqliteStore.OpenAsync(Path.Combine(_dir, "walk.db"));
        store.TextWalk = 3;
        await MatchesAScan(store);
    }

    [Fact]
    public async Task Documents_are_stamped_by_the_clock_the_store_was_given()
    {
        var path = Path.Combine(_dir, "clock.db");
        await using (var store = await SqliteStore.OpenAsync(path, new FixedClock(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero))))
            await store.StoreAsync([Sample.Stored(Sample.Doc("d1"))]);
        await using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT ingested_at FROM documents";
        Assert.StartsWith("2030-01-02T03:04:05", (string)(await cmd.ExecuteScalarAsync())!, StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
