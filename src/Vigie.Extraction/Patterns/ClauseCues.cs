using System.Collections.Frozen;
using Vigie.Text;
using YamlDotNet.RepresentationModel;

namespace Vigie.Extraction.Patterns;

/// <summary>The words that, in the dependency tree, give an event's clause its modality and its arguments
/// (<c>clauses.yaml</c>; the notation is documented in <c>data/lang/RULES.md</c>). Every set holds folded lemmas.</summary>
/// <param name="ConditionalMarks">Subordinators of a condition ("if", "si"): the clause they mark is conditional.</param>
/// <param name="ConditionalCases">Prepositions of a conditioned noun ("in case of", "en cas de", by their head word).</param>
/// <param name="Negators">Adverbs and determiners that negate their head ("not", "never", "no", "ne", "aucun").</param>
/// <param name="NegatingGovernors">Verbs whose complement did not happen ("fail to", "échouer à").</param>
/// <param name="ModalAuxiliaries">Auxiliaries of the future or of possibility ("will", "could").</param>
/// <param name="PlannedGovernors">Verbs of intent, plan, threat or warning whose complement is planned.</param>
/// <param name="DenialGovernors">Verbs whose complement is denied ("deny", "démentir").</param>
/// <param name="SpeechGovernors">Verbs of saying whose complement is reported speech.</param>
/// <param name="ClaimGovernors">Verbs whose complement is claimed by their subject ("claim", "revendiquer").</param>
/// <param name="AttributionCases">Prepositions naming a source ("according to", "selon").</param>
/// <param name="PurposeMarks">Subordinators of a purpose clause ("in order to", "pour", "afin de"): no event.</param>
/// <param name="PatientCases">Prepositions of an event noun's complement ("the capture of X", "la prise de X").</param>
/// <param name="LightVerbs">Verbs that report the event their object names ("carry out an attack", "mener une attaque").</param>
/// <param name="PlannedFeatures">Morphological features of a planned verb (French <c>Tense=Fut</c>, <c>Mood=Cnd</c>).</param>
/// <param name="HearsayCompound">A compound tense whose auxiliary has a planned feature reports hearsay, not a plan
/// (French "aurait tué").</param>
/// <param name="Victims">Verbs of harm whose victims the tree counts when no number does ("killed a priest").</param>
/// <param name="InclusionMarks">Words before a count that is part of an earlier one, not more of it ("7 people, including
/// one soldier", "5 morts, dont un enfant").</param>
/// <param name="GrievanceMarks">Prepositions that make an event noun what a protest or an outcry is against, its background
/// and not an event of its own ("a protest against attacks", "manifester contre les enlèvements").</param>
/// <param name="BareParticiplePassives">Verbs whose bare participle after its subject, with no auxiliary nor object, tells
/// what befell the subject, as headlines write it ("Journalist gunned down", "Un policier abattu").</param>
/// <param name="NoPassiveVerbs">Verbs that have no passive: a subject the parser labelled passive on one of them, with no
/// passive auxiliary, is the one who acts ("members of a militia clashed with the army").</param>
/// <param name="AffiliationWords">Participles and adjectives of affiliation: on a noun, their complement says whose the
/// noun's people are and belongs to the noun's clause ("gunmen belonging to al-Shabaab", "des hommes liés à l'EI").</param>
public sealed record ClauseCues(
    FrozenSet<string> ConditionalMarks,
    FrozenSet<string> ConditionalCases,
    FrozenSet<string> Negators,
    FrozenSet<string> NegatingGovernors,
    FrozenSet<string> ModalAuxiliaries,
    FrozenSet<string> PlannedGovernors,
    FrozenSet<string> DenialGovernors,
    FrozenSet<string> SpeechGovernors,
    FrozenSet<string> ClaimGovernors,
    FrozenSet<string> AttributionCases,
    FrozenSet<string> PurposeMarks,
    FrozenSet<string> PatientCases,
    FrozenSet<string> LightVerbs,
    IReadOnlyList<string> PlannedFeatures,
    bool HearsayCompound,
    VictimCues Victims,
    FrozenSet<string> BareParticiplePassives,
    FrozenSet<string> InclusionMarks,
    FrozenSet<string> GrievanceMarks,
    FrozenSet<string> NoPassiveVerbs,
    FrozenSet<string> AffiliationWords)
{
    private static readonly FrozenSet<string> Keys = new[]
    {
        "conditional_marks", "conditional_cases", "negators", "negating_governors", "modal_auxiliaries", "planned_governors",
        "denial_governors", "speech_governors", "claim_governors", "attribution_cases", "purpose_marks", "patient_cases",
        "light_verbs", "planned_features", "hearsay_compound", "fatal_verbs", "dying_verbs", "fatal_results", "injuring_verbs", "near_misses",
        "bare_participle_passives", "inclusion_marks", "grievance_marks", "no_passive_verbs", "affiliation_words",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>No cues: the tree gives no modality (a language without <c>clauses.yaml</c>).</summary>
    public static ClauseCues None { get; } = new([], [], [], [], [], [], [], [], [], [], [], [], [], [], false, VictimCues.None, [], [], [], [], []);

    /// <summary>Reads <c>clauses.yaml</c>; unknown keys and non-list values are <c>file:line</c> errors.</summary>
    public static ClauseCues Read(YamlMappingNode root, string rel)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var k in root.Children.Keys)
            if (!Keys.Contains(((YamlScalarNode)k).Value ?? ""))
                throw new FormatException($"{rel}:{k.Start.Line}: unknown key '{k}' (keys: {string.Join(", ", Keys.Order(StringComparer.Ordinal))}).");
        List<string> List(string key)
        {
            if (!root.Children.TryGetValue(new YamlScalarNode(key), out var n)) return [];
            if (n is not YamlSequenceNode seq) throw new FormatException($"{rel}:{n.Start.Line}: '{key}' is a list of words.");
            var list = new List<string>();
            foreach (var item in seq)
            {
                if (item is not YamlScalarNode { Value: { Length: > 0 } v }) throw new FormatException($"{rel}:{item.Start.Line}: '{key}' holds words only.");
                list.Add(v);
            }
            return list;
        }
        FrozenSet<string> Lemmas(string key) => List(key).Select(w => Folding.Fold(w)).ToFrozenSet(StringComparer.Ordinal);
        var features = List("planned_features");
        foreach (var f in features)
            if (!f.Contains('=', StringComparison.Ordinal)) throw new FormatException($"{rel}: planned feature '{f}' is not Name=Value.");
        var hearsay = root.Children.TryGetValue(new YamlScalarNode("hearsay_compound"), out var h) && h is YamlScalarNode { Value: "true" };
        return new ClauseCues(Lemmas("conditional_marks"), Lemmas("conditional_cases"), Lemmas("negators"), Lemmas("negating_governors"),
            Lemmas("modal_auxiliaries"), Lemmas("planned_governors"), Lemmas("denial_governors"), Lemmas("speech_governors"),
            Lemmas("claim_governors"), Lemmas("attribution_cases"), Lemmas("purpose_marks"), Lemmas("patient_cases"), Lemmas("light_verbs"),
            features, hearsay, new VictimCues(Lemmas("fatal_verbs"), Lemmas("dying_verbs"), Lemmas("fatal_results"), Lemmas("injuring_verbs"), Lemmas("near_misses")),
            Lemmas("bare_participle_passives"), Lemmas("inclusion_marks"), Lemmas("grievance_marks"), Lemmas("no_passive_verbs"), Lemmas("affiliation_words"));
    }
}

/// <summary>The verbs of harm whose victims the tree counts one by one when no number counts them (<c>clauses.yaml</c>).</summary>
/// <param name="FatalVerbs">Verbs whose object (or passive subject) dies: "kill", "behead", "tuer".</param>
/// <param name="DyingVerbs">Verbs whose subject dies: "die", "succumb", "mourir".</param>
/// <param name="FatalResults">Words that make any verb of harm fatal: "beaten to death", "shot dead", "battu à mort".</param>
/// <param name="InjuringVerbs">Verbs whose object (or passive subject) is wounded: "injure", "blesser".</param>
/// <param name="NearMisses">Adverbs of a harm that did not happen: "nearly killed", "presque tué".</param>
public sealed record VictimCues(FrozenSet<string> FatalVerbs, FrozenSet<string> DyingVerbs, FrozenSet<string> FatalResults, FrozenSet<string> InjuringVerbs,
    FrozenSet<string> NearMisses)
{
    /// <summary>No verbs of harm: the tree counts no victims.</summary>
    public static VictimCues None { get; } = new([], [], [], [], []);
}
