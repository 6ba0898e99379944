using Vigie.Core;
using Vigie.Storage;

namespace Vigie.Server.Features.Events;

/// <summary>The documents an event was read in and the spans to highlight in them, for the event and fused views.</summary>
internal static class EventEvidence
{
    /// <summary>Every document of the event's evidence, and the highlights of the event in each.</summary>
    /// <remarks>The highlights are the spans stored with the event: no document is analysed again.</remarks>
    public static async Task<(List<Document> Documents, List<Highlight> Highlights)> LoadAsync(Event e, IVigieStore store, CancellationToken ct)
    {
        var documents = new List<Document>();
        var highlights = new List<Highlight>();
        foreach (var docId in e.Evidence.Select(ev => ev.Document).Prepend(e.Document).Distinct(StringComparer.Ordinal))
        {
            var doc = await store.GetDocumentAsync(docId, ct);
            if (doc is null) continue;
            documents.Add(doc);
            highlights.AddRange(EvidenceHighlighter.Find(e, doc));
        }
        return (documents, highlights);
    }

    /// <summary>An id from a route: ids may hold '/', which a client sends as <c>%2F</c> and the router leaves encoded.</summary>
    public static string RouteId(string id) => Uri.UnescapeDataString(id);
}
