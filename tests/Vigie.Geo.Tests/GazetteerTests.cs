using System.Diagnostics;
using Vigie.Geo;
using Xunit.Abstractions;

namespace Vigie.Geo.Tests;

public sealed class GazetteerTests(ITestOutputHelper output)
{
    [Fact]
    public void Loads_every_place()
    {
        var sw = Stopwatch.StartNew();
        var g = Gazetteer.Load(Path.Combine(GeoData.Root, "geo", "gazetteer.bin"));
        sw.Stop();
        output.WriteLine($"{g.Count} places, {g.NameCount} names in {sw.ElapsedMilliseconds} ms");
        Assert.True(g.Count > 150_000);
        // The load time is printed, not asserted: tests never assert on timings (bench measures speed).
    }

    [Fact]
    public void Missing_file_says_how_to_build_it()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => Gazetteer.Load("/nonexistent/gazetteer.bin"));
        Assert.Contains("tools/gazetteer/build.sh", ex.Message);
    }

    [Theory]
    [InlineData("Kaboul", 1138958L)]
    [InlineData("Mazar-e Charif", 1133616L)]
    [InlineData("Lashkar Gah", 1134720L)]
    [InlineData("Sar-e Pul", 1127110L)]
    [InlineData("Djalalabad", 1139715L)]
    public void French_and_variant_names_reach_the_GeoNames_place(string name, long geonamesId) =>
        Assert.Contains(GeoData.Recognizer.Gazetteer.Lookup(name), p => p.GeonamesId == geonamesId);

    [Fact]
    public void All_34_Afghan_provincial_capitals_are_flagged()
    {
        var g = GeoData.Recognizer.Gazetteer;
        var count = Enumerable.Range(0, g.Count).Count(i => g[i].Country == "AF" && (g[i].Flags & PlaceFlags.ProvincialCapital) != 0);
        Assert.Equal(34, count);
    }

    [Fact]
    public void Countries_capitals_and_airports()
    {
        var g = GeoData.Recognizer.Gazetteer;
        Assert.Equal("Afghanistan", g.Country("AF")!.Value.Name);
        Assert.Equal(1138958L, g.CapitalOf("AF")!.Value.GeonamesId);
        Assert.Contains(g.AirportsOf(1138958), a => a.Name == "Hamid Karzai International Airport");
    }
}
