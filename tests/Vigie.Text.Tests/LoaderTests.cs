namespace Vigie.Text.Tests;

public sealed class LoaderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "vigie-text-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string CopyLanguage(string code)
    {
        var target = Path.Combine(_root, "lang", code);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestData.LangRoot, code)))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }

    [Fact]
    public void Loads_every_language_folder()
    {
        Assert.Equal(["en", "fr"], TestData.Layer.Languages.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Reports_file_and_line_of_bad_data()
    {
        var fr = CopyLanguage("fr");
        File.AppendAllText(Path.Combine(fr, "months.tsv"), "brumaire\t13\n");
        File.AppendAllText(Path.Combine(fr, "dates.yaml"), "  - {id: broken, match: \"<fortnight>\", resolve: date}\n");
        var e = Assert.Throws<LanguageDataException>(() => TextLayer.Load(_root));
        Assert.Contains(e.Problems, p => p.StartsWith("lang/fr/months.tsv:", StringComparison.Ordinal) && p.Contains("brumaire", StringComparison.Ordinal) is false && p.Contains("'13'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("lang/fr/dates.yaml:", StringComparison.Ordinal) && p.Contains("<fortnight>", StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_a_missing_file()
    {
        var fr = CopyLanguage("fr");
        File.Delete(Path.Combine(fr, "numbers.yaml"));
        var e = Assert.Throws<LanguageDataException>(() => TextLayer.Load(_root));
        Assert.Contains(e.Problems, p => p.StartsWith("lang/fr/numbers.yaml:", StringComparison.Ordinal) && p.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_child_language_inherits_what_it_does_not_override()
    {
        CopyLanguage("fr");
        var child = Path.Combine(_root, "lang", "fr-CA");
        Directory.CreateDirectory(child);
        File.WriteAllText(Path.Combine(child, "lang.yaml"), File.ReadAllText(Path.Combine(TestData.LangRoot, "fr", "lang.yaml"))
            .Replace("code: fr", "code: fr-CA", StringComparison.Ordinal).Replace("parent: ~", "parent: fr", StringComparison.Ordinal));
        var layer = TextLayer.Load(_root);
        var a = layer.Analyze("Près de 8 000 soldats sont arrivés hier.", "fr-CA", Vigie.Core.PartialDate.Parse("2021-08-13"));
        Assert.Equal(8000m, Assert.Single(a.Numbers).Quantity.Low);
        Assert.Equal("2021-08-12", Assert.Single(a.Dates).Date.Value);
    }

    [Fact]
    public void Unknown_language_is_an_argument_error() =>
        Assert.Throws<ArgumentException>(() => TestData.Layer.Analyze("x", "xx", null));
}
