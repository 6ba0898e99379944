using System.Globalization;
using System.Text;
using Vigie.Core;

namespace Vigie.Extraction;

/// <summary>Renders why an event was extracted: its evidence sentence with each argument's span marked, and the rule.</summary>
public static class EventExplainer
{
    /// <summary>One marked span of the evidence sentence.</summary>
    public sealed record MarkedSpan(string Role, int Start, int End, string Text);

    /// <summary>The argument spans of an event found among the document's mentions, inside its evidence sentences.</summary>
    public static List<MarkedSpan> Spans(Event e, string documentText, IReadOnlyList<Mention> mentions)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(documentText);
        ArgumentNullException.ThrowIfNull(mentions);
        var spans = new List<MarkedSpan>();
        foreach (var ev in e.Evidence)
        {
            foreach (var m in mentions)
            {
                if (m.Start < ev.Start || m.End > ev.End) continue;
                var role = m switch
                {
                    ActorMention a when e.Actor1 is not null && a.Actor.Id == e.Actor1.Id => "actor1",
                    ActorMention a when e.Actor2 is not null && a.Actor.Id == e.Actor2.Id => "actor2",
                    ActorMention a when e.Claimant is not null && a.Actor.Id == e.Claimant.Id => "claimant",
                    PlaceMention p when e.Locations.Any(l => l.Name == p.Location.Name && l.Lat.Equals(p.Location.Lat)) => "place",
                    NumberMention n when e.Quantities.Any(q => q.Text == n.Quantity.Text && q.Low == n.Quantity.Low) => "quantity",
                    DateMention d when e.Date is not null && d.Date.Value == e.Date.Value && d.Date.Weekday == e.Date.Weekday => "date",
                    _ => null,
                };
                if (role is not null && !spans.Any(s => s.Start < m.End && m.Start < s.End))
                    spans.Add(new MarkedSpan(role, m.Start, m.End, documentText[m.Start..m.End]));
            }
        }
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }

    /// <summary>The evidence sentences with <c>[role: text]</c> around each argument, then the rule and the event's fields.</summary>
    public static string Explain(Event e, string documentText, IReadOnlyList<Mention> mentions)
    {
        var spans = Spans(e, documentText, mentions);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"event {e.Id}: {e.Type} ({e.Modality}, confidence {e.Confidence:0.00})\n");
        foreach (var ev in e.Evidence)
        {
            sb.Append(CultureInfo.InvariantCulture, $"rule {ev.Rule}, sentence {ev.Sentence} [{ev.Start}..{ev.End}):\n  ");
            var pos = ev.Start;
            foreach (var s in spans)
            {
                if (s.Start < ev.Start || s.End > ev.End) continue;
                sb.Append(documentText, pos, s.Start - pos);
                sb.Append('[').Append(s.Role).Append(": ").Append(s.Text).Append(']');
                pos = s.End;
            }
            sb.Append(documentText, pos, ev.End - pos).Append('\n');
        }
        static string A(Actor? a) => a is null ? "-" : $"{a.Name} ({a.Id}, {a.Role ?? "?"})";
        sb.Append("  actor1: ").Append(A(e.Actor1)).Append('\n');
        sb.Append("  actor2: ").Append(A(e.Actor2)).Append('\n');
        if (e.Claimant is not null) sb.Append("  claimant: ").Append(A(e.Claimant)).Append('\n');
        sb.Append("  locations: ").Append(e.Locations.Count == 0 ? "-" : string.Join(", ", e.Locations.Select(l => $"{l.Name} ({l.Country})"))).Append('\n');
        sb.Append("  date: ").Append(e.Date is null ? "-" : $"{e.Date.Value} ({e.Date.Precision}{(e.Date.Weekday is null ? "" : ", " + e.Date.Weekday)})").Append('\n');
        if (e.Quantities.Count > 0)
            sb.Append("  quantities: ").Append(string.Join(", ", e.Quantities.Select(q => $"{q.Kind} {q.Low}-{q.High} \"{q.Text}\""))).Append('\n');
        return sb.ToString();
    }
}
