using Microsoft.Data.Sqlite;
using Vigie.Core;

namespace Vigie.Storage;

/// <summary>The embedded store's place search and document list.</summary>
public sealed partial class SqliteStore
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<PlaceSummary>> SearchPlacesAsync(PlaceQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var lease = await _readers.RentAsync(ct);
        await using var cmd = lease.Connection.CreateCommand();
        // A scan of the distinct places (thousands, not the events); the name that starts with the words comes first.
        cmd.CommandText = """
            SELECT name, country, admin1, lat, lon, precision, geonames_id, events FROM places
            WHERE events > 0 AND ($q = '' OR instr(name_folded, $q) > 0) AND ($country IS NULL OR upper(country) = $country)
            ORDER BY CASE WHEN substr(name_folded, 1, length($q)) = $q THEN 0 ELSE 1 END, events DESC, name
            LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$q", StoreRows.Folded(query.Text));
        cmd.Parameters.AddWithValue("$country", (object?)StoreRows.Country(query.Country) ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$limit", Math.Clamp(query.Limit, 1, 1000));
        var list = new List<PlaceSummary>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new PlaceSummary(r.GetString(0), S(r, 1), S(r, 2), r.GetDouble(3), r.GetDouble(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetInt64(6), r.GetInt64(7)));
        return list;
    }

    /// <inheritdoc/>
    public async Task<DocumentPage> ListDocumentsAsync(DocumentQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, 1000);
        var offset = Math.Max(0, query.Offset);
        using var lease = await _readers.RentAsync(ct);
        await using var cmd = lease.Connection.CreateCommand();
        cmd.CommandText = """
            SELECT d.id, d.title, d.date, d.language, d.source, d.url, (SELECT COUNT(*) FROM events e WHERE e.document_id = d.id)
            FROM documents d WHERE $q = '' OR instr(d.label_folded, $q) > 0
            ORDER BY d.date IS NULL, d.date DESC, d.id LIMIT $limit OFFSET $offset;
            SELECT COUNT(*) FROM documents WHERE $q = '' OR instr(label_folded, $q) > 0;
            """;
        cmd.Parameters.AddWithValue("$q", StoreRows.Folded(query.Text));
        cmd.Parameters.AddWithValue("$limit", limit);
        cmd.Parameters.AddWithValue("$offset", offset);
        var list = new List<DocumentSummary>(limit);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new DocumentSummary(r.GetString(0), S(r, 1), PartialDate.TryParse(S(r, 2)), r.GetString(3), S(r, 4), S(r, 5), r.GetInt64(6)));
        await r.NextResultAsync(ct);
        await r.ReadAsync(ct);
        var total = r.GetInt64(0);
        return new DocumentPage(list, total, offset + list.Count < total ? offset + list.Count : null);
    }

    private static string? S(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
