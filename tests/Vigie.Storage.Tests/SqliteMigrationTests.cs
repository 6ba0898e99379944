using Microsoft.Data.Sqlite;
using Vigie.Core;

namespace Vigie.Storage.Tests;

/// <summary>An embedded database written by an older Vigie opens with its events intact and findable.</summary>
public sealed class SqliteMigrationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vigie-migrate-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_version_2_database_upgrades_and_its_events_answer_every_filter()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "old.db");
        await using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await c.OpenAsync();
            var sql = "CREATE TABLE schema_version (version INTEGER NOT NULL);"
                + string.Concat(SqliteMigrations.All.Where(m => m.Version <= 2).Select(m => m.Sql + $"; INSERT INTO schema_version VALUES ({m.Version});"))
                + """
                INSERT INTO documents VALUES ('d1', 'k1', '2021-08-13', 'fr', NULL, NULL, NULL, 'Texte.', '2021-08-13T00:00:00Z');
                INSERT INTO events (id, document_id, type, modality, date_value, date_precision, date_start, date_end, actor1_id, actor2_id, confidence, json, long_span) VALUES
                    ('e1', 'd1', 'territory_taken', 'asserted', '2021-08-13', 'day', '2021-08-13', '2021-08-13', 'taliban', NULL, 0.8, $e1, 0),
                    ('e2', 'd1', 'armed_clash', 'asserted', '2021', 'year', '2021-01-01', '2021-12-31', 'afg_army', NULL, 0.8, $e2, 1);
                INSERT INTO actors VALUES ('e1', 'actor1', 'taliban', 'Taliban', 'taliban', 'AFG', 'REB'), ('e2', 'actor1', 'afg_army', 'Armée afghane', 'armee afghane', 'AFG', 'MIL');
                INSERT INTO locations VALUES ('e1', 0, 'Kandahar', 'kandahar', 'AF', 'Kandahar', 31.6, 65.7, 'city', 1138336), ('e2', 0, 'Hérat', 'herat', 'AF', NULL, 34.3, 62.2, 'city', NULL);
                INSERT INTO evidence VALUES ('e1', 0, 'd1', 1, 0, 10, 'Les talibans ont pris Kandahar.', 'r'), ('e2', 0, 'd1', 2, 0, 10, 'Combats à Hérat toute l''année.', 'r');
                INSERT INTO evidence_fts VALUES ('e1', 'Les talibans ont pris Kandahar.'), ('e2', 'Combats à Hérat toute l''année.');
                """;
            await using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            cmd.Parameters.AddWithValue("$e1", VigieJson.Serialize(Sample.Ev("e1", "d1", actor1: Sample.Taliban)));
            cmd.Parameters.AddWithValue("$e2", VigieJson.Serialize(Sample.Ev("e2", "d1", type: "armed_clash", date: "2021", precision: DatePrecision.Year, actor1: Sample.Army, at: [Sample.Herat])));
            await cmd.ExecuteNonQueryAsync();
        }

        await using var store = await SqliteStore.OpenAsync(path);
        Assert.Equal(SqliteMigrations.All[^1].Version, await store.MigrateAsync());
        await store.StoreAsync([Sample.Stored(Sample.Doc("d2"), Sample.Ev("e3", "d2", date: "2021-08-14", evidence: "Combats près de Kandahar.", actor1: Sample.Taliban))]);
        async Task<List<string>> Q(EventQuery q) => [.. (await store.QueryEventsAsync(q)).Events.Select(e => e.Id)];
        Assert.Equal(["e1", "e3"], await Q(new EventQuery(Actor: "taliban")));
        Assert.Equal(["e2"], await Q(new EventQuery(Actor: "ARMÉE afghane")));
        Assert.Equal(["e2", "e1", "e3"], await Q(new EventQuery(Country: "af")));
        Assert.Equal(["e1", "e3"], await Q(new EventQuery(Place: "1138336")));
        Assert.Equal(["e2"], await Q(new EventQuery(Place: "herat")));
        Assert.Equal(["e2", "e3"], await Q(new EventQuery(Text: "combats")));
        Assert.Equal(["e2", "e1"], await Q(new EventQuery(Country: "AF", From: new DateOnly(2021, 8, 13), To: new DateOnly(2021, 8, 13))));
        // Version 4 fills the place and document searches from what was stored before; old events have no spans.
        var places = await store.SearchPlacesAsync(new PlaceQuery());
        Assert.Equal([("Kandahar", 2L), ("Hérat", 1L)], places.Select(p => (p.Name, p.Events)));
        Assert.Equal(["d1", "d2"], (await store.ListDocumentsAsync(new DocumentQuery())).Documents.Select(d => d.Id).Order());
        Assert.Empty((await store.GetEventAsync("e1"))!.Spans);
        await using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        await check.OpenAsync();
        await using var tables = check.CreateCommand();
        tables.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('documents_fts', 'evidence_fts')";
        Assert.Equal(0L, await tables.ExecuteScalarAsync());
    }
}
