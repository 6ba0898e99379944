using Xunit.Abstractions;

namespace Vigie.Geo.Tests;

/// <summary>Every place of the two seed samples (read from ../shared at test time).</summary>
public sealed class SampleTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("fr", "samples/fr/2021-08-afghanistan-talibans.txt",
        "Kandahar|AF|city", "Lashkar Gah|AF|city", "Hérat|AF|city", "Ghazni|AF|city", "Kaboul|AF|city|ref",
        "la capitale|AF|city", "États-Unis|US|country", "Washington|US|city", "aéroport international de la capitale|AF|point",
        "Qatar|QA|country", "Koweït|KW|country", "Doha|QA|city", "Afghanistan|AF|country", "Kunduz|AF|city")]
    [InlineData("en", "samples/en/2021-08-afghanistan-taliban.txt",
        "Kandahar|AF|city", "Lashkar Gah|AF|city", "Herat|AF|city", "Ghazni|AF|city", "Kabul|AF|city|ref",
        "United States|US|country", "Washington|US|city", "Qatar|QA|country", "Kuwait|KW|country", "Doha|QA|city",
        "Afghanistan|AF|country", "Kunduz|AF|city")]
    public void Sample_places(string lang, string relative, params string[] expected)
    {
        var shared = GeoData.Shared();
        if (shared is null || !File.Exists(Path.Combine(shared, relative)))
        {
            output.WriteLine($"skipped: ../shared/{relative} is absent");
            return;
        }
        var text = File.ReadAllText(Path.Combine(shared, relative));
        var found = GeoData.Recognizer.Recognize(text, lang);
        foreach (var m in found) output.WriteLine($"{m.Start} {m.Text} -> {m.Location.Name} {m.Location.Country} {m.Location.Precision} {m.Rule}");
        foreach (var e in expected)
        {
            var parts = e.Split('|');
            var reference = parts.Length > 3;
            Assert.Contains(found, m => m.Text == parts[0] && m.Location.Country == parts[1] && m.Location.Precision == parts[2]
                && Vigie.Geo.PlaceRecognizer.IsReference(m) == reference);
        }
        // No place outside the countries the article speaks of.
        Assert.All(found, m => Assert.Contains(m.Location.Country, new[] { "AF", "US", "QA", "KW" }));
    }
}
