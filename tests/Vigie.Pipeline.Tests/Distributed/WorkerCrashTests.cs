using Npgsql;
using NATS.Client.JetStream;
using NATS.Net;
using Vigie.Ingest;
using Vigie.Pipeline.Distributed;
using Vigie.Storage;

namespace Vigie.Pipeline.Tests.Distributed;

/// <summary>Three <c>vigie worker</c> processes share one queue and one PostgreSQL; one is killed with SIGKILL mid-run.</summary>
[Collection(ProcessTests.Name)]
public sealed class WorkerCrashTests
{
    private const int Documents = 4000;

    [NatsAndPostgresFact]
    public async Task Every_document_is_stored_exactly_once_when_a_worker_is_killed()
    {
        var schema = "vigie_workers_" + Guid.NewGuid().ToString("N")[..8];
        var db = await TestServices.FreshSchemaAsync(schema);
        try
        {
            await using (var nats = await DocumentQueue.ConnectAsync(TestServices.NatsUrl))
            {
                var js = nats.CreateJetStreamContext();
                try { await js.DeleteStreamAsync(DocumentQueue.Stream); }
                catch (NatsJSApiException) { /* absent: nothing to clear */ }
            }
            var docs = TestServices.Documents(Documents, "w").ToList();
            var published = await DocumentPublisher.PublishAsync(TestServices.NatsUrl, StoreFactory.TargetName(db),
                docs.Select((d, i) => (IngestItem)new AcceptedDocument("test", i + 1, d, "key-" + d.Id)));
            Assert.Equal(Documents, published.Published);
            var again = await DocumentPublisher.PublishAsync(TestServices.NatsUrl, StoreFactory.TargetName(db),
                docs.Take(10).Select((d, i) => (IngestItem)new AcceptedDocument("test", i + 1, d, "key-" + d.Id)));
            Assert.Equal(10, again.Duplicates);

            string[] Args() => ["--db", db, "worker", "--nats", TestServices.NatsUrl, "--batch-size", "20", "--ack-wait", "3", "--exit-when-drained"];
            using var victim = TestServices.Start(Args());
            using var second = TestServices.Start(Args());
            using var third = TestServices.Start(Args());
            Assert.True(await victim.WaitForErrLineAsync(l => l.StartsWith("progress:", StringComparison.Ordinal), TimeSpan.FromMinutes(2)),
                "The first worker stored nothing: " + victim.Err);
            Assert.False(victim.HasExited, "The worker finished before it could be killed; raise the document count.");
            victim.KillHard();

            Assert.Equal(0, await second.WaitAsync(TimeSpan.FromMinutes(4)));
            Assert.Equal(0, await third.WaitAsync(TimeSpan.FromMinutes(4)));

            await using var c = new NpgsqlConnection(db);
            await c.OpenAsync();
            async Task<long> Count(string sql)
            {
                await using var cmd = new NpgsqlCommand(sql, c);
                return (long)(await cmd.ExecuteScalarAsync())!;
            }
            Assert.Equal(Documents, await Count("SELECT COUNT(*) FROM documents"));
            Assert.Equal(Documents, await Count("SELECT COUNT(DISTINCT id) FROM documents"));
            Assert.Equal(0, await Count("SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = e.document_id)"));
            var analyzer = Analyzer.Create();
            var expectedEvents = docs.Sum(d => (long)analyzer.Analyze(d).Events.Select(e => e.Id).Distinct().Count());
            Assert.Equal(expectedEvents, await Count("SELECT COUNT(*) FROM events"));
            await using var check = new NpgsqlCommand("SELECT id FROM documents", c);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            await using (var r = await check.ExecuteReaderAsync())
                while (await r.ReadAsync()) ids.Add(r.GetString(0));
            Assert.All(docs, d => Assert.Contains(d.Id, ids));
        }
        finally
        {
            await TestServices.DropSchemaAsync(schema);
        }
    }
}

/// <summary>Process tests run one at a time: they share the two cores, the built CLI and the queue.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessTests
{
    public const string Name = "vigie processes";
}
