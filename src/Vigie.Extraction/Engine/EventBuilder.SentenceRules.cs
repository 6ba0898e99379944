using Vigie.Core;
using Vigie.Extraction.Patterns;
using Vigie.Text;

namespace Vigie.Extraction.Engine;

// Rules over all drafts of one sentence: ACLED refinements, merging, victims and tolls attached to their event.
internal sealed partial class EventBuilder
{
    // ---- ACLED semantics ----

    /// <summary>A state force or government role.</summary>
    internal static bool IsStateRole(string? role) => EventTypeInfo.IsStateRole(role);

    /// <summary>Violence between armed groups is a clash, not an attack; arrests at a protest are an intervention.</summary>
    private static void Refine(List<Draft> drafts)
    {
        var protest = drafts.Any(d => d.Type == "protest");
        foreach (var d in drafts)
        {
            var r1 = d.Actor1?.Actor?.Role;
            var r2 = d.Actor2?.Actor?.Role;
            if (d.Type == "attack" && EventTypeSemantics.ArmedSide(r2) is not null && (EventTypeSemantics.ArmedSide(r1) is not null || IsStateRole(r1)))
                d.Type = "armed_clash";
            else if (d.Type == "arrest" && protest)
                d.Type = "protest_with_intervention";
        }
    }

    // ---- merging ----

    // One act told twice in a sentence names its places once in full ("attacked Nacutuco (Mucojo, Cabo Delgado),
    // beheaded 1 person"): the same places, or some of them, are the same act's.
    private static bool SamePlaces(Draft a, Draft b)
    {
        if (a.Places.Count == 0 || b.Places.Count == 0) return a.Places.Count == b.Places.Count;
        var (small, large) = a.Places.Count <= b.Places.Count ? (a, b) : (b, a);
        return small.Places.All(p => large.Places.Any(q => q.Location!.Name == p.Location!.Name));
    }

    private static void Merge(List<Draft> drafts)
    {
        for (var i = 0; i < drafts.Count; i++)
        {
            var a = drafts[i];
            if (a.Dropped) continue;
            for (var j = i + 1; j < drafts.Count; j++)
            {
                var b = drafts[j];
                if (b.Dropped || b.Type != a.Type || !SamePlaces(a, b)) continue;
                if (b.Places.Count > a.Places.Count) a.Places = b.Places;
                if (a.Places.Count == 0 && a.Quantities.Count > 0 && b.Quantities.Count > 0 && !a.Quantities.Select(q => q.Number).SequenceEqual(b.Quantities.Select(q => q.Number))) continue;
                a.Actor1 ??= b.Actor1;
                a.Actor2 ??= b.Actor2;
                a.Claimant ??= b.Claimant;
                a.AttributedTo ??= b.AttributedTo;
                a.Date ??= b.Date;
                foreach (var q in b.Quantities)
                    if (!a.Quantities.Any(x => x.Number == q.Number)) a.Quantities.Add(q);
                a.Confidence = Math.Max(a.Confidence, b.Confidence);
                a.PerpetratorOnly &= b.PerpetratorOnly;
                a.NounOnly &= b.NounOnly;
                b.Dropped = true;
            }
        }
    }

    // Victims no number counts ("kills Catholic priest") give a violent event of the sentence that has no count of them.
    private void AttachVictims(List<Draft> drafts, ClauseTree tree, SentenceView view)
    {
        static bool Counts(Draft d) => !d.Dropped && (EventTypeSemantics.Violent.Contains(d.Type) || d.Type == "casualties");
        if (!drafts.Exists(Counts)) return;
        foreach (var (counts, kind, harm) in TreeVictims.Read(tree, view, _text, _lang.Clauses, _lang.Code + "/number/"))
        {
            // An event's own word is no victim ("executed an attack"); a word before it is ("a robbery suspect was stoned
            // to death": the robbery is another event's word, the suspect the victim).
            if (drafts.Exists(d => counts.Exists(n => d.Trigger == n.Last))) continue;
            var hosts = drafts.FindAll(d => Counts(d) && EventTypeSemantics.AcceptedKinds(d.Type).Contains(kind));
            var related = hosts.FindAll(d => TreeVictims.Befalls(tree, tree.WordOf(d.Trigger), harm));
            // With no event in the harm's own clauses, it is still the toll of the sentence's event unless it is told as
            // a cause or a background ("riots broke out after a man died in custody").
            if (related.Count == 0 && !TreeVictims.Subordinate(tree, harm)) related = hosts;
            foreach (var d in related)
            {
                // The victims complete a count of some of them ("3 soldiers" of "3 soldiers and a police officer"), never
                // another number.
                if (d.Quantities.Exists(q => q.Kind == kind && !counts.Contains(q.Number))) continue;
                foreach (var n in counts)
                {
                    // The tree's reading of a number replaces the kind the text layer gave it from another clause.
                    d.Quantities.RemoveAll(q => q.Number != n && q.Number.First == n.First && q.Number.Last == n.Last);
                    if (!d.Quantities.Exists(q => q.Number == n)) d.Quantities.Add((n, kind));
                }
            }
        }
    }

    /// <summary>An attack whose counted victims are soldiers or police ("killing 2 soldiers", "4 border guards were
    /// killed") befalls those forces: they are its target, which makes it a clash when armed men attacked them.</summary>
    private static void ArmedVictims(List<Draft> drafts)
    {
        foreach (var d in drafts)
        {
            if (d.Dropped || d.Type != "attack" || d.Actor2 is not null || d.Actor1 is null) continue;
            foreach (var (n, kind) in d.Quantities)
            {
                if (!EventTypeSemantics.IsHarm(kind)) continue;
                var victim = d.View.Mentions.FirstOrDefault(r => r.Kind == MentionKind.Actor && r.First >= n.First && r.First <= n.Last + 2
                    && EventTypeSemantics.ArmedSide(r.Actor?.Role) == 1 && !SameActor(r, d.Actor1));
                if (victim is null) continue;
                d.Actor2 = victim;
                break;
            }
        }
    }

    private static void FoldCasualties(List<Draft> drafts)
    {
        foreach (var c in drafts)
        {
            if (c.Dropped || c.Type != "casualties") continue;
            var host = drafts.FirstOrDefault(o => !o.Dropped && o != c && EventTypeSemantics.Violent.Contains(o.Type) && o.Modality == c.Modality);
            if (host is null) continue;
            foreach (var q in c.Quantities)
                if (!host.Quantities.Any(x => x.Kind == q.Kind)) host.Quantities.Add(q);
            if (host.Places.Count == 0) host.Places = c.Places;
            c.Dropped = true;
        }
    }
}
