using Vigie.Core;
using Vigie.Extraction.Patterns;
using Vigie.Text;

namespace Vigie.Extraction.Engine;

// One rule match read into drafts: actors, places, date, quantities, modality, required arguments, splits.
internal sealed partial class EventBuilder
{
    private IEnumerable<Draft> Drafts(SentenceView v, RuleMatch m, ClauseTree? tree)
    {
        var rule = m.Rule;
        var d = new Draft { Match = m, View = v, Type = rule.Type, Confidence = rule.Confidence };
        var clause = v.Clause[m.Trigger];
        var explicitActor = false;

        // Actors: slots first, then the tree's agent and patient; word order only where the tree names no subject or
        // no object (the passive agent, the subject before the trigger, an inverted subject).
        d.Actor1 = m.Bound("actor1").FirstOrDefault();
        d.Actor2 = m.Bound("actor2").FirstOrDefault();
        d.Claimant = m.Bound("claimant").FirstOrDefault();
        // A trigger the tagger read as no verb or noun ("mobilise" as an adverb) means the tree went wrong around it.
        if (tree is not null && tree.WordOf(m.Trigger) is var tw && (tw < 0 || !(tree.IsVerbal(tw) || tree.IsNominal(tw)))) tree = null;
        var args = tree is null ? null : TreeArguments.Read(tree, v, m.Trigger, _lang.Clauses, _lang.Grammar.AgentMarkers, EventTypeSemantics.GenitiveAgent(d.Type));
        if (args is not null)
        {
            // "Gunmen killed…" with the rule triggered by the actor's own name: that actor acts.
            if (d.Actor1 is null && tree!.Is(Math.Max(0, tree.WordOf(m.Trigger)), "nsubj"))
                d.Actor1 = v.Mentions.FirstOrDefault(r => r.Kind == MentionKind.Actor && r.First <= m.Trigger && m.Trigger <= r.Last);
            d.Actor1 ??= args.First(MentionKind.Actor, TreeRole.Agent);
            d.Actor2 ??= args.First(MentionKind.Actor, TreeRole.Patient);
            if (d.Actor1 is not null && d.Actor2 is not null && SameActor(d.Actor1, d.Actor2)) d.Actor2 = null;
        }
        var byOrder1 = args is null || (!args.HasSubject && d.Actor1 is null);
        var byOrder2 = args is null || (!args.HasObject && d.Actor2 is null);
        var agent = byOrder1 ? Agent(v, m) : null;
        // "Two civilians were killed in the attack": the subject of a passive verb without its agent is who the act befell.
        if (byOrder2 && d.Actor1 is null && agent is null && d.Actor2 is null && _matcher.IsPassive(v, m.Trigger))
            d.Actor2 = NearestActor(v, m.First - 1, clause, before: true, exclude: null);
        if (d.Actor1 is null && agent is not null)
        {
            d.Actor1 = agent;
            if (byOrder2) d.Actor2 ??= NearestActor(v, m.First - 1, clause, before: true, exclude: agent);
        }
        if (d.Actor1 is null && byOrder1)
        {
            d.Actor1 = NearestActor(v, m.First - 1, clause, before: true, exclude: d.Actor2);
            // "Syrian army and allied fighters captured": the first of coordinated subjects leads.
            if (d.Actor1 is not null)
            {
                var list = _matcher.Coordinated(v, d.Actor1, forward: false, MentionKind.Actor);
                if (list.Count > 0) d.Actor1 = list[^1];
            }
        }
        var trig = v.Tokens[m.Trigger];
        // "le départ des troupes américaines", "the withdrawal of US troops": the complement of the noun acts.
        if (d.Actor1 is null && byOrder1 && trig.HasNounReading && EventTypeSemantics.GenitiveAgent(d.Type))
        {
            var k = m.Trigger + 1;
            for (var n = 0; n < 2 && k < v.Tokens.Count && v.Tokens[k].Is(_lang.Grammar.ListPrepositions) && v.Starting(k).Count == 0; n++) k++;
            foreach (var r in v.Starting(k))
                if (r.Kind == MentionKind.Actor) { d.Actor1 = r; if (d.Actor2 == r) d.Actor2 = null; break; }
        }
        if (d.Actor1 is null && byOrder1 && !trig.HasNounReading && (trig.HasFiniteVerbReading || (trig.Forms & VerbForm.PastParticiple) != 0) && !EventTypeSemantics.InheritsActor(d.Type))
            d.Actor1 = InvertedSubject(v, m.Last + 1, clause);
        explicitActor = d.Actor1 is not null;
        if (byOrder2) d.Actor2 ??= NearestActor(v, m.Last + 1, clause, before: false, exclude: d.Actor1, skip: agent);
        if (d.Actor2 is not null && d.Actor1 is not null && SameActor(d.Actor1, d.Actor2)) d.Actor2 = null;
        if (byOrder1 && !EventTypeSemantics.InheritsActor(d.Type)) d.Actor1 ??= NearestActor(v, m.First - 1, -1, before: true, exclude: d.Actor2);
        // Word order never makes an actor of whom the tree reads as the act's patient ("Twelve soldiers and three
        // civilians were killed": the civilians are victims too).
        if (args is not null && d.Actor1 is not null && m.Bound("actor1").FirstOrDefault() is null
            && args.Mentions.Any(x => x.Mention == d.Actor1 && x.Role == TreeRole.Patient))
        {
            if (explicitActor && d.Actor2 is null) d.Actor2 = d.Actor1;
            d.Actor1 = null;
            explicitActor = false;
        }

        // Places, date, quantities: the pattern's slots, then the predicate's own clause in the tree, then word order.
        var boundPlaces = m.Bound("place").ToList();
        if (boundPlaces.Count == 0 && args is not null) boundPlaces = [.. args.All(MentionKind.Place).Where(p => !p.Reference)];
        d.Places = boundPlaces.Count > 0 ? boundPlaces : ClausePlaces(v, m, clause, asides: false);
        // "in a village (Macomia, Cabo Delgado)": with no place in the clause itself, the aside's places locate it.
        if (d.Places.Count == 0) d.Places = ClausePlaces(v, m, clause, asides: true);
        d.Places = Specific(d.Places);
        d.Date = m.Bound("date").FirstOrDefault() ?? args?.All(MentionKind.Date).FirstOrDefault() ?? NearestDate(v, m.Trigger, clause);
        var boundNumbers = m.Bound("quantity").ToList();
        // A toll's number that the tree reads as who acted on someone ("five men killed a director") counts no victims:
        // the rule yields to the next that matched its trigger.
        if (rule.QuantityKind is not null && args is not null && args.HasObject && boundNumbers.Count > 0
            && boundNumbers.All(n => args.Mentions.Any(x => x.Mention == n && x.Role == TreeRole.Agent)))
            yield break;
        foreach (var n in boundNumbers.Count > 0 ? boundNumbers : ClauseNumbers(v, clause))
        {
            var kind = KindOf(v, n, rule);
            if (kind is not null) d.Quantities.Add((n, kind));
        }
        // "17 police and 10 insurgents were killed": the other numbers the tree reads as who the same act befell count
        // with the bound one.
        if (boundNumbers.Count > 0 && args is not null && rule.QuantityKind is { } tollKind)
        {
            foreach (var (x, role) in args.Mentions)
            {
                if (role != TreeRole.Patient || x.Kind != MentionKind.Number || d.Quantities.Any(q => q.Number == x)) continue;
                if (KindOf(v, x, rule) == tollKind) d.Quantities.Add((x, tollKind));
            }
        }

        FoldIncludedCounts(v, d.Quantities);

        // Modality: from the tree where the sentence has one, from the words around the trigger otherwise.
        var boundClaimant = d.Claimant;
        var treeReads = args is not null && tree is not null && tree.WordOf(m.Trigger) >= 0;
        // "a man accused of sorcery", "civilians demanded to pay", "a woman they accused of witchcraft": a participle or a
        // clause that describes a noun or gives an act its background tells of no act of speech of its own.
        if (treeReads && EventTypeSemantics.IsSpeechAct(d.Type)
            && (tree!.DescribesNoun(tree.WordOf(m.Trigger)) || tree.InBackgroundClause(tree.WordOf(m.Trigger)))) yield break;
        // "residents protested against attacks", "une marche contre les enlèvements": what is protested is its background.
        if (treeReads && EventTypeSemantics.CanBeGrievance(d.Type) && tree!.IsGrievance(tree.WordOf(m.Trigger), _lang.Clauses.GrievanceMarks)) yield break;
        var modality = ModalityOf(v, m, d, treeReads, out var drop);
        if (drop) yield break;
        if (args is not null && tree is not null)
        {
            modality = ClauseReport.Apply(tree, v, _text, args, tree.WordOf(m.Trigger), _lang, d, modality, boundClaimant, out drop);
            if (drop) yield break;
        }
        d.Modality = rule.Modality ?? modality;

        // Required arguments, read in the sentence itself.
        foreach (var r in rule.Requires)
        {
            var ok = r switch
            {
                "actor1" => explicitActor,
                "actor2" => d.Actor2 is not null,
                "actor" => explicitActor || d.Actor2 is not null,
                "place" => d.Places.Count > 0,
                "quantity" => d.Quantities.Count > 0,
                _ => explicitActor || d.Places.Count > 0 || d.Quantities.Count > 0,
            };
            if (!ok) yield break;
        }
        if (d.Actor1 is not null) d.Confidence += 0.05;
        if (d.Places.Count > 0) d.Confidence += 0.05;

        // Distributive lists: "3 000 soldats à l'aéroport, un millier au Qatar, 3 500 à 4 000 au Koweït".
        if (rule.Distribute)
        {
            var pairs = NumberPlacePairs(v, m.Last + 1);
            if (pairs.Count >= 2)
            {
                var used = pairs.Select(p => p.Number).ToHashSet();
                d.Quantities.RemoveAll(q => used.Contains(q.Number));
                d.Places = [];
                yield return d;
                foreach (var (n, place) in pairs)
                {
                    var kind = KindOf(v, n, rule) ?? EventTypeSemantics.DefaultKindOf(d.Type);
                    yield return new Draft
                    {
                        Match = m, View = v, Type = d.Type, Actor1 = d.Actor1, Actor2 = d.Actor2, Claimant = d.Claimant, AttributedTo = d.AttributedTo,
                        Places = [place], Date = d.Date, Modality = d.Modality, Confidence = d.Confidence,
                        Quantities = kind is null ? [] : [(n, kind)],
                    };
                }
                yield break;
            }
        }

        if ((rule.PerPlace ?? EventTypeSemantics.PerPlace(d.Type)) && d.Places.Count > 1)
        {
            foreach (var p in d.Places)
                yield return new Draft
                {
                    Match = m, View = v, Type = d.Type, Actor1 = d.Actor1, Actor2 = d.Actor2, Claimant = d.Claimant, AttributedTo = d.AttributedTo,
                    Places = [p], Date = d.Date, Modality = d.Modality, Confidence = d.Confidence, Quantities = d.Quantities,
                };
            yield break;
        }
        yield return d;
    }
}
