using Vigie.Core;
using Vigie.Fusion;
using Vigie.Pipeline;
using Vigie.Storage;

namespace Vigie.Server.Infrastructure;

/// <summary>Events whose date starts on one day (the time slider's histogram).</summary>
public sealed record DayCount(string Day, int Events);

/// <summary>What the server derives from every stored event: the control timeline (the one that <c>vigie control</c>
/// builds, with the gazetteer's feature classes), the fused events and the events per day.</summary>
internal sealed record EventSnapshot(
    ControlTimeline Control,
    FusedIndex Fused,
    IReadOnlyList<DayCount> PerDay,
    DateOnly? FirstControlDate,
    DateOnly? LastControlDate)
{
    /// <summary>The id of the fused event an extracted event belongs to, or null.</summary>
    public string? FusedIdOf(string eventId) => Fused.OfMember.GetValueOrDefault(eventId);
}

/// <summary>The fused events newest first, by id, and the fused id of each extracted event.</summary>
internal sealed record FusedIndex(IReadOnlyList<FusedEvent> NewestFirst, IReadOnlyDictionary<string, FusedEvent> ById, IReadOnlyDictionary<string, string> OfMember)
{
    /// <summary>Indexes fused events, sorted newest first (by first day, then last day; undated last), as the raw list sorts.</summary>
    public static FusedIndex Of(IEnumerable<FusedEvent> fused)
    {
        var list = fused
            .OrderByDescending(f => f.Event.Date?.FirstDay ?? DateOnly.MinValue).ThenByDescending(f => f.Event.Date?.LastDay ?? DateOnly.MinValue)
            .ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        var byId = new Dictionary<string, FusedEvent>(StringComparer.Ordinal);
        var ofMember = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in list)
        {
            byId[f.Id] = f;
            foreach (var m in f.MemberIds) ofMember[m] = f.Id;
        }
        return new FusedIndex(list, byId, ofMember);
    }
}

/// <summary>Builds the <see cref="EventSnapshot"/> from the store and keeps it for a while.</summary>
/// <remarks>The timeline comes from <see cref="ControlQueries.LoadTimelineAsync"/>, as the CLI's does; fusion runs
/// over every stored event with the CLI's <see cref="EventFuser"/>. Ingestion through the API adds its events to both, and the snapshot expires so that other writers are seen.</remarks>
internal sealed class EventSnapshotCache(IVigieStore store, VigieServerOptions options, TimeProvider clock, PlaceFeatures features) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<DateOnly, int> _perDay = [];
    private readonly HashSet<string> _counted = new(StringComparer.Ordinal);
    private EventFuser _fuser = new();
    private EventSnapshot? _snapshot;
    private DateTimeOffset _builtAt;
    private (long Documents, long Events) _builtFrom;
    private int _refreshing;

    /// <summary>The current snapshot. Only the first build is waited for: a stale one is served while a check in the
    /// background rebuilds it if the store's counts changed (fusion over a large store takes seconds).</summary>
    public async Task<EventSnapshot> GetAsync(CancellationToken ct)
    {
        if (_snapshot is { } current)
        {
            if (clock.GetUtcNow() - _builtAt >= options.SnapshotLifetime && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
                _ = Task.Run(RefreshAsync, CancellationToken.None);
            return current;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_snapshot is { } built) return built;
            return await BuildLockedAsync(ct);
        }
        finally { _gate.Release(); }
    }

    /// <summary>Builds the first snapshot now (at start-up), so that the first page does not wait for it.</summary>
    public async Task WarmAsync()
    {
        try { await GetAsync(CancellationToken.None); }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or OperationCanceledException or IOException)
        {
            // A server stopped while warming: the next request builds it.
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            await _gate.WaitAsync();
            try
            {
                var stats = await store.GetStatsAsync();
                if (_snapshot is not null && (stats.Documents, stats.Events) == _builtFrom) _builtAt = clock.GetUtcNow();
                else await BuildLockedAsync(CancellationToken.None);
            }
            finally { _gate.Release(); }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or OperationCanceledException or IOException)
        {
            // The store went away (server stopping): keep what was built.
        }
        finally { Volatile.Write(ref _refreshing, 0); }
    }

    private async Task<EventSnapshot> BuildLockedAsync(CancellationToken ct)
    {
        var stats = await store.GetStatsAsync(ct);
        var snapshot = await BuildAsync(ct);
        (_snapshot, _builtAt, _builtFrom) = (snapshot, clock.GetUtcNow(), (stats.Documents, stats.Events));
        return snapshot;
    }

    /// <summary>Forgets the snapshot (after new events were stored).</summary>
    public void Invalidate() => _snapshot = null;

    /// <summary>Brings the snapshot up to date with documents just stored: only their events are read, and the timeline
    /// and fusion take only them.</summary>
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
                    var page = await store.QueryEventsAsync(new EventQuery(Document: id, Limit: EventFilter.MaxLimit, Cursor: cursor), ct);
                    added.AddRange(page.Events.Where(e => !_counted.Contains(e.Id)));
                    cursor = page.NextCursor;
                }
                while (cursor is not null);
            }
            var (first, last) = (current.FirstControlDate, current.LastControlDate);
            foreach (var e in added)
            {
                Count(e);
                if (!ControlTimeline.ControlTypes.Contains(e.Type) || e.Date is null) continue;
                if (first is null || e.Date.FirstDay < first) first = e.Date.FirstDay;
                if (last is null || e.Date.LastDay > last) last = e.Date.LastDay;
            }
            current.Control.Add(added.Where(e => ControlTimeline.ControlTypes.Contains(e.Type)));
            _fuser.Add(added);
            _snapshot = current with { Fused = FusedNewestFirst(), PerDay = Days(), FirstControlDate = first, LastControlDate = last };
            var stats = await store.GetStatsAsync(ct);
            _builtFrom = (stats.Documents, stats.Events);
        }
        finally { _gate.Release(); }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    private void Count(Event e)
    {
        if (!_counted.Add(e.Id)) return; // a document posted again adds nothing
        if (e.Date is not null) _perDay[e.Date.FirstDay] = _perDay.GetValueOrDefault(e.Date.FirstDay) + 1;
    }

    private List<DayCount> Days() => _perDay.OrderBy(kv => kv.Key).Select(kv => new DayCount(kv.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), kv.Value)).ToList();

    private FusedIndex FusedNewestFirst() => FusedIndex.Of(_fuser.Fused());

    private async Task<EventSnapshot> BuildAsync(CancellationToken ct)
    {
        _perDay.Clear();
        _counted.Clear();
        var all = new List<Event>();
        await foreach (var e in store.StreamEventsAsync(ct))
        {
            Count(e);
            all.Add(e);
        }
        _fuser = EventFuser.Rebuild(all);
        var control = await ControlQueries.LoadTimelineAsync(store, features.Lookup, ct);
        DateOnly? first = null, last = null;
        foreach (var e in all)
        {
            if (!ControlTimeline.ControlTypes.Contains(e.Type) || e.Date is null) continue;
            if (first is null || e.Date.FirstDay < first) first = e.Date.FirstDay;
            if (last is null || e.Date.LastDay > last) last = e.Date.LastDay;
        }
        return new EventSnapshot(control, FusedNewestFirst(), Days(), first, last);
    }
}

/// <summary>The feature class of a place (capital, provincial capital, city, airport, province…) read from the gazetteer,
/// loaded on first use; without a gazetteer a place's precision stands in, as in <see cref="ControlQueries.FeaturesFrom"/>.</summary>
internal sealed class PlaceFeatures(VigieServerOptions options)
{
    private readonly Lazy<Func<Location, string?>?> _lookup = new(() =>
    {
        try { return options.FeatureLookup?.Invoke(); }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException) { return null; }
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The lookup, or null when there is no gazetteer.</summary>
    public Func<Location, string?>? Lookup => _lookup.Value;
}
