using System.Globalization;
using Npgsql;
using Vigie.Core;

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
        await ExecAsync(null, $"CREATE SCHEMA IF NOT EXISTS {_schema}");
        return await StoreFactory.OpenAsync(ConnectionString(_schema));
    }

    protected override async Task DropAsync()
    {
        if (Server is null) return;
        NpgsqlConnection.ClearAllPools();
        await ExecAsync(null, $"DROP SCHEMA IF EXISTS {_schema} CASCADE; DROP SCHEMA IF EXISTS {_schema}_new CASCADE; DROP SCHEMA IF EXISTS {_schema}_old CASCADE");
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Stores_opened_at_once_on_a_new_schema_all_migrate_it_once()
    {
        Skip.If(Server is null, Unavailable);
        for (var run = 0; run < 5; run++)
        {
            await DropAsync();
            await ExecAsync(null, $"CREATE SCHEMA {_schema}");
            var stores = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => PostgresStore.OpenAsync(ConnectionString(_schema)))));
            foreach (var s in stores) await s.DisposeAsync();
            Assert.Equal([$"{PostgresMigrations.All.Count}|{PostgresMigrations.All.Count}"], await RowsAsync(_schema, "SELECT COUNT(*) || '|' || COUNT(DISTINCT version) FROM schema_version"));
        }
    }

    [SkippableFact]
    public async Task A_version_1_database_upgrades_to_the_keys_and_long_spans_a_new_one_writes()
    {
        Skip.If(Server is null, Unavailable);
        string fresh = _schema + "_new", old = _schema + "_old";
        var rng = new Random(8);
        var (documents, _) = OracleData.Make(rng);
        await ExecAsync(null, $"CREATE SCHEMA {fresh}; CREATE SCHEMA {old}");
        await using var reference = await PostgresStore.OpenAsync(ConnectionString(fresh));
        await reference.StoreAsync(documents);

        // The same rows in a database that only migration 1 made, as an older Vigie left it.
        await ExecAsync(old, "CREATE TABLE schema_version (version integer NOT NULL); INSERT INTO schema_version VALUES (1);" + PostgresMigrations.All[0].Sql);
        await ExecAsync(old, $"""
            INSERT INTO documents SELECT id, content_key, date, language, title, source, url, text, ingested_at FROM {fresh}.documents;
            INSERT INTO events SELECT id, document_id, type, modality, date_value, date_last, date_precision, date_start, date_end, actor1_id, actor2_id, confidence, json FROM {fresh}.events;
            INSERT INTO locations SELECT * FROM {fresh}.locations;
            INSERT INTO actors SELECT * FROM {fresh}.actors;
            INSERT INTO quantities SELECT * FROM {fresh}.quantities;
            INSERT INTO evidence (event_id, idx, document_id, sentence, start, "end", text, rule, search)
                SELECT event_id, idx, document_id, sentence, start, "end", text, rule, search FROM {fresh}.evidence;
            """);
        await using var upgraded = await PostgresStore.OpenAsync(ConnectionString(old));
        Assert.Equal(PostgresMigrations.All[^1].Version, await upgraded.MigrateAsync());

        const string Keys = "SELECT concat_ws('|', key, date_start, event_id, long_span, date_end, type, modality) FROM event_keys ORDER BY 1";
        const string Spans = "SELECT id || '|' || long_span FROM events ORDER BY 1";
        var keys = await RowsAsync(fresh, Keys);
        Assert.Equal(keys, await RowsAsync(old, Keys));
        Assert.Equal(await RowsAsync(fresh, Spans), await RowsAsync(old, Spans));
        Assert.Contains(keys, k => k.Contains("|t|", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith("a:armee afghane|", StringComparison.Ordinal) || k.StartsWith("a:armée afghane|", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith("g:", StringComparison.Ordinal));
        for (var run = 0; run < 60; run++)
        {
            var q = OracleData.Query(rng) with { Limit = 1 + rng.Next(5) };
            Assert.Equal(await IdsAsync(reference, q), await IdsAsync(upgraded, q));
        }
    }

    [SkippableFact]
    public async Task Text_found_past_the_bounded_walk_still_comes_in_date_order()
    {
        // More events than the text walk checks, with a rare word before, at the end of and past the walk, and a word
        // on every third event: the walk fills pages of the common words, the index lookup answers the rare one. Some
        // events are long and half have an actor whose id is its folded name, so that branches merge too.
        Skip.If(Server is null, Unavailable);
        var store = await OpenNewAsync();
        var rare = new HashSet<int> { 7, 5990, 6400, 6999 };
        var first = new DateOnly(2020, 1, 1);
        string Day(int i, int plus = 0) => first.AddDays(i / 3 + plus).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var events = Enumerable.Range(0, 7000).Select(i => Sample.Ev($"e{i:D5}", "d1", date: Day(i), end: i % 700 == 5 ? Day(i, 100) : null,
            actor1: i % 2 == 0 ? Sample.Taliban : null,
            evidence: (i % 3 == 0 ? "Des combats " : "Une frappe ") + (rare.Contains(i) ? "à Zaranj." : "près de la ville."))).ToList();
        await using (store)
        {
            await store.StoreAsync([Sample.Stored(Sample.Doc("d1"), [.. events])]);
            EventQuery[] queries =
            [
                new(Text: "zaranj", Limit: 1), new(Text: "zaranj", Limit: 3), new(Text: "ZARANJ combats", Limit: 2), new(Text: "combats", Limit: 100),
                new(Text: "combats ville", Limit: 7), new(Text: "frappe", Limit: 1000), new(Text: "zaranj", From: first.AddDays(30), Limit: 1),
                new(Text: "combats", From: first.AddDays(2000), Limit: 50), new(Text: "frappe", Actor: "taliban", Limit: 300),
                new(Text: "zaranj", Actor: "taliban", From: first.AddDays(1), Limit: 1),
            ];
            foreach (var q in queries)
            {
                var expected = events.Where(e => OracleData.Matches(e, q))
                    .OrderBy(e => e.Date!.FirstDay).ThenBy(e => e.Id, StringComparer.Ordinal).Select(e => e.Id).ToList();
                Assert.True(expected.Count > 0, $"query {q} matches nothing: it would prove little");
                Assert.Equal(expected, await IdsAsync(store, q));
            }
        }
    }

    private static string ConnectionString(string? schema)
    {
        var b = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Normalize(Server!));
        if (schema is not null) b.SearchPath = schema;
        return b.ConnectionString;
    }

    private static async Task ExecAsync(string? schema, string sql)
    {
        await using var c = new NpgsqlConnection(ConnectionString(schema));
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> RowsAsync(string schema, string sql)
    {
        await using var c = new NpgsqlConnection(ConnectionString(schema));
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await r.ReadAsync()) rows.Add(r.GetString(0));
        return rows;
    }

    /// <summary>The ids of every page of the query, following the cursor.</summary>
    private static async Task<List<string>> IdsAsync(IVigieStore store, EventQuery q)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await store.QueryEventsAsync(q with { Cursor = cursor });
            ids.AddRange(page.Events.Select(e => e.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return ids;
    }
}
