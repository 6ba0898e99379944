using NATS.Client.JetStream;
using NATS.Net;
using Vigie.Ingest;
using Vigie.Pipeline.Distributed;
using Vigie.Storage;

namespace Vigie.Pipeline.Tests.Distributed;

/// <summary>Duplicate detection on the queue is keyed by target database and document.</summary>
[Collection(ProcessTests.Name)]
public sealed class PublishTargetTests
{
    [Fact]
    public void The_message_id_depends_on_the_target_and_the_document_and_on_nothing_else()
    {
        var a = StoreFactory.TargetName("a.db");
        var b = StoreFactory.TargetName("Host=db;Database=vigie;Username=u;Password=secret");
        Assert.Equal(DocumentPublisher.MessageId(a, "d1"), DocumentPublisher.MessageId(StoreFactory.TargetName("./a.db"), "d1"));
        Assert.NotEqual(DocumentPublisher.MessageId(a, "d1"), DocumentPublisher.MessageId(b, "d1"));
        Assert.NotEqual(DocumentPublisher.MessageId(a, "d1"), DocumentPublisher.MessageId(a, "d2"));
        // Length prefixes: moving characters between the target and the id changes the id.
        Assert.NotEqual(DocumentPublisher.MessageId("ab", "c"), DocumentPublisher.MessageId("a", "bc"));
        Assert.Equal(64, DocumentPublisher.MessageId(a, "d1").Length);
        Assert.DoesNotContain("secret", b, StringComparison.Ordinal);
        Assert.Equal(b, StoreFactory.TargetName("postgresql://u:other@db:5432/vigie"));
    }

    [NatsFact(Timeout = 120_000)]
    public async Task The_same_documents_published_for_another_database_are_queued_again()
    {
        await using (var nats = await DocumentQueue.ConnectAsync(TestServices.NatsUrl))
        {
            try { await nats.CreateJetStreamContext().DeleteStreamAsync(DocumentQueue.Stream); }
            catch (NatsJSApiException) { /* absent: nothing to clear */ }
        }
        var docs = TestServices.Documents(5, "t").ToList();
        IEnumerable<IngestItem> Items() => docs.Select((d, i) => (IngestItem)new AcceptedDocument("test", i + 1, d, "key-" + d.Id));
        var first = await DocumentPublisher.PublishAsync(TestServices.NatsUrl, StoreFactory.TargetName("one.db"), Items());
        var other = await DocumentPublisher.PublishAsync(TestServices.NatsUrl, StoreFactory.TargetName("two.db"), Items());
        var again = await DocumentPublisher.PublishAsync(TestServices.NatsUrl, StoreFactory.TargetName("one.db"), Items());
        Assert.Equal((5, 0), (first.Published, first.Duplicates));
        Assert.Equal((5, 0), (other.Published, other.Duplicates));
        Assert.Equal((0, 5), (again.Published, again.Duplicates));
    }
}
