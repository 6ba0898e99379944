using Vigie.Core;

namespace Vigie.Pipeline.Evaluation;

/// <summary>Per-label figures of a classification run.</summary>
public sealed record LabelScore(string Label, int Support, int Predicted, int Correct)
{
    /// <summary>Correct / predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    /// <summary>Correct / support.</summary>
    public double Recall => Support == 0 ? 0 : (double)Correct / Support;

    /// <summary>Harmonic mean.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>CASE 2021 Task 2 figures (CONTRACT §4).</summary>
public sealed record CaseScore(int Rows, double MicroF1, double MacroF1, double WeightedF1, double WeightedF1Acled, IReadOnlyList<LabelScore> Labels);

/// <summary>Scores document classification on CASE 2021 Task 2 data.</summary>
public static class CaseScorer
{
    /// <summary>The 30 labels: ACLED's 25 sub-event types and five more.</summary>
    public static readonly IReadOnlyList<string> Labels =
    [
        "ARMED_CLASH", "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER",
        "CHEM_WEAP", "AIR_STRIKE", "SUIC_BOMB", "ART_MISS_ATTACK", "REM_EXPLOS", "GRENADE",
        "SEX_VIOL", "ATTACK", "ABDUCT_DISSAP",
        "PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST",
        "VIOL_DEMONSTR", "MOB_VIOL",
        "AGREEMENT", "ARREST", "CHANGE_TO_GROUP_ACT", "DISR_WEAP", "HQ_ESTABLISHED", "PROPERTY_DISTRUCT", "NON_VIOL_TERRIT_TRANSFER", "OTHER",
        "ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB",
    ];

    /// <summary>The five labels that are not ACLED sub-event types.</summary>
    public static readonly IReadOnlySet<string> NonAcled = new HashSet<string>(StringComparer.Ordinal)
        { "ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB" };

    /// <summary>A snippet's label: the CASE label of its highest-confidence event that has one, the earliest on a tie; OTHER when none.</summary>
    public static string Classify(IReadOnlyList<Event> events, EventTypeCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(catalog);
        string? best = null;
        var bestConfidence = double.NegativeInfinity;
        var bestStart = int.MaxValue;
        foreach (var e in events)
        {
            if (catalog.Find(e.Type)?.CaseLabelFor(e.Actor1?.Role) is not { } label) continue;
            var start = e.Evidence.Count > 0 ? e.Evidence[0].Start : int.MaxValue;
            if (e.Confidence > bestConfidence || (e.Confidence == bestConfidence && start < bestStart))
            {
                best = label;
                bestConfidence = e.Confidence;
                bestStart = start;
            }
        }
        return best ?? "OTHER";
    }

    /// <summary>Micro, macro and weighted F1 over the 30 labels, and weighted F1 over rows whose gold label is an ACLED one.</summary>
    /// <remarks>Macro F1 averages over the labels that occur in the gold or the predictions, as scikit-learn does by default.</remarks>
    public static CaseScore Score(IReadOnlyList<(string Gold, string Predicted)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var all = ScoreLabels(rows);
        var correct = rows.Count(r => r.Gold == r.Predicted);
        var micro = rows.Count == 0 ? 0 : (double)correct / rows.Count;
        var present = all.Where(l => l.Support > 0 || l.Predicted > 0).ToList();
        var macro = present.Count == 0 ? 0 : present.Average(l => l.F1);
        var weighted = Weighted(all);
        var acledRows = rows.Where(r => !NonAcled.Contains(r.Gold)).ToList();
        var weightedAcled = Weighted(ScoreLabels(acledRows));
        return new CaseScore(rows.Count, micro, macro, weighted, weightedAcled, all);
    }

    private static List<LabelScore> ScoreLabels(IReadOnlyList<(string Gold, string Predicted)> rows) => LabelTally.Score(Labels, rows);

    private static double Weighted(IReadOnlyList<LabelScore> labels) => LabelTally.Weighted(labels);
}
