namespace Vigie.Storage;

/// <summary>Opens the store a <c>--db</c> value names: a file path for SQLite, a PostgreSQL connection string or URL otherwise.</summary>
public static class StoreFactory
{
    /// <summary>The default embedded database file.</summary>
    public const string DefaultPath = "vigie.db";

    /// <summary>Whether the value is a PostgreSQL connection string or URL rather than a file path.</summary>
    public static bool IsPostgres(string target) =>
        target.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || target.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || (target.Contains('=', StringComparison.Ordinal) && target.Contains("host", StringComparison.OrdinalIgnoreCase));

    /// <summary>Opens the store, migrated.</summary>
    public static Task<IVigieStore> OpenAsync(string target, CancellationToken ct = default) => OpenAsync(target, null, ct);

    /// <summary>Opens the store, migrated; <paramref name="clock"/> stamps stored documents (the system clock when null).</summary>
    public static async Task<IVigieStore> OpenAsync(string target, TimeProvider? clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (IsPostgres(target)) return await PostgresStore.OpenAsync(target, clock, ct);
        return await SqliteStore.OpenAsync(target, clock, ct);
    }
}
