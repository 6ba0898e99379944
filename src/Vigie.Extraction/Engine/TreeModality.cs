using Vigie.Core;
using Vigie.Extraction.Patterns;

namespace Vigie.Extraction.Engine;

/// <summary>How a clause is reported: its modality from the clauses above it, and who says so.</summary>
/// <param name="Modality">Asserted, planned, conditional, negated, denied or question; a claim is decided by the engine
/// from <paramref name="Speech"/> and whether the speaker is a party to the event.</param>
/// <param name="Speech">The clause is reported speech: <c>None</c>, <c>Said</c> (a verb of saying or "according to"),
/// <c>Claimed</c> (a verb of claiming), <c>Denied</c>.</param>
/// <param name="Speaker">The word of the speaker (subject of the verb of saying, object of "according to"), or -1.</param>
/// <param name="Purpose">The clause is the purpose of another ("in order to attack"): it reports no event.</param>
internal readonly record struct ClauseReading(Modality Modality, SpeechKind Speech, int Speaker, bool Purpose);

/// <summary>What kind of report a clause is under.</summary>
internal enum SpeechKind
{
    /// <summary>The text's own voice.</summary>
    None,
    /// <summary>Said or reported by someone.</summary>
    Said,
    /// <summary>Claimed by someone.</summary>
    Claimed,
    /// <summary>Denied by someone.</summary>
    Denied,
}

/// <summary>Reads a clause's modality from the tree (CONTRACT §2): a condition's subordinator, a negation, a modal
/// auxiliary or future tense, a governing verb of intent, denial or saying, climbing from the clause through the verbs
/// that control it ("did not try to take", "warned that they could take") and stopping at the first report.</summary>
internal static class TreeModality
{
    /// <summary>The modality, and the report it is told under, of the predicate's clause.</summary>
    /// <param name="tree">The sentence's tree.</param>
    /// <param name="predicate">The predicate's word, or -1 when the tree has none for the trigger.</param>
    /// <param name="clauseHead">The word whose clause the event is (<see cref="TreeArguments.ClauseHead"/>).</param>
    /// <param name="cues">The language's clause cues.</param>
    /// <param name="verbInMatch">The rule matched the verb of which the predicate noun is the subject ("warplanes …
    /// bomb"): that verb tells the event, so its negation counts.</param>
    public static ClauseReading Read(ClauseTree tree, int predicate, int clauseHead, ClauseCues cues, bool verbInMatch)
    {
        var conditional = false;
        var negated = false;
        var planned = false;
        var purpose = false;
        var speech = SpeechKind.None;
        var speaker = -1;
        if (predicate >= 0 && tree.IsNominal(predicate))
        {
            negated |= tree.HasMarker(predicate, cues.Negators, "det", "advmod");
            conditional |= tree.HasMarker(predicate, cues.ConditionalCases, "case");
        }
        if (predicate >= 0 && clauseHead != predicate)
        {
            // An event noun as the object of a verb of intent, claim or denial ("claimed the capture of X", "announced the
            // evacuation"), or as the subject of one ("the withdrawal is due / expected"), takes that verb's reading.
            var g = tree.Lemma(clauseHead);
            if (cues.PlannedGovernors.Contains(g)) planned = true;
            else if (tree.Is(predicate, "obj") && Report(g, cues) is var k and not SpeechKind.None)
            {
                speech = k;
                speaker = Subject(tree, clauseHead);
            }
        }
        if (speech == SpeechKind.None) (speech, speaker) = InsertedReport(tree, predicate, clauseHead, cues);
        var node = clauseHead;
        // "The talks did not produce progress": the talks took place; a negated verb negates its object noun only.
        var complement = false;
        var own = verbInMatch || !(predicate >= 0 && clauseHead != predicate && tree.Is(predicate, "nsubj"));
        for (var steps = 0; node >= 0 && steps < 12; steps++)
        {
            // Above a complement clause ("set to clarify that the rapes…") only a report reaches the event.
            if (!complement)
            {
                conditional |= tree.HasMarker(node, cues.ConditionalMarks, "mark");
                if (own) negated |= tree.HasMarker(node, cues.Negators, "advmod", "det");
                planned |= tree.HasMarker(node, cues.ModalAuxiliaries, "aux") || HasPlannedFeature(tree, node, cues);
            }
            var head = tree.Head(node);
            if (head < 0) break;
            if (tree.Is(node, "xcomp"))
            {
                // Control: "tried to seize", "refused to attack", "vowed to retake" — the governor's reading applies;
                // a verb of saying reports a perfect infinitive ("claimed to have taken", "a démenti avoir bombardé").
                var g = tree.Lemma(head);
                if (cues.NegatingGovernors.Contains(g) && !complement) negated = true;
                var report = Report(g, cues);
                var perfect = tree.HasChild(node, "aux");
                if (report != SpeechKind.None && speech == SpeechKind.None && (perfect || !cues.PlannedGovernors.Contains(g)))
                {
                    speech = report;
                    speaker = Subject(tree, head);
                    node = head;
                    own = false;
                    break;
                }
                if (cues.PlannedGovernors.Contains(g) && !complement) planned = true;
                node = head;
                continue;
            }
            if (tree.Is(node, "advcl") && node == clauseHead && tree.HasMarker(node, cues.PurposeMarks, "mark")) purpose = true;
            // An infinitive clause of a noun ("an attempt to seize the town", "une tentative pour reprendre") says what
            // was sought, not what happened.
            if (tree.Is(node, "acl") && node == clauseHead && tree.IsNominal(head) && tree.HasChild(node, "mark") && tree.HasFeature(node, "VerbForm=Inf")) purpose = true;
            if (tree.Is(node, "ccomp") || tree.Is(node, "csubj"))
            {
                var g = tree.Lemma(head);
                var k = Report(g, cues);
                if (k != SpeechKind.None && speech == SpeechKind.None)
                {
                    speech = k;
                    speaker = Subject(tree, head);
                    break;
                }
                if (cues.PlannedGovernors.Contains(g) && !complement) planned = true;
                node = head;
                own = false;
                complement = true;
                continue;
            }
            if (tree.Is(node, "acl") && tree.IsVerbal(node) && tree.HasChild(node, "mark") && tree.Is(head, "obj") && tree.Head(head) >= 0)
            {
                // A content clause of a noun that a verb of saying or denial governs ("rejected claims that they had
                // attacked", "a démenti les informations selon lesquelles…").
                var verb = tree.Head(head);
                var k = Report(tree.Lemma(verb), cues);
                if (k != SpeechKind.None && speech == SpeechKind.None)
                {
                    speech = k;
                    speaker = Subject(tree, verb);
                }
                break;
            }
            if (tree.Is(node, "conj") && tree.IsVerbal(head))
            {
                // "will attack and seize": the first verb's auxiliaries and reports hold for the second.
                node = head;
                own = false;
                continue;
            }
            break;
        }
        var modality = conditional ? Modality.Conditional
            : negated ? Modality.Negated
            : speech == SpeechKind.Denied ? Modality.Denied
            : planned ? Modality.Planned
            : Modality.Asserted;
        return new ClauseReading(modality, speech, speaker, purpose);
    }

    /// <summary>A report inserted in the clause wherever the parser hung it: a verb of saying in parenthesis ("…, witnesses
    /// said", "…, ont indiqué des témoins") or a source after "according to / selon", attached to a word of the clause.</summary>
    private static (SpeechKind, int) InsertedReport(ClauseTree tree, int predicate, int clauseHead, ClauseCues cues)
    {
        bool InClause(int w) => w == clauseHead || w == predicate || (w >= 0 && (tree.Under(w, clauseHead) >= 0 || (predicate >= 0 && tree.Under(w, predicate) >= 0)));
        for (var w = 0; w < tree.Count; w++)
        {
            var head = tree.Head(w);
            if (head < 0 || !InClause(head)) continue;
            if ((tree.Is(w, "parataxis") || (tree.Is(w, "advcl") && !tree.HasChild(w, "mark"))) && Report(tree.Lemma(w), cues) is var k and not SpeechKind.None)
            {
                var s = Subject(tree, w);
                // "…, witnesses said" parsed as two siblings: the noun right before the verb speaks.
                if (s < 0 && w > 0 && tree.IsNominal(w - 1) && tree.Head(w - 1) == head) s = w - 1;
                return (k, s);
            }
            if (tree.IsNominal(w) && tree.HasMarker(w, cues.AttributionCases, "case")) return (SpeechKind.Said, w);
        }
        return (SpeechKind.None, -1);
    }

    private static SpeechKind Report(string lemma, ClauseCues cues) =>
        cues.DenialGovernors.Contains(lemma) ? SpeechKind.Denied
        : cues.ClaimGovernors.Contains(lemma) ? SpeechKind.Claimed
        : cues.SpeechGovernors.Contains(lemma) ? SpeechKind.Said
        : SpeechKind.None;

    /// <summary>Who speaks: the subject of an active verb of saying, the agent of a passive one; for an inserted verb
    /// of saying, which reports the clause around it and has no object of its own, a noun read as its object is the
    /// inverted subject ("…, a affirmé le ministère", "…, said the spokesman").</summary>
    private static int Subject(ClauseTree tree, int verb)
    {
        var s = -1;
        var o = -1;
        foreach (var c in tree.Children(verb))
        {
            if (tree.Relation(c) == "obl:agent") return c;
            if (tree.Is(c, "nsubj") && s < 0) s = c;
            if (tree.Is(c, "obj") && o < 0) o = c;
        }
        if (s >= 0) return s;
        if (!(tree.Is(verb, "parataxis") || tree.Is(verb, "advcl"))) return -1;
        if (o >= 0) return o;
        // "…, residents told reporters": a noun right before an inserted verb of saying, whatever its label, speaks.
        foreach (var c in tree.Children(verb))
            if (c < verb && tree.IsNominal(c) && !tree.Is(c, "iobj")) s = c;
        return s;
    }

    private static bool HasPlannedFeature(ClauseTree tree, int verb, ClauseCues cues)
    {
        if (cues.PlannedFeatures.Count == 0) return false;
        foreach (var f in cues.PlannedFeatures)
            if (tree.HasFeature(verb, f)) return true;
        // A compound tense: "aura pris" is planned, "aurait pris" reports hearsay.
        var participle = tree.HasFeature(verb, "VerbForm=Part");
        foreach (var c in tree.Children(verb))
        {
            if (!tree.Is(c, "aux")) continue;
            foreach (var f in cues.PlannedFeatures)
                if (tree.HasFeature(c, f) && !(cues.HearsayCompound && participle && f.StartsWith("Mood=", StringComparison.Ordinal))) return true;
        }
        return false;
    }
}
