using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NATS.Client.JetStream;
using NATS.Net;
using Vigie.Ingest;
using Vigie.Storage;

namespace Vigie.Pipeline.Distributed;

/// <summary>What a publishing run did.</summary>
public sealed record PublishSummary(int Read, int Published, int Duplicates, IReadOnlyList<Rejection> Rejections);

/// <summary>Publishes documents to the JetStream queue for <see cref="DocumentWorker"/>s, with a message id made of the
/// target database and the document id, so that a publisher that retries within two minutes does not queue a document
/// twice, while the same documents published for another database are queued again.</summary>
public static class DocumentPublisher
{
    /// <summary>Publishes every accepted item for the database <paramref name="target"/> names
    /// (<see cref="StoreFactory.TargetName"/>), a window of acknowledgements in flight at once.</summary>
    public static async Task<PublishSummary> PublishAsync(string url, string target, IEnumerable<IngestItem> items, Action<Rejection>? onRejection = null,
        IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            return await PublishCoreAsync(url, target, items, onRejection, progress, ct);
        }
        catch (NATS.Client.Core.NatsException ex)
        {
            throw new QueueUnavailableException(ex.Message, ex);
        }
    }

    /// <summary>The JetStream message id (duplicate detection key) of a document published for a target database: the
    /// SHA-256, in hex, of the target's name and the document id, each prefixed by its length so no two pairs collide.</summary>
    public static string MessageId(string target, string documentId)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(documentId);
        var key = string.Create(CultureInfo.InvariantCulture, $"{target.Length}:{target}{documentId.Length}:{documentId}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private static async Task<PublishSummary> PublishCoreAsync(string url, string target, IEnumerable<IngestItem> items, Action<Rejection>? onRejection,
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
            inFlight.Enqueue(js.PublishAsync(DocumentQueue.Subject, data, opts: new NatsJSPubOpts { MsgId = MessageId(target, a.Document.Id) }, cancellationToken: ct).AsTask());
            if (inFlight.Count >= 256) await Settle();
        }
        while (inFlight.Count > 0) await Settle();
        progress?.Report(published + duplicates);
        return new PublishSummary(read, published, duplicates, rejections);
    }
}
