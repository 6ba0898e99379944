using Vigie.Ingest;
using Vigie.Pipeline;
using Vigie.Server.Infrastructure;
using Vigie.Storage;

namespace Vigie.Server.Tests;

/// <summary>Stores posted documents without extracting events, so that the API's tests do not depend on the engine's progress.</summary>
internal sealed class EventlessIngester(IVigieStore store) : IDocumentIngester
{
    public async Task<IngestSummary> IngestAsync(IReadOnlyList<IngestItem> items, CancellationToken ct)
    {
        var rejections = items.OfType<Rejection>().ToList();
        var accepted = items.OfType<AcceptedDocument>().ToList();
        var existing = await store.FindExistingAsync(accepted.SelectMany(a => new[] { a.Document.Id, a.ContentKey }).ToList(), ct);
        var fresh = accepted.Where(a => !existing.Contains(a.Document.Id) && !existing.Contains(a.ContentKey)).ToList();
        var result = await store.StoreAsync(fresh.Select(a => new StoredDocument(a.Document, a.ContentKey, [])).ToList(), ct);
        return new IngestSummary(items.Count, result.DocumentsStored, accepted.Count - fresh.Count + result.DocumentsSkipped, 0, rejections);
    }
}
