using Vigie.Ingest;
using Vigie.Testing;
using Vigie.Text;

namespace Vigie.Ingest.Tests;

public sealed class LanguageIdentificationTests
{
    private readonly LanguageIdentifier _identifier = LanguageIdentifier.Load(DataPaths.Root);

    [Theory]
    [InlineData("Les forces afghanes se sont retirées de la ville après des combats.", "fr")]
    [InlineData("The Afghan forces withdrew from the city after heavy fighting.", "en")]
    [InlineData("Die afghanischen Truppen haben sich aus der Stadt zurückgezogen.", "other")]
    [InlineData("Las fuerzas afganas se retiraron de la ciudad.", "other")]
    [InlineData("12 345 678", "other")]
    public void Identifies_french_english_and_other(string text, string expected) =>
        Assert.Equal(expected, _identifier.Identify(text));

    [SharedFact]
    public void Identifies_at_least_99_percent_of_the_news_corpus()
    {
        var news = SharedFiles.Path("corpus", "news");
        var reader = new DocumentReader(_identifier);
        var rows = File.ReadAllLines(Path.Combine(news, "index.tsv")).Skip(1).Select(l => l.Split('\t')).ToList();
        var right = 0;
        foreach (var row in rows)
        {
            var doc = ((AcceptedDocument)reader.Read([Path.Combine(news, row[0])]).Single()).Document;
            if (doc.Language == row[2]) right++;
        }
        Assert.True(right >= 0.99 * rows.Count, $"{right} of {rows.Count} right");
    }
}
