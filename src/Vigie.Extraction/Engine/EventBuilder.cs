using Vigie.Core;
using Vigie.Extraction.Patterns;
using Vigie.Text;

namespace Vigie.Extraction.Engine;

/// <summary>Turns one document's rule matches into events: arguments, modality, date, quantities, codes, evidence.</summary>
internal sealed partial class EventBuilder
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
            var tree = ClauseTree.Build(_input.Analysis, s, view, _lang.Clauses);
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
                if (d.Actor1 is null && EventTypeSemantics.InheritsActor(d.Type) && d.Modality != Modality.Conditional)
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
        return EventTypeSemantics.ByTarget(e with { Type = act, Codes = _catalog.Get(act).CodesFor(e.Actor1?.Role) }, _catalog);
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
