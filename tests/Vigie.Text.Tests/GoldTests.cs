using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigie.Core;
using Vigie.Testing;

namespace Vigie.Text.Tests;

/// <summary>Runs every case of <c>data/lang/&lt;code&gt;/gold/{numbers,dates}.jsonl</c> as its own test.</summary>
public sealed class GoldTests
{
    private static readonly string[] Recognizers = ["numbers", "dates"];

    private static readonly Dictionary<string, GoldCase> AllCases =
        Recognizers.SelectMany(r => GoldCases.Load(TestData.LangRoot, r)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    public static TheoryData<string> Cases() => GoldCases.Ids(AllCases);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string id)
    {
        var c = AllCases[id];
        var expected = c.Expect;
        var analysis = TestData.Layer.Analyze(c.Text, c.Language, c.Date);
        IReadOnlyList<Mention> actual = c.Recognizer == "numbers" ? analysis.Numbers : analysis.Dates;
        var shown = string.Join("; ", actual.Select(Show));
        Assert.True(expected.Count == actual.Count, $"{c.Where}: expected {expected.Count} mention(s), got {actual.Count}: {shown}");
        for (var k = 0; k < expected.Count; k++)
        {
            var e = JsonObject.Create(expected[k])!;
            var a = actual[k];
            Assert.True((string)e["text"]! == a.Text, $"{c.Where}: mention {k}: expected text '{e["text"]}', got {shown}");
            if (a is NumberMention n) CheckNumber(e, n, $"{c.Where}: {shown}");
            else if (a is DateMention m) CheckDate(e, m, $"{c.Where}: {shown}");
        }
    }

    private static string Show(Mention m) => m switch
    {
        NumberMention n => $"'{n.Text}' {n.Quantity.Low}-{n.Quantity.High} approx={n.Quantity.Approximate} lower={n.Quantity.LowerBound} upper={n.Quantity.UpperBound} unit={n.Quantity.Kind}",
        DateMention d => $"'{d.Text}' {d.Date.Value} {d.Date.Precision} weekday={d.Date.Weekday} end={d.Date.End}",
        _ => m.Text,
    };

    private static void CheckNumber(JsonObject e, NumberMention n, string where)
    {
        Assert.True(Dec(e["low"]) == n.Quantity.Low && Dec(e["high"]) == n.Quantity.High, $"{where}: low/high");
        Assert.True((bool)e["approximate"]! == n.Quantity.Approximate, $"{where}: approximate");
        Assert.True((bool)e["lower_bound"]! == n.Quantity.LowerBound, $"{where}: lower_bound");
        Assert.True((bool)e["upper_bound"]! == n.Quantity.UpperBound, $"{where}: upper_bound");
        if (e.ContainsKey("unit")) Assert.True((string?)e["unit"] == n.Quantity.Kind, $"{where}: unit");
    }

    private static void CheckDate(JsonObject e, DateMention m, string where)
    {
        Assert.True((string)e["value"]! == m.Date.Value, $"{where}: value");
        var precision = JsonSerializer.Serialize(m.Date.Precision).Trim('"');
        Assert.True((string)e["precision"]! == precision, $"{where}: precision");
        Assert.True((string?)e["weekday"] == m.Date.Weekday, $"{where}: weekday");
        Assert.True((string?)e["end"] == m.Date.End, $"{where}: end");
    }

    private static decimal Dec(JsonNode? node) => decimal.Parse(node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The families of date and number expressions every language covers, each with its own cases and negatives.</summary>
    private static readonly Dictionary<string, string[]> Families = new(StringComparer.Ordinal)
    {
        ["dates"] = ["case-abbrev", "ranges", "relative", "weekdays", "positions", "numeric-words", "holidays"],
        ["numbers"] = ["numbers-forms", "numbers-kind"],
    };

    [Fact]
    public void Every_case_has_a_family_and_every_family_has_forty_cases_with_negatives()
    {
        foreach (var (recognizer, families) in Families)
            foreach (var code in TestData.Layer.Languages)
            {
                var cases = AllCases.Values.Where(c => c.Recognizer == recognizer && c.Language == code).ToList();
                Assert.All(cases, c => Assert.False(string.IsNullOrEmpty(c.Family), $"{c.Where}: no family"));
                foreach (var family in families)
                {
                    var of = cases.Where(c => c.Family == family).ToList();
                    Assert.True(of.Count >= 40, $"{code}/{recognizer}/{family}: only {of.Count} cases");
                    Assert.True(of.Any(c => c.Expect.Count == 0), $"{code}/{recognizer}/{family}: no negative case");
                }
            }
    }

    [Fact]
    public void Every_language_has_gold_for_every_recognizer()
    {
        foreach (var code in TestData.Layer.Languages)
            foreach (var recognizer in Recognizers)
            {
                var file = Path.Combine(TestData.LangRoot, code, "gold", recognizer + ".jsonl");
                Assert.True(File.Exists(file), $"{file} is missing");
                var cases = File.ReadLines(file).Count(l => l.Trim().Length > 0);
                Assert.True(cases >= 50, $"{file}: only {cases} cases");
                Assert.Contains(File.ReadLines(file), l => l.Contains("\"expect\": []", StringComparison.Ordinal));
            }
    }
}
