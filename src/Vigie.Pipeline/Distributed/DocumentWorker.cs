using NATS.Client.JetStream;
using NATS.Net;
using Vigie.Storage;

namespace Vigie.Pipeline.Distributed;

/// <summary>Options of a <see cref="DocumentWorker"/>.</summary>
/// <param name="BatchSize">Messages fetched, analysed and stored in one transaction.</param>
/// <param name="AckWait">How long the broker waits for an acknowledgement before giving the message to another worker.</param>
/// <param name="ExitWhenDrained">Stop once the queue holds nothing, neither waiting nor unacknowledged (for batch jobs and tests).</param>
/// <param name="Parallelism">Documents analysed at once; defaults to every core.</param>
public sealed record WorkerOptions(int BatchSize = 128, TimeSpan? AckWait = null, bool ExitWhenDrained = false, int? Parallelism = null);

/// <summary>What a worker has done so far.</summary>
public readonly record struct WorkerProgress(int Received, int Stored, int Skipped, int Events, int Invalid);

/// <summary>Consumes documents from the JetStream queue, stores their events, and acknowledges each message only after the
/// transaction that stored it has committed: a worker killed at any point loses nothing (the broker redelivers what it had
/// not acknowledged) and duplicates nothing (the store skips documents it holds).</summary>
public sealed class DocumentWorker(Analyzer analyzer, IVigieStore store, WorkerOptions? options = null)
{
    private readonly WorkerOptions _options = options ?? new WorkerOptions();

    /// <summary>Runs until cancelled (or, with <see cref="WorkerOptions.ExitWhenDrained"/>, until the queue is empty).</summary>
    public async Task<WorkerProgress> RunAsync(string url, IProgress<WorkerProgress>? progress = null, CancellationToken ct = default)
    {
        try
        {
            return await RunCoreAsync(url, progress, ct);
        }
        catch (NATS.Client.Core.NatsException ex)
        {
            throw new QueueUnavailableException(ex.Message, ex);
        }
    }

    private async Task<WorkerProgress> RunCoreAsync(string url, IProgress<WorkerProgress>? progress, CancellationToken ct)
    {
        await using var nats = await DocumentQueue.ConnectAsync(url, ct);
        var js = nats.CreateJetStreamContext();
        var consumer = await DocumentQueue.EnsureConsumerAsync(js, _options.AckWait ?? TimeSpan.FromSeconds(30), ct);
        var total = new WorkerProgress();
        var batch = new List<INatsJSMsg<byte[]>>(_options.BatchSize);
        while (!ct.IsCancellationRequested)
        {
            batch.Clear();
            await foreach (var msg in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = _options.BatchSize, Expires = TimeSpan.FromSeconds(1) }, cancellationToken: ct))
                batch.Add(msg);
            if (batch.Count == 0)
            {
                if (_options.ExitWhenDrained)
                {
                    await consumer.RefreshAsync(ct);
                    if (consumer.Info.NumPending == 0 && consumer.Info.NumAckPending == 0) break;
                }
                continue;
            }
            total = Add(total, await ProcessAsync(batch, ct));
            progress?.Report(total);
        }
        return total;
    }

    private async Task<WorkerProgress> ProcessAsync(List<INatsJSMsg<byte[]>> batch, CancellationToken ct)
    {
        var invalid = new List<INatsJSMsg<byte[]>>();
        var valid = new List<(INatsJSMsg<byte[]> Msg, DocumentMessage Doc)>(batch.Count);
        foreach (var msg in batch)
        {
            if (msg.Data is { } data && DocumentQueue.Deserialize(data) is { } doc) valid.Add((msg, doc));
            else invalid.Add(msg);
        }
        var keys = valid.SelectMany(v => new[] { v.Doc.Document.Id, v.Doc.ContentKey }).ToList();
        var existing = keys.Count == 0 ? new HashSet<string>() : await store.FindExistingAsync(keys, ct);
        var fresh = valid.Where(v => !existing.Contains(v.Doc.Document.Id) && !existing.Contains(v.Doc.ContentKey)).ToList();
        var analysed = new StoredDocument[fresh.Count];
        Parallel.For(0, fresh.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism ?? Environment.ProcessorCount, CancellationToken = ct },
            i => analysed[i] = new StoredDocument(fresh[i].Doc.Document, fresh[i].Doc.ContentKey, analyzer.Analyze(fresh[i].Doc.Document).Events));
        var result = analysed.Length == 0 ? default : await store.StoreAsync(analysed, ct);
        // Committed: only now may the broker forget these messages.
        foreach (var (msg, _) in valid) await msg.AckAsync(cancellationToken: ct);
        foreach (var msg in invalid) await msg.AckTerminateAsync(cancellationToken: ct);
        return new WorkerProgress(batch.Count, result.DocumentsStored, valid.Count - result.DocumentsStored, result.EventsStored, invalid.Count);
    }

    private static WorkerProgress Add(WorkerProgress a, WorkerProgress b) =>
        new(a.Received + b.Received, a.Stored + b.Stored, a.Skipped + b.Skipped, a.Events + b.Events, a.Invalid + b.Invalid);
}
