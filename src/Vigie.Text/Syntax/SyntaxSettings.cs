using YamlDotNet.RepresentationModel;

namespace Vigie.Text.Syntax;

/// <summary>A language's <c>syntax.yaml</c>: where its model lives and which treebank files train, tune and test it
/// (paths relative to the shared folder), and the training options its committed model was trained with.</summary>
public sealed record SyntaxSettings(string Language, string ModelPath, IReadOnlyList<string> Train, IReadOnlyList<string> Tune, IReadOnlyList<string> Test)
{
    /// <summary>Whether the tagger gets a second pass (<see cref="SyntaxTrainingOptions.SecondPass"/>).</summary>
    public bool SecondPass { get; init; } = true;

    /// <summary>A headline copy of every n-th training sentence (<see cref="SyntaxTrainingOptions.HeadlineEvery"/>).</summary>
    public int HeadlineEvery { get; init; }

    /// <summary>The file name of a language's settings.</summary>
    public const string FileName = "syntax.yaml";

    /// <summary>Reads <c>syntax.yaml</c> of a language folder, or null when the language has none.</summary>
    /// <exception cref="LanguageDataException">The file is malformed (<c>file:line: what</c>).</exception>
    public static SyntaxSettings? Load(string languageFolder) => LoadFile(Path.Combine(languageFolder, FileName));

    /// <summary>Reads a <c>syntax.yaml</c> file (its model lives beside it), or null when there is none.</summary>
    /// <exception cref="LanguageDataException">The file is malformed (<c>file:line: what</c>).</exception>
    public static SyntaxSettings? LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) return null;
        var languageFolder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var problems = new DataProblems(Path.GetDirectoryName(Path.GetDirectoryName(languageFolder)) ?? languageFolder);
        var file = YamlFile.Load(path, problems);
        if (file is null) throw new LanguageDataException(problems.All);
        string model = "syntax.model";
        var secondPass = true;
        var headlineEvery = 0;
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal) { ["train"] = [], ["tune"] = [], ["test"] = [] };
        foreach (var (key, value) in file.Root.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (name == "model" && value is YamlScalarNode { Value: { Length: > 0 } m }) model = m;
            else if (name == "second_pass" && value is YamlScalarNode { Value: "true" or "false" } sp) secondPass = sp.Value == "true";
            else if (name == "headline_every" && value is YamlScalarNode { Value: { } he } && int.TryParse(he, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var every))
                headlineEvery = every;
            else if (lists.TryGetValue(name, out var list) && value is YamlSequenceNode seq)
            {
                foreach (var item in seq)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } v }) list.Add(v);
                    else problems.Add(path, item, $"'{name}' lists file paths");
                }
            }
            else problems.Add(path, key, $"unknown or malformed key '{name}' (expected model, train, tune, test, second_pass, headline_every)");
        }
        if (model.Contains('/', StringComparison.Ordinal) || model.Contains('\\', StringComparison.Ordinal))
            problems.Add(path, 1, "model must be a file name in the language folder");
        if (problems.Count > 0) throw new LanguageDataException(problems.All);
        return new SyntaxSettings(Path.GetFileName(languageFolder), Path.Combine(languageFolder, model), lists["train"], lists["tune"], lists["test"])
        {
            SecondPass = secondPass,
            HeadlineEvery = headlineEvery,
        };
    }
}
