using Vigie.Testing;
using Xunit.Abstractions;

namespace Vigie.Geo.Tests;

/// <summary>The places of the seed samples (read from ../shared at test time) that <c>data/lang/*/gold/samples.jsonl</c> expects.</summary>
public sealed class SampleTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyDictionary<string, GoldCase> Samples = GoldCases.Samples(Path.Combine(GeoData.Root, "lang"), "places");

    public static TheoryData<string> PlaceSamples() => GoldCases.Ids(Samples);

    [Theory]
    [MemberData(nameof(PlaceSamples))]
    public void Sample_places(string id)
    {
        var c = Samples[id];
        var relative = c.Field("sample")!;
        var shared = GeoData.Shared();
        if (shared is null || !File.Exists(Path.Combine(shared, relative)))
        {
            output.WriteLine($"skipped: ../shared/{relative} is absent");
            return;
        }
        var text = File.ReadAllText(Path.Combine(shared, relative));
        var found = GeoData.Recognizer.Recognize(text, c.Language);
        foreach (var m in found) output.WriteLine($"{m.Start} {m.Text} -> {m.Location.Name} {m.Location.Country} {m.Location.Precision} {m.Rule}");
        foreach (var e in c.Expect)
        {
            var reference = e.TryGetProperty("reference", out var r) && r.GetBoolean();
            Assert.True(found.Any(m => m.Text == e.GetProperty("text").GetString() && m.Location.Country == e.GetProperty("country").GetString()
                && m.Location.Precision == e.GetProperty("precision").GetString() && PlaceRecognizer.IsReference(m) == reference), $"{c.Where}: {e} not found");
        }
        // No place outside the countries the article speaks of.
        var countries = c.Case.GetProperty("countries").EnumerateArray().Select(x => x.GetString()).ToList();
        Assert.All(found, m => Assert.Contains(m.Location.Country, countries));
    }
}
