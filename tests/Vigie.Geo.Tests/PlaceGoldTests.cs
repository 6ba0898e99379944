using System.Text.Json;
using Vigie.Geo;
using Vigie.Testing;
using Xunit.Abstractions;

namespace Vigie.Geo.Tests;

/// <summary>Runs every case of data/lang/*/gold/places.jsonl as its own named test.</summary>
public sealed class PlaceGoldTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyDictionary<string, GoldCase> ById = GoldCases.Load(Path.Combine(GeoData.Root, "lang"), "places");

    public static TheoryData<string> Cases() => GoldCases.Ids(ById);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Place_case(string id)
    {
        var c = ById[id];
        var text = c.Text;
        var found = GeoData.Recognizer.Recognize(text, c.Language);
        foreach (var m in found) output.WriteLine($"{m.Text} -> {m.Location.Name} {m.Location.Country} {m.Location.Precision} {m.Rule}");
        var expected = c.Expect;
        Assert.Equal(expected.Select(e => e.GetProperty("text").GetString()).Order(), found.Select(m => m.Text).Order());
        foreach (var e in expected)
        {
            var m = found.First(f => f.Text == e.GetProperty("text").GetString());
            var country = e.GetProperty("country");
            Assert.Equal(country.ValueKind == JsonValueKind.Null ? null : country.GetString(), m.Location.Country);
            Assert.Equal(e.GetProperty("precision").GetString(), m.Location.Precision);
            var reference = e.TryGetProperty("reference", out var r) && r.GetBoolean();
            Assert.Equal(reference, PlaceRecognizer.IsReference(m));
            Assert.Equal(m.Text, text[m.Start..m.End]);
        }
    }

    [Fact]
    public void Every_language_has_place_gold_with_at_least_80_mentions()
    {
        foreach (var dir in Directory.GetDirectories(Path.Combine(GeoData.Root, "lang")))
        {
            if (!File.Exists(Path.Combine(dir, "geo-cues.tsv"))) continue;
            var gold = Path.Combine(dir, "gold", "places.jsonl");
            Assert.True(File.Exists(gold), $"{gold} is missing");
            var mentions = File.ReadLines(gold).Where(l => l.Length > 0)
                .Sum(l => JsonDocument.Parse(l).RootElement.GetProperty("expect").GetArrayLength());
            Assert.True(mentions >= 80, $"{gold}: only {mentions} mentions");
        }
    }
}
