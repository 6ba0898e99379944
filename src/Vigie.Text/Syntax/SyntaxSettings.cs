using YamlDotNet.RepresentationModel;

namespace Vigie.Text.Syntax;

/// <summary>A language's <c>syntax.yaml</c>: where its model lives and which treebank files train, tune and test it
/// (paths relative to the shared folder).</summary>
public sealed record SyntaxSettings(string Language, string ModelPath, IReadOnlyList<string> Train, IReadOnlyList<string> Tune, IReadOnlyList<string> Test)
{
    /// <summary>The file name of a language's settings.</summary>
    public const string FileName = "syntax.yaml";

    /// <summary>Reads <c>syntax.yaml</c> of a language folder, or null when the language has none.</summary>
    /// <exception cref="LanguageDataException">The file is malformed (<c>file:line: what</c>).</exception>
    public static SyntaxSettings? Load(string languageFolder)
    {
        var path = Path.Combine(languageFolder, FileName);
        if (!File.Exists(path)) return null;
        var problems = new DataProblems(Path.GetDirectoryName(Path.GetDirectoryName(languageFolder)) ?? languageFolder);
        var file = YamlFile.Load(path, problems);
        if (file is null) throw new LanguageDataException(problems.All);
        string model = "syntax.model";
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal) { ["train"] = [], ["tune"] = [], ["test"] = [] };
        foreach (var (key, value) in file.Root.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (name == "model" && value is YamlScalarNode { Value: { Length: > 0 } m }) model = m;
            else if (lists.TryGetValue(name, out var list) && value is YamlSequenceNode seq)
            {
                foreach (var item in seq)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } v }) list.Add(v);
                    else problems.Add(path, item, $"'{name}' lists file paths");
                }
            }
            else problems.Add(path, key, $"unknown or malformed key '{name}' (expected model, train, tune, test)");
        }
        if (model.Contains('/', StringComparison.Ordinal) || model.Contains('\\', StringComparison.Ordinal))
            problems.Add(path, 1, "model must be a file name in the language folder");
        if (problems.Count > 0) throw new LanguageDataException(problems.All);
        return new SyntaxSettings(Path.GetFileName(languageFolder), Path.Combine(languageFolder, model), lists["train"], lists["tune"], lists["test"]);
    }
}
