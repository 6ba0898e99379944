using Vigie.Core;
using Vigie.Text;

namespace Vigie.Fusion;

/// <summary>Who controls which place when, from <c>territory_taken</c>, <c>territory_transferred</c> and <c>territory_held</c> events.</summary>
/// <remarks>
/// State is kept per place; adding events recomputes only the places they name, lazily on the next query. The periods
/// depend only on the set of events, never on the order they came in, so the state is rebuilt by adding the stored
/// events again. Only asserted and claimed statements build periods; denied or negated ones mark them contested.
/// </remarks>
public sealed class ControlTimeline
{
    /// <summary>The event types the timeline reads.</summary>
    public static IReadOnlySet<string> ControlTypes { get; } =
        new HashSet<string>(StringComparer.Ordinal) { EventTypeTaken, EventTypeTransferred, EventTypeHeld };

    private const string EventTypeTaken = "territory_taken";
    private const string EventTypeTransferred = "territory_transferred";
    private const string EventTypeHeld = "territory_held";

    private readonly Dictionary<string, PlaceState> _places = new(StringComparer.Ordinal);
    private readonly HashSet<string> _eventIds = new(StringComparer.Ordinal);
    private readonly Func<Location, string?>? _featureOf;
    private readonly int _daySlack;

    /// <summary>An empty timeline.</summary>
    /// <param name="featureOf">The gazetteer feature of a location (e.g. <c>PPLA</c>); by default its precision.</param>
    /// <param name="daySlack">Days apart that two day-precise reports of one actor's taking may be and still be one change.</param>
    public ControlTimeline(Func<Location, string?>? featureOf = null, int daySlack = 1)
    {
        // Readers fill per-place caches and writers add events, possibly from several requests at once: one lock guards both.
        _featureOf = featureOf;
        _daySlack = daySlack;
    }

    /// <summary>A timeline of the given events: the state a store rebuilds on start.</summary>
    public static ControlTimeline Rebuild(IEnumerable<Event> events, Func<Location, string?>? featureOf = null)
    {
        var t = new ControlTimeline(featureOf);
        t.Add(events);
        return t;
    }

    private readonly Lock _lock = new();

    /// <summary>The number of places the timeline speaks of.</summary>
    public int PlaceCount
    {
        get { lock (_lock) return _places.Count; }
    }

    /// <summary>The key under which a location's control is kept: its GeoNames id, else country, name and precision.</summary>
    public static string PlaceKey(Location l) =>
        l.GeonamesId is { } id ? $"gn:{id}" : $"loc:{l.Country}:{Folding.FoldLettersAndDigits(l.Name)}:{l.Precision}";

    /// <summary>Adds events (others than control events are ignored); returns the keys of the places they touch.</summary>
    public IReadOnlyCollection<string> Add(IEnumerable<Event> events)
    {
        lock (_lock) return AddLocked(events);
    }

    private SortedSet<string> AddLocked(IEnumerable<Event> events)
    {
        var touched = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (!ControlTypes.Contains(e.Type) || e.Actor1 is null || DateWindow.Of(e.Date) is null) continue;
            if (!_eventIds.Add(e.Id)) continue;
            foreach (var l in e.Locations.DistinctBy(PlaceKey))
            {
                var key = PlaceKey(l);
                if (!_places.TryGetValue(key, out var state)) _places[key] = state = new PlaceState(key);
                state.Add(e, l);
                touched.Add(key);
            }
        }
        return touched;
    }

    /// <summary>Every place's periods, ordered by key.</summary>
    public IReadOnlyList<PlaceTimeline> Timelines()
    {
        lock (_lock) return _places.Values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(Timeline).ToList();
    }

    /// <summary>One place's periods, or null when no event names it.</summary>
    public PlaceTimeline? TimelineOf(string placeKey)
    {
        lock (_lock) return _places.TryGetValue(placeKey, out var p) ? Timeline(p) : null;
    }

    /// <summary>One location's periods, or null when no event names it.</summary>
    public PlaceTimeline? TimelineOf(Location location) => TimelineOf(PlaceKey(location));

    /// <summary>Who controls each place on <paramref name="date"/> (CONTRACT §3 <c>control --as-of</c>), ordered by country and name.</summary>
    /// <param name="date">The day asked about.</param>
    /// <param name="countryIso2">Only places of this ISO alpha-2 country, when given.</param>
    public IReadOnlyList<ControlEntry> AsOf(DateOnly date, string? countryIso2 = null)
    {
        var result = new List<ControlEntry>();
        lock (_lock)
        {
            foreach (var p in _places.Values)
            {
                var t = Timeline(p);
                if (countryIso2 is not null && !string.Equals(t.Place.Country, countryIso2, StringComparison.OrdinalIgnoreCase)) continue;
                if (EntryAsOf(t, date) is { } entry) result.Add(entry);
            }
        }
        return result
            .OrderBy(e => e.Place.Country, StringComparer.Ordinal)
            .ThenBy(e => e.Place.Name, StringComparer.Ordinal)
            .ThenBy(e => e.Place.GeonamesId)
            .ToList();
    }

    /// <summary>The control of one place's timeline on a date, or null when nothing is known of it by then.</summary>
    public static ControlEntry? EntryAsOf(PlaceTimeline timeline, DateOnly date)
    {
        var period = timeline.Periods.LastOrDefault(p => p.PossibleFrom <= date);
        if (period is null) return null;
        var contested = date < period.KnownFrom
            || period.Conflicts.Any(c => DateWindow.Of(c.Date) is { } w && w.First <= date);
        var status = contested ? ControlStatus.Contested : period.SupportStatus;
        return new ControlEntry(timeline.Place, period.Controller, ControlSince.Of(period.Since), status, period.EventIds);
    }

    /// <summary>How many places (and capitals) each actor holds on a date, most first.</summary>
    /// <param name="date">The day asked about.</param>
    /// <param name="countryIso2">Only places of this country, when given.</param>
    /// <param name="isCapital">Which places count as (provincial) capitals; none when null.</param>
    public ControlSummary Summarize(DateOnly date, string? countryIso2 = null, Func<ControlPlace, bool>? isCapital = null)
    {
        var entries = AsOf(date, countryIso2);
        var actors = entries
            .GroupBy(e => e.Controller.Id, StringComparer.Ordinal)
            .Select(g => new ActorHoldings(
                g.OrderBy(e => e.Controller.Name, StringComparer.Ordinal).First().Controller,
                g.Count(),
                isCapital is null ? 0 : g.Count(e => isCapital(e.Place)),
                g.Count(e => e.Status == ControlStatus.Contested)))
            .OrderByDescending(a => a.Places).ThenBy(a => a.Actor.Id, StringComparer.Ordinal)
            .ToList();
        return new ControlSummary(date, countryIso2, entries.Count, isCapital is null ? 0 : entries.Count(e => isCapital(e.Place)), actors);
    }

    // ---- per place ---------------------------------------------------------------------------------------------

    private PlaceTimeline Timeline(PlaceState p)
    {
        if (p.Cached is not null) return p.Cached;
        var loc = p.Location;
        p.Cached = new PlaceTimeline(p.Key, ControlPlace.Of(loc, _featureOf?.Invoke(loc)), ComputePeriods(p.Events.Values, _daySlack));
        return p.Cached;
    }

    private sealed class PlaceState(string key)
    {
        public string Key { get; } = key;
        public SortedDictionary<string, Event> Events { get; } = new(StringComparer.Ordinal);
        public Location Location { get; private set; } = null!;
        private string? _locationEventId;
        public PlaceTimeline? Cached { get; set; }

        public void Add(Event e, Location l)
        {
            Events[e.Id] = e;
            Cached = null;
            // The place is described by the location of its smallest event id: the same whatever the order of arrival.
            if (_locationEventId is null || string.CompareOrdinal(e.Id, _locationEventId) < 0) { Location = l; _locationEventId = e.Id; }
        }
    }

    private sealed record Observation(Event Event, Actor Actor, DateWindow Window, bool IsChange);

    private sealed class Anchor
    {
        public required Actor Actor { get; init; }
        public required DateValue Date { get; init; }
        public required DateWindow Window { get; init; }
        public required bool IsChange { get; init; }
        public required List<Event> Events { get; init; }
    }

    private sealed class Period(Anchor start)
    {
        public Anchor Start { get; } = start;
        public List<Event> Support { get; } = [.. start.Events];
        public List<ControlConflict> Conflicts { get; } = [];
        public DateValue? Until { get; set; }
    }

    /// <summary>Builds the periods of one place from its events.</summary>
    private static List<ControlPeriod> ComputePeriods(IEnumerable<Event> events, int daySlack)
    {
        var support = new List<Observation>();
        var denials = new List<Observation>();
        foreach (var e in events)
        {
            var w = DateWindow.Of(e.Date)!.Value;
            var o = new Observation(e, e.Actor1!, w, e.Type != EventTypeHeld);
            if (e.Modality is Modality.Asserted or Modality.Claimed) support.Add(o);
            else if (e.Modality is Modality.Denied or Modality.Negated) denials.Add(o);
        }

        var anchors = Changes(support.Where(o => o.IsChange), daySlack);
        anchors.AddRange(support.Where(o => !o.IsChange).Select(o =>
            new Anchor { Actor = o.Actor, Date = o.Event.Date!, Window = o.Window, IsChange = false, Events = [o.Event] }));
        anchors = anchors
            .OrderBy(a => a.Window.First).ThenBy(a => a.IsChange ? 0 : 1).ThenBy(a => a.Window.Last)
            // On a tie the asserted statement comes last, so that it is the one in force (contested).
            .ThenBy(a => a.Events.Exists(e => e.Modality == Modality.Asserted) ? 1 : 0)
            .ThenBy(a => a.Actor.Id, StringComparer.Ordinal).ThenBy(a => a.Events[0].Id, StringComparer.Ordinal)
            .ToList();

        var periods = new List<Period>();
        Period? current = null;
        foreach (var a in anchors)
        {
            if (current is not null && current.Start.Actor.Id == a.Actor.Id)
            {
                current.Support.AddRange(a.Events);
                continue;
            }
            if (a.IsChange || current is null)
            {
                if (current is not null)
                {
                    current.Until = a.Date;
                    if (current.Start.Window.Overlaps(a.Window))
                    {
                        // Two controllers for overlapping dates: both periods say so.
                        current.Conflicts.Add(new ControlConflict(ContradictionKinds.Controller, a.Actor, a.Date, Ids(a.Events)));
                        var next = new Period(a);
                        next.Conflicts.Add(new ControlConflict(ContradictionKinds.Controller, current.Start.Actor, current.Start.Date, Ids(current.Start.Events)));
                        periods.Add(current = next);
                        continue;
                    }
                }
                periods.Add(current = new Period(a));
                continue;
            }
            // Another actor said to hold the place while this one controls it.
            current.Conflicts.Add(new ControlConflict(ContradictionKinds.Controller, a.Actor, a.Date, Ids(a.Events)));
        }

        foreach (var d in denials)
        {
            var target = periods.FirstOrDefault(p => p.Start.IsChange && p.Start.Actor.Id == d.Actor.Id && p.Start.Window.Widen(daySlack).Overlaps(d.Window));
            target?.Conflicts.Add(new ControlConflict(ContradictionKinds.Denial, d.Actor, d.Event.Date!, [d.Event.Id]));
        }

        return periods.Select(p =>
        {
            var supported = p.Support.Exists(e => e.Modality == Modality.Asserted) ? ControlStatus.Asserted : ControlStatus.Claimed;
            var status = p.Conflicts.Count > 0 ? ControlStatus.Contested : supported;
            var ids = p.Support.Select(e => e.Id).Concat(p.Conflicts.SelectMany(c => c.EventIds))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var known = p.Start.IsChange ? p.Start.Window.Last : p.Start.Window.First;
            return new ControlPeriod(p.Start.Actor, p.Start.Date, p.Start.Window.First, known, p.Until, status, supported, p.Start.IsChange,
                ids, p.Conflicts.OrderBy(c => c.Date.Value, StringComparer.Ordinal).ThenBy(c => c.Actor.Id, StringComparer.Ordinal).ToList());
        }).ToList();
    }

    /// <summary>Groups one actor's reports of a change whose dates overlap into one change, dated as precisely as they allow.</summary>
    private static List<Anchor> Changes(IEnumerable<Observation> changes, int daySlack)
    {
        var result = new List<Anchor>();
        foreach (var byActor in changes.GroupBy(o => o.Actor.Id, StringComparer.Ordinal))
        {
            var sorted = byActor.OrderBy(o => o.Window.First).ThenBy(o => o.Window.Last).ThenBy(o => o.Event.Id, StringComparer.Ordinal).ToList();
            var group = new List<Observation>();
            DateWindow span = default;
            foreach (var o in sorted)
            {
                var slack = o.Event.Date!.Precision == DatePrecision.Day ? daySlack : 0;
                if (group.Count > 0 && !span.Widen(slack).Overlaps(o.Window)) { result.Add(ToAnchor(group)); group = []; }
                span = group.Count == 0 ? o.Window : new DateWindow(span.First, o.Window.Last > span.Last ? o.Window.Last : span.Last);
                group.Add(o);
            }
            if (group.Count > 0) result.Add(ToAnchor(group));
        }
        return result;
    }

    private static Anchor ToAnchor(List<Observation> group)
    {
        var finest = group.Min(o => o.Event.Date!.Precision);
        var date = group.Where(o => o.Event.Date!.Precision == finest)
            .GroupBy(o => o.Event.Date!.Value, StringComparer.Ordinal)
            .OrderByDescending(g => g.Select(o => o.Event.Document).Distinct(StringComparer.Ordinal).Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First()
            .OrderBy(o => o.Event.Id, StringComparer.Ordinal).First();
        var actor = group.OrderBy(o => o.Event.Id, StringComparer.Ordinal).First().Actor;
        return new Anchor
        {
            Actor = actor,
            Date = date.Event.Date!,
            Window = date.Window,
            IsChange = true,
            Events = [.. group.Select(o => o.Event).OrderBy(e => e.Id, StringComparer.Ordinal)],
        };
    }

    private static List<string> Ids(IEnumerable<Event> events) => events.Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
}
