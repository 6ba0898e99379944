using Vigie.Pipeline.Evaluation;

namespace Vigie.Pipeline.Tests;

/// <summary>Runs the pipeline on the seed samples and scores them against ../shared/gold (CONTRACT §4).</summary>
public sealed class SampleGoldTests
{
    [SharedFact]
    public void French_sample_meets_the_gold_targets() => Check("fr/2021-08-afghanistan-talibans");

    [SharedFact]
    public void English_sample_meets_the_gold_targets() => Check("en/2021-08-afghanistan-taliban");

    private static void Check(string name)
    {
        var shared = TestData.Shared!;
        var file = Path.Combine(shared, "gold", name + ".gold.json");
        var gold = GoldFile.Parse(File.ReadAllText(file));
        var doc = TestData.ReadDated(Path.Combine(shared, gold.Document), name, name[..2]);
        var analysis = TestData.Analyzer.Analyze(doc);
        var r = GoldScorer.Score(file, gold, doc.Text, analysis.Events);
        var report = string.Join("\n", r.Missed.Select(m => "MISSED " + m).Concat(r.FalsePositives.Select(f => "EXTRA " + f)).Concat(r.Violations.Select(v => "VIOLATION " + v)));
        Assert.True(r.F1 >= 0.9, $"F1 {r.F1:F3}\n{report}");
        Assert.True(r.Date.Value >= 0.9, $"date accuracy {r.Date.Value:F2}\n{report}");
        Assert.True(r.Modality.Value >= 0.9, $"modality accuracy {r.Modality.Value:F2}\n{report}");
        Assert.True(r.Quantities.Value >= 0.9, $"quantity accuracy {r.Quantities.Value:F2}\n{report}");
        Assert.Empty(r.Violations);
    }
}
