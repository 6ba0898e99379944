using Vigie.Core;
using Vigie.Extraction.Patterns;

namespace Vigie.Extraction.Engine;

/// <summary>The role a mention plays for an event's predicate, read from the relation that attaches it.</summary>
internal enum TreeRole
{
    /// <summary>Who acts: the subject of an active verb, the "by"/"par" agent, a possessor ("Russia's shelling").</summary>
    Agent,
    /// <summary>Who or what the act befalls: the object, the subject of a passive verb, the "of"/"de" complement of a noun.</summary>
    Patient,
    /// <summary>Any other dependent of the predicate's clause: an oblique or nominal modifier (places, dates, numbers).</summary>
    Other,
}

/// <summary>The arguments of one predicate in the tree: every mention of its own clause with its role, and whether the
/// clause names a subject or an object at all (so that the engine falls back on word order only where the tree is silent).</summary>
internal sealed class TreeArguments
{
    private TreeArguments(List<(MentionRef Mention, TreeRole Role)> mentions, bool hasSubject, bool hasObject, int clauseHead)
    {
        RoleWords = [];
        Mentions = mentions;
        HasSubject = hasSubject;
        HasObject = hasObject;
        ClauseHead = clauseHead;
    }

    /// <summary>The mentions of the predicate's clause, nearest to the predicate first, with their roles.</summary>
    public List<(MentionRef Mention, TreeRole Role)> Mentions { get; }

    /// <summary>The clause names who acts (a subject or agent word, an actor or not).</summary>
    public bool HasSubject { get; }

    /// <summary>The clause names what the act befalls.</summary>
    public bool HasObject { get; }

    /// <summary>The word whose clause the event is: the predicate, or the verb of which a predicate noun is an argument
    /// ("carried out an attack", "the attack killed five").</summary>
    public int ClauseHead { get; }

    /// <summary>The predicate is a passive verb.</summary>
    public bool Passive { get; private set; }

    /// <summary>The words that stand as agent or patient of the predicate's frame (mentions or not), nearest first.</summary>
    public List<(int Word, TreeRole Role)> RoleWords { get; private set; }

    /// <summary>The subject is a pronoun ("it had recaptured", "ils ont pris"): it names the actor said before.</summary>
    public bool PronounSubject { get; private set; }

    /// <summary>The first mention of a kind in a role, or null.</summary>
    public MentionRef? First(MentionKind kind, TreeRole role)
    {
        foreach (var (m, r) in Mentions)
            if (m.Kind == kind && r == role) return m;
        return null;
    }

    /// <summary>Every mention of a kind, in any role.</summary>
    public IEnumerable<MentionRef> All(MentionKind kind)
    {
        foreach (var (m, _) in Mentions)
            if (m.Kind == kind) yield return m;
    }

    /// <summary>Reads the arguments of the predicate standing at <paramref name="triggerToken"/>.</summary>
    /// <param name="tree">The sentence's tree.</param>
    /// <param name="view">The sentence's tokens and mentions.</param>
    /// <param name="triggerToken">The trigger's token in <paramref name="view"/>.</param>
    /// <param name="cues">The language's clause cues.</param>
    /// <param name="genitiveAgent">The "of" complement of an event noun of this type acts ("the withdrawal of US troops").</param>
    /// <param name="agentMarkers">The prepositions of an agent (the grammar's <c>agent_markers</c>: "by", "par").</param>
    public static TreeArguments Read(ClauseTree tree, SentenceView view, int triggerToken, ClauseCues cues, IReadOnlySet<string> agentMarkers, bool genitiveAgent)
    {
        var pred = tree.WordOf(triggerToken);
        var found = new List<(MentionRef, TreeRole, int Distance)>();
        if (pred < 0) return new TreeArguments([], false, false, -1);
        var nominal = tree.IsNominal(pred);
        // A predicate noun that is an argument of a verb reports that verb's event ("launched an attack on X").
        var frame = new List<int> { pred };
        var head = tree.Head(pred);
        var clauseHead = pred;
        var hasSubject = false;
        if (nominal && head >= 0 && (tree.IsVerbal(head) || tree.Upos(head) == Text.Syntax.Upos.ADJ)
            && (tree.Is(pred, "obj") || tree.Is(pred, "nsubj") || tree.Is(pred, "obl")))
        {
            // The verb's modality is the event's either way; its arguments are the event's unless the noun is merely
            // its object ("the UN condemned the attack"): a light verb or a claim ("carried out / claimed the attack").
            clauseHead = head;
            if (!tree.Is(pred, "obj") || cues.LightVerbs.Contains(tree.Lemma(head)) || cues.ClaimGovernors.Contains(tree.Lemma(head)))
                frame.Add(head);
            // "The attack killed five", "wounded by an IED": the event itself holds the subject's place.
            hasSubject = frame.Count > 1 && (tree.Relation(pred) == "obl:agent" || (tree.Relation(pred) == "nsubj" && !IsPassive(tree, head)));
        }
        var passive = !nominal && IsPassive(tree, pred);
        var hasObject = false;
        var roleWords = new List<(int Word, TreeRole Role)>();
        foreach (var f in frame)
            foreach (var c in tree.Children(f))
            {
                if (frame.Contains(c)) continue;
                var role = RoleOf(tree, c, f == pred ? nominal : false, f == pred ? passive : IsPassive(tree, f), cues, agentMarkers, genitiveAgent, f != pred);
                if (role == TreeRole.Agent) hasSubject = true;
                else if (role == TreeRole.Patient) hasObject = true;
                if (role != TreeRole.Other) roleWords.Add((c, role));
            }
        // A verb without its own subject takes its controller's or its first conjunct's ("tried to seize", "seized A and
        // burned B"); a participle modifying a noun acts through that noun ("rebels attacking the town").
        var inherited = -1;
        if (!nominal && !hasSubject && head >= 0 && (tree.Is(pred, "xcomp") || (tree.Is(pred, "conj") && tree.IsVerbal(head))))
            inherited = tree.Child(head, "nsubj");
        else if (!nominal && !hasSubject && head >= 0 && tree.Is(pred, "acl") && !passive) inherited = head;
        foreach (var m in view.Mentions)
        {
            var w = tree.HeadOfSpan(m.First, m.Last);
            if (w < 0 || frame.Contains(w)) continue;
            foreach (var f in frame)
            {
                var under = tree.Under(w, f);
                if (under < 0 || frame.Contains(under)) continue;
                var role = RoleOf(tree, under, f == pred ? nominal : false, f == pred ? passive : IsPassive(tree, f), cues, agentMarkers, genitiveAgent, f != pred);
                // Nearest dependent first; within one dependent, text order: "Twelve soldiers and three civilians were
                // killed" has the soldiers as its first victims.
                var at = tree.TokenOf(under);
                found.Add((m, role, at < 0 ? Math.Abs(m.First - triggerToken) : Math.Abs(at - triggerToken) * 1000 + m.First));
                break;
            }
            if (inherited >= 0 && (w == inherited || tree.Under(w, inherited) >= 0) && m.Kind == MentionKind.Actor)
            {
                found.Add((m, TreeRole.Agent, 1_000_000 + Math.Abs(m.First - triggerToken)));
                hasSubject = true;
            }
        }
        if (inherited >= 0)
        {
            hasSubject = true;
            roleWords.Add((inherited, TreeRole.Agent));
        }
        // "attacked a convoy, killing 12 soldiers": the victims of a participle clause without a subject of its own.
        if (!nominal)
            foreach (var c in tree.Children(pred))
            {
                if (!(tree.Is(c, "advcl") || tree.Is(c, "conj")) || !tree.IsVerbal(c) || tree.HasChild(c, "nsubj")) continue;
                foreach (var m in view.Mentions)
                {
                    if (m.Kind != MentionKind.Actor) continue;
                    var w = tree.HeadOfSpan(m.First, m.Last);
                    var under = w < 0 ? -1 : tree.Under(w, c);
                    if (under >= 0 && (tree.Is(under, "obj") || tree.Relation(under) == "nsubj:pass"))
                        found.Add((m, TreeRole.Patient, 500_000 + Math.Abs(m.First - triggerToken)));
                }
            }
        var subjectWord = nominal ? (tree.Is(pred, "nsubj") ? pred : -1) : tree.Child(pred, "nsubj");
        // "it had recaptured", "ses avions avaient frappé": a pronoun, or a noun a possessive pronoun determines.
        var pronoun = subjectWord >= 0 && (tree.Upos(subjectWord) == Text.Syntax.Upos.PRON
            || tree.Children(subjectWord).Any(c => tree.HasFeature(c, "Poss=Yes") && tree.Upos(c) is Text.Syntax.Upos.PRON or Text.Syntax.Upos.DET));
        var ordered = found.OrderBy(x => x.Item2 == TreeRole.Other ? 1 : 0).ThenBy(x => x.Distance).Select(x => (x.Item1, x.Item2)).ToList();
        roleWords.Sort((a, b) => Math.Abs(a.Word - pred).CompareTo(Math.Abs(b.Word - pred)));
        return new TreeArguments(ordered, hasSubject, hasObject, clauseHead) { PronounSubject = pronoun, Passive = passive, RoleWords = roleWords };
    }

    private static bool IsPassive(ClauseTree tree, int verb)
    {
        // A passive has its auxiliary or its agent; a subject labelled passive without either is trusted only where
        // the verb, like a headline's ("Five soldiers killed in attack"), has no object of its own or of a coordinated
        // verb ("The army killed and wounded scores…" is active).
        var subjectPass = false;
        var hasObject = false;
        foreach (var c in tree.Children(verb))
        {
            // A pronominal verb ("s'est emparée", "se sont retirés") acts, whatever the tagger made of its participle.
            if (tree.Relation(c) == "expl:pv") return false;
            if (tree.Relation(c) is "aux:pass" or "obl:agent") return true;
            if (tree.Relation(c) == "nsubj:pass") subjectPass = true;
            if (tree.Is(c, "obj") || (tree.Is(c, "conj") && tree.IsVerbal(c) && tree.HasChild(c, "obj"))) hasObject = true;
        }
        return subjectPass && !hasObject && !tree.HasChild(verb, "aux");
    }

    private static TreeRole RoleOf(ClauseTree tree, int dependent, bool nominal, bool passive, ClauseCues cues, IReadOnlySet<string> agentMarkers, bool genitiveAgent, bool lightVerb)
    {
        var rel = tree.Relation(dependent);
        if (rel == "obl:agent" || tree.HasMarker(dependent, agentMarkers, "case")) return TreeRole.Agent;
        if (nominal)
        {
            if (rel == "nmod:poss") return TreeRole.Agent;
            if (tree.Is(dependent, "nmod") && tree.HasMarker(dependent, cues.PatientCases, "case"))
                return genitiveAgent ? TreeRole.Agent : TreeRole.Patient;
            return TreeRole.Other;
        }
        if (rel == "nsubj:pass") return passive ? TreeRole.Patient : TreeRole.Agent;
        if (tree.Is(dependent, "nsubj")) return passive && !lightVerb ? TreeRole.Patient : TreeRole.Agent;
        if (tree.Is(dependent, "obj") || tree.Is(dependent, "iobj")) return TreeRole.Patient;
        return TreeRole.Other;
    }
}
