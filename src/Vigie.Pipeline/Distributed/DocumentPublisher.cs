using NATS.Client.JetStream;
using NATS.Net;
using Vigie.Ingest;

namespace Vigie.Pipeline.Distributed;

/// <summary>What a publishing run did.</summary>
public sealed record PublishSummary(int Read, int Published, int Duplicates, IReadOnlyList<Rejection> Rejections);

/// <summary>Publishes documents to the JetStream queue for <see cref="DocumentWorker"/>s, the document id as message id
/// so that a publisher that retries within two minutes does not queue a document twice.</summary>
public static class DocumentPublisher
{
    /// <summary>Publishes every accepted item, a window of acknowledgements in flight at once.</summary>
    public static async Task<PublishSummary> PublishAsync(string url, IEnumerable<IngestItem> items, Action<Rejection>? onRejection = null,
        IProgress<int>? progress = null, CancellationToken ct = default)
    {
        try
        {
            return await PublishCoreAsync(url, items, onRejection, progress, ct);
        }
        catch (NATS.Client.Core.NatsException ex)
        {
            throw new QueueUnavailableException(ex.Message, ex);
        }
    }

    private static async Task<PublishSummary> PublishCoreAsync(string url, IEnumerable<IngestItem> items, Action<Rejection>? onRejection,
        IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var nats = await DocumentQueue.ConnectAsync(url, ct);
        var js = nats.CreateJetStreamContext();
        await DocumentQueue.EnsureStreamAsync(js, ct);
        var rejections = new List<Rejection>();
        int read = 0, published = 0, duplicates = 0;
        var inFlight = new Queue<Task<NATS.Client.JetStream.Models.PubAckResponse>>();
        async Task Settle()
        {
            var ack = await inFlight.Dequeue();
            if (ack.Error is null && ack.Duplicate) duplicates++;
            else
            {
                ack.EnsureSuccess();
                published++;
            }
            if ((published + duplicates) % 1000 == 0) progress?.Report(published + duplicates);
        }
        foreach (var item in items)
        {
            ct.ThrowIfCancellationRequested();
            read++;
            if (item is Rejection r)
            {
                rejections.Add(r);
                onRejection?.Invoke(r);
                continue;
            }
            var a = (AcceptedDocument)item;
            var data = DocumentQueue.Serialize(new DocumentMessage(a.Document, a.ContentKey));
            inFlight.Enqueue(js.PublishAsync(DocumentQueue.Subject, data, opts: new NatsJSPubOpts { MsgId = a.Document.Id }, cancellationToken: ct).AsTask());
            if (inFlight.Count >= 256) await Settle();
        }
        while (inFlight.Count > 0) await Settle();
        progress?.Report(published + duplicates);
        return new PublishSummary(read, published, duplicates, rejections);
    }
}
