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
}
