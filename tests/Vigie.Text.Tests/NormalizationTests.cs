namespace Vigie.Text.Tests;

public sealed class NormalizationTests
{
    [Fact]
    public void Normalizes_typography_and_keeps_a_map_to_the_original()
    {
        var original = "l\u2019arm\u00e9e \u00ab isolement \u00bb 8\u202f000 co\u00adop e\u0301te\u0301";
        var n = Normalizer.Normalize(original);
        Assert.Equal("l'armée \" isolement \" 8 000 coop été", n.Text);
        Assert.Equal(n.Text.Length + 1, n.Map.Length);
        var start = n.Text.IndexOf("coop", StringComparison.Ordinal);
        Assert.Equal("co\u00adop", original[n.ToOriginal(start)..n.ToOriginal(start + 4)]);
        var ete = n.Text.IndexOf("été", StringComparison.Ordinal);
        Assert.Equal("e\u0301te\u0301", original[n.ToOriginal(ete)..n.ToOriginal(ete + 3)]);
    }

    [Theory]
    [InlineData("Élysée", "elysee")]
    [InlineData("ŒUVRE", "oeuvre")]
    [InlineData("Straße", "strasse")]
    [InlineData("l\u2019avant\u2011hier", "l'avant-hier")]
    [InlineData("co\u00adop", "coop")]
    [InlineData("Kaboul", "kaboul")]
    [InlineData("Ñandú Çà", "nandu ca")]
    public void Folding_lowers_and_removes_accents(string input, string folded) => Assert.Equal(folded, Folding.Fold(input));
}
