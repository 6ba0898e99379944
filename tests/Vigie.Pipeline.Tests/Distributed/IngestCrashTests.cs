using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Vigie.Pipeline.Tests.Distributed;

/// <summary><c>vigie ingest</c> into the embedded store, killed with SIGKILL mid-run, then run again.</summary>
[Collection(ProcessTests.Name)]
public sealed class IngestCrashTests : IDisposable
{
    private const int Documents = 12000;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vigie-crash-" + Guid.NewGuid().ToString("N"));

    public IngestCrashTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_killed_ingest_leaves_a_consistent_database_that_a_rerun_completes_without_duplicates()
    {
        var docs = TestServices.Documents(Documents, "crash").ToList();
        var input = Path.Combine(_dir, "news.jsonl");
        await File.WriteAllLinesAsync(input, docs.Select(d => JsonSerializer.Serialize(new { id = d.Id, text = d.Text, date = d.Date!.Value.ToString(), language = d.Language, title = d.Title })));
        var db = Path.Combine(_dir, "vigie.db");

        using (var first = TestServices.Start("--db", db, "ingest", input, "--chunk-size", "25", "--commit-every", "500"))
        {
            Assert.True(await first.WaitForErrLineAsync(l => l.StartsWith("progress:", StringComparison.Ordinal) && !l.Contains(" 0 stored", StringComparison.Ordinal), TimeSpan.FromMinutes(2)),
                "ingest stored nothing: " + first.Err);
            Assert.False(first.HasExited, "ingest finished before it could be killed; raise the document count.");
            first.KillHard();
        }

        long storedBefore;
        await using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            await c.OpenAsync();
            Assert.Equal("ok", await Scalar(c, "PRAGMA integrity_check"));
            Assert.Null(await Scalar(c, "PRAGMA foreign_key_check"));
            Assert.Equal(0L, await Scalar(c, "SELECT COUNT(*) FROM events WHERE document_id NOT IN (SELECT id FROM documents)"));
            Assert.Equal(0L, await Scalar(c, "SELECT COUNT(*) FROM evidence WHERE event_id NOT IN (SELECT id FROM events)"));
            Assert.Equal(0L, await Scalar(c, "SELECT COUNT(*) FROM locations WHERE event_id NOT IN (SELECT id FROM events)"));
            Assert.Equal(0L, await Scalar(c, "SELECT COUNT(*) FROM event_keys WHERE event_id NOT IN (SELECT id FROM events)"));
            Assert.Equal(0L, await Scalar(c, "SELECT (SELECT COUNT(*) FROM evidence) - (SELECT COUNT(*) FROM evidence_search)"));
            storedBefore = (long)(await Scalar(c, "SELECT COUNT(*) FROM documents"))!;
            Assert.InRange(storedBefore, 1, Documents - 1);
            Assert.Equal(0L, storedBefore % 25);
        }

        using (var rerun = TestServices.Start("--db", db, "ingest", input, "--chunk-size", "500"))
        {
            Assert.Equal(0, await rerun.WaitAsync(TimeSpan.FromMinutes(5)));
            Assert.Contains($"Stored {Documents - storedBefore} documents", rerun.Out, StringComparison.Ordinal);
            Assert.Contains($"; {storedBefore} already stored", rerun.Out, StringComparison.Ordinal);
        }

        var analyzer = Analyzer.Create();
        var expectedEvents = docs.Sum(d => (long)analyzer.Analyze(d).Events.Select(e => e.Id).Distinct().Count());
        await using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            await c.OpenAsync();
            Assert.Equal("ok", await Scalar(c, "PRAGMA integrity_check"));
            Assert.Equal((long)Documents, await Scalar(c, "SELECT COUNT(*) FROM documents"));
            Assert.Equal((long)Documents, await Scalar(c, "SELECT COUNT(DISTINCT content_key) FROM documents"));
            Assert.Equal(expectedEvents, await Scalar(c, "SELECT COUNT(*) FROM events"));
        }
    }

    private static async Task<object?> Scalar(SqliteConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        var v = await cmd.ExecuteScalarAsync();
        return v is DBNull ? null : v;
    }
}
