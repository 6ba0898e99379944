using Vigie.Core;

namespace Vigie.Extraction.Actors;

// How one matched span reads: a name, a state, a capital as its government, a demonym, a qualified or generic
// actor, an anaphor; and the cue words around it that decide.
public sealed partial class ActorRecognizer
{
    private sealed partial class Run
    {
        /// <summary>Reads one span, possibly with the next one; true when it used the next one too.</summary>
        private bool Compose(Span span, Span? previous, Span? next)
        {
            var adjacentNext = next is not null && next.Start == span.End;
            if (span.Get(AliasKind.Generic) is { } genericEntry)
            {
                var generic = owner._data.Generics[genericEntry.Target];
                if (lexicon.DemonymAfterNoun && adjacentNext && next!.State is { Kind: AliasKind.Demonym or AliasKind.DemonymPlural } dem)
                {
                    EmitQualified(span.Start, next.End, generic, dem.Target, DemonymRule);
                    return true;
                }
                var k = span.End;
                if (k < _tokens.Count && _tokens[k].IsWord && lexicon.QualifierLinks.Contains(_tokens[k].Folded))
                {
                    k++;
                    while (k < _tokens.Count && _tokens[k].IsWord && lexicon.Articles.Contains(_tokens[k].Folded)) k++;
                    if (next is not null && next.Start == k && next.State is { Kind: AliasKind.StateName or AliasKind.Capital } st)
                    {
                        EmitQualified(span.Start, next.End, generic, st.Target, st.Kind == AliasKind.Capital ? MetonymyRule : AliasRule);
                        return true;
                    }
                    if (next is not null && next.Start == k && next.Get(AliasKind.Name) is { } groupName
                        && owner._data.Actors[groupName.Target] is { Kind: ActorKind.Group } group)
                    {
                        // "les rebelles du M23", "fighters of the Islamic State": the phrase names the group.
                        Emit(span.Start, next.End, AliasRule, group.ToActor(date), group, true, true);
                        return true;
                    }
                }
                if (generic.Corefer.Count > 0 && Resolve(span.Start, s => FitsRoles(s, generic.Corefer)) is { } antecedent)
                    Emit(span.Start, span.End, CoreferenceRule, antecedent.Actor, antecedent.Definition, antecedent.Group, antecedent.Armed);
                else
                    Emit(span.Start, span.End, GenericRule, GenericActorOf(generic), null, generic.Group, false);
                return false;
            }
            if (span.Get(AliasKind.Name) is { } name)
            {
                var def = owner._data.Actors[name.Target];
                var armed = def.Kind == ActorKind.Group;
                var actor = def.ToActor(date);
                // "a Renamo official", "un membre du Frelimo": a party's member is one of its people, whatever arms
                // the party bears.
                if (def.Kind == ActorKind.Party && NamesMember(span)) actor = actor with { Role = PartyRole };
                Emit(span.Start, span.End, AliasRule, actor, def, armed, armed);
                return false;
            }
            if (span.State is { } stateEntry)
            {
                var state = owner._data.Actors[stateEntry.Target];
                if (!lexicon.DemonymAfterNoun && adjacentNext && next!.Get(AliasKind.Generic) is { } g
                    && (span.Has(AliasKind.Demonym) || span.Has(AliasKind.DemonymPlural) || span.Has(AliasKind.StateName)))
                {
                    EmitQualified(span.Start, next.End, owner._data.Generics[g.Target], state.Id, span.Has(AliasKind.StateName) ? AliasRule : DemonymRule);
                    return true;
                }
                if (span.End < _tokens.Count && _tokens[span.End].IsWord && lexicon.PossessiveMarks.Contains(_tokens[span.End].Folded)
                    && next is not null && next.Start == span.End + 1 && next.Get(AliasKind.Generic) is { } pg
                    && (span.Has(AliasKind.StateName) || span.Has(AliasKind.Capital)))
                {
                    EmitQualified(span.Start, next.End, owner._data.Generics[pg.Target], state.Id, span.Has(AliasKind.Capital) ? MetonymyRule : AliasRule);
                    return true;
                }
                if (span.Has(AliasKind.StateName))
                {
                    // "Doha, Qatar": a state right after a capital and a comma only places it.
                    var afterCapital = previous is not null && previous.End == span.Start - 1 && previous.Has(AliasKind.Capital)
                        && _tokens[span.Start - 1].Folded == ",";
                    if (afterCapital || PlaceBefore(span.Start)) Candidate(span, state.ToActor(date));
                    else Emit(span.Start, span.End, AliasRule, state.ToActor(date), state, false, false);
                    return false;
                }
                if (span.Has(AliasKind.Capital))
                {
                    var government = owner.Qualified(owner._data.Generics[GovernmentGeneric], state);
                    if (!PlaceBefore(span.Start) && ActorVerbAfter(span.End))
                        Emit(span.Start, span.End, MetonymyRule, government, state, false, false);
                    else Candidate(span, government);
                    return false;
                }
                if (span.Has(AliasKind.DemonymPlural) && (!lexicon.DemonymNounNeedsCapital || _tokens[span.Start].IsCapitalized)
                    && span.Start > 0 && _tokens[span.Start - 1].IsWord && lexicon.PeopleDeterminers.Contains(_tokens[span.Start - 1].Folded))
                    Emit(span.Start, span.End, DemonymRule, state.ToActor(date), state, true, false);
                return false;
            }
            if (span.Get(AliasKind.Anaphor) is { } anaphor)
            {
                var armedOnly = anaphor.Target == "armed";
                if (Resolve(span.Start, s => armedOnly ? s.Armed : s.Group) is { } antecedent)
                    Emit(span.Start, span.End, CoreferenceRule, antecedent.Actor, antecedent.Definition, antecedent.Group, antecedent.Armed);
            }
            return false;
        }

        private int PreviousWordSkippingArticles(int index)
        {
            var k = index - 1;
            while (k >= 0 && _tokens[k].IsWord && lexicon.Articles.Contains(_tokens[k].Folded)) k--;
            return k >= 0 && _tokens[k].IsWord ? k : -1;
        }

        private bool PlaceBefore(int index)
        {
            var k = PreviousWordSkippingArticles(index);
            return k >= 0 && lexicon.PlaceBefore.Contains(_tokens[k].Folded);
        }

        private bool ActorVerbAfter(int index)
        {
            if (index >= _tokens.Count || !_tokens[index].IsWord || !lexicon.ActorVerbs.Contains(_tokens[index].Folded)) return false;
            var after = index + 1;
            return !(after < _tokens.Count && _tokens[after].IsWord && lexicon.PassiveMarkers.Contains(_tokens[after].Folded));
        }

        private void EmitQualified(int start, int end, GenericActor generic, string stateId, string rule)
        {
            var state = owner._data.Actors[stateId];
            Emit(start, end, rule, owner.Qualified(generic, state), state, generic.Group, false);
        }

        private const string PartyRole = "PTY";

        // A member noun right after the name ("Renamo official") or before it across a link and articles ("membre de la
        // Renamo").
        private bool NamesMember(Span span)
        {
            if (span.End < _tokens.Count && _tokens[span.End].IsWord && lexicon.MemberNouns.Contains(_tokens[span.End].Folded)) return true;
            var k = span.Start - 1;
            while (k >= 0 && _tokens[k].IsWord && lexicon.Articles.Contains(_tokens[k].Folded)) k--;
            if (k < 0 || !_tokens[k].IsWord || !lexicon.QualifierLinks.Contains(_tokens[k].Folded)) return false;
            k--;
            return k >= 0 && _tokens[k].IsWord && lexicon.MemberNouns.Contains(_tokens[k].Folded);
        }
    }
}
