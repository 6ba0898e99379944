using Vigie.Core;
using Vigie.Fusion;
using Vigie.Storage;

namespace Vigie.Server.Infrastructure;

/// <summary>A place that stored events name, with how many events name it.</summary>
public sealed record PlaceSummary(string Name, string? Country, string? Admin1, double Lat, double Lon, string Precision, long? GeonamesId, int Events);

/// <summary>What the server derives from every stored event: the control timeline and the places named.</summary>
internal sealed record EventSnapshot(ControlTimeline Control, IReadOnlyList<PlaceSummary> Places, DateOnly? FirstControlDate, DateOnly? LastControlDate);

/// <summary>Builds the <see cref="EventSnapshot"/> from the store's public interface and keeps it for a while.</summary>
/// <remarks>The store has no query for places or for control events alone, so the server streams the events once and caches
/// what it needs; ingestion through the API invalidates the cache, and it expires so that other writers are seen.</remarks>
internal sealed class EventSnapshotCache(IVigieStore store, VigieServerOptions options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (Location Location, int Count)> _places = new(StringComparer.Ordinal);
    private readonly HashSet<string> _counted = new(StringComparer.Ordinal);
    private EventSnapshot? _snapshot;
    private DateTimeOffset _builtAt;

    /// <summary>The current snapshot, rebuilt when stale.</summary>
    public async Task<EventSnapshot> GetAsync(CancellationToken ct)
    {
        var current = _snapshot;
        if (current is not null && clock.GetUtcNow() - _builtAt < options.SnapshotLifetime) return current;
        await _gate.WaitAsync(ct);
        try
        {
            if (_snapshot is not null && clock.GetUtcNow() - _builtAt < options.SnapshotLifetime) return _snapshot;
            _snapshot = await BuildAsync(ct);
            _builtAt = clock.GetUtcNow();
            return _snapshot;
        }
        finally { _gate.Release(); }
    }

    /// <summary>Forgets the snapshot (after new events were stored).</summary>
    public void Invalidate() => _snapshot = null;

    /// <summary>Brings the snapshot up to date with documents just stored: only their events are read, and the timeline
    /// recomputes only the places they name (issue 6: no full recomputation per document).</summary>
    public async Task AddDocumentsAsync(IEnumerable<string> documentIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        await _gate.WaitAsync(ct);
        try
        {
            if (_snapshot is not { } current) return; // nothing built yet: the next read builds from the store
            var added = new List<Event>();
            foreach (var id in documentIds.Distinct(StringComparer.Ordinal))
            {
                string? cursor = null;
                do
                {
                    var page = await store.QueryEventsAsync(new EventQuery(Document: id, Limit: 1000, Cursor: cursor), ct);
                    added.AddRange(page.Events);
                    cursor = page.NextCursor;
                }
                while (cursor is not null);
            }
            var (first, last) = (current.FirstControlDate, current.LastControlDate);
            foreach (var e in added)
            {
                CountPlaces(e);
                if (!ControlTimeline.ControlTypes.Contains(e.Type) || e.Date is null) continue;
                if (first is null || e.Date.FirstDay < first) first = e.Date.FirstDay;
                if (last is null || e.Date.LastDay > last) last = e.Date.LastDay;
            }
            current.Control.Add(added);
            _snapshot = current with { Places = Summaries(), FirstControlDate = first, LastControlDate = last };
        }
        finally { _gate.Release(); }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    private void CountPlaces(Event e)
    {
        if (!_counted.Add(e.Id)) return; // a document posted again adds nothing
        foreach (var l in e.Locations.DistinctBy(ControlTimeline.PlaceKey))
        {
            var key = ControlTimeline.PlaceKey(l);
            _places[key] = _places.TryGetValue(key, out var p) ? (p.Location, p.Count + 1) : (l, 1);
        }
    }

    private List<PlaceSummary> Summaries() => _places.Values
        .Select(p => new PlaceSummary(p.Location.Name, p.Location.Country, p.Location.Admin1, p.Location.Lat, p.Location.Lon, p.Location.Precision, p.Location.GeonamesId, p.Count))
        .OrderByDescending(p => p.Events).ThenBy(p => p.Name, StringComparer.Ordinal)
        .ToList();

    private async Task<EventSnapshot> BuildAsync(CancellationToken ct)
    {
        var control = new List<Event>();
        _places.Clear();
        _counted.Clear();
        DateOnly? first = null, last = null;
        await foreach (var e in store.StreamEventsAsync(ct))
        {
            CountPlaces(e);
            if (!ControlTimeline.ControlTypes.Contains(e.Type) || e.Date is null) continue;
            control.Add(e);
            if (first is null || e.Date.FirstDay < first) first = e.Date.FirstDay;
            if (last is null || e.Date.LastDay > last) last = e.Date.LastDay;
        }
        return new EventSnapshot(ControlTimeline.Rebuild(control), Summaries(), first, last);
    }
}
