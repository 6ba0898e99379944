using System.Globalization;
using Vigie.Core;

namespace Vigie.Fusion;

/// <summary>Merges the reports of one event across documents, incrementally.</summary>
/// <remarks>
/// Two events are compatible when their type, modality group, dates, actors and places agree (<see cref="AreCompatible"/>).
/// Compatible events are linked into components (union-find); inside a component, clusters are built greedily in a
/// fixed order so that every pair in a cluster is compatible (complete link, no chaining of 12, 13 and 14 August).
/// The result depends only on the set of events, never on their order: adding one document re-clusters only the
/// components its events touch, and the state is rebuilt by adding the stored events again.
/// </remarks>
public sealed class EventFuser
{
    private readonly FusionOptions _o;
    private readonly List<Event> _events = [];
    private readonly List<DateWindow?> _windows = [];
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly Components<Cluster> _components = new();
    private readonly Dictionary<string, Cluster> _clusters = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Cluster> _clusterOfEvent = [];
    private readonly CandidateIndex _index = new();

    /// <summary>An empty fuser.</summary>
    public EventFuser(FusionOptions? options = null) => _o = options ?? FusionOptions.Default;

    /// <summary>A fuser holding the given events: the state a store rebuilds on start.</summary>
    public static EventFuser Rebuild(IEnumerable<Event> events, FusionOptions? options = null)
    {
        var f = new EventFuser(options);
        f.Add(events);
        return f;
    }

    /// <summary>The number of extracted events held.</summary>
    public int EventCount => _events.Count;

    /// <summary>The number of fused events.</summary>
    public int ClusterCount => _clusters.Count;

    /// <summary>Merges: how many extracted events were folded into another one (events minus fused events).</summary>
    public int MergeCount => _events.Count - _clusters.Count;

    /// <summary>Adds one event.</summary>
    public FusionChanges Add(Event e) => Add([e]);

    /// <summary>Adds events (typically one document's); an event id already held is ignored.</summary>
    public FusionChanges Add(IEnumerable<Event> events)
    {
        var added = new List<int>();
        foreach (var e in events)
        {
            if (_byId.ContainsKey(e.Id)) continue;
            var i = Register(e);
            added.Add(i);
            if (_windows[i] is null) continue;
            foreach (var c in Candidates(i, e.Type, _windows[i]!.Value.Widen(_o.Rules.DaySlack)))
                if (Compatible(c, i)) _components.Union(c, i);
            Index(i);
        }
        if (added.Count == 0) return FusionChanges.None;

        var removed = new SortedSet<string>(StringComparer.Ordinal);
        var upserted = new SortedDictionary<string, Cluster>(StringComparer.Ordinal);
        foreach (var root in added.Select(_components.Find).Distinct().ToList())
        {
            var old = _components.Clusters(root);
            var fresh = Recluster(root);
            var freshIds = fresh.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var c in old)
                if (!freshIds.Contains(c.Id)) { removed.Add(c.Id); _clusters.Remove(c.Id); }
            var oldById = old.ToDictionary(c => c.Id, StringComparer.Ordinal);
            var kept = new List<Cluster>(fresh.Count);
            foreach (var c in fresh)
            {
                var cluster = oldById.GetValueOrDefault(c.Id) ?? c;
                kept.Add(cluster);
                _clusters[cluster.Id] = cluster;
                foreach (var m in cluster.Members) _clusterOfEvent[m] = cluster;
                if (!oldById.ContainsKey(c.Id)) upserted[c.Id] = cluster;
            }
            _components.SetClusters(root, kept);
        }

        // A new territorial cluster may contradict clusters it is not merged with: they change too.
        foreach (var c in upserted.Values.ToList())
            foreach (var n in ConflictingClusters(c))
                if (!upserted.ContainsKey(n.Id)) { n.Fused = null; upserted[n.Id] = n; }

        return new FusionChanges(upserted.Values.Select(Materialize).ToList(), removed.ToList());
    }

    /// <summary>Every fused event, ordered by id.</summary>
    public IReadOnlyList<FusedEvent> Fused() =>
        _clusters.Values.OrderBy(c => c.Id, StringComparer.Ordinal).Select(Materialize).ToList();

    /// <summary>The fused event with this id, or null.</summary>
    public FusedEvent? Find(string fusedId) => _clusters.TryGetValue(fusedId, out var c) ? Materialize(c) : null;

    /// <summary>The fused event an extracted event belongs to, or null when the event is unknown.</summary>
    public FusedEvent? FusedOf(string eventId) =>
        _byId.TryGetValue(eventId, out var i) && _clusterOfEvent.TryGetValue(i, out var c) ? Materialize(c) : null;

    /// <summary>True when two extracted events may be reports of one event (<see cref="SameEvent.AcrossDocuments(Event, Event, SameEventRules?)"/>).</summary>
    /// <remarks>Two events of one document that document-level merging kept apart merge only when their dates are the
    /// same value: a document that tells two dates tells two events.</remarks>
    public static bool AreCompatible(Event a, Event b, FusionOptions? options = null)
    {
        var r = (options ?? FusionOptions.Default).Rules;
        return SameEvent.MergeWindow(a, r) is { } wa && SameEvent.MergeWindow(b, r) is { } wb && Compatible(a, wa, b, wb, r);
    }

    private bool Compatible(int i, int j) =>
        _windows[i] is { } wi && _windows[j] is { } wj && Compatible(_events[i], wi, _events[j], wj, _o.Rules);

    private static bool Compatible(Event a, DateWindow wa, Event b, DateWindow wb, SameEventRules r)
    {
        if (a.Document == b.Document && (a.Date!.Value != b.Date!.Value || a.Date.Precision != b.Date.Precision)) return false;
        return SameEvent.AcrossDocuments(a, wa, b, wb, r);
    }

    /// <summary>True when two locations may be the same place for an event.</summary>
    public static bool PlacesCompatible(Location a, Location b, bool territorial, FusionOptions? options = null) =>
        SameEvent.PlacesCompatible(a, b, territorial, (options ?? FusionOptions.Default).Rules);

    private string Family(string type) => _o.Rules.Types.Family(type);

    // ---- state -------------------------------------------------------------------------------------------------

    private sealed class Cluster(string id, int[] members)
    {
        public string Id { get; } = id;
        public int[] Members { get; } = members;
        public FusedEvent? Fused { get; set; }
    }

    private int Register(Event e)
    {
        var i = _events.Count;
        _events.Add(e);
        _windows.Add(SameEvent.MergeWindow(e, _o.Rules));
        _byId[e.Id] = i;
        _components.Add(i);
        return i;
    }

    private List<Cluster> Recluster(int root)
    {
        var members = _components.Members(root)
            .OrderBy(i => _events[i].Date?.Precision ?? DatePrecision.Decade)
            .ThenBy(i => _windows[i]?.First ?? DateOnly.MaxValue)
            .ThenBy(i => _events[i].Id, StringComparer.Ordinal)
            .ToList();
        var groups = new List<List<int>>();
        foreach (var m in members)
        {
            var home = groups.FirstOrDefault(g => g.TrueForAll(x => Compatible(x, m)));
            if (home is null) groups.Add([m]); else home.Add(m);
        }
        return groups.Select(g =>
        {
            var ids = g.Select(i => _events[i].Id).Order(StringComparer.Ordinal).ToArray();
            var parts = new string?[ids.Length + 1];
            parts[0] = "fused";
            ids.CopyTo(parts, 1);
            return new Cluster(StableId.Of(parts), [.. g.OrderBy(i => _events[i].Id, StringComparer.Ordinal)]);
        }).ToList();
    }

    // ---- candidates: the held events near in time and space (CandidateIndex) ------------------------------------

    private void Index(int i) =>
        _index.Add(i, Family(_events[i].Type), _windows[i]!.Value.Widen(_o.Rules.DaySlack), _events[i].Locations);

    private HashSet<int> Candidates(int i, string type, DateWindow window)
    {
        var found = _index.Near(Family(type), window, _events[i].Locations, _o.Rules.MaxToleranceKm);
        found.Remove(i);
        return found;
    }

    // ---- contradictions of control between clusters -------------------------------------------------------------

    private static bool IsControlConflict(Event a, Event b, FusionOptions o)
    {
        if (!ControlTimeline.ControlTypes.Contains(a.Type) || !ControlTimeline.ControlTypes.Contains(b.Type)) return false;
        if (a.Modality is not (Modality.Asserted or Modality.Claimed) || b.Modality is not (Modality.Asserted or Modality.Claimed)) return false;
        if (a.Actor1 is null || b.Actor1 is null || a.Actor1.Id == b.Actor1.Id) return false;
        if (DateWindow.Of(a.Date) is not { } wa || DateWindow.Of(b.Date) is not { } wb || !wa.Overlaps(wb)) return false;
        foreach (var la in a.Locations)
            foreach (var lb in b.Locations)
                if (PlacesCompatible(la, lb, territorial: true, o)) return true;
        return false;
    }

    private List<(Cluster Cluster, int Member, int Other)> ControlConflicts(Cluster c)
    {
        var result = new List<(Cluster, int, int)>();
        foreach (var m in c.Members)
        {
            var e = _events[m];
            if (_windows[m] is not { } w || !ControlTimeline.ControlTypes.Contains(e.Type)) continue;
            foreach (var type in ControlTimeline.ControlTypes.Select(Family).Distinct(StringComparer.Ordinal))
                foreach (var other in Candidates(m, type, w).Order())
                    if (_clusterOfEvent.TryGetValue(other, out var oc) && !ReferenceEquals(oc, c) && IsControlConflict(e, _events[other], _o))
                        result.Add((oc, m, other));
        }
        return result;
    }

    private IEnumerable<Cluster> ConflictingClusters(Cluster c) => ControlConflicts(c).Select(x => x.Cluster).Distinct();

    // ---- materialisation ---------------------------------------------------------------------------------------

    private static int ModalityRank(Modality m) => m switch { Modality.Asserted => 0, Modality.Claimed => 1, _ => 2 };

    private static int FinestLocationRank(Event e) => e.Locations.Count == 0 ? 9 : e.Locations.Min(l => GeoMath.PrecisionRank(l.Precision));

    private FusedEvent Materialize(Cluster c)
    {
        if (c.Fused is not null) return c.Fused;
        var members = c.Members.Select(i => _events[i])
            .OrderBy(e => ModalityRank(e.Modality))
            .ThenBy(e => e.Date?.Precision ?? DatePrecision.Decade)
            .ThenBy(FinestLocationRank)
            .ThenByDescending(e => e.Confidence)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        var rep = members[0];
        var documents = members.Select(e => e.Document).Distinct().Order(StringComparer.Ordinal).ToList();
        var sources = members.Select(e => _o.Source(e.Document)).Distinct(StringComparer.Ordinal).Count();
        var contradictions = new List<Contradiction>();

        var modality = MergedModality(members, rep);
        var date = MergedDate(members, contradictions);
        var place = members.OrderBy(FinestLocationRank).ThenBy(e => ModalityRank(e.Modality)).ThenBy(e => e.Id, StringComparer.Ordinal).First();
        var tolls = Tolls(members, contradictions);

        var denials = members.Where(e => e.Modality is Modality.Denied or Modality.Negated).ToList();
        if (denials.Count > 0 && denials.Count < members.Count)
            contradictions.Add(new Contradiction(ContradictionKinds.Denial,
                $"{denials.Select(e => e.Document).Distinct().Count()} source(s) deny or negate what {members.Count - denials.Count} report(s) state.",
                denials.Select(e => e.Id).Order(StringComparer.Ordinal).ToList()));

        var conflicts = ControlConflicts(c);
        if (conflicts.Count > 0)
        {
            var others = conflicts.Select(x => x.Cluster.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var actors = conflicts.Select(x => _events[x.Other].Actor1!.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            contradictions.Add(new Contradiction(ContradictionKinds.Controller,
                $"Other sources give the place to {string.Join(", ", actors)} on overlapping dates.", others));
        }

        var confidence = 1.0;
        foreach (var g in members.GroupBy(e => _o.Source(e.Document), StringComparer.Ordinal))
            confidence *= 1 - Math.Clamp(g.Max(e => e.Confidence), 0, 1);
        var evidence = members.SelectMany(e => e.Evidence).Distinct()
            .OrderBy(v => v.Document, StringComparer.Ordinal).ThenBy(v => v.Sentence).ThenBy(v => v.Start).ThenBy(v => v.End)
            .ThenBy(v => v.Rule, StringComparer.Ordinal).ToList();
        var quantities = tolls.Select(t =>
        {
            var texts = members.SelectMany(e => e.Quantities).Where(q => q.Kind == t.Kind).Select(q => q.Text).Distinct(StringComparer.Ordinal).ToList();
            var text = texts.Count == 1 ? texts[0] : t.Low == t.High
                ? t.Low.ToString(CultureInfo.InvariantCulture)
                : $"{t.Low.ToString(CultureInfo.InvariantCulture)}–{t.High.ToString(CultureInfo.InvariantCulture)}";
            return new Quantity(t.Kind, t.Low, t.High, t.Low != t.High, false, false, text);
        }).ToList();

        // Reports of compatible types make one event of the type they combine into (an attack and its IED: the IED).
        var type = members.Skip(1).Aggregate(rep.Type, (t, e) => _o.Rules.Types.Combine(t, e.Type) ?? t);
        var actor1 = members.Select(e => e.Actor1).FirstOrDefault(a => a is not null);
        var merged = new Event(
            c.Id, rep.Document, rep.Language, type, EventTypeCatalog.Default.Find(type)?.CodesFor(actor1?.Role) ?? rep.Codes,
            actor1,
            members.Select(e => e.Actor2).FirstOrDefault(a => a is not null),
            modality == Modality.Asserted ? null : members.Select(e => e.Claimant).FirstOrDefault(a => a is not null),
            place.Locations, date, quantities, modality, Math.Round(1 - confidence, 4), evidence);
        c.Fused = new FusedEvent(c.Id, merged, members.Select(e => e.Id).Order(StringComparer.Ordinal).ToList(),
            documents, sources, tolls, contradictions);
        return c.Fused;
    }

    /// <summary>Asserted when some source asserts it that is not itself a source of the claim; else claimed when claimed.</summary>
    private Modality MergedModality(List<Event> members, Event rep)
    {
        var claimSources = members.Where(e => e.Modality == Modality.Claimed).Select(e => _o.Source(e.Document)).ToHashSet(StringComparer.Ordinal);
        var asserting = members.Where(e => e.Modality == Modality.Asserted).Select(e => _o.Source(e.Document)).ToList();
        if (asserting.Exists(s => !claimSources.Contains(s))) return Modality.Asserted;
        if (asserting.Count > 0 || claimSources.Count > 0) return Modality.Claimed;
        return rep.Modality;
    }

    /// <summary>The finest precision given; among day-precise dates the one most sources give, earliest on a tie.</summary>
    private static DateValue? MergedDate(List<Event> members, List<Contradiction> contradictions)
    {
        var dated = members.Where(e => e.Date is not null && DateWindow.Of(e.Date) is not null).ToList();
        if (dated.Count == 0) return members[0].Date;
        var finest = dated.Min(e => e.Date!.Precision);
        var best = dated.Where(e => e.Date!.Precision == finest)
            .GroupBy(e => e.Date!.Value, StringComparer.Ordinal)
            .OrderByDescending(g => g.Select(e => e.Document).Distinct().Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (finest == DatePrecision.Day && best.Count > 1)
            contradictions.Add(new Contradiction(ContradictionKinds.Date,
                $"Sources give {string.Join(", ", best.Select(g => g.Key).Order(StringComparer.Ordinal))}.",
                best.SelectMany(g => g).Select(e => e.Id).Order(StringComparer.Ordinal).ToList()));
        return best[0].OrderBy(e => e.Id, StringComparer.Ordinal).First().Date;
    }

    /// <summary>UCDP-style low / best / high per quantity kind, one report per source.</summary>
    private List<TollEstimate> Tolls(List<Event> members, List<Contradiction> contradictions)
    {
        var result = new List<TollEstimate>();
        var byKind = members
            .SelectMany(e => e.Quantities.Where(q => q.Kind is not null).Select(q => (Event: e, Quantity: q)))
            .GroupBy(x => x.Quantity.Kind!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var kind in byKind)
        {
            var reports = kind.GroupBy(x => _o.Source(x.Event.Document), StringComparer.Ordinal)
                .Select(g =>
                {
                    var top = g.OrderByDescending(x => x.Quantity.High).ThenByDescending(x => x.Quantity.Low).First().Quantity;
                    var low = g.Max(x => x.Quantity.Low);
                    var high = Math.Max(low, g.Max(x => x.Quantity.High));
                    var best = top.LowerBound ? low : top.UpperBound ? high : (low + high) / 2;
                    var lowEff = top.UpperBound ? 0 : top.Approximate ? low * 0.9m : low;
                    var highEff = top.LowerBound ? decimal.MaxValue : top.Approximate ? high * 1.1m : high;
                    return (Low: low, High: high, Best: best, LowEff: lowEff, HighEff: highEff, Ids: g.Select(x => x.Event.Id).ToList());
                })
                .ToList();
            var bests = reports.Select(r => r.Best).Order().ToList();
            var median = bests.Count % 2 == 1 ? bests[bests.Count / 2] : (bests[bests.Count / 2 - 1] + bests[bests.Count / 2]) / 2;
            result.Add(new TollEstimate(kind.Key, reports.Min(r => r.Low), Math.Round(median, 0, MidpointRounding.AwayFromZero),
                reports.Max(r => r.High), reports.Count));
            if (reports.Count > 1 && reports.Max(r => r.LowEff) > reports.Min(r => r.HighEff))
                contradictions.Add(new Contradiction(ContradictionKinds.Toll,
                    $"Sources disagree on {kind.Key}: {string.Join(", ", reports.Select(r => r.Low == r.High ? r.Low.ToString(CultureInfo.InvariantCulture) : $"{r.Low.ToString(CultureInfo.InvariantCulture)}–{r.High.ToString(CultureInfo.InvariantCulture)}").Distinct())}.",
                    reports.SelectMany(r => r.Ids).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()));
        }
        return result;
    }
}
