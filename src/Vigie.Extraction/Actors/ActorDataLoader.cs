using System.Collections.Frozen;
using System.Globalization;
using Vigie.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigie.Extraction.Actors;

/// <summary>Reads and validates the actor registry (<c>data/actors/</c>) and every language's actor files.</summary>
/// <remarks>Collects every problem as <c>file:line: problem</c> and throws them together, so one run shows them all.</remarks>
internal sealed partial class ActorDataLoader
{
    private readonly List<string> _errors = [];
    private readonly string _root;

    private ActorDataLoader(string dataRoot) => _root = Path.GetFullPath(dataRoot);

    public static ActorData Load(string dataRoot, LanguagePacks packs)
    {
        var loader = new ActorDataLoader(dataRoot);
        var data = loader.LoadAll(packs);
        if (loader._errors.Count > 0) throw new ActorDataException(loader._errors);
        return data;
    }

    private string Rel(string path) => Path.GetRelativePath(Path.GetDirectoryName(_root) ?? _root, path).Replace('\\', '/');

    private void Error(string file, long line, string problem) => _errors.Add($"{Rel(file)}:{line}: {problem}");

    private ActorData LoadAll(LanguagePacks packs)
    {
        var actorsDir = Path.Combine(_root, "actors");
        var roles = LoadRoles(Path.Combine(actorsDir, "roles.tsv"));
        var actors = new Dictionary<string, ActorDefinition>(StringComparer.Ordinal);
        var states = LoadStates(Path.Combine(actorsDir, "states.tsv"), actors);
        LoadActors(Path.Combine(actorsDir, "actors.yaml"), actors, roles, states);
        var generics = LoadGenerics(Path.Combine(actorsDir, "generic.yaml"), roles, actors);
        var languages = new Dictionary<string, ActorLexicon>(StringComparer.Ordinal);
        foreach (var pack in packs.All)
        {
            if (pack.Find("actors-cues.yaml") is null) continue;
            var lexicon = LoadLanguage(pack, actors, generics);
            if (lexicon is not null) languages[lexicon.Language] = lexicon;
        }
        return new ActorData(actors.ToFrozenDictionary(StringComparer.Ordinal), generics.ToFrozenDictionary(StringComparer.Ordinal),
            roles.ToFrozenSet(StringComparer.Ordinal), languages.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private IEnumerable<(int Line, string[] Cells)> ReadTsv(string file)
    {
        if (!File.Exists(file)) { Error(file, 0, "file is missing"); yield break; }
        var n = 0;
        foreach (var raw in File.ReadLines(file))
        {
            n++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.TrimStart().StartsWith('#')) continue;
            yield return (n, line.Split('\t'));
        }
    }

    private YamlSequenceNode? ReadYamlSequence(string file)
    {
        if (!File.Exists(file)) { Error(file, 0, "file is missing"); return null; }
        try
        {
            var stream = new YamlStream();
            using var reader = new StringReader(File.ReadAllText(file));
            stream.Load(reader);
            if (stream.Documents.Count == 0) return new YamlSequenceNode();
            if (stream.Documents[0].RootNode is YamlSequenceNode seq) return seq;
            Error(file, stream.Documents[0].RootNode.Start.Line, "expected a list");
        }
        catch (YamlException ex)
        {
            Error(file, ex.Start.Line, ex.Message);
        }
        return null;
    }

    private YamlMappingNode? ReadYamlMapping(string file)
    {
        try
        {
            var stream = new YamlStream();
            using var reader = new StringReader(File.ReadAllText(file));
            stream.Load(reader);
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map) return map;
            Error(file, 1, "expected a mapping");
        }
        catch (YamlException ex)
        {
            Error(file, ex.Start.Line, ex.Message);
        }
        return null;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key)
    {
        if (Child(map, key) is not YamlScalarNode s) return null;
        var v = s.Value;
        return string.IsNullOrWhiteSpace(v) || v is "null" or "~" ? null : v.Trim();
    }

    private void CheckKeys(string file, YamlMappingNode map, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
            if (key is not YamlScalarNode { Value: { } k } || !allowed.Contains(k))
                Error(file, key.Start.Line, $"unknown key '{key}' (expected {string.Join(", ", allowed)})");
    }

    private static bool IsId(string? id) =>
        !string.IsNullOrEmpty(id) && id[0] != '-' && id[^1] != '-' && !id.Contains("--", StringComparison.Ordinal)
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private DateOnly? Date(string file, YamlMappingNode map, string key)
    {
        var v = Scalar(map, key);
        if (v is null) return null;
        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Error(file, Child(map, key)!.Start.Line, $"'{v}' is not a date (YYYY-MM-DD)");
        return null;
    }
}
