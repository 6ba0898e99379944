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
        var seen = new Dictionary<string, int>();
        foreach (var e in expected)
        {
            // The n-th expectation of a text is its n-th mention ("Athens, Ga." and "Athens, Greece").
            var text0 = e.GetProperty("text").GetString()!;
            var nth = seen[text0] = seen.GetValueOrDefault(text0) + 1;
            var m = found.Where(f => f.Text == text0).OrderBy(f => f.Start).ElementAt(nth - 1);
            var country = e.GetProperty("country");
            Assert.Equal(country.ValueKind == JsonValueKind.Null ? null : country.GetString(), m.Location.Country);
            Assert.Equal(e.GetProperty("precision").GetString(), m.Location.Precision);
            // Optional: the point ("near": [lat, lon], within 50 km) and the admin-1 unit.
            if (e.TryGetProperty("near", out var near))
            {
                var km = Vigie.Core.GeoMath.DistanceKm(near[0].GetDouble(), near[1].GetDouble(), m.Location.Lat, m.Location.Lon);
                Assert.True(km <= 50, $"{m.Text}: {km:0} km from the expected point");
            }
            if (e.TryGetProperty("admin1", out var admin1)) Assert.Equal(admin1.GetString(), m.Location.Admin1);
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
