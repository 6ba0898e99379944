using Npgsql;

namespace Vigie.Storage;


/// <summary>Turns a <c>postgres://user:password@host:port/database?option=value</c> URL into an Npgsql connection string.</summary>
public static class PostgresConnectionString
{
    /// <summary>A key=value connection string unchanged, or the URL converted.</summary>
    public static string Normalize(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !target.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return target;
        var uri = new Uri(target);
        var b = new NpgsqlConnectionStringBuilder { Host = string.IsNullOrEmpty(uri.Host) ? "localhost" : uri.Host };
        if (uri.Port > 0) b.Port = uri.Port;
        var db = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (db.Length > 0) b.Database = db;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            b.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) b.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            b[key switch { "sslmode" => "SSL Mode", "search_path" => "Search Path", "application_name" => "Application Name", _ => key }] = value;
        }
        return b.ConnectionString;
    }
}
