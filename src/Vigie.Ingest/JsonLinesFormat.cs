using System.Text.Json;

namespace Vigie.Ingest;

/// <summary>One JSON object per line with CONTRACT §1's keys, read line by line whatever the first character; a
/// <c>.json</c> file that is one JSON array is read as an array of such objects.</summary>
internal sealed class JsonLinesFormat(DocumentFields fields) : IDocumentFormat
{
    private static readonly string[] Keys = ["id", "text", "date", "title", "language", "source", "url"];

    /// <summary>Room for the keys and escapes around a document's text on its line.</summary>
    private const int LineSlack = 1 << 16;

    /// <inheritdoc/>
    public IEnumerable<IngestItem> Read(InputSource source) =>
        source.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && source.FirstNonBlank() == '[' ? ReadArray(source) : ReadLines(source);

    private IEnumerable<IngestItem> ReadLines(InputSource source)
    {
        foreach (var line in source.Lines(fields.Options.MaxDocumentBytes + LineSlack))
        {
            if (line.Flaw == LineFlaw.NotUtf8) { yield return new Rejection(source.Name, line.Number, "not UTF-8"); continue; }
            if (line.Flaw == LineFlaw.TooLong) { yield return TooLarge(source.Name, line.Number); continue; }
            if (string.IsNullOrWhiteSpace(line.Text)) continue;
            yield return Parse(source.Name, line.Number, line.Text!);
        }
    }

    /// <summary>An array file: a file is streamed element by element, each bounded; text already in memory (a request
    /// body, bounded by the server) is parsed whole.</summary>
    private IEnumerable<IngestItem> ReadArray(InputSource source)
    {
        if (source.Bytes is { } stream)
        {
            foreach (var element in JsonArrayStream.Read(stream, fields.Options.MaxDocumentBytes + LineSlack))
            {
                if (element.Error is not null) { yield return new Rejection(source.Name, element.Line, element.Error); continue; }
                yield return ParseElement(source.Name, element.Line, element.Json!);
            }
            yield break;
        }
        var max = MaxArrayBytes(fields.Options);
        var content = source.ReadAll(max, out var rejection);
        if (content is null)
        {
            yield return rejection!;
            yield break;
        }
        JsonDocument doc;
        try { doc = JsonDocument.Parse(content); }
        catch (JsonException ex) { doc = null!; rejection = new Rejection(source.Name, (int)(ex.LineNumber ?? 0) + 1, "not JSON: " + DocumentFields.FirstSentence(ex.Message)); }
        if (rejection is not null) { yield return rejection; yield break; }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array) { yield return new Rejection(source.Name, 1, "not a JSON array"); yield break; }
            // Elements are reported against line 1: the parser does not say where each one starts.
            foreach (var el in doc.RootElement.EnumerateArray()) yield return Guarded(source.Name, 1, el);
        }
    }

    private IngestItem ParseElement(string name, int line, byte[] json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return Guarded(name, line, doc.RootElement);
        }
        catch (JsonException ex)
        {
            return new Rejection(name, line, "not JSON: " + DocumentFields.FirstSentence(ex.Message));
        }
    }

    private static int MaxArrayBytes(ReaderOptions options) => (int)Math.Min(int.MaxValue - 64, 16L * options.MaxDocumentBytes);

    private Rejection TooLarge(string name, int line) => new(name, line, $"over the size limit ({fields.Options.MaxDocumentBytes:N0} bytes)");

    private IngestItem Parse(string name, int line, string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return Guarded(name, line, doc.RootElement);
        }
        catch (JsonException ex)
        {
            return new Rejection(name, line, "not JSON: " + DocumentFields.FirstSentence(ex.Message));
        }
    }

    private IngestItem Guarded(string name, int line, JsonElement el)
    {
        try
        {
            return FromJson(name, line, el);
        }
        catch (InvalidOperationException)
        {
            // GetString refuses a string that is not valid UTF-16: a lone surrogate escape such as \ud800.
            return new Rejection(name, line, "not valid text: a string holds a lone UTF-16 surrogate escape");
        }
    }

    private IngestItem FromJson(string name, int line, JsonElement el)
    {
        if (el.ValueKind != JsonValueKind.Object) return new Rejection(name, line, "not a JSON object");
        var values = new string?[Keys.Length];
        for (var i = 0; i < Keys.Length; i++)
        {
            if (!el.TryGetProperty(Keys[i], out var v)) continue;
            switch (v.ValueKind)
            {
                case JsonValueKind.String: values[i] = v.GetString(); break;
                case JsonValueKind.Null: break;
                case JsonValueKind.Number when Keys[i] == "id" && v.TryGetInt64(out var n): values[i] = n.ToString(System.Globalization.CultureInfo.InvariantCulture); break;
                default: return new Rejection(name, line, $"'{Keys[i]}' is not a string");
            }
        }
        return fields.FromFields(name, line, values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
    }
}
