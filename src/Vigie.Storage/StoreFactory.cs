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

    /// <summary>The database a <c>--db</c> value names, the same for every spelling of it and without its credentials:
    /// the full path of a SQLite file, <c>postgresql://host:port/database?search_path=…</c> otherwise.</summary>
    public static string TargetName(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!IsPostgres(target)) return "sqlite:" + Path.GetFullPath(target);
        var b = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionString.Normalize(target));
        return $"postgresql://{b.Host}:{b.Port}/{b.Database ?? b.Username}?search_path={b.SearchPath}";
    }

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
