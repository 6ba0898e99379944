using Vigie.Core;
using Vigie.Extraction.Patterns;
using Vigie.Text;

namespace Vigie.Extraction.Engine;

/// <summary>A rule that matched: its trigger token, the tokens it covered and the mentions bound to slots.</summary>
/// <remarks>A match of a window pattern has its <see cref="Pattern"/>; a match of a rule over the tree has its
/// <see cref="Predicate"/> instead, and covers its predicate's token only.</remarks>
public sealed record RuleMatch(EventRule Rule, CompiledPattern? Pattern, int Trigger, int First, int Last, IReadOnlyList<(string? Slot, MentionRef Mention)> Bindings)
{
    /// <summary>The predicate pattern that matched in the tree, or null for a window pattern.</summary>
    public PredicatePattern? Predicate { get; init; }

    /// <summary>The other rules that matched on the same trigger, best first: tried in turn when this one's event
    /// lacks an argument its rule requires.</summary>
    public List<RuleMatch> Alternatives { get; } = [];

    /// <summary>The tokens matched by word elements (not skipped ones): a longer expression owns them.</summary>
    public List<int> Covered { get; } = [];

    /// <summary>The mentions bound to a slot.</summary>
    public IEnumerable<MentionRef> Bound(string slot)
    {
        foreach (var (s, m) in Bindings)
            if (s == slot) yield return m;
    }

    /// <summary>How many elements the pattern has: longer patterns are more specific.</summary>
    public int Specificity => (Covered.Count + 1) * 10 + Bindings.Count * 5;
}

/// <summary>Finds rule matches in a sentence: each token's form and lemmas look up the rules they trigger, and only
/// those rules are tried, outwards from the trigger.</summary>
public sealed class Matcher
{
    private readonly LanguageData _lang;

    /// <summary>Creates a matcher for a language.</summary>
    public Matcher(LanguageData lang) => _lang = lang;

    /// <summary>Every match of the sentence, the best one per trigger token and event type.</summary>
    public List<RuleMatch> Match(SentenceView view)
    {
        var found = new List<RuleMatch>();
        var tried = new HashSet<CompiledPattern>(ReferenceEqualityComparer.Instance);
        var toks = view.Tokens;
        for (var i = 0; i < toks.Count; i++)
        {
            if (!toks[i].IsWord) continue;
            tried.Clear();
            var start = found.Count;
            foreach (var lemma in toks[i].Lemmas)
            {
                foreach (var (rule, pattern) in _lang.RulesTriggeredBy(lemma))
                {
                    if (!tried.Add(pattern)) continue;
                    if (!pattern.Elements[pattern.TriggerIndex].MatchesWord(toks[i])) continue;
                    var m = TryMatch(view, rule, pattern, i);
                    if (m is not null) found.Add(m);
                }
            }
            // Keep the best match per trigger token: the highest priority, then the most specific pattern.
            if (found.Count - start > 1)
            {
                var best = start;
                for (var k = start + 1; k < found.Count; k++)
                {
                    var a = found[k];
                    var b = found[best];
                    if (Rank(a, b) < 0) best = k;
                }
                var keep = found[best];
                for (var k = start; k < found.Count; k++)
                    if (k != best) keep.Alternatives.Add(found[k]);
                keep.Alternatives.Sort(Rank);
                found.RemoveRange(start, found.Count - start);
                found.Add(keep);
            }
        }
        // A trigger inside a longer expression ("opened fire", "air strike", "set fire") belongs to that expression.
        if (found.Count > 1)
        {
            var kept = new List<RuleMatch>(found.Count);
            foreach (var m in found.OrderByDescending(x => x.Rule.Priority).ThenByDescending(x => x.Specificity).ThenBy(x => x.Trigger))
                if (!kept.Any(k => k.Covered.Contains(m.Trigger))) kept.Add(m);
            if (kept.Count < found.Count) found.RemoveAll(m => !kept.Contains(m));
        }
        return found;
    }

    // The better of two matches sorts first: the higher priority, then the more specific pattern.
    private static int Rank(RuleMatch a, RuleMatch b) =>
        a.Rule.Priority != b.Rule.Priority ? b.Rule.Priority.CompareTo(a.Rule.Priority) : b.Specificity.CompareTo(a.Specificity);

    private RuleMatch? TryMatch(SentenceView view, EventRule rule, CompiledPattern pattern, int trigger)
    {
        var bindings = new List<(string?, MentionRef)>();
        if (!Backward(view, pattern, pattern.TriggerIndex - 1, trigger - 1, bindings, out var first)) return null;
        var mark = bindings.Count;
        if (!Forward(view, pattern, pattern.TriggerIndex + 1, trigger + 1, bindings, out var last))
        {
            bindings.RemoveRange(mark, bindings.Count - mark);
            return null;
        }
        // An active-voice pattern whose subject slot precedes a passive verb ("183 civils ont été tués") does not hold.
        if (!rule.Passive && IsPassive(view, trigger))
            for (var k = 0; k < pattern.TriggerIndex; k++)
                if (pattern.Elements[k].Slot == "actor1") return null;
        var match = new RuleMatch(rule, pattern, trigger, Math.Min(first, trigger), Math.Max(last, trigger), bindings);
        // Word elements other than the trigger: each covers the first token of the span that its words match.
        for (var k = 0; k < pattern.Elements.Count; k++)
        {
            var e = pattern.Elements[k];
            if (k == pattern.TriggerIndex || e.Kind is not (ElementKind.Lemma or ElementKind.Literal)) continue;
            var range = k < pattern.TriggerIndex ? (From: match.First, To: trigger - 1) : (From: trigger + 1, To: match.Last);
            for (var i = range.From; i <= range.To; i++)
                if (view.Tokens[i].IsWord && e.MatchesWord(view.Tokens[i]) && !match.Covered.Contains(i)) { match.Covered.Add(i); break; }
        }
        return match;
    }

    /// <summary>A past participle after a passive auxiliary ("ont été tués", "were killed"), unless the auxiliary is the
    /// active one of a reflexive ("se sont retirés") or of a verb that takes it in the active ("sont entrés").</summary>
    public bool IsPassive(SentenceView view, int trigger)
    {
        var toks = view.Tokens;
        var g = _lang.Grammar;
        if ((toks[trigger].Forms & VerbForm.PastParticiple) == 0 || toks[trigger].Is(g.ActiveWithPassiveAuxiliary)) return false;
        for (var i = trigger - 1; i >= 0 && i >= trigger - 3; i--)
        {
            if (!toks[i].Is(g.PassiveAuxiliaries)) continue;
            // A reflexive pronoun just before the auxiliary ("se sont", "s'est") makes the compound tense active.
            for (var j = i - 1; j >= 0 && j >= i - 2; j--)
                if (toks[j].Is(g.ReflexivePronouns)) return false;
            return true;
        }
        return false;
    }

    private static bool IsBarrier(WordToken t) => !t.IsWord && t.Folded is ";" or "." or "?" or "!" or ":";

    private static int SkipParenForward(SentenceView v, int pos)
    {
        while (pos < v.Tokens.Count && v.Tokens[pos].Folded == "(" && v.ParenMatch[pos] > pos) pos = v.ParenMatch[pos] + 1;
        return pos;
    }

    private static int SkipParenBackward(SentenceView v, int pos)
    {
        while (pos >= 0 && v.Tokens[pos].Folded == ")" && v.ParenMatch[pos] >= 0 && v.ParenMatch[pos] < pos) pos = v.ParenMatch[pos] - 1;
        return pos;
    }

    private bool Forward(SentenceView v, CompiledPattern p, int ei, int pos, List<(string?, MentionRef)> b, out int last)
    {
        last = pos - 1;
        if (ei >= p.Elements.Count) return true;
        var e = p.Elements[ei];
        if (e.Kind == ElementKind.Skip)
        {
            var q = pos;
            for (var k = 0; k <= e.MaxSkip && q <= v.Tokens.Count; k++)
            {
                if (Forward(v, p, ei + 1, q, b, out last)) return true;
                q = SkipParenForward(v, q);
                if (q >= v.Tokens.Count || IsBarrier(v.Tokens[q])) break;
                q++;
            }
            return false;
        }
        var at = e.Kind == ElementKind.Literal && e.Words.Contains("(") ? pos : SkipParenForward(v, pos);
        if (at < v.Tokens.Count)
        {
            if (e.Kind is ElementKind.Lemma or ElementKind.Literal)
            {
                if (e.MatchesWord(v.Tokens[at]) && Forward(v, p, ei + 1, at + 1, b, out last)) return true;
            }
            else
            {
                // A determiner before a mention that does not include it ("by the Taliban").
                if (at + 1 < v.Tokens.Count && v.Starting(at).Count == 0 && v.Tokens[at].Is(_lang.Grammar.Determiners)) at++;
                foreach (var m in v.Starting(at))
                {
                    if (m.Kind != e.Class || m.Reference) continue;
                    var mark = b.Count;
                    b.Add((e.Slot, m));
                    var end = m.Last;
                    if (e.Repeated)
                        foreach (var more in Coordinated(v, m, forward: true, e.Class))
                        {
                            b.Add((e.Slot, more));
                            end = more.Last;
                        }
                    if (Forward(v, p, ei + 1, end + 1, b, out last)) return true;
                    b.RemoveRange(mark, b.Count - mark);
                }
            }
        }
        return e.Optional && Forward(v, p, ei + 1, pos, b, out last);
    }

    private bool Backward(SentenceView v, CompiledPattern p, int ei, int pos, List<(string?, MentionRef)> b, out int first)
    {
        first = pos + 1;
        if (ei < 0) return true;
        var e = p.Elements[ei];
        if (e.Kind == ElementKind.Skip)
        {
            var q = pos;
            for (var k = 0; k <= e.MaxSkip && q >= -1; k++)
            {
                if (Backward(v, p, ei - 1, q, b, out first)) return true;
                q = SkipParenBackward(v, q);
                if (q < 0 || IsBarrier(v.Tokens[q])) break;
                q--;
            }
            return false;
        }
        var at = e.Kind == ElementKind.Literal && e.Words.Contains(")") ? pos : SkipParenBackward(v, pos);
        if (at >= 0)
        {
            if (e.Kind is ElementKind.Lemma or ElementKind.Literal)
            {
                if (e.MatchesWord(v.Tokens[at]) && Backward(v, p, ei - 1, at - 1, b, out first)) return true;
            }
            else
            {
                foreach (var m in v.Ending(at))
                {
                    if (m.Kind != e.Class || m.Reference) continue;
                    var mark = b.Count;
                    b.Add((e.Slot, m));
                    var start = m.First;
                    if (e.Repeated)
                        foreach (var more in Coordinated(v, m, forward: false, e.Class))
                        {
                            b.Add((e.Slot, more));
                            start = more.First;
                        }
                    if (Backward(v, p, ei - 1, start - 1, b, out first)) return true;
                    b.RemoveRange(mark, b.Count - mark);
                }
            }
        }
        return e.Optional && Backward(v, p, ei - 1, pos, b, out first);
    }

    /// <summary>The mentions coordinated with <paramref name="head"/> ("Kandahar, …, et de Lashkar Gah"; "Herat (…) and Ghazni").</summary>
    public List<MentionRef> Coordinated(SentenceView v, MentionRef head, bool forward, MentionKind kind)
    {
        var list = new List<MentionRef>();
        var g = _lang.Grammar;
        var toks = v.Tokens;
        var n = toks.Count;
        var cur = head;
        for (var guard = 0; guard < 20; guard++)
        {
            if (forward)
            {
                var q = SkipParenForward(v, cur.Last + 1);
                var sep = false;
                for (var tries = 0; tries < 2 && q < n; tries++)
                {
                    var r = q;
                    if (toks[r].Folded == ",") { sep = true; r++; }
                    if (r < n && toks[r].Is(g.Coordination) && toks[r].Folded != ",") { sep = true; r++; }
                    for (var s = 0; s < 2 && r < n && toks[r].Is(g.ListPrepositions); s++) r++;
                    if (sep && Starts(v, r, kind)) { q = r; break; }
                    // An apposition: ", la deuxième ville du pays," is skipped up to the next comma.
                    if (toks[q].Folded != "," || tries > 0) { sep = false; break; }
                    var k = q + 1;
                    while (k < n && k - q < 12 && toks[k].Folded != "," && !IsBarrier(toks[k]) && v.InClause(k, v.Clause[q], out _)) k++;
                    if (k >= n || toks[k].Folded != ",") { sep = false; break; }
                    q = k;
                    sep = false;
                }
                MentionRef? nextRef = null;
                if (sep)
                    foreach (var m in v.Starting(q))
                        if (m.Kind == kind && !m.Reference) { nextRef = m; break; }
                if (nextRef is null) break;
                list.Add(nextRef);
                cur = nextRef;
            }
            else
            {
                var q = cur.First - 1;
                for (var s = 0; s < 2 && q >= 0 && toks[q].Is(g.ListPrepositions) && toks[q].IsWord; s++) q--;
                var sep = false;
                if (q >= 0 && (toks[q].Is(g.Coordination) || toks[q].Folded == ",") && (kind != MentionKind.Actor || toks[q].Folded != ",")) { sep = true; q--; }
                if (q >= 0 && toks[q].Folded == "," ) q--;
                q = SkipParenBackward(v, q);
                MentionRef? prev = null;
                if (sep)
                    foreach (var m in v.Ending(q))
                        if (m.Kind == kind && !m.Reference) { prev = m; break; }
                if (prev is null) break;
                list.Add(prev);
                cur = prev;
            }
        }
        return list;
    }

    private static bool Starts(SentenceView v, int q, MentionKind kind)
    {
        foreach (var m in v.Starting(q))
            if (m.Kind == kind) return true;
        return false;
    }
}
