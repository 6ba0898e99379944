using Npgsql;

namespace Vigie.Storage.Tests;

/// <summary>The store specification on PostgreSQL (<c>VIGIE_TEST_PG</c>, a connection string); each test gets a schema of its own.</summary>
public sealed class PostgresStoreTests : StoreContract
{
    private readonly string _schema = "vigie_test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The server the PostgreSQL tests use, or null.</summary>
    public static string? Server => Environment.GetEnvironmentVariable("VIGIE_TEST_PG") is { Length: > 0 } cs ? cs : null;

    protected override string? Unavailable => Server is null
        ? "PostgreSQL tests need VIGIE_TEST_PG (a connection string, e.g. Host=127.0.0.1;Username=postgres;Password=postgres;Database=vigie_test); .ci/services.sh starts a server and prints it."
        : null;

    protected override async Task<IVigieStore> OpenNewAsync()
    {
        var server = Server!;
        await using (var c = new NpgsqlConnection(PostgresConnectionString.Normalize(server)))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {_schema}", c);
            await cmd.ExecuteNonQueryAsync();
        }
        var b = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Normalize(server)) { SearchPath = _schema };
        return await StoreFactory.OpenAsync(b.ConnectionString);
    }

    protected override async Task DropAsync()
    {
        if (Server is null) return;
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(PostgresConnectionString.Normalize(Server));
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", c);
        await cmd.ExecuteNonQueryAsync();
    }
}
