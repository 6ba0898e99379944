using System.Collections.Immutable;
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
/// <remarks>Immutable collections: a snapshot's index stays as its readers see it while the next one shares all but
/// what an ingest changed (a few fused events), so that an update costs a few tree paths, not a copy of every entry.</remarks>
internal sealed record FusedIndex(ImmutableSortedSet<FusedEvent> NewestFirst, ImmutableDictionary<string, FusedEvent> ById, ImmutableDictionary<string, string> OfMember)
{
    private static readonly Comparer<FusedEvent> Order = Comparer<FusedEvent>.Create(NewestFirstOrder);

    /// <summary>Indexes fused events, sorted newest first (by first day, then last day; undated last), as the raw list sorts.</summary>
    public static FusedIndex Of(IEnumerable<FusedEvent> fused)
    {
        var list = fused.ToList();
        var ofMember = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var f in list)
            foreach (var m in f.MemberIds) ofMember[m] = f.Id;
        return new FusedIndex(ImmutableSortedSet.CreateRange(Order, list), list.ToImmutableDictionary(f => f.Id, StringComparer.Ordinal), ofMember.ToImmutable());
    }

    /// <summary>This index with what adding events to the fuser changed.</summary>
    public FusedIndex With(FusionChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Upserted.Count == 0 && changes.Removed.Count == 0) return this;
        var (list, byId, ofMember) = (NewestFirst.ToBuilder(), ById.ToBuilder(), OfMember.ToBuilder());
        foreach (var id in changes.Removed.Concat(changes.Upserted.Select(f => f.Id)))
        {
            if (!byId.TryGetValue(id, out var old)) continue;
            byId.Remove(id);
            list.Remove(old);
            foreach (var m in old.MemberIds)
                if (ofMember.GetValueOrDefault(m) == id) ofMember.Remove(m);
        }
        foreach (var f in changes.Upserted)
        {
            byId[f.Id] = f;
            list.Add(f);
            foreach (var m in f.MemberIds) ofMember[m] = f.Id;
        }
        return new FusedIndex(list.ToImmutable(), byId.ToImmutable(), ofMember.ToImmutable());
    }

    private static int NewestFirstOrder(FusedEvent a, FusedEvent b)
    {
        var c = (b.Event.Date?.FirstDay ?? DateOnly.MinValue).CompareTo(a.Event.Date?.FirstDay ?? DateOnly.MinValue);
        if (c == 0) c = (b.Event.Date?.LastDay ?? DateOnly.MinValue).CompareTo(a.Event.Date?.LastDay ?? DateOnly.MinValue);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }
}

/// <summary>Builds the <see cref="EventSnapshot"/> from the store's event feed and keeps it up to date from there.</summary>
/// <remarks>The first build reads every event once (<see cref="IVigieStore.ReadEventsAfterAsync"/> from the start); after
/// that, only events stored since the last position read are read and added to the timeline (the one that
/// <see cref="ControlQueries.LoadTimelineAsync"/> gives the CLI), the fusion (the CLI's <see cref="EventFuser"/>) and
/// the day counts: after each ingest through the API, and every <see cref="VigieServerOptions.SnapshotLifetime"/> in the
/// background for the other writers. Requests are served the snapshot in place meanwhile, never kept waiting by a
/// catch-up after the first build.</remarks>
internal sealed class EventSnapshotCache(IVigieStore store, VigieServerOptions options, TimeProvider clock, PlaceFeatures features) : IDisposable
{
    /// <summary>Events read from the feed at once.</summary>
    private const int FeedPage = 5000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<DateOnly, int> _perDay = [];
    private readonly HashSet<string> _counted = new(StringComparer.Ordinal);
    private EventFuser _fuser = new();
    private EventSnapshot? _snapshot;
    private DateTimeOffset _checkedAt;
    private long _seq;
    private int _refreshing;

    /// <summary>The current snapshot. Only the first build is waited for: past its lifetime, the snapshot in place is
    /// served while the events stored since are read in the background.</summary>
    public async Task<EventSnapshot> GetAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _snapshot) is { } current)
        {
            if (clock.GetUtcNow() - _checkedAt >= options.SnapshotLifetime && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
                _ = Task.Run(RefreshAsync, CancellationToken.None);
            return current;
        }
        await _gate.WaitAsync(ct);
        try
        {
            return await CatchUpLockedAsync(ct);
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
            try { await CatchUpLockedAsync(CancellationToken.None); }
            finally { _gate.Release(); }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or OperationCanceledException or IOException)
        {
            // The store went away (server stopping): keep what was built.
        }
        finally { Volatile.Write(ref _refreshing, 0); }
    }

    /// <summary>Brings the snapshot up to date with the events stored since it was last brought up to date (after an
    /// ingest through the API): one read of the feed, not one query per document.</summary>
    public async Task CatchUpAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try { await CatchUpLockedAsync(ct); }
        finally { _gate.Release(); }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    private async Task<EventSnapshot> CatchUpLockedAsync(CancellationToken ct)
    {
        var added = new List<Event>();
        var seq = _seq;
        while (true)
        {
            var page = await store.ReadEventsAfterAsync(seq, FeedPage, ct);
            foreach (var e in page.Events)
                if (Count(e)) added.Add(e);
            seq = page.LastSeq;
            if (page.Events.Count < FeedPage) break;
        }
        _seq = seq;
        _checkedAt = clock.GetUtcNow();
        if (_snapshot is { } current && added.Count == 0) return current;
        var control = _snapshot?.Control ?? new ControlTimeline(features.Lookup);
        DateOnly? first = _snapshot?.FirstControlDate, last = _snapshot?.LastControlDate;
        foreach (var e in added)
        {
            if (!ControlTimeline.ControlTypes.Contains(e.Type) || e.Date is null) continue;
            if (first is null || e.Date.FirstDay < first) first = e.Date.FirstDay;
            if (last is null || e.Date.LastDay > last) last = e.Date.LastDay;
        }
        control.Add(added);
        FusedIndex fused;
        if (_snapshot is null)
        {
            _fuser = EventFuser.Rebuild(added);
            fused = FusedIndex.Of(_fuser.Fused());
        }
        else fused = _snapshot.Fused.With(_fuser.Add(added));
        var snapshot = new EventSnapshot(control, fused, Days(), first, last);
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot;
    }

    // False for an event already counted (a feed that gives it again).
    private bool Count(Event e)
    {
        if (!_counted.Add(e.Id)) return false;
        if (e.Date is not null) _perDay[e.Date.FirstDay] = _perDay.GetValueOrDefault(e.Date.FirstDay) + 1;
        return true;
    }

    private List<DayCount> Days() => _perDay.OrderBy(kv => kv.Key).Select(kv => new DayCount(kv.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), kv.Value)).ToList();
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
