using Vigie.Core;

namespace Vigie.Text.Tests;

public sealed class RobustnessTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("79228162514264337593543950335 milliards de dollars")]
    [InlineData("99999999999999999999999999999999999 soldats")]
    [InlineData("il y a 5000 ans, depuis 9999 ans, en 9999, le 31 février, 00/00/0000, 31/02/2021")]
    [InlineData("9999 years ago, since 1000 years, 2999-13-45, the 99th, -- ... ?! « » ( ) \u00ad\u0301")]
    [InlineData("\u0301\u0301 e\u0301\u0301\u0301 l' d' qu' 's n't '' - -- --- 1,,2 1..2 1//2 ,5 .5")]
    public void Odd_input_never_throws(string text)
    {
        foreach (var language in TestData.Layer.Languages)
            foreach (var date in new PartialDate?[] { null, PartialDate.Parse("2021"), PartialDate.Parse("2021-08"), PartialDate.Parse("2021-08-13") })
            {
                var a = TestData.Layer.Analyze(text, language, date);
                Assert.All(a.Tokens, t => Assert.InRange(t.Start, 0, text.Length));
                Assert.All(a.Numbers, n => Assert.True(n.Start < n.End && n.End <= text.Length));
                Assert.All(a.Dates, d => Assert.True(d.Start < d.End && d.End <= text.Length));
            }
    }

    [Fact]
    public void Random_word_salad_from_the_data_never_throws()
    {
        var words = new[]
        {
            "le", "1er", "premier", "août", "2021", "il", "y", "a", "deux", "jours", "depuis", "une", "semaine", "entre", "et", "à", "-",
            "8", "000", "8,000", "3.5", "million", "millions", "des", "centaines", "de", "mille", "cent", "vingt", "un", "jeudi",
            "dernier", "prochain", "hier", "la", "veille", "du", "au", "mi-août", "fin", "début", "last", "Thursday", "the", "3rd",
            "of", "August", "ago", "over", "past", "month", "between", "and", "to", "dozens", "hundreds", "thousand", "at", "least",
            "près", "d'", "jusqu'", "soldats", "tués", "killed", "troops", ",", ".", "?", "03/08/2021", "1990s", "années", "$", "%",
        };
        var random = new Random(42);
        for (var k = 0; k < 2000; k++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 25)).Select(_ => words[random.Next(words.Length)]));
            foreach (var language in TestData.Layer.Languages)
                TestData.Layer.Analyze(text, language, k % 2 == 0 ? PartialDate.Parse("2021-08-13") : PartialDate.Parse("2021-08"));
        }
    }

    [Fact]
    public void Analyze_is_thread_safe()
    {
        var text = "Près de 8 000 soldats sont arrivés jeudi dernier, il y a deux jours, le 31 août 2021.";
        var expected = TestData.Layer.Analyze(text, "fr", PartialDate.Parse("2021-08-13"));
        Parallel.For(0, 200, _ =>
        {
            var a = TestData.Layer.Analyze(text, "fr", PartialDate.Parse("2021-08-13"));
            Assert.Equal(expected.Tokens, a.Tokens);
            Assert.Equal(expected.Numbers, a.Numbers);
            Assert.Equal(expected.Dates, a.Dates);
        });
    }
}
