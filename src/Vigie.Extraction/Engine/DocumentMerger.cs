using Vigie.Core;

namespace Vigie.Extraction.Engine;

/// <summary>An event as a sentence read it, before the document's reports of one event are merged.</summary>
/// <param name="Event">The event as built from that sentence alone.</param>
/// <param name="DateStated">Whether the sentence stated the date (else the event has the document's date).</param>
/// <param name="Sentence">The sentence it was read in (see <see cref="DocumentMerger"/> for what one sentence merges).</param>
/// <param name="PerpetratorOnly">Triggered by the name of its own perpetrator alone ("Gunmen kidnapped…").</param>
/// <param name="VerbTrigger">Triggered by a verb: an act told as such, not a noun that may name its agents ("Attackers").</param>
/// <param name="Anaphoric">Triggered by a definite noun that speaks of an event already told ("the attack", "l'attaque").</param>
internal sealed record SentenceEvent(Event Event, bool DateStated, int Sentence, bool PerpetratorOnly, bool VerbTrigger, bool Anaphoric = false);

/// <summary>Makes one event of the reports of one real-world event in a document (CONTRACT §2): the headline's, the
/// lead's, the sentence that names the weapon and the one that gives the toll.</summary>
/// <remarks>
/// Reports are taken in text order; each joins the first event built so far that it may be one with
/// (<see cref="SameEvent.WithinDocument"/>), else starts an event. The reports of one sentence were already merged or
/// kept apart by the sentence's own reading (two readings of one clause, a distributive list, one event per place);
/// they become one here only when one is a consequence (its toll, damage, fire or abductions:
/// <see cref="EventTypeSemantics.Consequences"/>) of the act a verb of the sentence tells, or one names no act of its own
/// (its perpetrators' name, or an attack told by a noun beside its means) and the other names the act ("Gunmen kidnapped…" is the
/// kidnapping, "the attackers used an IED" the IED), whose type the event keeps. The merged event's type is the one the types combine
/// into (<see cref="EventMergeTable"/>), its place the finest one given, its date the finest one stated, each toll
/// kind the one of the first report that gives it exactly (else the first that gives it), its actors and modality those
/// of its first asserting report; its evidence lists every report's sentence with its rule. Its id is its first
/// report's, so that the same document and rules give the same ids.
/// </remarks>
internal static class DocumentMerger
{
    private sealed class Group(SentenceEvent first)
    {
        public List<SentenceEvent> Members { get; } = [first];
        public Event Merged { get; set; } = first.Event;

        /// <summary>The type the event must keep: that of an act whose perpetrator-only reading joined it.</summary>
        public string? Type { get; set; }

        /// <summary>The merged event as the next report is compared with it: its date null when no report stated one.</summary>
        public Event Probe { get; set; } = first.DateStated ? first.Event : first.Event with { Date = null };
    }

    public static List<Event> Merge(IReadOnlyList<SentenceEvent> events, SameEventRules rules, EventTypeCatalog catalog)
    {
        if (events.Count < 2) return events.Select(e => EventTypeSemantics.ByTarget(e.Event, catalog)).ToList();
        var groups = new List<Group>();
        foreach (var e in events)
        {
            var probe = e.DateStated ? e.Event : e.Event with { Date = null };
            var home = groups.Find(g => MayJoin(g, e, rules) && SameEvent.WithinDocument(g.Probe, probe, rules))
                ?? (e.Anaphoric || !e.DateStated ? Antecedent(groups, e, rules) : null);
            if (home is null)
            {
                groups.Add(new Group(e));
                continue;
            }
            if (home.Members.Find(m => m.Sentence == e.Sentence) is { } other && (Generic(other, e, rules) || Generic(e, other, rules)))
                home.Type ??= Generic(other, e, rules) ? e.Event.Type : other.Event.Type;
            home.Members.Add(e);
            home.Merged = Merged(home.Members, home.Type, rules, catalog);
            var stated = home.Members.Exists(m => m.DateStated);
            home.Probe = stated ? home.Merged : home.Merged with { Date = null };
        }
        return groups.Select(g => EventTypeSemantics.ByTarget(Unharmed(g, catalog), catalog)).ToList();
    }

    /// <summary>A crime's perpetrators named beside an act that harmed no one ("armed robbers attacked a jewellery
    /// store") make it the crime: the act is only how the crime was done.</summary>
    private static Event Unharmed(Group g, EventTypeCatalog catalog)
    {
        var e = g.Merged;
        if (Harmful(e) || e.Type != GenericViolence) return e;
        // An act named by a noun ("implicated in serial killings") is the harm itself, whatever its toll.
        if (g.Members.Exists(m => m.Event.Type == GenericViolence && !m.VerbTrigger)) return e;
        var crime = g.Members.Find(m => m.PerpetratorOnly && EventTypeSemantics.AccessoryWhenHarmful.Contains(m.Event.Type));
        return crime is null ? e : e with { Type = crime.Event.Type, Codes = catalog.Get(crime.Event.Type).CodesFor(e.Actor1?.Role) };
    }

    /// <summary>The event a definite noun ("the attack") or a later sentence that states no date of its own ("Two civilians
    /// were killed") goes on telling: the last one told whose type it may be one with, in the same modality, with no place
    /// of its own that is elsewhere; its actors do not count (such sentences name the victims, or the group by a noun).</summary>
    private static Group? Antecedent(List<Group> groups, SentenceEvent e, SameEventRules rules)
    {
        for (var i = groups.Count - 1; i >= 0; i--)
        {
            var g = groups[i];
            if (g.Members[0].Sentence >= e.Sentence) continue;
            var m = g.Merged;
            if (rules.Types.Combine(m.Type, e.Event.Type) is null) continue;
            if (SameEvent.ModalityGroup(m.Modality) != SameEvent.ModalityGroup(e.Event.Modality)) continue;
            if (m.Locations.Count > 0 && e.Event.Locations.Count > 0 && !SameEvent.WithinDocument(m with { Actor1 = null, Actor2 = null, Date = null }, e.Event with { Actor1 = null, Actor2 = null, Date = null }, rules))
                continue;
            return g;
        }
        return null;
    }

    private static bool MayJoin(Group g, SentenceEvent e, SameEventRules rules)
    {
        foreach (var m in g.Members)
        {
            if (m.Sentence != e.Sentence) continue;
            var mc = EventTypeSemantics.Consequences.Contains(m.Event.Type);
            var ec = EventTypeSemantics.Consequences.Contains(e.Event.Type);
            var related = Generic(m, e, rules) || Generic(e, m, rules) || (mc != ec && (mc ? e.VerbTrigger : m.VerbTrigger))
                || Accessory(m, e, rules) || Accessory(e, m, rules);
            if (!related) return false;
        }
        return true;
    }

    /// <summary>A report that names no act of its own beside another of its sentence: its perpetrators' name beside an
    /// act, or an attack told by a noun beside its means ("the attackers used an IED").</summary>
    private static bool Generic(SentenceEvent e, SentenceEvent other, SameEventRules rules) =>
        (e.PerpetratorOnly && !other.PerpetratorOnly)
        || (!e.VerbTrigger && e.Event.Type == GenericViolence && rules.Types.AbsorbsDirectly(other.Event.Type, GenericViolence));

    private const string GenericViolence = "attack";

    /// <summary>A report of one sentence that only qualifies the act another tells: what protesters demand, the attack a
    /// mob or a riot carries out (<see cref="EventTypeSemantics.Accessories"/>), when the act's type absorbs it.</summary>
    /// An act named only by its agents' noun ("Attackers burned down the church") does not take in what a verb tells.
    private static bool Accessory(SentenceEvent act, SentenceEvent accessory, SameEventRules rules) =>
        EventTypeSemantics.Accessories.Contains(accessory.Event.Type) && rules.Types.AbsorbsDirectly(act.Event.Type, accessory.Event.Type)
        && (act.VerbTrigger || !accessory.VerbTrigger || act.Event.Type != GenericViolence)
        && (!EventTypeSemantics.AccessoryWhenHarmful.Contains(accessory.Event.Type) || Harmful(act.Event) || Harmful(accessory.Event));

    private static bool Harmful(Event e) => e.Quantities.Any(q => EventTypeSemantics.IsHarm(q.Kind));

    private static int ModalityRank(Modality m) => m switch { Modality.Asserted => 0, Modality.Claimed => 1, _ => 2 };

    private static int FinestPlace(Event e) => e.Locations.Count == 0 ? 9 : e.Locations.Min(l => GeoMath.PrecisionRank(l.Precision));

    private static Event Merged(List<SentenceEvent> members, string? kept, SameEventRules rules, EventTypeCatalog catalog)
    {
        var events = members.Select(m => m.Event).ToList();
        var type = kept ?? events.Skip(1).Aggregate(events[0].Type, (t, e) => rules.Types.Combine(t, e.Type) ?? t);
        // The report that speaks of the event as happening leads: its actors and modality.
        var lead = events.OrderBy(e => ModalityRank(e.Modality)).First();
        var actor1 = lead.Actor1 ?? events.Select(e => e.Actor1).FirstOrDefault(a => a is not null);
        var actor2 = lead.Actor2 ?? events.Select(e => e.Actor2).FirstOrDefault(a => a is not null && a.Id != actor1?.Id);
        var place = events.OrderBy(FinestPlace).First();
        var dated = members.Where(m => m.DateStated).Select(m => m.Event).OrderBy(e => e.Date!.Precision).FirstOrDefault();
        var quantities = new List<Quantity>();
        foreach (var kind in events.SelectMany(e => e.Quantities).Select(q => q.Kind).Distinct(StringComparer.Ordinal))
        {
            var source = events.FirstOrDefault(e => e.Quantities.Any(q => q.Kind == kind && !q.Approximate))
                ?? events.First(e => e.Quantities.Any(q => q.Kind == kind));
            quantities.AddRange(source.Quantities.Where(q => q.Kind == kind));
        }
        var evidence = events.SelectMany(e => e.Evidence).Distinct().OrderBy(v => v.Start).ThenBy(v => v.End).ToList();
        var first = events[0];
        return new Event(first.Id, first.Document, first.Language, type, catalog.Get(type).CodesFor(actor1?.Role), actor1, actor2,
            lead.Claimant, place.Locations, (dated ?? first).Date, quantities, lead.Modality, events.Max(e => e.Confidence), evidence)
        {
            AttributedTo = lead.AttributedTo ?? events.Select(e => e.AttributedTo).FirstOrDefault(a => a is not null),
        };
    }
}
