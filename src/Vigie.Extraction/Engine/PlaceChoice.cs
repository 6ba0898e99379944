using Vigie.Core;

namespace Vigie.Extraction.Engine;

/// <summary>The place of an event whose own clause names none: the closest place of its sentence that no other event
/// of the sentence holds, else the lead's place (CONTRACT §2: the lead sets the scene the later sentences tell).</summary>
internal static class PlaceChoice
{
    /// <summary>The sentences that make the lead: a document's first two (its headline and first sentence).</summary>
    public const int LeadSentences = 2;

    /// <summary>The closest place of the sentence to the trigger, its qualifying aside with it ("in Napala (Macomia,
    /// Cabo Delgado)" keeps Napala); places held by the sentence's other events and reference points are left.</summary>
    public static List<MentionRef> Nearest(Draft d, IReadOnlyList<Draft> sentenceDrafts)
    {
        // Places of the sentence's clauses first; an aside's units ("(Macomia, Cabo Delgado)") only when it has none.
        foreach (var asides in (ReadOnlySpan<bool>)[false, true])
        {
            MentionRef? best = null;
            var bestDistance = int.MaxValue;
            foreach (var r in d.View.Mentions)
            {
                if (r.Kind != MentionKind.Place || r.Reference || r.Location is null) continue;
                if (d.View.AsideOf[r.First] >= 0 != asides || HeldByOther(r, d, sentenceDrafts)) continue;
                var distance = r.First > d.Trigger ? r.First - d.Trigger : d.Trigger - r.Last;
                // A place after the trigger wins a tie: "attacked X" over "X's militia attacked".
                if (distance < bestDistance || (distance == bestDistance && r.First > d.Trigger))
                {
                    best = r;
                    bestDistance = distance;
                }
            }
            if (best is not null) return [best];
        }
        return [];
    }

    /// <summary>The lead's place, for an event told after the first sentence: the places of the lead's first located
    /// event, else the finest place the lead names.</summary>
    public static Location? Lead(IReadOnlyList<SentenceEvent> events, IEnumerable<MentionRef> leadPlaces)
    {
        foreach (var e in events)
            if (e.Sentence < LeadSentences && e.Event.Locations.Count > 0) return e.Event.Locations[0];
        Location? best = null;
        foreach (var r in leadPlaces)
        {
            if (r.Kind != MentionKind.Place || r.Reference || r.Location is not { } loc) continue;
            if (best is null || GeoMath.PrecisionRank(loc.Precision) < GeoMath.PrecisionRank(best.Precision)) best = loc;
        }
        return best;
    }

    private static bool HeldByOther(MentionRef r, Draft d, IReadOnlyList<Draft> sentenceDrafts)
    {
        foreach (var o in sentenceDrafts)
            if (o != d && !o.Dropped && o.Type != d.Type && o.Places.Contains(r)) return true;
        return false;
    }
}
