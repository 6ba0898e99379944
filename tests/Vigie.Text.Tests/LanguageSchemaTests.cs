namespace Vigie.Text.Tests;

/// <summary>The JSON Schema of each kind of language file: every shipped file passes, every kind of YAML file has a
/// schema, and a file that breaks its schema stops the load with its <c>file:line</c>.</summary>
public sealed class LanguageSchemaTests : IDisposable
{
    private static readonly LanguageSchemas Schemas = LanguageSchemas.Load();

    private readonly string _root = Path.Combine(Path.GetTempPath(), "vigie-schema-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static IEnumerable<string> ShippedYamlFiles =>
        Directory.EnumerateDirectories(TestData.LangRoot).SelectMany(d => Directory.EnumerateFiles(d, "*.yaml"));

    [Fact]
    public void Every_shipped_file_passes_its_schema()
    {
        var problems = new DataProblems(DataPaths.Root);
        foreach (var file in ShippedYamlFiles) Schemas.ValidateFile(file, problems);
        Assert.Empty(problems.All);
    }

    [Fact]
    public void Every_kind_of_yaml_file_has_a_schema_and_every_schema_a_file()
    {
        var kinds = ShippedYamlFiles.Select(f => (File: f, Kind: Schemas.KindOf(Path.GetFileName(f)))).ToList();
        Assert.All(kinds, k => Assert.True(k.Kind is not null, $"{k.File} has no schema"));
        Assert.Equal(Schemas.Kinds, kinds.Select(k => k.Kind!).Distinct().Order(StringComparer.Ordinal));
        // The schemas built into the assembly are the files of data/lang/schema.
        Assert.Equal(Schemas.Kinds, Directory.EnumerateFiles(Path.Combine(TestData.LangRoot, "schema"), "*.schema.json")
            .Select(f => Path.GetFileName(f)[..^".schema.json".Length]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_file_kind_is_its_name_or_the_name_before_a_dash()
    {
        Assert.Equal("patterns", Schemas.KindOf("patterns-events.yaml"));
        Assert.Equal("patterns", Schemas.KindOf("patterns-protests-extra.yaml"));
        Assert.Equal("actors-cues", Schemas.KindOf("actors-cues.yaml"));
        Assert.Null(Schemas.KindOf("weather.yaml"));
    }

    [Theory]
    [InlineData("lang.yaml", "  capitalized_names: false", "  capitalised_names: false", "unknown key 'capitalised_names'")]
    [InlineData("lang.yaml", "  numeric_dates: dmy", "  numeric_dates: ymd", "'numbers/numeric_dates': Value should match one of the values specified by the enum: 'ymd' is not one of dmy, mdy")]
    [InlineData("numbers.yaml", "  zero: 0", "  zero: zéro", "'cardinals/zero': ")]
    [InlineData("dates.yaml", "  - {id: holiday, match: \"<holiday> <year>?\", resolve: holiday}", "  - {id: holiday, match: \"<holiday> <year>?\", resolve: holiday, sing: past}", "unknown key 'sing'")]
    [InlineData("dates.yaml", "  - {id: holiday, match: \"<holiday> <year>?\", resolve: holiday}", "  - {id: holiday, resolve: holiday}", "'patterns/0': ")]
    [InlineData("patterns-events.yaml", "    confidence: 0.85", "    confidence: 85", "'rules/0/confidence': ")]
    [InlineData("patterns.yaml", "  agent_markers: [par]", "  agent_markers: par", "'grammar/agent_markers': ")]
    [InlineData("modality.yaml", "  window: 3", "  window: trois", "'negation/window': ")]
    [InlineData("clauses.yaml", "hearsay_compound: true", "hearsay_compound: oui", "'hearsay_compound': ")]
    [InlineData("actors-cues.yaml", "coreference_window: 3", "coreference_window: 11", "'coreference_window': ")]
    [InlineData("actors-cues.yaml", "  - {phrase: ils, class: group}", "  - {phrase: ils, class: collective}", "'anaphors/0/class': Value should match one of the values specified by the enum: 'collective' is not one of group, armed")]
    [InlineData("syntax.yaml", "model: syntax.model", "model: ../en/syntax.model", "'model': The string value is not a match for the indicated regular expression: '../en/syntax.model' does not match")]
    public void A_broken_file_is_rejected_with_its_file_and_line(string file, string line, string broken, string expected)
    {
        var path = Path.Combine(CopyLanguage("fr"), file);
        var lines = File.ReadAllLines(path);
        var at = Array.IndexOf(lines, line);
        Assert.True(at >= 0, $"{file} has no line '{line}'");
        lines[at] = broken;
        File.WriteAllLines(path, lines);
        var e = Assert.Throws<LanguageDataException>(() => LanguagePacks.Load(_root));
        Assert.Contains(e.Problems, p => p.StartsWith($"lang/fr/{file}:{at + 1}: {expected}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_yaml_file_of_no_known_kind_is_rejected()
    {
        File.WriteAllText(Path.Combine(CopyLanguage("fr"), "weather.yaml"), "rain: [pluie]\n");
        var e = Assert.Throws<LanguageDataException>(() => LanguagePacks.Load(_root));
        Assert.Contains(e.Problems, p => p.StartsWith("lang/fr/weather.yaml:1: no schema for this kind of file", StringComparison.Ordinal));
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_with_its_line()
    {
        File.AppendAllText(Path.Combine(CopyLanguage("fr"), "clauses.yaml"), "negators: [ne\n");
        var e = Assert.Throws<LanguageDataException>(() => LanguagePacks.Load(_root));
        Assert.Contains(e.Problems, p => p.StartsWith("lang/fr/clauses.yaml:", StringComparison.Ordinal) && p.Contains("YAML syntax", StringComparison.Ordinal));
    }

    private string CopyLanguage(string code)
    {
        var target = Path.Combine(_root, "lang", code);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestData.LangRoot, code)))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }
}
