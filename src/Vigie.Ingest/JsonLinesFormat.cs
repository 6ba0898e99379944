using System.Text;
using System.Text.Json;

namespace Vigie.Ingest;

/// <summary>One JSON object per line (or a JSON array of objects) with CONTRACT §1's keys.</summary>
internal sealed class JsonLinesFormat(DocumentFields fields) : IDocumentFormat
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <inheritdoc/>
    public IEnumerable<IngestItem> Read(string name, string content)
    {
        var trimmed = content.AsSpan().TrimStart();
        if (trimmed.StartsWith("["))
        {
            // A JSON array of documents: each element is reported against line 1.
            JsonDocument doc;
            try { doc = JsonDocument.Parse(content); }
            catch (JsonException ex) { return [new Rejection(name, (int)(ex.LineNumber ?? 0) + 1, "not JSON: " + DocumentFields.FirstSentence(ex.Message))]; }
            using (doc)
            {
                var items = new List<IngestItem>();
                var n = 0;
                foreach (var el in doc.RootElement.EnumerateArray()) items.Add(FromJson(name, 1, el, ++n));
                return items;
            }
        }
        return ReadJsonLinesCore(name, content);
    }

    public static bool StartsWithArray(string path)
    {
        try
        {
            using var f = File.OpenRead(path);
            int b;
            while ((b = f.ReadByte()) >= 0)
            {
                if (b is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF) continue;
                return b == '[';
            }
            return false;
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>Reads a JSON lines file line by line, so memory stays bounded by one document whatever the file's size.</summary>
    public IEnumerable<IngestItem> Stream(string path)
    {
        Stream stream;
        try { stream = new BufferedStream(File.OpenRead(path), 1 << 16); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new Rejection(path, 0, "cannot be read: " + ex.Message)];
        }
        return ReadJsonLinesCore(path, ByteLines(stream));
    }

    /// <summary>Splits a stream into lines decoded one by one, so a line that is not UTF-8 costs only that line.</summary>
    private static IEnumerable<string?> ByteLines(Stream stream)
    {
        using var _ = stream;
        var buffer = new MemoryStream();
        var first = true;
        while (true)
        {
            var b = stream.ReadByte();
            if (b == '\n' || (b < 0 && buffer.Length > 0))
            {
                var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
                if (first && bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
                if (bytes.Length > 0 && bytes[^1] == '\r') bytes = bytes[..^1];
                string? line;
                try { line = StrictUtf8.GetString(bytes); }
                catch (DecoderFallbackException) { line = null; }
                yield return line;
                buffer.SetLength(0);
                first = false;
            }
            else if (b >= 0)
            {
                buffer.WriteByte((byte)b);
            }
            if (b < 0) yield break;
        }
    }

    private IEnumerable<IngestItem> ReadJsonLinesCore(string name, string content) =>
        ReadJsonLinesCore(name, content.Split('\n').Select(l => l.TrimEnd('\r')));

    /// <summary>Reads JSON lines; a null line is one that was not UTF-8.</summary>
    private IEnumerable<IngestItem> ReadJsonLinesCore(string name, IEnumerable<string?> lines)
    {
        var lineNo = 0;
        foreach (var raw in lines)
        {
            lineNo++;
            var line = raw;
            if (line is null)
            {
                yield return new Rejection(name, lineNo, "not UTF-8");
                continue;
            }
            if (lineNo == 1 && line.Length > 0 && line[0] == '\uFEFF') line = line[1..];
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (Encoding.UTF8.GetByteCount(line) > fields.Options.MaxDocumentBytes + 4096)
            {
                yield return new Rejection(name, lineNo, $"over the size limit ({fields.Options.MaxDocumentBytes:N0} bytes)");
                continue;
            }
            IngestItem item;
            try
            {
                using var doc = JsonDocument.Parse(line);
                item = FromJson(name, lineNo, doc.RootElement, lineNo);
            }
            catch (JsonException ex)
            {
                item = new Rejection(name, lineNo, "not JSON: " + DocumentFields.FirstSentence(ex.Message));
            }
            yield return item;
        }
    }

    private IngestItem FromJson(string name, int line, JsonElement el, int ordinal)
    {
        if (el.ValueKind != JsonValueKind.Object) return new Rejection(name, line, "not a JSON object");
        string? Str(string key) => el.TryGetProperty(key, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;
        return fields.FromFields(name, line, Str("id"), Str("text"), Str("date"), Str("title"), Str("language"), Str("source"), Str("url"));
    }
}
