using Vigie.Core;
using Vigie.Extraction.Patterns;

namespace Vigie.Extraction.Engine;

/// <summary>Matches the rules written over the dependency tree (<c>predicate:</c>): a word whose lemma names a
/// predicate, of the class and voice the rule asks, whose clause fills the rule's roles. A token that a window
/// pattern already triggered or covered keeps that pattern's reading, which is the more specific one.</summary>
internal static class PredicateMatcher
{
    /// <summary>True when some token of the sentence may be the predicate of a rule: only then is the sentence parsed
    /// for them.</summary>
    public static bool HasCandidate(SentenceView view, LanguageData lang)
    {
        foreach (var t in view.Tokens)
        {
            if (!t.IsWord) continue;
            foreach (var l in t.Lemmas)
                if (lang.HasPredicate(l)) return true;
        }
        return false;
    }

    /// <summary>Adds to <paramref name="found"/> the best predicate match of each token. On a token a window pattern
    /// triggered, the predicate replaces it only when its rule has the higher priority, and is its first alternative
    /// otherwise; a token inside a longer window expression ("opened fire") belongs to that expression.</summary>
    public static void Match(SentenceView view, ClauseTree tree, LanguageData lang, List<RuleMatch> found)
    {
        var covered = new HashSet<int>();
        var taken = new HashSet<int>();
        var windowAt = new Dictionary<int, RuleMatch>();
        foreach (var m in found)
        {
            windowAt[m.Trigger] = m;
            taken.UnionWith(m.Covered);
            taken.Add(m.Trigger);
            foreach (var c in m.Covered)
                if (c != m.Trigger) covered.Add(c);
        }
        var tried = new HashSet<PredicatePattern>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < view.Tokens.Count; i++)
        {
            var token = view.Tokens[i];
            if (!token.IsWord || covered.Contains(i)) continue;
            var w = tree.WordOf(i);
            if (w < 0 || ReportsOther(tree, w, i, taken, windowAt)) continue;
            tried.Clear();
            RuleMatch? best = null;
            TreeArguments? asPatient = null, asAgent = null;
            foreach (var lemma in Lemmas(token, tree.Lemma(w)))
                foreach (var (rule, p) in lang.PredicatesOf(lemma))
                {
                    if (!tried.Add(p) || !ClassFits(tree, w, p.Class)) continue;
                    if (best is not null && (rule.Priority < best.Rule.Priority || (rule.Priority == best.Rule.Priority && Specificity(p) <= Specificity(best.Predicate!)))) continue;
                    var genitiveAgent = EventTypeSemantics.GenitiveAgent(rule.Type);
                    var args = genitiveAgent
                        ? asAgent ??= TreeArguments.Read(tree, view, i, lang.Clauses, lang.Grammar.AgentMarkers, true)
                        : asPatient ??= TreeArguments.Read(tree, view, i, lang.Clauses, lang.Grammar.AgentMarkers, false);
                    var bindings = new List<(string? Slot, MentionRef Mention)>();
                    if (Fits(p, view, tree, w, args, bindings)) best = new RuleMatch(rule, null, i, i, i, bindings) { Predicate = p };
                }
            if (best is null) continue;
            best.Covered.Add(i);
            if (windowAt.TryGetValue(i, out var window))
            {
                // The window's reading stands unless the predicate's rule ranks higher; its events failing, the
                // predicate's is the next one tried.
                if (window.Rule.Priority >= best.Rule.Priority)
                {
                    window.Alternatives.Insert(0, best);
                    continue;
                }
                found.Remove(window);
                best.Alternatives.Add(window);
                best.Alternatives.AddRange(window.Alternatives);
            }
            found.Add(best);
        }
    }

    // A verb that tells of an event another rule found is that event, not one of its own: its subject is that event's
    // trigger ("a gas explosion killed six workers", "the attack killed five"), or it is a clause without a subject
    // hanging on that event's words ("opened fire on protesters, killing two"). A subject that names the perpetrators
    // of a crime ("the gang strangled the boy") does not make the verb its report: the verb tells its own act, which
    // the document's merge makes one event with the crime when it harmed people.
    private static bool ReportsOther(ClauseTree tree, int w, int token, HashSet<int> taken, Dictionary<int, RuleMatch> windowAt)
    {
        foreach (var c in tree.Children(w))
        {
            // A passive subject is what the verb befalls ("protests were stopped by police"), not an event it reports.
            if (tree.Relation(c) != "nsubj") continue;
            var s = tree.TokenOf(c);
            if (s == token || !taken.Contains(s)) continue;
            if (windowAt.TryGetValue(s, out var subject) && EventTypeSemantics.AccessoryWhenHarmful.Contains(subject.Rule.Type)) continue;
            return true;
        }
        var head = tree.Head(w);
        if (head < 0 || tree.HasChild(w, "nsubj")) return false;
        if (!(tree.Is(w, "acl") || tree.Is(w, "advcl") || tree.Is(w, "conj") || tree.Is(w, "xcomp"))) return false;
        var t = tree.TokenOf(head);
        return t != token && taken.Contains(t);
    }

    // A role filled by a mention or a lemma says more than a role merely filled or empty.
    private static int Specificity(PredicatePattern p) =>
        p.Roles.Sum(r => r.Kind is FillerKind.Mention or FillerKind.Lemma ? 2 : 1) + (p.Class == PredicateClass.Any ? 0 : 1) + (p.Voice == PredicateVoice.Any ? 0 : 1);

    private static IEnumerable<string> Lemmas(WordToken token, string treeLemma)
    {
        foreach (var l in token.Lemmas) yield return l;
        yield return treeLemma;
    }

    private static bool ClassFits(ClauseTree tree, int w, PredicateClass cls) => cls switch
    {
        PredicateClass.Verb => tree.IsVerbal(w),
        PredicateClass.Noun => tree.IsNominal(w),
        _ => tree.IsVerbal(w) || tree.IsNominal(w),
    };

    private static bool Fits(PredicatePattern p, SentenceView view, ClauseTree tree, int w, TreeArguments args, List<(string? Slot, MentionRef Mention)> bindings)
    {
        if (p.Voice != PredicateVoice.Any && (!tree.IsVerbal(w) || args.Passive != (p.Voice == PredicateVoice.Passive))) return false;
        foreach (var r in p.Roles)
            if (!Filled(r, view, tree, args, bindings)) return false;
        return true;
    }

    // A mention that fills a role is bound to the event's argument as a window pattern's slot would be: the agent
    // actor is actor1, the patient actor actor2, a number the quantity, a place the place.
    private static bool Filled(RoleFiller r, SentenceView view, ClauseTree tree, TreeArguments args, List<(string? Slot, MentionRef Mention)> bindings)
    {
        if (r.Role == "place")
        {
            var place = args.All(MentionKind.Place).FirstOrDefault(m => !m.Reference);
            if (r.Kind == FillerKind.None) return place is null;
            if (place is null) return false;
            if (r.Kind == FillerKind.Mention) bindings.Add(("place", place));
            return true;
        }
        var role = r.Role == "agent" ? TreeRole.Agent : TreeRole.Patient;
        var present = role == TreeRole.Agent ? args.HasSubject : args.HasObject;
        switch (r.Kind)
        {
            case FillerKind.Any: return present;
            case FillerKind.None: return !present;
            case FillerKind.Mention:
                var m = args.First(r.Mention, role);
                if (m is null) return false;
                bindings.Add((r.Mention switch
                {
                    MentionKind.Actor => role == TreeRole.Agent ? "actor1" : "actor2",
                    MentionKind.Number => "quantity",
                    MentionKind.Place => "place",
                    _ => null,
                }, m));
                return true;
            default:
                // The tree's lemma or one the lexicon gives the word ("Villagers" that the lemmatiser read as "village").
                return args.RoleWords.Any(x => x.Role == role && (r.Lemmas.Contains(tree.Lemma(x.Word))
                    || tree.TokenOf(x.Word) is var t && t >= 0 && view.Tokens[t].Lemmas.Any(r.Lemmas.Contains)));
        }
    }
}
