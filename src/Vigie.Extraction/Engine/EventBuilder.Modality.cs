using Vigie.Core;
using Vigie.Extraction.Patterns;
using Vigie.Text;

namespace Vigie.Extraction.Engine;

// The modality of a draft from the words around its trigger.
internal sealed partial class EventBuilder
{
    // ---- modality ----

    /// <summary>The modality the words around the trigger give a draft; may set its claimant and lower its confidence.</summary>
    /// <param name="v">The sentence.</param>
    /// <param name="m">The rule match.</param>
    /// <param name="d">The draft, whose type, actors and claimant the claim rules read and set.</param>
    /// <param name="treeReads">The tree reads the trigger: it decides what is a purpose ("in an attempt to stop the
    /// crowd, police shot two people" tells of the shooting); word order decides only without it.</param>
    /// <param name="drop">Set when the words tell no event of their own (a purpose without the tree, a habit).</param>
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
        if (!EventTypeSemantics.IsSpeechAct(d.Type))
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
}
