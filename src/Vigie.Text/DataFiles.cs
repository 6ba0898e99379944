using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigie.Text;

/// <summary>Collects <c>file:line: what</c> problems while language data loads.</summary>
internal sealed class DataProblems
{
    private readonly List<string> _problems = [];
    private readonly string _root;

    public DataProblems(string root) => _root = root;

    public int Count => _problems.Count;

    public IReadOnlyList<string> All => _problems;

    public void Add(string file, int line, string what) =>
        _problems.Add($"{Path.GetRelativePath(_root, file).Replace('\\', '/')}:{line}: {what}");

    public void Add(string file, YamlNode node, string what) => Add(file, (int)node.Start.Line, what);
}

/// <summary>One YAML file and its checked accessors; every problem names the file and line.</summary>
internal sealed class YamlFile
{
    public string Path { get; }
    public YamlMappingNode Root { get; }
    private readonly DataProblems _problems;

    private YamlFile(string path, YamlMappingNode root, DataProblems problems)
    {
        Path = path;
        Root = root;
        _problems = problems;
    }

    public static YamlFile? Load(string path, DataProblems problems)
    {
        try
        {
            using var reader = new StreamReader(path);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                problems.Add(path, 1, "expected a YAML mapping at the top level");
                return null;
            }
            return new YamlFile(path, root, problems);
        }
        catch (YamlException e)
        {
            problems.Add(path, (int)e.Start.Line, "YAML syntax: " + e.Message);
            return null;
        }
    }

    public void Problem(YamlNode node, string what) => _problems.Add(Path, node, what);

    /// <summary>The same file read through another root mapping (a child's lang.yaml with its parents' sections).</summary>
    public YamlFile With(YamlMappingNode root) => new(Path, root, _problems);

    public static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string? Scalar(YamlMappingNode map, string key, bool required = false)
    {
        var node = Get(map, key);
        if (node is null)
        {
            if (required) Problem(map, $"missing key '{key}'");
            return null;
        }
        if (node is YamlScalarNode s) return s.Value is "~" or "null" ? null : s.Value;
        Problem(node, $"'{key}' must be a single value");
        return null;
    }

    public YamlMappingNode? Mapping(YamlMappingNode map, string key, bool required = false)
    {
        var node = Get(map, key);
        if (node is null)
        {
            if (required) Problem(map, $"missing key '{key}'");
            return null;
        }
        if (node is YamlMappingNode m) return m;
        Problem(node, $"'{key}' must be a mapping");
        return null;
    }

    public YamlSequenceNode? Sequence(YamlMappingNode map, string key, bool required = false)
    {
        var node = Get(map, key);
        if (node is null)
        {
            if (required) Problem(map, $"missing key '{key}'");
            return null;
        }
        if (node is YamlSequenceNode s) return s;
        Problem(node, $"'{key}' must be a list");
        return null;
    }

    /// <summary>A list of strings (every item a scalar).</summary>
    public List<(string Value, YamlNode Node)> Strings(YamlMappingNode map, string key, bool required = false)
    {
        var result = new List<(string, YamlNode)>();
        var seq = Sequence(map, key, required);
        if (seq is null) return result;
        foreach (var item in seq)
        {
            if (item is YamlScalarNode { Value: { } v }) result.Add((v, item));
            else Problem(item, $"'{key}' items must be single values");
        }
        return result;
    }

    /// <summary>A mapping of words to numbers.</summary>
    public List<(string Key, decimal Value, YamlNode Node)> Numbers(YamlMappingNode map, string key, bool required = false)
    {
        var result = new List<(string, decimal, YamlNode)>();
        var m = Mapping(map, key, required);
        if (m is null) return result;
        foreach (var (k, v) in m.Children)
        {
            if (k is YamlScalarNode { Value: { } ks } && v is YamlScalarNode { Value: { } vs }
                && decimal.TryParse(vs, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                result.Add((ks, d, k));
            else Problem(k, $"'{key}' entries must be 'word: number'");
        }
        return result;
    }

    public static IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode map)
    {
        foreach (var (k, v) in map.Children)
            if (k is YamlScalarNode { Value: { } ks }) yield return (ks, v);
    }
}

/// <summary>Reads tab-separated files: <c>#</c> comments and blank lines skipped, each row with its line number.</summary>
internal static class TsvFile
{
    public static IEnumerable<(int Line, string[] Columns)> Read(string path, int columns, DataProblems problems)
    {
        var line = 0;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            var text = raw.TrimEnd('\r');
            if (text.Length == 0 || text[0] == '#' || string.IsNullOrWhiteSpace(text)) continue;
            var cols = text.Split('\t');
            if (cols.Length < columns || cols.Take(columns).Any(c => c.Trim().Length == 0))
            {
                problems.Add(path, line, $"expected {columns} tab-separated columns");
                continue;
            }
            for (var i = 0; i < cols.Length; i++) cols[i] = cols[i].Trim();
            yield return (line, cols);
        }
    }
}
