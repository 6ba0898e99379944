using Vigie.Core;
using Vigie.Ingest;
using Vigie.Storage;

namespace Vigie.Pipeline;

/// <summary>Progress of an ingest run, reported after each stored chunk.</summary>
public readonly record struct IngestProgress(int Read, int Stored, int Skipped, int Rejected, int Events, long Characters);

/// <summary>What an ingest run did; every rejection is named.</summary>
public sealed record IngestSummary(int Read, int Stored, int Skipped, int Events, IReadOnlyList<Rejection> Rejections);

/// <summary>Options for <see cref="IngestService"/>.</summary>
/// <param name="ChunkSize">Documents analysed and stored per transaction; bounds memory whatever the corpus size.</param>
/// <param name="Parallelism">Documents analysed at once; defaults to every core.</param>
public sealed record IngestOptions(int ChunkSize = 256, int? Parallelism = null);

/// <summary>Reads, skips what is already stored, analyses in parallel and stores chunk by chunk, each chunk in one transaction.</summary>
/// <remarks>A crash loses at most the chunk in flight; a rerun skips stored documents (same id or content key), so it completes
/// the job with no duplicates.</remarks>
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
        var rejections = new List<Rejection>();
        int read = 0, stored = 0, skipped = 0, events = 0;
        long chars = 0;
        var chunk = new List<AcceptedDocument>(_options.ChunkSize);
        foreach (var item in items)
        {
            ct.ThrowIfCancellationRequested();
            read++;
            switch (item)
            {
                case Rejection r:
                    rejections.Add(r);
                    onRejection?.Invoke(r);
                    break;
                case AcceptedDocument a:
                    chunk.Add(a);
                    chars += a.Document.Text.Length;
                    break;
            }
            if (chunk.Count >= _options.ChunkSize) await Flush();
        }
        await Flush();
        return new IngestSummary(read, stored, skipped, events, rejections);

        async Task Flush()
        {
            if (chunk.Count == 0)
            {
                progress?.Report(new IngestProgress(read, stored, skipped, rejections.Count, events, chars));
                return;
            }
            var keys = chunk.SelectMany(a => new[] { a.Document.Id, a.ContentKey }).ToList();
            var existing = await store.FindExistingAsync(keys, ct);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var fresh = new List<AcceptedDocument>(chunk.Count);
            foreach (var a in chunk)
            {
                if (existing.Contains(a.Document.Id) || existing.Contains(a.ContentKey) || !seen.Add(a.Document.Id) || !seen.Add(a.ContentKey))
                {
                    skipped++;
                    continue;
                }
                fresh.Add(a);
            }
            var analysed = new StoredDocument[fresh.Count];
            Parallel.For(0, fresh.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism ?? Environment.ProcessorCount, CancellationToken = ct },
                i => analysed[i] = new StoredDocument(fresh[i].Document, fresh[i].ContentKey, analyzer.Analyze(fresh[i].Document).Events));
            var result = await store.StoreAsync(analysed, ct);
            stored += result.DocumentsStored;
            skipped += result.DocumentsSkipped;
            events += result.EventsStored;
            chunk.Clear();
            progress?.Report(new IngestProgress(read, stored, skipped, rejections.Count, events, chars));
        }
    }
}
