using Vigie.Core;
using Vigie.Text;

namespace Vigie.Pipeline.Tests;

/// <summary>A child language (a test fixture <c>fr-CA</c> with <c>parent: fr</c> and nothing else) inherits every part
/// of its parent: numbers and dates, places, actors and event patterns; a file it does have replaces its parent's.</summary>
public sealed class LanguagePackTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "vigie-pack-" + Guid.NewGuid().ToString("N"));

    public LanguagePackTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "lang"));
        foreach (var shared in new[] { "actors", "geo", "langid" })
            Directory.CreateSymbolicLink(Path.Combine(_root, shared), Path.Combine(TestData.DataRoot, shared));
        Directory.CreateSymbolicLink(Path.Combine(_root, "lang", "fr"), Path.Combine(TestData.DataRoot, "lang", "fr"));
        var child = Path.Combine(_root, "lang", "fr-CA");
        Directory.CreateDirectory(child);
        File.WriteAllText(Path.Combine(child, "lang.yaml"), "code: fr-CA\nname: français du Canada\nparent: fr\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_child_language_inherits_every_part()
    {
        var analyzer = Analyzer.Create(_root);
        const string text = "Les talibans se sont emparés de Kunduz dimanche, selon des responsables. Près de 3 000 soldats ont fui.";
        var result = analyzer.Analyze(new Document("d1", text, PartialDate.Parse("2021-08-09"), "fr-CA"));
        Assert.Equal("fr-CA", result.Document.Language);
        Assert.Contains(result.Mentions, m => m is NumberMention { Quantity.Low: 3000m });
        Assert.Contains(result.Mentions, m => m is DateMention { Date.Value: "2021-08-08" });
        Assert.Contains(result.Mentions, m => m is PlaceMention { Text: "Kunduz" });
        Assert.Contains(result.Mentions, m => m is ActorMention { Actor.Id: "taliban" });
        var taken = Assert.Single(result.Events, e => e.Type == "territory_taken");
        Assert.Equal("fr-CA", taken.Language);
        Assert.StartsWith("fr/", taken.Evidence[0].Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_the_child_replaces_its_parents()
    {
        var child = Path.Combine(_root, "lang", "fr-CA");
        File.WriteAllText(Path.Combine(child, "stopwords.txt"), "# one word only\nboutte\n");
        var packs = LanguagePacks.Load(_root);
        Assert.Equal(["fr-CA", "fr"], packs.Find("fr-CA")!.Chain);
        Assert.Equal(Path.Combine(child, "stopwords.txt"), packs.Find("fr-CA")!.Find("stopwords.txt"));
        Assert.Equal(Path.Combine(_root, "lang", "fr", "months.tsv"), packs.Find("fr-CA")!.Find("months.tsv"));
        Assert.Contains(packs.Find("fr-CA")!.FindAll("patterns*.yaml"), f => f.StartsWith(Path.Combine(_root, "lang", "fr"), StringComparison.Ordinal));
        Assert.NotEmpty(packs.Find("fr-CA")!.Lexicon.Lookup("emparaient").ToArray());
    }

    [Fact]
    public void A_broken_lexicon_line_is_rejected_with_its_file_and_line()
    {
        var child = Path.Combine(_root, "lang", "fr-CA");
        File.WriteAllText(Path.Combine(child, "lexicon-extra.tsv"), "# form, lemma, part of speech\nboutte\tbout\tn\nsans-lemme\n");
        var e = Assert.Throws<LanguageDataException>(() => LanguagePacks.Load(_root));
        Assert.Contains("lang/fr-CA/lexicon-extra.tsv:3: expected form, lemma, part of speech", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_parent_is_rejected_with_its_file_and_line()
    {
        File.WriteAllText(Path.Combine(_root, "lang", "fr-CA", "lang.yaml"), "code: fr-CA\nname: x\nparent: fr-XX\n");
        var e = Assert.Throws<LanguageDataException>(() => LanguagePacks.Load(_root));
        Assert.Contains("lang/fr-CA/lang.yaml:3: parent 'fr-XX' is not a language folder", e.Message, StringComparison.Ordinal);
    }
}
