using System.Text;
using Vigie.Core;

namespace Vigie.Cli;

/// <summary>Renders an event for a human: its fields, then each evidence sentence with the rule that fired.</summary>
internal static class EventRendering
{
    public static string Explain(Event e, string? documentText)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"event     {e.Id}");
        sb.AppendLine($"type      {e.Type}  (CAMEO {e.Codes.Cameo ?? "-"}, PLOVER {e.Codes.Plover ?? "-"}, ACLED {e.Codes.AcledSubEventType ?? "-"})");
        sb.AppendLine($"modality  {VigieJson.Serialize(e.Modality).Trim('"')}" + (e.Claimant is { } c ? $" (claimed by {c.Name})" : ""));
        sb.AppendLine($"actor1    {Describe(e.Actor1)}");
        sb.AppendLine($"actor2    {Describe(e.Actor2)}");
        foreach (var l in e.Locations)
            sb.AppendLine($"place     {l.Name}, {l.Country} ({l.Precision}, {l.Lat:0.####}, {l.Lon:0.####}, geonames {l.GeonamesId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"})");
        if (e.Date is { } d) sb.AppendLine($"date      {d.Value} ({VigieJson.Serialize(d.Precision).Trim('"')}{(d.Weekday is null ? "" : ", " + d.Weekday)}{(d.End is null ? "" : ", until " + d.End)})");
        foreach (var q in e.Quantities)
            sb.AppendLine($"quantity  {q.Kind} {q.Low}{(q.High != q.Low ? "-" + q.High : "")} \"{q.Text}\"{(q.Approximate ? " approximate" : "")}{(q.LowerBound ? " at least" : "")}{(q.UpperBound ? " at most" : "")}");
        sb.AppendLine($"confidence {e.Confidence:0.00}");
        foreach (var ev in e.Evidence)
        {
            sb.AppendLine();
            sb.AppendLine($"rule {ev.Rule}, document {ev.Document}, sentence {ev.Sentence} [{ev.Start}..{ev.End})");
            sb.AppendLine("  " + Mark(ev.Text, e));
        }
        return sb.ToString();
    }

    private static string Describe(Actor? a) => a is null ? "-" : $"{a.Name} (id {a.Id}, {a.Country ?? "international"}, {a.Role ?? "-"})";

    /// <summary>Brackets the words of the sentence that name the event's places, actors and quantities.</summary>
    private static string Mark(string sentence, Event e)
    {
        var spans = new List<(int Start, int End, string Label)>();
        void Find(string? needle, string label)
        {
            if (string.IsNullOrWhiteSpace(needle)) return;
            var i = sentence.IndexOf(needle, StringComparison.OrdinalIgnoreCase);
            if (i >= 0 && !spans.Any(s => i < s.End && s.Start < i + needle.Length)) spans.Add((i, i + needle.Length, label));
        }
        foreach (var q in e.Quantities) Find(q.Text, "quantity");
        foreach (var l in e.Locations) Find(l.Name, "place");
        Find(e.Actor1?.Name, "actor1");
        Find(e.Actor2?.Name, "actor2");
        var sb = new StringBuilder();
        var pos = 0;
        foreach (var (start, end, label) in spans.OrderBy(s => s.Start))
        {
            sb.Append(sentence, pos, start - pos).Append('[').Append(sentence, start, end - start).Append("]{").Append(label).Append('}');
            pos = end;
        }
        sb.Append(sentence, pos, sentence.Length - pos);
        return sb.ToString();
    }
}
