using Vigie.Core;
using Vigie.Extraction.Patterns;
using Vigie.Text;

namespace Vigie.Extraction.Engine;

// Word-order readers of a draft's arguments: actors, places, dates and quantities near the trigger.
internal sealed partial class EventBuilder
{
    // ---- actors ----

    internal static bool SameActor(MentionRef a, MentionRef b) => a == b || (a.Actor is { } x && b.Actor is { } y && x.Id == y.Id);

    private MentionRef? Agent(SentenceView v, RuleMatch m)
    {
        var toks = v.Tokens;
        var passive = m.Rule.Passive || (toks[m.Trigger].Forms & VerbForm.PastParticiple) != 0;
        if (!passive) return null;
        var clause = v.Clause[m.Trigger];
        for (var i = m.Trigger + 1; i < toks.Count && i <= m.Last + 4 && v.Clause[i] == clause; i++)
        {
            if (!toks[i].Is(_lang.Grammar.AgentMarkers)) continue;
            for (var k = i + 1; k <= i + 3 && k < toks.Count; k++)
                foreach (var r in v.Starting(k))
                    if (r.Kind == MentionKind.Actor) return r;
            return null;
        }
        return null;
    }

    private static MentionRef? NearestActor(SentenceView v, int from, int clause, bool before, MentionRef? exclude, MentionRef? skip = null)
    {
        var step = before ? -1 : 1;
        for (var i = from; i >= 0 && i < v.Tokens.Count; i += step)
        {
            bool aside;
            if (clause >= 0) { if (!v.InClause(i, clause, out aside)) break; }
            else aside = v.AsideOf[i] >= 0;
            if (aside) continue;
            foreach (var r in before ? v.Ending(i) : v.Starting(i))
                if (r.Kind == MentionKind.Actor && r != skip && (exclude is null || !SameActor(r, exclude))) return r;
        }
        return null;
    }

    /// <summary>The subject after a reporting verb ("a fustigé jeudi le chef des républicains, Mitch McConnell"):
    /// the first actor after the trigger, or the name in apposition to it.</summary>
    private static MentionRef? InvertedSubject(SentenceView v, int from, int clause)
    {
        var first = NearestActor(v, from, clause, before: false, exclude: null);
        if (first is null) return null;
        var k = first.Last + 1;
        if (k < v.Tokens.Count && v.Tokens[k].Folded == ",")
            foreach (var r in v.Starting(k + 1))
                if (r.Kind == MentionKind.Actor) return r;
        return first;
    }

    private static MentionRef? MainActor(List<Mention> mentions)
    {
        var counts = new Dictionary<string, (int N, Mention First)>(StringComparer.Ordinal);
        foreach (var m in mentions)
            if (m is ActorMention a)
                counts[a.Actor.Id] = counts.TryGetValue(a.Actor.Id, out var c) ? (c.N + 1, c.First) : (1, m);
        if (counts.Count == 0) return null;
        var best = counts.Values.OrderByDescending(c => c.N).First();
        return best.N >= 2 ? new MentionRef(best.First, -1, -1, false) : null;
    }

    // ---- places ----

    private static List<MentionRef> ClausePlaces(SentenceView v, RuleMatch m, int clause, bool asides)
    {
        var after = new List<MentionRef>();
        var before = new List<MentionRef>();
        foreach (var r in v.Mentions)
        {
            if (r.Kind != MentionKind.Place || r.Reference) continue;
            if (!v.InClause(r.First, clause, out var aside) || aside != asides) continue;
            (r.First > m.Trigger ? after : before).Add(r);
        }
        after.AddRange(before);
        return after;
    }

    /// <summary>Drops a country when a place in that country is also named ("à Doha, au Qatar").</summary>
    private static List<MentionRef> Specific(List<MentionRef> places)
    {
        if (places.Count < 2) return places;
        var list = new List<MentionRef>();
        foreach (var p in places)
        {
            var loc = p.Location!;
            var isCountry = loc.Precision is "country" or "region";
            if (isCountry && places.Any(o => o != p && o.Location!.Country == loc.Country && o.Location.Precision is not ("country" or "region"))) continue;
            if (list.Any(o => o.Location!.Name == loc.Name && o.Location.Country == loc.Country)) continue;
            list.Add(p);
        }
        return list;
    }

    private static Location? FocusCountry(List<Mention> mentions)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var countryPlace = new Dictionary<string, Location>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (m is not PlaceMention p || p.Location.Country is null) continue;
            counts[p.Location.Country] = counts.GetValueOrDefault(p.Location.Country) + 1;
            if (p.Location.Precision == "country") countryPlace.TryAdd(p.Location.Country, p.Location);
        }
        if (counts.Count == 0) return null;
        var best = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First();
        return countryPlace.GetValueOrDefault(best.Key);
    }

    // ---- dates ----

    private static MentionRef? NearestDate(SentenceView v, int trigger, int clause)
    {
        MentionRef? best = null;
        var bestDist = int.MaxValue;
        foreach (var r in v.Mentions)
        {
            if (r.Kind != MentionKind.Date) continue;
            if (!v.InClause(r.First, clause, out var aside) || aside) continue;
            var dist = r.First > trigger ? r.First - trigger : trigger - r.Last;
            if (dist < bestDist) { best = r; bestDist = dist; }
        }
        return best;
    }

    // ---- quantities ----

    private static List<MentionRef> ClauseNumbers(SentenceView v, int clause)
    {
        var list = new List<MentionRef>();
        foreach (var r in v.Mentions)
            if (r.Kind == MentionKind.Number && v.InClause(r.First, clause, out var aside) && !aside) list.Add(r);
        return list;
    }

    /// <summary>The counted kind of a number for an event of the rule's type, or null when it counts something else.</summary>
    private string? KindOf(SentenceView v, MentionRef n, EventRule rule)
    {
        var accepted = rule.QuantityKind is { } qk ? [qk] : EventTypeSemantics.AcceptedKinds(rule.Type);
        if (accepted.Count == 0) return null;
        var toks = v.Tokens;
        var g = _lang.Grammar;
        if (n.Last + 1 < toks.Count && toks[n.Last + 1].Is(g.NonCountUnits)) return null;
        var unit = (n.Mention as NumberMention)?.Quantity.Kind;
        // The text layer read the kind from the number's own noun and clause ("21 soldats ont été blessés" → injured):
        // a harm kind it found stands; words further on count other numbers.
        if (unit is not null && !EventTypeSemantics.IsGroupKind(unit)) return accepted.Contains(unit) ? unit : null;
        // People the text layer kept as people did not suffer the verb of their clause ("trois assaillants ont tué …"):
        // words past that verb qualify another number.
        var stopAtVerb = unit is not null && EventTypeSemantics.IsGroupKind(unit);
        string? found = null;
        var foundRank = int.MaxValue;
        // Words after the number ("42 soldats tués") and before it ("tuant 6 civils") qualify it; a toll word wins.
        // "tués par trois hommes armés": the verb before the agent marker is not the number's.
        var from = Math.Max(0, n.First - 2);
        for (var j = n.First - 1; j >= from; j--)
            if (toks[j].Is(g.AgentMarkers)) { from = j + 1; break; }
        for (var i = from; i < Math.Min(toks.Count, n.Last + 7); i++)
        {
            if (i >= n.First && i <= n.Last) continue;
            if (i > n.Last && i > n.Last + 1 && IsOtherNumber(v, i, n)) break;
            if (stopAtVerb && i > n.Last && toks[i].HasFiniteVerbReading) break;
            for (var k = 0; k < g.QuantityKinds.Count; k++)
                if (k < foundRank && toks[i].Is(g.QuantityKinds[k].Words) && accepted.Contains(g.QuantityKinds[k].Kind))
                {
                    found = g.QuantityKinds[k].Kind;
                    foundRank = k;
                }
        }
        if (found is not null) return found;
        if (unit is not null && accepted.Contains(unit)) return unit;
        if (unit is not null) return null;
        return rule.QuantityKind ?? EventTypeSemantics.DefaultKindOf(rule.Type);
    }

    private static bool IsOtherNumber(SentenceView v, int i, MentionRef n)
    {
        foreach (var r in v.Starting(i))
            if (r.Kind == MentionKind.Number && r != n) return true;
        return false;
    }

    private static List<(MentionRef Number, MentionRef Place)> NumberPlacePairs(SentenceView v, int from)
    {
        var pairs = new List<(MentionRef, MentionRef)>();
        MentionRef? pending = null;
        var pendingAt = -1;
        for (var i = from; i < v.Tokens.Count; i++)
        {
            foreach (var r in v.Starting(i))
            {
                if (r.Kind == MentionKind.Number) { pending = r; pendingAt = r.Last; }
                else if (r.Kind == MentionKind.Place && !r.Reference && pending is not null && r.First - pendingAt <= 7)
                {
                    pairs.Add((pending, r));
                    pending = null;
                }
            }
        }
        return pairs;
    }

    // "7 people, including one soldier, were killed", "66 lynched, including 15 in Zambezia, 11 in Tete": a count after an
    // inclusion mark, and the counts listed after it with no verb between, are parts of the nearest count before the
    // mark, which takes their kind; they add nothing of their own.
    private void FoldIncludedCounts(SentenceView v, List<(MentionRef Number, string Kind)> quantities)
    {
        var marks = _lang.Clauses.InclusionMarks;
        if (marks.Count == 0 || quantities.Count == 0) return;
        var parts = new HashSet<MentionRef>();
        MentionRef? previous = null;
        MentionRef? whole = null;
        foreach (var r in v.Mentions)
        {
            if (r.Kind != MentionKind.Number) continue;
            var k = r.First - 1;
            while (k >= 0 && !v.Tokens[k].IsWord) k--;
            if (k >= 0 && v.Tokens[k].Is(marks) && previous is not null && !parts.Contains(previous)) { whole = previous; parts.Add(r); }
            else if (previous is not null && parts.Contains(previous) && !VerbBetween(v, previous.Last, r.First)) parts.Add(r);
            previous = r;
        }
        if (whole is null) return;
        var foldedKind = (string?)null;
        for (var i = quantities.Count - 1; i >= 0; i--)
        {
            if (!parts.Contains(quantities[i].Number)) continue;
            foldedKind ??= quantities[i].Kind;
            quantities.RemoveAt(i);
        }
        if (foldedKind is not null && !quantities.Exists(q => q.Number == whole)) quantities.Add((whole, foldedKind));
    }

    private static bool VerbBetween(SentenceView v, int after, int before)
    {
        for (var k = after + 1; k < before; k++)
            if (v.Tokens[k].HasFiniteVerbReading && !v.Tokens[k].HasNounReading) return true;
        return false;
    }
}
