using Vigie.Core;

namespace Vigie.Server.Features.Events;

/// <summary>A span of a document's text to highlight: the evidence sentence, or a field of the event inside it.</summary>
/// <param name="Document">The id of the document the span is in.</param>
/// <param name="Start">Start offset in the document text.</param>
/// <param name="End">End offset (exclusive) in the document text.</param>
/// <param name="Kind"><c>evidence</c>, <c>trigger</c>, <c>actor</c>, <c>source</c>, <c>place</c>, <c>number</c> or <c>date</c>.</param>
/// <param name="Label">What the span stands for (the rule id of the evidence, else the text of the span).</param>
/// <param name="Role">The event field a span fills (<see cref="EventSpan.Role"/>); null for an evidence sentence.</param>
public sealed record Highlight(string Document, int Start, int End, string Kind, string? Label, string? Role = null);

/// <summary>The spans of a document that an event rests on: its evidence sentences, and the spans stored with the event
/// (<see cref="Event.Spans"/>), as character offsets into the document text.</summary>
internal static class EvidenceHighlighter
{
    /// <summary>The evidence sentences of the event in this document, then its stored spans, in text order.</summary>
    public static IReadOnlyList<Highlight> Find(Event e, Document doc)
    {
        var text = doc.Text;
        var result = new List<Highlight>();
        foreach (var ev in e.Evidence)
        {
            if (ev.Document != doc.Id) continue;
            var (start, end) = Locate(text, ev);
            if (end > start) result.Add(new Highlight(doc.Id, start, end, "evidence", ev.Rule));
        }
        if (e.Document == doc.Id)
            foreach (var s in e.Spans)
                // A span is shown only where the stored text still reads as it did when the event was extracted.
                if (s.End > s.Start && s.End <= text.Length && string.CompareOrdinal(text, s.Start, s.Text, 0, s.End - s.Start) == 0)
                    result.Add(new Highlight(doc.Id, s.Start, s.End, KindOf(s.Role), s.Text, s.Role));
        return result.OrderBy(h => h.Start).ThenBy(h => h.Kind == "evidence" ? 0 : 1).ToList();
    }

    private static string KindOf(string role) => role switch
    {
        "actor1" or "actor2" or "claimant" => "actor",
        "attributed_to" => "source",
        "quantity" => "number",
        _ => role, // trigger, place, date
    };

    /// <summary>The evidence's offsets, checked against the text; when they do not match, where its sentence text occurs.</summary>
    private static (int Start, int End) Locate(string text, Evidence ev)
    {
        var start = Math.Clamp(ev.Start, 0, text.Length);
        var end = Math.Clamp(ev.End, start, text.Length);
        if (string.IsNullOrEmpty(ev.Text) || string.CompareOrdinal(text, start, ev.Text, 0, Math.Max(end - start, ev.Text.Length)) == 0)
            return (start, end);
        var found = text.IndexOf(ev.Text, StringComparison.Ordinal);
        return found >= 0 ? (found, found + ev.Text.Length) : (start, end);
    }
}
