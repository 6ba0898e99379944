using System.Diagnostics;
using System.Threading.Channels;
using Vigie.Core;
using Vigie.Ingest;
using Vigie.Storage;

namespace Vigie.Pipeline;

/// <summary>Progress of an ingest run, reported after each stored chunk.</summary>
public readonly record struct IngestProgress(int Read, int Stored, int Skipped, int Rejected, int Events, long Characters);

/// <summary>What an ingest run did; every rejection is named.</summary>
public sealed record IngestSummary(int Read, int Stored, int Skipped, int Events, IReadOnlyList<Rejection> Rejections)
{
    /// <summary>Time spent in each stage (stages overlap, so they add up to more than the run's wall time).</summary>
    public IngestTimings Timings { get; init; }
}

/// <summary>Busy time of each stage of an ingest run: reading and parsing, analysing (wall time of the parallel part), storing.</summary>
public readonly record struct IngestTimings(TimeSpan Read, TimeSpan Analyse, TimeSpan Store);

/// <summary>Options for <see cref="IngestService"/>.</summary>
/// <param name="ChunkSize">Documents read, analysed and written together; bounds memory whatever the corpus size.</param>
/// <param name="Parallelism">Documents analysed at once; defaults to every core.</param>
/// <param name="CommitEvery">Documents per transaction (whole chunks, at least one): a crash loses at most these, and a
/// rerun writes them again.</param>
/// <param name="MaxEventsPerDocument">Events kept per document, the first ones in reading order: a real article reports
/// tens, so more is a list or a hostile input, and an unbounded count would let one request fill the store. The CLI's
/// <c>ingest</c> and the API's <c>POST /api/documents</c> both run with this default (the size limit per document is
/// <see cref="Vigie.Ingest.ReaderOptions.MaxDocumentBytes"/>).</param>
public sealed record IngestOptions(int ChunkSize = 256, int? Parallelism = null, int CommitEvery = 8192, int MaxEventsPerDocument = IngestOptions.DefaultMaxEventsPerDocument)
{
    /// <summary>The default of <see cref="MaxEventsPerDocument"/>.</summary>
    public const int DefaultMaxEventsPerDocument = 500;
}

/// <summary>Reads, skips what is already stored, analyses in parallel and stores chunk by chunk, each chunk in one transaction.</summary>
/// <remarks>The three stages run at once through bounded channels (read → analyse → store), so that at most five chunks are
/// in memory whatever the corpus size. Chunks are written as they come and committed every
/// <see cref="IngestOptions.CommitEvery"/> documents; progress counts committed documents only. A crash loses at most the
/// uncommitted chunks; a rerun skips stored documents (same id or content key), so it completes the job with no
/// duplicates.</remarks>
public sealed class IngestService(Analyzer analyzer, IVigieStore store, IngestOptions? options = null)
{
    private readonly IngestOptions _options = options ?? new IngestOptions();

    /// <summary>Runs over every item; rejections are collected and reported through <paramref name="onRejection"/> as they come.</summary>
    public async Task<IngestSummary> RunAsync(
        IEnumerable<IngestItem> items,
        IProgress<IngestProgress>? progress = null,
        Action<Rejection>? onRejection = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var chunkSize = Math.Max(1, _options.ChunkSize);
        var maxEvents = Math.Max(0, _options.MaxEventsPerDocument);
        var rejections = new List<Rejection>();
        int read = 0, stored = 0, skipped = 0, events = 0, rejected = 0;
        long chars = 0;
        long readTicks = 0, analyseTicks = 0, storeTicks = 0;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var token = linked.Token;
        var toAnalyse = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var toStore = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });

        // The store's writer: the analysing threads also prepare each document's rows for it, so it only writes.
        await using var bulk = store.BeginBulk();

        // Read: enumerating the items does the file I/O and parsing, on a thread of its own.
        var reader = Task.Run(async () =>
        {
            try
            {
                var chunk = new List<AcceptedDocument>(chunkSize);
                var clock = Stopwatch.StartNew();
                using var e = items.GetEnumerator();
                while (true)
                {
                    token.ThrowIfCancellationRequested();
                    if (!e.MoveNext()) break;
                    Interlocked.Increment(ref read);
                    switch (e.Current)
                    {
                        case Rejection r:
                            lock (rejections) rejections.Add(r);
                            Interlocked.Increment(ref rejected);
                            onRejection?.Invoke(r);
                            break;
                        case AcceptedDocument a:
                            chunk.Add(a);
                            Interlocked.Add(ref chars, a.Document.Text.Length);
                            break;
                    }
                    if (chunk.Count >= chunkSize)
                    {
                        readTicks += clock.ElapsedTicks;
                        await toAnalyse.Writer.WriteAsync(new Chunk(chunk, Volatile.Read(ref read)), token);
                        chunk = new List<AcceptedDocument>(chunkSize);
                        clock.Restart();
                    }
                }
                readTicks += clock.ElapsedTicks;
                await toAnalyse.Writer.WriteAsync(new Chunk(chunk, Volatile.Read(ref read)), token);
                toAnalyse.Writer.Complete();
            }
            catch (Exception ex)
            {
                toAnalyse.Writer.TryComplete(ex);
                throw;
            }
        }, token);

        // Analyse: skip what is stored already, then every core on the rest of the chunk.
        var analyser = Task.Run(async () =>
        {
            try
            {
                await foreach (var chunk in toAnalyse.Reader.ReadAllAsync(token))
                {
                    var clock = Stopwatch.StartNew();
                    var keys = new List<string>(chunk.Items.Count * 2);
                    foreach (var a in chunk.Items) { keys.Add(a.Document.Id); keys.Add(a.ContentKey); }
                    var existing = keys.Count == 0 ? (IReadOnlySet<string>)new HashSet<string>() : await store.FindExistingAsync(keys, token);
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    var fresh = new List<AcceptedDocument>(chunk.Items.Count);
                    foreach (var a in chunk.Items)
                    {
                        if (existing.Contains(a.Document.Id) || existing.Contains(a.ContentKey) || !seen.Add(a.Document.Id) || !seen.Add(a.ContentKey))
                        {
                            chunk.Known++;
                            continue;
                        }
                        fresh.Add(a);
                    }
                    var analysed = new StoredDocument[fresh.Count];
                    Parallel.For(0, fresh.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism ?? Environment.ProcessorCount, CancellationToken = token },
                        i =>
                        {
                            var found = analyzer.Analyze(fresh[i].Document).Events;
                            var kept = found.Count > maxEvents ? found.Take(maxEvents).ToList() : found;
                            analysed[i] = new StoredDocument(fresh[i].Document, fresh[i].ContentKey, kept);
                            bulk.Prepare(analysed[i]);
                        });
                    chunk.Analysed = analysed;
                    chunk.Items.Clear();
                    analyseTicks += clock.ElapsedTicks;
                    await toStore.Writer.WriteAsync(chunk, token);
                }
                toStore.Writer.Complete();
            }
            catch (Exception ex)
            {
                toStore.Writer.TryComplete(ex);
                throw;
            }
        }, token);

        // Store: chunks in order, on this task, a transaction every CommitEvery documents.
        try
        {
            int pendingDocs = 0, pendingStored = 0, pendingSkipped = 0, pendingEvents = 0, readSoFar = 0;
            async Task Commit()
            {
                var clock = Stopwatch.StartNew();
                await bulk.CommitAsync(token);
                storeTicks += clock.ElapsedTicks;
                stored += pendingStored;
                skipped += pendingSkipped;
                events += pendingEvents;
                pendingDocs = pendingStored = pendingSkipped = pendingEvents = 0;
                progress?.Report(new IngestProgress(readSoFar, stored, skipped, Volatile.Read(ref rejected), events, Interlocked.Read(ref chars)));
            }
            await foreach (var chunk in toStore.Reader.ReadAllAsync(token))
            {
                var clock = Stopwatch.StartNew();
                pendingSkipped += chunk.Known;
                if (chunk.Analysed.Length > 0)
                {
                    var result = await bulk.StoreAsync(chunk.Analysed, token);
                    pendingStored += result.DocumentsStored;
                    pendingSkipped += result.DocumentsSkipped;
                    pendingEvents += result.EventsStored;
                }
                storeTicks += clock.ElapsedTicks;
                pendingDocs += chunk.Analysed.Length + chunk.Known;
                readSoFar = chunk.ReadSoFar;
                if (pendingDocs >= Math.Max(1, _options.CommitEvery)) await Commit();
            }
            await Commit();
            await Task.WhenAll(reader, analyser);
        }
        catch
        {
            await linked.CancelAsync();
            try { await Task.WhenAll(reader, analyser); }
            catch (Exception ex) when (ex is OperationCanceledException) { }
            throw;
        }
        return new IngestSummary(read, stored, skipped, events, rejections)
        {
            Timings = new IngestTimings(Ticks(readTicks), Ticks(analyseTicks), Ticks(storeTicks)),
        };
    }

    private static TimeSpan Ticks(long stopwatchTicks) => TimeSpan.FromSeconds(stopwatchTicks / (double)Stopwatch.Frequency);

    private sealed class Chunk(List<AcceptedDocument> items, int readSoFar)
    {
        public List<AcceptedDocument> Items { get; } = items;

        public int ReadSoFar { get; } = readSoFar;

        public int Known { get; set; }

        public StoredDocument[] Analysed { get; set; } = [];
    }
}
