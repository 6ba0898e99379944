using Npgsql;
using NpgsqlTypes;
using Vigie.Core;

namespace Vigie.Storage;

/// <summary>The shared store's place search and document list (the same answers as SQLite's).</summary>
public sealed partial class PostgresStore
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<PlaceSummary>> SearchPlacesAsync(PlaceQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var c = await _dataSource.OpenConnectionAsync(ct);
        // One row per place as SQLite's places table keys it (its GeoNames id, else its folded name and country).
        await using var cmd = new NpgsqlCommand("""
            SELECT min(name COLLATE "C"), min(country), min(admin1), min(lat), min(lon), min(precision), min(geonames_id), count(DISTINCT event_id)
            FROM locations
            WHERE (@q = '' OR strpos(name_folded, @q) > 0) AND (@country::text IS NULL OR upper(country) = @country)
            GROUP BY COALESCE(geonames_id::text, name_folded || '|' || COALESCE(country, ''))
            ORDER BY bool_or(starts_with(name_folded, @q)) DESC, count(DISTINCT event_id) DESC, min(name COLLATE "C")
            LIMIT @limit
            """, c);
        cmd.Parameters.Add(new NpgsqlParameter("q", NpgsqlDbType.Text) { Value = StoreRows.Folded(query.Text) });
        cmd.Parameters.Add(new NpgsqlParameter("country", NpgsqlDbType.Text) { Value = (object?)StoreRows.Country(query.Country) ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = Math.Clamp(query.Limit, 1, 1000) });
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
        var q = StoreRows.Folded(query.Text);
        await using var c = await _dataSource.OpenConnectionAsync(ct);
        var list = new List<DocumentSummary>(limit);
        await using (var cmd = new NpgsqlCommand("""
            SELECT d.id, d.title, d.date, d.language, d.source, d.url, (SELECT count(*) FROM events e WHERE e.document_id = d.id)
            FROM documents d WHERE @q = '' OR strpos(d.label_folded, @q) > 0
            ORDER BY d.date DESC NULLS LAST, d.id LIMIT @limit OFFSET @offset
            """, c))
        {
            cmd.Parameters.Add(new NpgsqlParameter("q", NpgsqlDbType.Text) { Value = q });
            cmd.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit });
            cmd.Parameters.Add(new NpgsqlParameter("offset", NpgsqlDbType.Integer) { Value = offset });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                list.Add(new DocumentSummary(r.GetString(0), S(r, 1), PartialDate.TryParse(S(r, 2)), r.GetString(3), S(r, 4), S(r, 5), r.GetInt64(6)));
        }
        await using var count = new NpgsqlCommand("SELECT count(*) FROM documents WHERE @q = '' OR strpos(label_folded, @q) > 0", c);
        count.Parameters.Add(new NpgsqlParameter("q", NpgsqlDbType.Text) { Value = q });
        var total = Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return new DocumentPage(list, total, offset + list.Count < total ? offset + list.Count : null);
    }

    private static string? S(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
