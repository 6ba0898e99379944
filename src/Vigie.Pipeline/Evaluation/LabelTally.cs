namespace Vigie.Pipeline.Evaluation;

/// <summary>Per-label precision, recall and F1 of (gold, predicted) pairs, and their support-weighted mean.</summary>
internal static class LabelTally
{
    /// <summary>One score per label among <paramref name="known"/> and those the rows use, in that order.</summary>
    public static List<LabelScore> Score(IEnumerable<string> known, IReadOnlyList<(string Gold, string Predicted)> rows)
    {
        var support = new Dictionary<string, int>(StringComparer.Ordinal);
        var predicted = new Dictionary<string, int>(StringComparer.Ordinal);
        var correct = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (g, p) in rows)
        {
            support[g] = support.GetValueOrDefault(g) + 1;
            predicted[p] = predicted.GetValueOrDefault(p) + 1;
            if (g == p) correct[g] = correct.GetValueOrDefault(g) + 1;
        }
        return known.Concat(rows.SelectMany(r => new[] { r.Gold, r.Predicted })).Distinct(StringComparer.Ordinal)
            .Select(l => new LabelScore(l, support.GetValueOrDefault(l), predicted.GetValueOrDefault(l), correct.GetValueOrDefault(l)))
            .ToList();
    }

    /// <summary>The mean of the labels' F1, each weighted by its support.</summary>
    public static double Weighted(IReadOnlyList<LabelScore> labels)
    {
        var support = labels.Sum(l => l.Support);
        return support == 0 ? 0 : labels.Sum(l => l.Support * l.F1) / support;
    }
}
