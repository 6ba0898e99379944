using System.Globalization;
using System.Text.Json;
using Vigie.Core;

namespace Vigie.Testing;

/// <summary>One gold case: a line of <c>data/lang/&lt;code&gt;/gold/&lt;recognizer&gt;.jsonl</c> with its text, its reference
/// date and what the recogniser must give (<c>expect</c>; <c>[]</c> for nothing).</summary>
/// <param name="Id">The case's <c>id</c> (or <c>name</c>), else <c>language/recognizer/line</c>; unique per recogniser.</param>
public sealed record GoldCase(string File, int Line, string Language, string Recognizer, string Id, string Text, PartialDate? Date, JsonElement Case)
{
    /// <summary>Where the case is, for failure messages: <c>file:line (id)</c>.</summary>
    public string Where => $"{File}:{Line} ({Id})";

    /// <summary>The expected items.</summary>
    public IReadOnlyList<JsonElement> Expect => Case.TryGetProperty("expect", out var e) ? [.. e.EnumerateArray()] : [];

    /// <summary>The case's family (<c>family</c>: the kind of construction it tests), or null.</summary>
    public string? Family => Field("family");

    /// <summary>An optional string field of the case.</summary>
    public string? Field(string name) => Case.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <inheritdoc/>
    public override string ToString() => Where;
}

/// <summary>Finds the gold cases of every language for a recogniser: one discovery for every gold runner.</summary>
public static class GoldCases
{
    /// <summary>The cases of <paramref name="recognizer"/> under <paramref name="langRoot"/>, by id, in file order;
    /// lines without a <c>text</c> (comments) are skipped, and a duplicate id is an error naming its line.</summary>
    public static IReadOnlyDictionary<string, GoldCase> Load(string langRoot, string recognizer)
    {
        var cases = new Dictionary<string, GoldCase>(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories(langRoot).Order(StringComparer.Ordinal))
        {
            var gold = Path.Combine(dir, "gold");
            if (!Directory.Exists(gold)) continue;
            var language = Path.GetFileName(dir);
            // The recogniser's file and its parts (events.jsonl, events-modality.jsonl).
            var files = Directory.EnumerateFiles(gold, recognizer + "*.jsonl")
                .Where(f => Path.GetFileName(f) == recognizer + ".jsonl" || Path.GetFileName(f).StartsWith(recognizer + "-", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
            var n = 0;
            foreach (var line in System.IO.File.ReadLines(file))
            {
                n++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                var root = JsonDocument.Parse(line).RootElement.Clone();
                if (!root.TryGetProperty("text", out var text)) continue;
                // A case's family (dates and numbers: "ranges", "numbers-kind"…) names its test: fr/dates/ranges/12.
                var family = Str(root, "family") is { } f ? f + "/" : "";
                var id = Str(root, "id") ?? (Str(root, "name") is { } name ? $"{language}/{name}" : $"{language}/{recognizer}/{family}{n}");
                var date = Str(root, "date") is { } d ? PartialDate.Parse(d) : (PartialDate?)null;
                if (!cases.TryAdd(id, new GoldCase(file, n, language, recognizer, id, text.GetString()!, date, root)))
                    throw new InvalidDataException($"{file}:{n}: duplicate case id '{id}'.");
            }
            }
        }
        return cases;
    }

    /// <summary>The lines of <c>gold/samples.jsonl</c> of every language for <paramref name="recognizer"/>: expectations
    /// over a seed sample of <c>../shared</c> (named by <c>sample</c>; its text is read at test time, so <see cref="GoldCase.Text"/> is empty).</summary>
    public static IReadOnlyDictionary<string, GoldCase> Samples(string langRoot, string recognizer)
    {
        var cases = new Dictionary<string, GoldCase>(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories(langRoot).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(dir, "gold", "samples.jsonl");
            if (!System.IO.File.Exists(file)) continue;
            var n = 0;
            foreach (var line in System.IO.File.ReadLines(file))
            {
                n++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                var root = JsonDocument.Parse(line).RootElement.Clone();
                if (Str(root, "recognizer") != recognizer || Str(root, "id") is not { } id || Str(root, "sample") is null) continue;
                if (!cases.TryAdd(id, new GoldCase(file, n, Path.GetFileName(dir), recognizer, id, "", null, root)))
                    throw new InvalidDataException($"{file}:{n}: duplicate case id '{id}'.");
            }
        }
        return cases;
    }

    /// <summary>The ids of loaded cases, as theory data.</summary>
    public static Xunit.TheoryData<string> Ids(IReadOnlyDictionary<string, GoldCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var data = new Xunit.TheoryData<string>();
        foreach (var id in cases.Keys) data.Add(id);
        return data;
    }

    /// <summary>A case's day as a <see cref="DateOnly"/> (a case's date is a full day where the recogniser needs one).</summary>
    public static DateOnly? Day(PartialDate? date) =>
        date is { Month: { } m, Day: { } d } p ? new DateOnly(p.Year, m, d) : null;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Parses a decimal written as a JSON number.</summary>
    public static decimal DecimalOf(JsonElement e) => decimal.Parse(e.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
