using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigie.Core;

namespace Vigie.Text.Tests;

/// <summary>Runs every case of <c>data/lang/&lt;code&gt;/gold/{numbers,dates}.jsonl</c> as its own test.</summary>
public sealed class GoldTests
{
    private static readonly string[] Recognizers = ["numbers", "dates"];

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var dir in Directory.EnumerateDirectories(TestData.LangRoot).Order(StringComparer.Ordinal))
            foreach (var recognizer in Recognizers)
            {
                var file = Path.Combine(dir, "gold", recognizer + ".jsonl");
                if (!File.Exists(file)) continue;
                var line = 0;
                foreach (var text in File.ReadLines(file))
                {
                    line++;
                    if (text.Trim().Length > 0) data.Add(Path.GetFileName(dir), recognizer, line);
                }
            }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string language, string recognizer, int line)
    {
        var file = Path.Combine(TestData.LangRoot, language, "gold", recognizer + ".jsonl");
        var json = JsonNode.Parse(File.ReadLines(file).ElementAt(line - 1))!.AsObject();
        var text = (string)json["text"]!;
        var date = json["date"] is { } d ? PartialDate.Parse((string)d!) : (PartialDate?)null;
        var expected = json["expect"]!.AsArray();
        var analysis = TestData.Layer.Analyze(text, language, date);
        IReadOnlyList<Mention> actual = recognizer == "numbers" ? analysis.Numbers : analysis.Dates;
        var shown = string.Join("; ", actual.Select(Show));
        Assert.True(expected.Count == actual.Count, $"{file}:{line}: expected {expected.Count} mention(s), got {actual.Count}: {shown}");
        for (var k = 0; k < expected.Count; k++)
        {
            var e = expected[k]!.AsObject();
            var a = actual[k];
            Assert.True((string)e["text"]! == a.Text, $"{file}:{line}: mention {k}: expected text '{e["text"]}', got {shown}");
            if (a is NumberMention n) CheckNumber(e, n, $"{file}:{line}: {shown}");
            else if (a is DateMention m) CheckDate(e, m, $"{file}:{line}: {shown}");
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
