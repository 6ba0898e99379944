using Vigie.Core;

namespace Vigie.Extraction;

/// <summary>Finds, once at extraction, where each field of an event stands in its document (<see cref="Event.Spans"/>),
/// so that the event views read the spans from the store instead of analysing the document again.</summary>
public static class EventSpans
{
    /// <summary>The trigger's span, then the mentions inside the event's evidence sentences that filled its fields, in
    /// text order and not overlapping (the trigger wins, then the first field a mention fills).</summary>
    /// <param name="e">The event as built.</param>
    /// <param name="text">The document text the evidence offsets point into.</param>
    /// <param name="mentions">Every mention recognised in the document.</param>
    /// <param name="trigger">Where the word that fired the event's rule stands, when known.</param>
    public static IReadOnlyList<EventSpan> Of(Event e, string text, IReadOnlyList<Mention> mentions, TriggerSpan? trigger)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mentions);
        var spans = new List<EventSpan>();
        void Add(string role, int start, int end)
        {
            if (end <= start || start < 0 || end > text.Length) return;
            foreach (var s in spans)
                if (s.Start < end && start < s.End) return;
            spans.Add(new EventSpan(role, start, end, text[start..end]));
        }

        if (trigger is { } t) Add("trigger", t.Start, t.End);
        foreach (var ev in e.Evidence)
        {
            if (!string.Equals(ev.Document, e.Document, StringComparison.Ordinal)) continue;
            foreach (var m in mentions)
            {
                if (m.Start < ev.Start || m.End > ev.End) continue;
                if (RoleOf(e, m) is { } role) Add(role, m.Start, m.End);
            }
            // A source that is no actor ("witnesses", "des témoins") has no mention: its name is where the text says it.
            if (e.AttributedTo is { Id: null, Name.Length: > 1 } source)
            {
                var found = text.IndexOf(source.Name, ev.Start, ev.End - ev.Start, StringComparison.OrdinalIgnoreCase);
                if (found >= 0) Add("attributed_to", found, found + source.Name.Length);
            }
        }
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }

    private static string? RoleOf(Event e, Mention m) => m switch
    {
        ActorMention a when a.Actor.Id == e.Actor1?.Id => "actor1",
        ActorMention a when a.Actor.Id == e.Actor2?.Id => "actor2",
        ActorMention a when a.Actor.Id == e.Claimant?.Id => "claimant",
        ActorMention a when e.AttributedTo?.Id is { } id && a.Actor.Id == id => "attributed_to",
        PlaceMention p when e.Locations.Any(l => l.Name == p.Location.Name && l.Lat.Equals(p.Location.Lat) && l.Lon.Equals(p.Location.Lon)) => "place",
        NumberMention n when e.Quantities.Any(q => q.Text == n.Quantity.Text && q.Low == n.Quantity.Low && q.High == n.Quantity.High) => "quantity",
        DateMention d when e.Date is not null && d.Date.Value == e.Date.Value && d.Date.End == e.Date.End => "date",
        _ => null,
    };
}
