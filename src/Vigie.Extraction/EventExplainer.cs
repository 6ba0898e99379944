using System.Globalization;
using System.Text;
using Vigie.Core;

namespace Vigie.Extraction;

/// <summary>Renders why an event was extracted: its evidence sentence with each stored span (<see cref="Event.Spans"/>)
/// marked, and the rule.</summary>
public static class EventExplainer
{
    /// <summary>The evidence sentences with <c>[role: text]</c> around each argument, then the rule and the event's fields.</summary>
    public static string Explain(Event e, string documentText)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(documentText);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"event {e.Id}: {e.Type} ({e.Modality}, confidence {e.Confidence:0.00})\n");
        foreach (var ev in e.Evidence)
        {
            sb.Append(CultureInfo.InvariantCulture, $"rule {ev.Rule}, sentence {ev.Sentence} [{ev.Start}..{ev.End}):\n  ");
            var pos = ev.Start;
            foreach (var s in e.Spans)
            {
                if (ev.Document != e.Document || s.Start < pos || s.End > ev.End || s.End > documentText.Length) continue;
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
        if (e.AttributedTo is { } source) sb.Append("  attributed_to: ").Append(source.Id is null ? source.Name : $"{source.Name} ({source.Id}, {source.Role ?? "?"})").Append('\n');
        sb.Append("  locations: ").Append(e.Locations.Count == 0 ? "-" : string.Join(", ", e.Locations.Select(l => $"{l.Name} ({l.Country})"))).Append('\n');
        sb.Append("  date: ").Append(e.Date is null ? "-" : $"{e.Date.Value} ({e.Date.Precision}{(e.Date.Weekday is null ? "" : ", " + e.Date.Weekday)})").Append('\n');
        if (e.Quantities.Count > 0)
            sb.Append("  quantities: ").Append(string.Join(", ", e.Quantities.Select(q => $"{q.Kind} {q.Low}-{q.High} \"{q.Text}\""))).Append('\n');
        // Events stored before spans were kept have none: say so rather than analyse the document again.
        if (e.Spans.Count == 0) sb.Append("  (no spans stored with this event; ingest its document again to mark them)\n");
        return sb.ToString();
    }
}
