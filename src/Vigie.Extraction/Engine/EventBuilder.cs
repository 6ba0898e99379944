using Vigie.Core;
using Vigie.Extraction.Patterns;
using Vigie.Text;

namespace Vigie.Extraction.Engine;

/// <summary>An event being built: arguments as mentions, before it becomes a <see cref="Event"/>.</summary>
internal sealed class Draft
{
    public required RuleMatch Match { get; init; }
    public required SentenceView View { get; init; }
    public required string Type { get; set; }
    public MentionRef? Actor1 { get; set; }
    public MentionRef? Actor2 { get; set; }
    public MentionRef? Claimant { get; set; }
    public Source? AttributedTo { get; set; }
    public List<MentionRef> Places { get; set; } = [];
    public Location? FallbackPlace { get; set; }
    public MentionRef? Date { get; set; }
    public List<(MentionRef Number, string Kind)> Quantities { get; set; } = [];
    public Modality Modality { get; set; }
    public double Confidence { get; set; }
    public bool Dropped { get; set; }
    public int Trigger => Match.Trigger;

    /// <summary>Triggered by the name of its own perpetrator ("Gunmen kidnapped…"): no act of its own in the sentence.</summary>
    public bool PerpetratorOnly { get; set; }

    /// <summary>Triggered by a noun only ("the attackers", "the attack"), not by a verb that tells the act.</summary>
    public bool NounOnly { get; set; }
}

/// <summary>Turns one document's rule matches into events: arguments, modality, date, quantities, codes, evidence.</summary>
internal sealed class EventBuilder
{
    private readonly ExtractionInput _input;
    private readonly LanguageData _lang;
    private readonly Matcher _matcher;
    private readonly EventTypeCatalog _catalog;
    private readonly string _text;
    private readonly DateValue? _docDate;
    private readonly Dictionary<string, TriggerSpan> _triggers = new(StringComparer.Ordinal);

    /// <summary>The trigger span of each built event, by event id.</summary>
    public IReadOnlyDictionary<string, TriggerSpan> Triggers => _triggers;

    public EventBuilder(ExtractionInput input, LanguageData lang, Matcher matcher, EventTypeCatalog catalog)
    {
        _input = input;
        _lang = lang;
        _matcher = matcher;
        _catalog = catalog;
        _text = input.Document.Text;
        _docDate = input.Document.Date?.ToDateValue();
    }

    public IReadOnlyList<Event> Build()
    {
        var mentions = _input.Mentions.OrderBy(m => m.Start).ThenByDescending(m => m.End).ToList();
        var sentences = _input.Analysis.Sentences;
        var focus = FocusCountry(mentions);
        var mainActor = MainActor(mentions);
        var events = new List<SentenceEvent>();
        var lastActorByType = new Dictionary<string, MentionRef>(StringComparer.Ordinal);
        var mi = 0;
        var leadPlaces = new List<MentionRef>();
        foreach (var s in sentences)
        {
            while (mi < mentions.Count && mentions[mi].End <= s.Start) mi++;
            var view = SentenceView.Build(_input.Analysis, s, mentions, mi, _lang);
            if (s.Index < PlaceChoice.LeadSentences) leadPlaces.AddRange(view.Mentions);
            var matches = _matcher.Match(view);
            var predicates = PredicateMatcher.HasCandidate(view, _lang);
            if (matches.Count == 0 && !predicates) continue;
            // The tree is read only for sentences where a rule matched or may match: parsing is the costly stage.
            var tree = ClauseTree.Build(_input.Analysis, s, view);
            if (predicates && tree is not null) PredicateMatcher.Match(view, tree, _lang, matches);
            if (matches.Count == 0) continue;
            var drafts = new List<Draft>();
            foreach (var m in matches)
            {
                var count = drafts.Count;
                drafts.AddRange(Drafts(view, m, tree));
                // A rule whose required arguments the sentence lacks leaves its trigger to the next rule that matched it.
                foreach (var alt in m.Alternatives)
                {
                    if (drafts.Count > count) break;
                    drafts.AddRange(Drafts(view, alt, tree));
                }
            }
            // A trigger that is the name of an actor ("Gunmen kidnapped…") is no act of its own.
            foreach (var d in drafts)
            {
                var t = view.Tokens[d.Trigger];
                d.PerpetratorOnly = d.Match.First == d.Match.Last && view.Mentions.Any(r => r.Kind == MentionKind.Actor && r.First <= d.Trigger && d.Trigger <= r.Last);
                d.NounOnly = !t.HasFiniteVerbReading && (t.Forms & VerbForm.PastParticiple) == 0;
            }
            Refine(drafts);
            Merge(drafts);
            if (tree is not null) AttachVictims(drafts, tree, view);
            FoldCasualties(drafts);
            ArmedVictims(drafts);
            // A placeless event summarised in a sentence whose other events of its type name places is that summary
            // ("capturing provincial cities …: the capture of Kandahar").
            foreach (var d in drafts)
                if (!d.Dropped && d.Places.Count == 0 && !d.Match.Rule.Distribute && drafts.Any(o => !o.Dropped && o != d && o.Type == d.Type && o.Places.Count > 0))
                    d.Dropped = true;
            foreach (var d in drafts)
                if (!d.Dropped && d.Places.Count == 0 && !d.Match.Rule.Distribute) d.Places = PlaceChoice.Nearest(d, drafts);
            foreach (var d in drafts)
            {
                if (d.Dropped) continue;
                if (d.Actor1 is null && TypeTraits.InheritsActor(d.Type) && d.Modality != Modality.Conditional)
                    d.Actor1 = lastActorByType.GetValueOrDefault(d.Type) ?? mainActor;
                if (d.Actor1 is not null) lastActorByType[d.Type] = d.Actor1;
                var date = d.Date is { Mention: DateMention dm }
                    ? (d.Modality == Modality.Planned && _input.FutureDate is { } future ? future(dm) : dm.Date)
                    : _docDate;
                var historical = date is not null && _docDate is not null && date.FirstDay.Year < _docDate.FirstDay.Year - 1;
                var trigger = d.View.Tokens[d.Trigger];
                if (historical && trigger.HasNounReading) continue;
                if (d.Places.Count == 0 && !historical)
                    d.FallbackPlace = (d.Match.Rule.Distribute || s.Index == 0 ? null : PlaceChoice.Lead(events, leadPlaces)) ?? focus;
                events.Add(new SentenceEvent(ToEvent(d, date), d.Date is not null, s.Index, d.PerpetratorOnly, !d.NounOnly,
                    d.NounOnly && Coreference.IsAnaphoric(d.View, d.Trigger, _lang.Grammar)));
            }
        }
        var merged = DocumentMerger.Merge(events, SameEventRules.Default, _catalog);
        for (var i = 0; i < merged.Count; i++) merged[i] = LoneToll(merged[i]);
        if (merged.Count < events.Count)
        {
            var kept = merged.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var e in events)
                if (!kept.Contains(e.Event.Id)) _triggers.Remove(e.Event.Id);
        }
        return merged;
    }

    // A toll that no other event of the document holds, and that names its own day and a place finer than a country,
    // reports the act itself when its rule says which (alone_as): "4 civilians were killed in Anga on 7 July".
    private Event LoneToll(Event e)
    {
        if (e.Type != "casualties" || e.Date is not { Precision: DatePrecision.Day, End: null } || !e.Locations.Any(l => !GeoMath.IsCoarse(l))) return e;
        string? act = null;
        foreach (var ev in e.Evidence)
        {
            var a = _lang.RuleById(ev.Rule)?.AloneAs;
            if (a is null || (act is not null && a != act)) return e;
            act = a;
        }
        if (act is null) return e;
        return TypeTraits.ByTarget(e with { Type = act, Codes = _catalog.Get(act).CodesFor(e.Actor1?.Role) }, _catalog);
    }

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
        var args = tree is null ? null : TreeArguments.Read(tree, v, m.Trigger, _lang.Clauses, _lang.Grammar.AgentMarkers, TypeTraits.GenitiveAgent(d.Type));
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
        if (d.Actor1 is null && byOrder1 && trig.HasNounReading && TypeTraits.GenitiveAgent(d.Type))
        {
            var k = m.Trigger + 1;
            for (var n = 0; n < 2 && k < v.Tokens.Count && v.Tokens[k].Is(_lang.Grammar.ListPrepositions) && v.Starting(k).Count == 0; n++) k++;
            foreach (var r in v.Starting(k))
                if (r.Kind == MentionKind.Actor) { d.Actor1 = r; if (d.Actor2 == r) d.Actor2 = null; break; }
        }
        if (d.Actor1 is null && byOrder1 && !trig.HasNounReading && (trig.HasFiniteVerbReading || (trig.Forms & VerbForm.PastParticiple) != 0) && !TypeTraits.InheritsActor(d.Type))
            d.Actor1 = InvertedSubject(v, m.Last + 1, clause);
        explicitActor = d.Actor1 is not null;
        if (byOrder2) d.Actor2 ??= NearestActor(v, m.Last + 1, clause, before: false, exclude: d.Actor1, skip: agent);
        if (d.Actor2 is not null && d.Actor1 is not null && SameActor(d.Actor1, d.Actor2)) d.Actor2 = null;
        if (byOrder1 && !TypeTraits.InheritsActor(d.Type)) d.Actor1 ??= NearestActor(v, m.First - 1, -1, before: true, exclude: d.Actor2);
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

        // Modality: from the tree where the sentence has one, from the words around the trigger otherwise.
        var boundClaimant = d.Claimant;
        var treeReads = args is not null && tree is not null && tree.WordOf(m.Trigger) >= 0;
        // "a man accused of sorcery", "civilians demanded to pay": a participle that describes a noun tells of no act of
        // speech of its own.
        if (treeReads && TypeTraits.IsSpeechAct(d.Type) && tree!.DescribesNoun(tree.WordOf(m.Trigger))) yield break;
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
                    var kind = KindOf(v, n, rule) ?? TypeTraits.DefaultKindOf(d.Type);
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

        if ((rule.PerPlace ?? TypeTraits.PerPlace(d.Type)) && d.Places.Count > 1)
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

    private MentionRef? MainActor(List<Mention> mentions)
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
        var accepted = rule.QuantityKind is { } qk ? [qk] : TypeTraits.AcceptedKinds(rule.Type);
        if (accepted.Count == 0) return null;
        var toks = v.Tokens;
        var g = _lang.Grammar;
        if (n.Last + 1 < toks.Count && toks[n.Last + 1].Is(g.NonCountUnits)) return null;
        var unit = (n.Mention as NumberMention)?.Quantity.Kind;
        // The text layer read the kind from the number's own noun and clause ("21 soldats ont été blessés" → injured):
        // a harm kind it found stands; words further on count other numbers.
        if (unit is not null && !TypeTraits.IsGroupKind(unit)) return accepted.Contains(unit) ? unit : null;
        // People the text layer kept as people did not suffer the verb of their clause ("trois assaillants ont tué …"):
        // words past that verb qualify another number.
        var stopAtVerb = unit is not null && TypeTraits.IsGroupKind(unit);
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
        return rule.QuantityKind ?? TypeTraits.DefaultKindOf(rule.Type);
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

    // ---- modality ----

    /// <param name="treeReads">The tree reads the trigger: it decides what is a purpose ("in an attempt to stop the
    /// crowd, police shot two people" tells of the shooting); word order decides only without it.</param>
    private Modality ModalityOf(SentenceView v, RuleMatch m, Draft d, bool treeReads, out bool drop)
    {
        drop = false;
        var mk = _lang.Modality;
        var toks = v.Tokens;
        var t = m.Trigger;
        var clause = v.Clause[t];
        var last = toks.Count - 1;
        while (last >= 0 && toks[last].Folded is "\"" or "»" or ")" or "'") last--;
        var question = last >= 0 && mk.QuestionMarks.Contains(toks[last].Folded);

        bool Before(WordSequenceSet seqs, int window, bool sameClause, out int at)
        {
            for (var i = t - 1; i >= 0 && (window < 0 || t - i <= window); i--)
            {
                if (sameClause && !v.InClause(i, clause, out _)) break;
                if (seqs.MatchAt(toks, i) is not null) { at = i; return true; }
            }
            at = -1;
            return false;
        }

        bool After(WordSequenceSet seqs, int window, out int at)
        {
            for (var i = t + 1; i < toks.Count && i - t <= window && v.Clause[i] == clause; i++)
                if (seqs.MatchAt(toks, i) is not null) { at = i; return true; }
            at = -1;
            return false;
        }

        if ((!treeReads && Before(mk.Purpose, -1, true, out _)) || Before(mk.Habitual, 3, true, out _)) { drop = true; return Modality.Asserted; }
        // The cause named in a complement ("after a nerve agent attack") is background to the main event.
        if (Before(mk.Background, 6, true, out _)) d.Confidence -= 0.25;
        if (question) return Modality.Question;
        if (Before(mk.Conditional, -1, true, out _)) return Modality.Conditional;
        if (Before(mk.Negation, mk.NegationWindow, true, out _) || After(mk.NegationAfter, mk.NegationAfterWindow, out _)) return Modality.Negated;
        if (Before(mk.Denial, -1, false, out _)) return Modality.Denied;
        if (Before(mk.StrongClaim, -1, true, out var sc))
        {
            d.Claimant ??= NearestActor(v, sc - 1, v.Clause[sc], before: true, exclude: null) ?? NearestActor(v, sc + 1, v.Clause[sc], before: false, exclude: null);
            return Modality.Claimed;
        }
        if (Before(mk.PlannedBefore, mk.PlannedWindow, true, out _)) return Modality.Planned;
        var nominal = toks[t].HasNounReading;
        if (nominal && After(mk.PlannedAfter, mk.PlannedWindow, out _)) return Modality.Planned;
        if (!TypeTraits.IsSpeechAct(d.Type))
        {
            for (var i = 0; i < toks.Count; i++)
            {
                if (mk.WeakClaim.MatchAt(toks, i) is not { } s) continue;
                {
                    var who = NearestActor(v, i - 1, v.Clause[i], before: true, exclude: null) ?? NearestActor(v, i + s.Words.Length, v.Clause[i], before: false, exclude: null);
                    if (who is null) continue;
                    if ((d.Actor1 is not null && SameActor(who, d.Actor1)) || (d.Actor2 is not null && SameActor(who, d.Actor2)))
                    {
                        d.Claimant ??= who;
                        if (who.Actor is { } speaker) d.AttributedTo ??= Source.Of(speaker);
                        return Modality.Claimed;
                    }
                }
            }
        }
        if (mk.FutureTenseIsPlanned)
            for (var i = Math.Max(0, t - 2); i <= t; i++)
                if ((toks[i].Forms & VerbForm.Future) != 0 && (toks[i].Forms & (VerbForm.Present | VerbForm.Imperfect)) == 0 && v.Clause[i] == clause) return Modality.Planned;
        return Modality.Asserted;
    }

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
            if (d.Type == "attack" && TypeTraits.ArmedSide(r2) is not null && (TypeTraits.ArmedSide(r1) is not null || IsStateRole(r1)))
                d.Type = "armed_clash";
            else if (d.Type == "arrest" && protest)
                d.Type = "protest_with_intervention";
        }
    }

    // ---- merging ----

    private static string PlaceKey(Draft d) => string.Join('|', d.Places.Select(p => p.Location!.Name).Order(StringComparer.Ordinal));

    private static void Merge(List<Draft> drafts)
    {
        for (var i = 0; i < drafts.Count; i++)
        {
            var a = drafts[i];
            if (a.Dropped) continue;
            for (var j = i + 1; j < drafts.Count; j++)
            {
                var b = drafts[j];
                if (b.Dropped || b.Type != a.Type || PlaceKey(a) != PlaceKey(b)) continue;
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
        static bool Counts(Draft d) => !d.Dropped && (TypeTraits.Violent.Contains(d.Type) || d.Type == "casualties");
        if (!drafts.Exists(Counts)) return;
        foreach (var (counts, kind, harm) in TreeVictims.Read(tree, view, _text, _lang.Clauses, _lang.Code + "/number/"))
        {
            // An event's own word is no victim ("executed an attack").
            if (drafts.Exists(d => counts.Exists(n => d.Trigger >= n.First && d.Trigger <= n.Last))) continue;
            var hosts = drafts.FindAll(d => Counts(d) && TypeTraits.AcceptedKinds(d.Type).Contains(kind));
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
                if (!TypeTraits.IsHarm(kind)) continue;
                var victim = d.View.Mentions.FirstOrDefault(r => r.Kind == MentionKind.Actor && r.First >= n.First && r.First <= n.Last + 2
                    && TypeTraits.ArmedSide(r.Actor?.Role) == 1 && !SameActor(r, d.Actor1));
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
            var host = drafts.FirstOrDefault(o => !o.Dropped && o != c && TypeTraits.Violent.Contains(o.Type) && o.Modality == c.Modality);
            if (host is null) continue;
            foreach (var q in c.Quantities)
                if (!host.Quantities.Any(x => x.Kind == q.Kind)) host.Quantities.Add(q);
            if (host.Places.Count == 0) host.Places = c.Places;
            c.Dropped = true;
        }
    }

    // ---- output ----

    private Event ToEvent(Draft d, DateValue? date)
    {
        var v = d.View;
        var s = v.Span;
        var actor1 = d.Actor1?.Actor;
        var info = _catalog.Get(d.Type);
        var locations = d.Places.Count > 0 ? d.Places.Select(p => p.Location!).ToList() : d.FallbackPlace is { } f ? [f] : new List<Location>();
        var quantities = d.Quantities.Select(q => ((NumberMention)q.Number.Mention).Quantity with { Kind = q.Kind }).ToList();
        var claimant = d.Modality == Modality.Claimed ? (d.Claimant ?? d.Actor1)?.Actor : null;
        var trig = v.Tokens[d.Trigger];
        var id = StableId.Of(_input.Document.Id, d.Match.Rule.Id, s.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            trig.Start.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Type, string.Join('|', locations.Select(l => l.Name)));
        var evidence = new Evidence(_input.Document.Id, s.Index, s.Start, s.End, _text[s.Start..s.End], d.Match.Rule.Id);
        _triggers[id] = new TriggerSpan(trig.Start, trig.End);
        // Later sentences and unasserted events are less likely to be what the document is about.
        var confidence = d.Confidence - Math.Min(0.1, 0.02 * s.Index) - (d.Modality is Modality.Asserted or Modality.Claimed ? 0 : 0.1);
        return new Event(id, _input.Document.Id, _lang.Code, d.Type, info.CodesFor(actor1?.Role), actor1, d.Actor2?.Actor, claimant,
            locations, date, quantities, d.Modality, Math.Round(Math.Clamp(confidence, 0.05, 0.99), 3), [evidence])
        {
            AttributedTo = d.AttributedTo ?? (claimant is not null ? Source.Of(claimant) : null),
        };
    }
}
