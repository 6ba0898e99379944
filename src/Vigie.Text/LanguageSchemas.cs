using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigie.Text;

/// <summary>The JSON Schema of every kind of YAML file in a language folder (<c>data/lang/schema/&lt;kind&gt;.schema.json</c>,
/// built into this assembly so that the schema always matches the loaders that read the files), and the check of a
/// folder's YAML files against them, with each error placed at its <c>file:line</c>.</summary>
/// <remarks>A file's kind is its name without <c>.yaml</c>, or the name before its last <c>-part</c> until one has a
/// schema (<c>patterns-events.yaml</c> is a <c>patterns</c> file); a YAML file of no kind is itself an error, so that
/// every kind of file has a schema. The loaders still check what a schema cannot (ids that refer to other files,
/// duplicates, pattern notation).</remarks>
internal sealed partial class LanguageSchemas
{
    private const string ResourcePrefix = "Vigie.Text.Schema.";
    private const string ResourceSuffix = ".schema.json";

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    // JsonSchema.Net registers schemas in a process-wide registry and caches state in a schema as it evaluates, neither
    // safe across threads (json-everything issues 929 and 999): language packs loaded in parallel take turns here. Loading
    // is done once per pack, off the hot path.
    private static readonly Lock Gate = new();

    private readonly Dictionary<string, (JsonSchema Schema, JsonNode Text)> _byKind;

    private LanguageSchemas(Dictionary<string, (JsonSchema Schema, JsonNode Text)> byKind) => _byKind = byKind;

    /// <summary>The file kinds that have a schema, in ordinal order.</summary>
    public IReadOnlyList<string> Kinds => [.. _byKind.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Reads the schemas built into the assembly.</summary>
    public static LanguageSchemas Load()
    {
        var assembly = typeof(LanguageSchemas).Assembly;
        var byKind = new Dictionary<string, (JsonSchema, JsonNode)>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !name.EndsWith(ResourceSuffix, StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            JsonSchema schema;
            lock (Gate) schema = JsonSchema.FromText(text);
            byKind[name[ResourcePrefix.Length..^ResourceSuffix.Length]] = (schema, JsonNode.Parse(text)!);
        }
        return new LanguageSchemas(byKind);
    }

    /// <summary>The kind of a YAML file from its name, or null when no kind has a schema.</summary>
    public string? KindOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var kind = Path.GetFileNameWithoutExtension(fileName);
        while (!_byKind.ContainsKey(kind))
        {
            var dash = kind.LastIndexOf('-');
            if (dash <= 0) return null;
            kind = kind[..dash];
        }
        return kind;
    }

    /// <summary>Checks every <c>*.yaml</c> file of a language folder; returns whether all passed.</summary>
    public bool Validate(string folder, DataProblems problems)
    {
        var before = problems.Count;
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            ValidateFile(file, problems);
        return problems.Count == before;
    }

    /// <summary>Checks one YAML file against the schema of its kind.</summary>
    public void ValidateFile(string file, DataProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var kind = KindOf(Path.GetFileName(file));
        if (kind is null)
        {
            problems.Add(file, 1, $"no schema for this kind of file (kinds: {string.Join(", ", Kinds)}; a new kind needs data/lang/schema/<kind>.schema.json)");
            return;
        }
        YamlNode root;
        try
        {
            using var reader = new StreamReader(file);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 0)
            {
                problems.Add(file, 1, "the file is empty");
                return;
            }
            root = stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            problems.Add(file, (int)e.Start.Line, "YAML syntax: " + e.Message);
            return;
        }
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var instance = ToJson(root, "", lines);
        var (schema, schemaText) = _byKind[kind];
        var element = JsonSerializer.SerializeToElement(instance);
        EvaluationResults result;
        lock (Gate) result = schema.Evaluate(element, Options);
        if (result.IsValid) return;
        var details = (result.Details ?? []).Prepend(result).ToList();
        // A failing branch of a oneOf that another branch passed is no error: skip what a passing node holds.
        var passed = details.Where(d => d.IsValid).Select(d => (Instance: d.InstanceLocation.ToString(), Path: d.EvaluationPath.ToString())).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var detail in details)
        {
            if (detail.IsValid || detail.Errors is not { Count: > 0 } errors) continue;
            var pointer = detail.InstanceLocation.ToString();
            var path = detail.EvaluationPath.ToString();
            if (passed.Exists(p => p.Instance == pointer && path.StartsWith(p.Path + "/", StringComparison.Ordinal))) continue;
            foreach (var (keyword, message) in errors)
            {
                var what = Describe(pointer, keyword, message, path, kind)
                    + (keyword is "enum" or "pattern" ? Expected(keyword, SchemaAt(schemaText, path), At(instance, pointer)) : "");
                if (what is not null && seen.Add(pointer + "\n" + what)) problems.Add(file, LineOf(pointer, lines), what);
            }
        }
    }

    /// <summary>A schema error in the words of the data file: where (the key path) and what is wrong.</summary>
    private static string? Describe(string pointer, string keyword, string message, string evaluationPath, string kind)
    {
        var at = pointer.Length == 0 ? "" : $"'{Unescape(pointer)}': ";
        // A key the schema does not name fails the false schema of additionalProperties (an error of no keyword).
        if (keyword.Length == 0 && evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal))
            return $"unknown key '{Unescape(pointer[(pointer.LastIndexOf('/') + 1)..])}' (the keys a {kind} file takes are in data/lang/schema/{kind}.schema.json)";
        // A oneOf's branches repeat their own errors, which are listed already.
        if (keyword == "oneOf") return null;
        return at + message;
    }

    /// <summary>What an enum or a pattern expects, and the value that broke it.</summary>
    private static string Expected(string keyword, JsonNode? schema, JsonNode? value) => (keyword, schema?[keyword]) switch
    {
        ("enum", JsonArray values) => $": '{value}' is not one of {string.Join(", ", values.Select(v => v?.ToString()))}",
        ("pattern", JsonValue pattern) => $": '{value}' does not match {pattern}",
        _ => "",
    };

    /// <summary>The subschema an evaluation path leads to, following local <c>$ref</c>s (the path names the schema's
    /// keywords in the order evaluation took them).</summary>
    private static JsonNode? SchemaAt(JsonNode schema, string evaluationPath)
    {
        JsonNode? node = schema;
        var previous = "";
        foreach (var part in evaluationPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            // JsonSchema.Net 8 names an array's "items" twice in the path ("items/items"): the second step is no step.
            if (part == previous && part == "items" && node?[part] is null) continue;
            node = part == "$ref" && node?["$ref"] is JsonValue target ? At(schema, target.ToString().TrimStart('#')) : At(node, "/" + part);
            previous = part;
        }
        return node;
    }

    /// <summary>The node at a JSON Pointer, or null.</summary>
    private static JsonNode? At(JsonNode? node, string pointer)
    {
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject o => o[name],
                JsonArray a when int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }
        return node;
    }

    private static string Unescape(string pointer) => pointer.TrimStart('/').Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static int LineOf(string pointer, Dictionary<string, int> lines)
    {
        // The nearest node the map knows: a pointer names a node that exists, or (for a missing key) its parent.
        for (var p = pointer; ; p = p[..p.LastIndexOf('/')])
        {
            if (lines.TryGetValue(p, out var line)) return line;
            if (p.Length == 0) return 1;
        }
    }

    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>The YAML node as JSON, typing plain scalars by the YAML 1.2 core schema (<c>3</c> a number, <c>true</c> a
    /// boolean, <c>~</c> null; quoted scalars stay strings), and the line of every node by its JSON Pointer.</summary>
    private static JsonNode? ToJson(YamlNode node, string pointer, Dictionary<string, int> lines)
    {
        lines[pointer] = (int)node.Start.Line;
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? "";
                    var child = pointer + "/" + Escape(name);
                    obj[name] = ToJson(value, child, lines);
                    // An unknown or misplaced key is reported on the key's line.
                    lines[child] = (int)key.Start.Line;
                }
                return obj;
            case YamlSequenceNode seq:
                var array = new JsonArray();
                var i = 0;
                foreach (var item in seq.Children) array.Add(ToJson(item, pointer + "/" + (i++).ToString(CultureInfo.InvariantCulture), lines));
                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(text);
        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when IntegerSyntax().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when FloatSyntax().IsMatch(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            _ => JsonValue.Create(text),
        };
    }

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerSyntax();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatSyntax();
}
