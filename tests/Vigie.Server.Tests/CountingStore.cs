using System.Runtime.CompilerServices;
using Vigie.Core;
using Vigie.Storage;

namespace Vigie.Server.Tests;

/// <summary>A store that counts how the server reads it: which reads of every event, per-document queries and feed reads.</summary>
internal sealed class CountingStore(IVigieStore inner) : IVigieStore
{
    private int _streams, _documentQueries, _feedReads;

    public int Streams => Volatile.Read(ref _streams);

    public int DocumentQueries => Volatile.Read(ref _documentQueries);

    public int FeedReads => Volatile.Read(ref _feedReads);

    public Task<int> MigrateAsync(CancellationToken ct = default) => inner.MigrateAsync(ct);

    public Task<IReadOnlySet<string>> FindExistingAsync(IReadOnlyCollection<string> idsOrContentKeys, CancellationToken ct = default) => inner.FindExistingAsync(idsOrContentKeys, ct);

    public Task<StoreResult> StoreAsync(IReadOnlyList<StoredDocument> batch, CancellationToken ct = default) => inner.StoreAsync(batch, ct);

    public IBulkWriter BeginBulk() => inner.BeginBulk();

    public Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken ct = default)
    {
        if (query.Document is not null || query.Type is not null) Interlocked.Increment(ref _documentQueries);
        return inner.QueryEventsAsync(query, ct);
    }

    public Task<EventJsonPage> QueryEventsJsonAsync(EventQuery query, CancellationToken ct = default) => inner.QueryEventsJsonAsync(query, ct);

    public Task<EventFeedPage> ReadEventsAfterAsync(long seq, int limit = 1000, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _feedReads);
        return inner.ReadEventsAfterAsync(seq, limit, ct);
    }

    public async IAsyncEnumerable<Event> StreamEventsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        Interlocked.Increment(ref _streams);
        await foreach (var e in inner.StreamEventsAsync(ct)) yield return e;
    }

    public Task<Event?> GetEventAsync(string id, CancellationToken ct = default) => inner.GetEventAsync(id, ct);

    public Task<IReadOnlyList<PlaceSummary>> SearchPlacesAsync(PlaceQuery query, CancellationToken ct = default) => inner.SearchPlacesAsync(query, ct);

    public Task<DocumentPage> ListDocumentsAsync(DocumentQuery query, CancellationToken ct = default) => inner.ListDocumentsAsync(query, ct);

    public Task<Document?> GetDocumentAsync(string id, CancellationToken ct = default) => inner.GetDocumentAsync(id, ct);

    public Task<StoreStats> GetStatsAsync(CancellationToken ct = default) => inner.GetStatsAsync(ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
