using Vigie.Core;

namespace Vigie.Pipeline.Tests;

/// <summary>The states of a document's actors help its places pick the country (Analyzer: actors, then places).</summary>
public sealed class ActorCountryPlaceTests
{
    private static List<PlaceMention> Places(string text, string language) =>
        [.. TestData.Analyzer.Analyze(new Document("d-" + language, text, PartialDate.Parse("2020-05-10"), language)).Mentions.OfType<PlaceMention>()];

    [Theory]
    [InlineData("RENAMO gunmen attacked a bus in Palma.", "en", "Palma", "MZ")]
    [InlineData("On 3 May, ASWJ insurgents attacked the village of Cogolo.", "en", "Cogolo", "MZ")]
    [InlineData("Des hommes armés de la Renamo ont attaqué un autobus à Palma.", "fr", "Palma", "MZ")]
    public void A_far_namesake_gives_way_to_the_country_of_a_home_actor(string text, string language, string name, string country)
    {
        var place = Assert.Single(Places(text, language), p => p.Text == name);
        Assert.Equal(country, place.Location.Country);
        Assert.Equal("country", place.Location.Precision);
    }

    [Theory]
    // An army acts abroad: French troops say nothing of where Gao is.
    [InlineData("French troops attacked jihadists near Gao.", "en", "Gao", "ML")]
    // A town across the border stays where it is.
    [InlineData("Zambians assaulted DRC civilians in Kitwe.", "en", "Kitwe", "ZM")]
    // A capital or a big city keeps its entry whoever acts.
    [InlineData("RENAMO leaders met diplomats in Lisbon.", "en", "Lisbon", "PT")]
    public void A_place_the_text_can_mean_keeps_its_entry(string text, string language, string name, string country)
    {
        var place = Assert.Single(Places(text, language), p => p.Text == name);
        Assert.Equal(country, place.Location.Country);
    }
}
