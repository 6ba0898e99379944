using System.Collections.Frozen;
using Vigie.Core;
using Vigie.Extraction.Patterns;
using Vigie.Text.Syntax;

namespace Vigie.Extraction.Engine;

/// <summary>Victims that the tree counts one by one where no number counts them: "kills Catholic priest", "a man and
/// his son were shot dead", "the judge died", "beat a suspect to death". Each conjunct of the victims is one count:
/// a singular noun, name or personal pronoun counts one, a numbered conjunct its number ("3 soldiers and a police
/// officer"); a plural without a number ("killed civilians") makes the whole list count nothing, and a victim that is
/// one number alone is left to the number.</summary>
internal static class TreeVictims
{
    /// <summary>The victims of the sentence's first verb of harm of each kind (<c>fatalities</c>, <c>injured</c>) that
    /// the text asserts, one number mention per conjunct.</summary>
    public static List<TreeVictim> Read(ClauseTree tree, SentenceView view, string text, ClauseCues cues, string rulePrefix)
    {
        var found = new List<TreeVictim>();
        var harm = cues.Victims;
        if (harm.FatalVerbs.Count + harm.DyingVerbs.Count + harm.InjuringVerbs.Count == 0) return found;
        for (var w = 0; w < tree.Count; w++)
        {
            if (!tree.IsVerbal(w) && tree.Upos(w) != Upos.ADJ) continue;
            var lemma = tree.Lemma(w);
            var fatal = harm.FatalVerbs.Contains(lemma) || HasResult(tree, w, harm.FatalResults);
            var dying = harm.DyingVerbs.Contains(lemma);
            var kind = fatal || dying ? "fatalities" : harm.InjuringVerbs.Contains(lemma) ? "injured" : null;
            if (kind is null || found.Exists(f => f.Kind == kind) || !Asserted(tree, w, cues)) continue;
            var victim = Victim(tree, w, dying);
            if (victim < 0 || Counts(tree, view, victim, cues, text, kind, rulePrefix) is not { } counts) continue;
            found.Add(new TreeVictim(counts, kind, w));
        }
        return found;
    }

    /// <summary>Whether the harm told by <paramref name="harm"/> is the toll of the event whose trigger word is
    /// <paramref name="trigger"/>: the same word, one within the other's clause ("the attack killed a man"), or a clause
    /// hanging on the other ("attacked the village, killing a man").</summary>
    public static bool Befalls(ClauseTree tree, int trigger, int harm)
    {
        if (trigger < 0) return false;
        if (trigger == harm || tree.Under(harm, trigger) >= 0 || tree.Under(trigger, harm) >= 0) return true;
        var h = tree.Head(harm);
        if (h == trigger || h >= 0 && tree.Head(trigger) == h && tree.Is(harm, "conj")) return !Marked(tree, harm);
        return tree.Head(trigger) == harm && tree.Is(trigger, "conj");
    }

    /// <summary>Whether the harm stands in a clause introduced by a subordinator ("after a man died in custody"): the
    /// cause or the background of the sentence's event, not its toll.</summary>
    public static bool Subordinate(ClauseTree tree, int harm)
    {
        for (var (w, steps) = (harm, 0); w >= 0 && steps < tree.Count; w = tree.Head(w), steps++)
            if (Marked(tree, w)) return true;
        return false;
    }

    private static bool Marked(ClauseTree tree, int w) => tree.StartsClause(w) && tree.HasChild(w, "mark");

    // Neither negated, nor nearly, nor an infinitive ("tried to lynch", "plans to assassinate"), nor under a clause of
    // intent, condition or denial.
    private static bool Asserted(ClauseTree tree, int w, ClauseCues cues)
    {
        if (tree.HasFeature(w, "VerbForm=Inf") && (tree.Is(w, "xcomp") || tree.HasChild(w, "mark")) || tree.HasMarker(w, cues.Negators, "advmod", "det") || tree.HasMarker(w, cues.Victims.NearMisses, "advmod"))
            return false;
        return TreeModality.Read(tree, w, w, cues, verbInMatch: false).Modality == Modality.Asserted;
    }

    // "beaten to death", "shot dead": a dependent of the verb, or of its object, says the harm was fatal.
    private static bool HasResult(ClauseTree tree, int w, FrozenSet<string> results)
    {
        if (results.Count == 0) return false;
        var obj = tree.Child(w, "obj");
        foreach (var x in obj >= 0 ? [w, obj] : (int[])[w])
            foreach (var c in tree.Children(x))
                if (results.Contains(tree.Lemma(c)) && (tree.Is(c, "obl") || tree.Is(c, "xcomp") || tree.Is(c, "advmod") || tree.Is(c, "amod") || tree.Is(c, "nmod")))
                    return true;
        return false;
    }

    // Who the harm befalls: the object, the subject of a passive or of a verb of dying, the noun a participle modifies
    // ("a woman killed in …"); a verb coordinated without its own arguments shares its head's ("was shot and killed").
    private static int Victim(ClauseTree tree, int w, bool dying)
    {
        for (var steps = 0; w >= 0 && steps < 4; steps++)
        {
            var obj = tree.Child(w, "obj");
            if (obj >= 0) return obj;
            foreach (var c in tree.Children(w))
                if (tree.Relation(c) is "nsubj:pass" || (dying && tree.Is(c, "nsubj"))) return c;
            if (tree.HasChild(w, "nsubj")) return -1;
            var h = tree.Head(w);
            if (h < 0) return -1;
            if ((tree.Is(w, "acl") || tree.Is(w, "amod")) && tree.HasFeature(w, "VerbForm=Part") && tree.IsNominal(h)) return h;
            if (!tree.Is(w, "conj")) return -1;
            w = h;
        }
        return -1;
    }

    // One count per conjunct: the number the text layer read in it, or one for a singular noun, name or pronoun; null
    // for a plural without a number, a negated word, or a victim that is one number alone.
    private static List<MentionRef>? Counts(ClauseTree tree, SentenceView view, int victim, ClauseCues cues, string text, string kind, string rulePrefix)
    {
        var conjuncts = Conjuncts(tree, victim);
        var counts = new List<MentionRef>();
        var numbers = 0;
        foreach (var x in conjuncts)
        {
            var num = tree.Child(x, "nummod");
            if ((NumberAt(view, tree.TokenOf(x)) ?? (num >= 0 ? NumberAt(view, tree.TokenOf(num)) : null)) is { } r)
            {
                // The text layer gave the number another clause's kind ("killed a man who had been arrested" read as one
                // detained): the tree says what befell it.
                // People counted without their fate ("two men taken for thieves were lynched": the text layer read
                // "taken" as their verb) are the victims the tree says they are.
                if (r.Mention is NumberMention { Quantity: var nq } nm && nq.Kind is { } other && other != kind && !EventTypeSemantics.IsHarm(other))
                {
                    var q1 = nq with { Kind = kind };
                    counts.Add(new MentionRef(new NumberMention(nm.Start, nm.End, nm.Text, rulePrefix + "victims", q1), r.First, r.Last, reference: false));
                    continue;
                }
                counts.Add(r);
                numbers++;
                continue;
            }
            if (!Singular(tree, x, cues) || tree.TokenOf(x) < 0) return null;
            var (first, last) = Phrase(tree, x);
            var q = new Quantity(kind, 1, 1, false, false, false, text[view.Tokens[first].Start..view.Tokens[last].End]);
            counts.Add(new MentionRef(new NumberMention(view.Tokens[first].Start, view.Tokens[last].End, q.Text, rulePrefix + "victims", q), first, last, reference: false));
        }
        return numbers == counts.Count ? null : counts;
    }

    private static MentionRef? NumberAt(SentenceView view, int token)
    {
        if (token < 0) return null;
        foreach (var r in view.Mentions)
            if (r.Kind == MentionKind.Number && r.First <= token && token <= r.Last) return r;
        return null;
    }

    // The word and its conjuncts; conjuncts whose list ends with no coordinator are an apposition the parser
    // misread ("a secretary, member of the party"): the word alone.
    private static List<int> Conjuncts(ClauseTree tree, int w)
    {
        var list = new List<int> { w };
        foreach (var c in tree.Children(w))
            if (tree.Is(c, "conj")) list.Add(c);
        return list.Count > 1 && !tree.HasChild(list[^1], "cc") ? [w] : list;
    }

    private static bool Singular(ClauseTree tree, int w, ClauseCues cues)
    {
        if (tree.HasChild(w, "nummod") || tree.HasMarker(w, cues.Negators, "det", "advmod")) return false;
        return tree.Upos(w) switch
        {
            Upos.NOUN => tree.HasFeature(w, "Number=Sing"),
            Upos.PROPN => !tree.HasFeature(w, "Number=Plur"),
            Upos.PRON => tree.HasFeature(w, "Number=Sing") && tree.HasFeature(w, "PronType=Prs") && !tree.HasFeature(w, "Person=1") && !tree.HasFeature(w, "Person=2"),
            _ => false,
        };
    }

    // A victim's words: its determiners, adjectives and compounds, up to itself; no clause, complement or aside.
    private static (int First, int Last) Phrase(ClauseTree tree, int victim)
    {
        var first = tree.TokenOf(victim);
        foreach (var c in tree.Children(victim))
            if ((tree.Is(c, "det") || tree.Is(c, "amod") || tree.Is(c, "compound") || tree.Relation(c) == "nmod:poss") && tree.TokenOf(c) >= 0)
                first = Math.Min(first, tree.TokenOf(c));
        return (first, tree.TokenOf(victim));
    }
}

/// <summary>Victims counted by the tree: one number mention per conjunct, their kind, and the word of harm.</summary>
internal readonly record struct TreeVictim(List<MentionRef> Counts, string Kind, int Harm);
