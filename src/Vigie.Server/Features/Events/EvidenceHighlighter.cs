using Vigie.Core;

namespace Vigie.Server.Features.Events;

/// <summary>A span of a document's text to highlight: the evidence sentence, or an argument of the event inside it.</summary>
/// <param name="Kind"><c>evidence</c>, <c>trigger</c>, <c>actor</c>, <c>place</c>, <c>number</c> or <c>date</c>.</param>
/// <param name="Label">What the span stands for (the actor's or place's name, the rule id of the evidence).</param>
public sealed record Highlight(string Document, int Start, int End, string Kind, string? Label);

/// <summary>Finds the spans of a document that an event rests on, as character offsets into the document text.</summary>
internal static class EvidenceHighlighter
{
    /// <summary>The evidence sentences of the event in this document, then the argument spans inside them, sorted and not overlapping.</summary>
    /// <param name="mentions">What the engine recognised in the document (may be empty): dates and numbers come from here.</param>
    /// <param name="trigger">The span of the word that triggered the event's rule, when the engine re-read the document.</param>
    public static IReadOnlyList<Highlight> Find(Event e, Document doc, IReadOnlyList<Mention> mentions, Vigie.Extraction.TriggerSpan? trigger = null)
    {
        var text = doc.Text;
        var sentences = new List<(int Start, int End, string Rule)>();
        foreach (var ev in e.Evidence)
        {
            if (ev.Document != doc.Id) continue;
            var (start, end) = Locate(text, ev);
            if (end > start) sentences.Add((start, end, ev.Rule));
        }

        var arguments = new List<Highlight>();
        // The trigger goes first so that it wins over an overlapping argument.
        if (trigger is { } tr && e.Document == doc.Id && tr.End > tr.Start && tr.End <= doc.Text.Length)
            arguments.Add(new Highlight(doc.Id, tr.Start, tr.End, "trigger", doc.Text[tr.Start..tr.End]));
        foreach (var (start, end, _) in sentences)
        {
            foreach (var m in mentions)
            {
                if (m.Start < start || m.End > end || m.End <= m.Start) continue;
                var kind = m.Kind switch
                {
                    MentionKind.Actor => "actor",
                    MentionKind.Place => "place",
                    MentionKind.Number => "number",
                    MentionKind.Date => "date",
                    _ => null,
                };
                if (kind is not null) arguments.Add(new Highlight(doc.Id, m.Start, m.End, kind, m.Text));
            }
            foreach (var a in new[] { e.Actor1, e.Actor2, e.Claimant })
                if (a is not null) AddOccurrences(arguments, doc, start, end, a.Name, "actor");
            foreach (var l in e.Locations) AddOccurrences(arguments, doc, start, end, l.Name, "place");
            foreach (var q in e.Quantities) AddOccurrences(arguments, doc, start, end, q.Text, "number");
        }

        var result = sentences.Select(s => new Highlight(doc.Id, s.Start, s.End, "evidence", s.Rule)).ToList();
        var taken = new List<Highlight>();
        foreach (var h in arguments.OrderBy(h => h.Kind == "trigger" ? 0 : 1).ThenBy(h => h.Start).ThenByDescending(h => h.End - h.Start))
        {
            if (taken.Exists(t => t.Start < h.End && h.Start < t.End)) continue;
            taken.Add(h);
        }
        result.AddRange(taken);
        return result.OrderBy(h => h.Start).ThenBy(h => h.Kind == "evidence" ? 0 : 1).ToList();
    }

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

    /// <summary>Adds every whole-word occurrence of <paramref name="needle"/> between the offsets, ignoring case.</summary>
    private static void AddOccurrences(List<Highlight> into, Document doc, int start, int end, string? needle, string kind)
    {
        if (string.IsNullOrWhiteSpace(needle) || needle.Length < 2) return;
        var text = doc.Text;
        var i = start;
        while (i < end)
        {
            var found = text.IndexOf(needle, i, end - i, StringComparison.OrdinalIgnoreCase);
            if (found < 0) break;
            var after = found + needle.Length;
            // A plural ("talibans" for the actor "Taliban") is still the name.
            if (after < end && text[after] is 's' or 'x' && (after + 1 >= text.Length || !char.IsLetterOrDigit(text[after + 1]))) after++;
            var wordStart = found == 0 || !char.IsLetterOrDigit(text[found - 1]);
            var wordEnd = after >= text.Length || !char.IsLetterOrDigit(text[after]);
            if (wordStart && wordEnd) into.Add(new Highlight(doc.Id, found, after, kind, needle));
            i = found + 1;
        }
    }
}
