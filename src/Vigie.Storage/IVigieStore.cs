using Vigie.Core;

namespace Vigie.Storage;

/// <summary>A document with the events extracted from it, ready to store together.</summary>
public sealed record StoredDocument(Document Document, string ContentKey, IReadOnlyList<Event> Events);

/// <summary>What one batch write did.</summary>
public readonly record struct StoreResult(int DocumentsStored, int DocumentsSkipped, int EventsStored);

/// <summary>Filters for event queries; null means "any". Dates are inclusive and compare with the event's date span.</summary>
public sealed record EventQuery(
    string? Type = null,
    string? Actor = null,
    string? Country = null,
    string? Place = null,
    DateOnly? From = null,
    DateOnly? To = null,
    Modality? Modality = null,
    string? Text = null,
    string? Document = null,
    int Limit = 100,
    string? Cursor = null);

/// <summary>One page of events and the cursor of the next page (null when this is the last).</summary>
public sealed record EventPage(IReadOnlyList<Event> Events, string? NextCursor);

/// <summary>One page of events as their JSON (the contract's form of <see cref="Event"/>, spans aside) and the cursor of
/// the next page: what a server sends without reading each event into objects and writing it again.</summary>
public sealed record EventJsonPage(IReadOnlyList<string> Events, string? NextCursor);

/// <summary>Events stored after a point of the store's event feed, in the order they were stored, and the feed's
/// position after the last of them (the position given when there are none).</summary>
public sealed record EventFeedPage(IReadOnlyList<Event> Events, long LastSeq);

/// <summary>A place that stored events name, with how many events name it.</summary>
public sealed record PlaceSummary(string Name, string? Country, string? Admin1, double Lat, double Lon, string Precision, long? GeonamesId, long Events);

/// <summary>A place search: names that contain the folded words of <c>Text</c> (those that start with them first), then
/// most events first; <c>Country</c> is ISO 3166 alpha-2.</summary>
public sealed record PlaceQuery(string? Text = null, string? Country = null, int Limit = 20);

/// <summary>A stored document without its text, and how many events were read in it.</summary>
public sealed record DocumentSummary(string Id, string? Title, PartialDate? Date, string Language, string? Source, string? Url, long Events);

/// <summary>A document list: those whose title, source or id contains the folded words of <c>Text</c>, newest first
/// (undated last), then by id; <c>Offset</c> skips that many.</summary>
public sealed record DocumentQuery(string? Text = null, int Limit = 50, int Offset = 0);

/// <summary>One page of documents, the total that match, and the offset of the next page (null when this is the last).</summary>
public sealed record DocumentPage(IReadOnlyList<DocumentSummary> Documents, long Total, int? NextOffset);

/// <summary>What the store holds (CONTRACT §3 <c>stats</c>).</summary>
public sealed record StoreStats(
    long Documents,
    long Events,
    IReadOnlyDictionary<string, long> EventsByType,
    long Places,
    string? FirstDate,
    string? LastDate);

/// <summary>Vigie's store: the embedded SQLite one and the PostgreSQL one both implement it and pass one test suite.</summary>
public interface IVigieStore : IAsyncDisposable
{
    /// <summary>Creates or upgrades the schema; returns the schema version now in place.</summary>
    Task<int> MigrateAsync(CancellationToken ct = default);

    /// <summary>Which of these content keys or document ids are already stored (to skip extraction of known documents).</summary>
    Task<IReadOnlySet<string>> FindExistingAsync(IReadOnlyCollection<string> idsOrContentKeys, CancellationToken ct = default);

    /// <summary>Stores documents and their events in one transaction; a document already stored (same id or content key) is skipped.</summary>
    Task<StoreResult> StoreAsync(IReadOnlyList<StoredDocument> batch, CancellationToken ct = default);

    /// <summary>Starts a long write (an ingest): its batches may share transactions, each committed by
    /// <see cref="IBulkWriter.CommitAsync"/>; a crash loses only what was not committed. By default each batch commits alone.</summary>
    IBulkWriter BeginBulk() => new BatchByBatch(this);

    /// <summary>Events matching the query, ordered by date then id, one page at a time.</summary>
    Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken ct = default);

    /// <summary>The page <see cref="QueryEventsAsync"/> gives, each event as its JSON.</summary>
    async Task<EventJsonPage> QueryEventsJsonAsync(EventQuery query, CancellationToken ct = default)
    {
        var page = await QueryEventsAsync(query, ct);
        return new EventJsonPage([.. page.Events.Select(e => VigieJson.Serialize(e))], page.NextCursor);
    }

    /// <summary>The event feed: up to <paramref name="limit"/> events stored after position <paramref name="seq"/> (0 for
    /// the first), in the order they were stored. Reading on from each page's <see cref="EventFeedPage.LastSeq"/> sees
    /// every event once, those that other processes store too, so that a view of every event is kept up to date by
    /// reading only what is new.</summary>
    Task<EventFeedPage> ReadEventsAfterAsync(long seq, int limit = 1000, CancellationToken ct = default);

    /// <summary>Every stored event in a stable order (for export, fusion and the control timeline).</summary>
    IAsyncEnumerable<Event> StreamEventsAsync(CancellationToken ct = default);

    /// <summary>One event with its spans (<see cref="Event.Spans"/>), or null.</summary>
    Task<Event?> GetEventAsync(string id, CancellationToken ct = default);

    /// <summary>The places stored events name that match the query.</summary>
    Task<IReadOnlyList<PlaceSummary>> SearchPlacesAsync(PlaceQuery query, CancellationToken ct = default);

    /// <summary>Stored documents matching the query, one page at a time.</summary>
    Task<DocumentPage> ListDocumentsAsync(DocumentQuery query, CancellationToken ct = default);

    /// <summary>One document, or null.</summary>
    Task<Document?> GetDocumentAsync(string id, CancellationToken ct = default);

    /// <summary>What the store holds.</summary>
    Task<StoreStats> GetStatsAsync(CancellationToken ct = default);
}

/// <summary>Batches of one long write, committed together when the caller says (see <see cref="IVigieStore.BeginBulk"/>).</summary>
/// <remarks>Disposing without committing rolls back what is pending.</remarks>
public interface IBulkWriter : IAsyncDisposable
{
    /// <summary>Does ahead, on the caller's thread, the work a document's write needs that takes no lock (serialising,
    /// folding, keys), so that the single writer only writes; optional, thread-safe.</summary>
    void Prepare(StoredDocument document)
    {
    }

    /// <summary>Writes a batch as <see cref="IVigieStore.StoreAsync"/> does, without committing it yet.</summary>
    Task<StoreResult> StoreAsync(IReadOnlyList<StoredDocument> batch, CancellationToken ct = default);

    /// <summary>Commits every batch written since the last commit.</summary>
    Task CommitAsync(CancellationToken ct = default);
}

/// <summary>The default bulk writer: every batch is its own transaction, so there is never anything left to commit.</summary>
internal sealed class BatchByBatch(IVigieStore store) : IBulkWriter
{
    public Task<StoreResult> StoreAsync(IReadOnlyList<StoredDocument> batch, CancellationToken ct = default) => store.StoreAsync(batch, ct);

    public Task CommitAsync(CancellationToken ct = default) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
