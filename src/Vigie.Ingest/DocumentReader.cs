using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Vigie.Core;
using Vigie.Text;

namespace Vigie.Ingest;

/// <summary>Options for reading input.</summary>
/// <param name="MaxDocumentBytes">Documents (or text files) larger than this are rejected.</param>
public sealed record ReaderOptions(int MaxDocumentBytes = 1 << 20);

/// <summary>Reads every input format of CONTRACT §1 into documents and rejections, never throwing on bad input.</summary>
public sealed class DocumentReader(LanguageIdentifier languages, ReaderOptions? options = null)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly ReaderOptions _options = options ?? new ReaderOptions();

    /// <summary>Reads paths (files, folders, feed URLs, or <c>-</c> for standard input) in order.</summary>
    public IEnumerable<IngestItem> Read(IEnumerable<string> paths, TextReader? stdin = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (path == "-")
            {
                var text = (stdin ?? Console.In).ReadToEnd();
                foreach (var item in ReadContent("-", text, Sniff(text))) yield return item;
            }
            else if (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var item in ReadUrl(path)) yield return item;
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    if (FormatOf(file) is not { } format) continue; // index.tsv, README and the like are not documents
                    foreach (var item in ReadFile(file, format)) yield return item;
                }
            }
            else if (File.Exists(path))
            {
                foreach (var item in ReadFile(path, FormatOf(path))) yield return item;
            }
            else
            {
                yield return new Rejection(path, 0, "no such file or folder");
            }
        }
    }

    /// <summary>Reads one document's worth of text already in memory, in any format.</summary>
    public IEnumerable<IngestItem> ReadContent(string name, string content, InputFormat format) => format switch
    {
        InputFormat.DatedText => ReadDatedText(name, content),
        InputFormat.JsonLines => ReadJsonLines(name, content),
        InputFormat.Csv => ReadCsv(name, content),
        InputFormat.Feed => ReadFeed(name, content),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The format a file's extension names; null for files that are not documents.</summary>
    public static InputFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" or ".text" => InputFormat.DatedText,
        ".jsonl" or ".ndjson" or ".json" => InputFormat.JsonLines,
        ".csv" => InputFormat.Csv,
        ".rss" or ".atom" or ".xml" or ".feed" => InputFormat.Feed,
        _ => null,
    };

    private static InputFormat Sniff(string text)
    {
        var t = text.AsSpan().TrimStart();
        if (t.StartsWith("{") || t.StartsWith("[")) return InputFormat.JsonLines;
        if (t.StartsWith("<")) return InputFormat.Feed;
        return InputFormat.DatedText;
    }

    private IEnumerable<IngestItem> ReadFile(string path, InputFormat? format)
    {
        // JSON lines are streamed, so memory stays bounded by one document whatever the file's size.
        if (format == InputFormat.JsonLines && !StartsWithArray(path)) return StreamJsonLines(path);
        string content;
        try
        {
            var info = new FileInfo(path);
            // Text files are one document; other formats hold many, so only each document is bounded.
            if ((format ?? InputFormat.DatedText) == InputFormat.DatedText && info.Length > _options.MaxDocumentBytes)
            {
                return [new Rejection(path, 1, $"over the size limit ({info.Length:N0} bytes > {_options.MaxDocumentBytes:N0})")];
            }
            var bytes = File.ReadAllBytes(path);
            var offset = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
            content = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException ex)
        {
            return [new Rejection(path, LineOfByte(path, ex.Index), "not UTF-8")];
        }
        catch (IOException ex)
        {
            return [new Rejection(path, 0, "cannot be read: " + ex.Message)];
        }
        catch (UnauthorizedAccessException)
        {
            return [new Rejection(path, 0, "cannot be read: permission denied")];
        }
        return ReadContent(path, content, format ?? Sniff(content));
    }

    private static int LineOfByte(string path, int index)
    {
        if (index < 0) return 1;
        var bytes = File.ReadAllBytes(path);
        var line = 1;
        for (var i = 0; i < Math.Min(index, bytes.Length); i++) if (bytes[i] == (byte)'\n') line++;
        return line;
    }

    private IEnumerable<IngestItem> ReadUrl(string url)
    {
        string content;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            content = http.GetStringAsync(new Uri(url)).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return [new Rejection(url, 0, "cannot be fetched: " + ex.Message)];
        }
        return ReadFeed(url, content);
    }

    private IEnumerable<IngestItem> ReadDatedText(string name, string content)
    {
        var s = content.AsSpan();
        var i = 0;
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        var line = 1 + s[..i].Count('\n');
        if (s[i..].Trim().IsEmpty) return [new Rejection(name, 1, "empty text")];
        if (!s[i..].StartsWith("date", StringComparison.OrdinalIgnoreCase) || i + 4 >= s.Length || !IsBlank(s[i + 4]))
            return [new Rejection(name, line, "no date header (expected 'date YYYY-MM-DD' before the text)")];
        var j = i + 4;
        while (j < s.Length && IsBlank(s[j])) j++;
        var k = j;
        while (k < s.Length && !char.IsWhiteSpace(s[k])) k++;
        var token = s[j..k].ToString();
        if (PartialDate.TryParse(token) is not { } date)
            return [new Rejection(name, line, token.Length == 0 ? "no date in the date header" : $"bad date '{token}' (expected YYYY, YYYY-MM or YYYY-MM-DD)")];
        // The document text starts after the blank that follows the date; line numbers stay those of the file.
        if (k < s.Length && IsBlank(s[k])) k++;
        var text = new string('\n', line - 1) + s[k..].ToString();
        return [Accept(name, line, null, text, date, null, null, null, null)];
    }

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\u00A0';

    private IEnumerable<IngestItem> ReadJsonLines(string name, string content)
    {
        var trimmed = content.AsSpan().TrimStart();
        if (trimmed.StartsWith("["))
        {
            // A JSON array of documents: each element is reported against line 1.
            JsonDocument doc;
            try { doc = JsonDocument.Parse(content); }
            catch (JsonException ex) { return [new Rejection(name, (int)(ex.LineNumber ?? 0) + 1, "not JSON: " + FirstSentence(ex.Message))]; }
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

    private static bool StartsWithArray(string path)
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

    private IEnumerable<IngestItem> StreamJsonLines(string path)
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
            if (Encoding.UTF8.GetByteCount(line) > _options.MaxDocumentBytes + 4096)
            {
                yield return new Rejection(name, lineNo, $"over the size limit ({_options.MaxDocumentBytes:N0} bytes)");
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
                item = new Rejection(name, lineNo, "not JSON: " + FirstSentence(ex.Message));
            }
            yield return item;
        }
    }

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return (dot > 0 ? message[..dot] : message).TrimEnd('.');
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
        return FromFields(name, line, Str("id"), Str("text"), Str("date"), Str("title"), Str("language"), Str("source"), Str("url"));
    }

    private IngestItem FromFields(string name, int line, string? id, string? text, string? dateText, string? title, string? language, string? source, string? url)
    {
        if (string.IsNullOrWhiteSpace(text)) return new Rejection(name, line, "empty text");
        if (Encoding.UTF8.GetByteCount(text) > _options.MaxDocumentBytes)
            return new Rejection(name, line, $"over the size limit ({_options.MaxDocumentBytes:N0} bytes)");
        PartialDate? date = null;
        if (!string.IsNullOrWhiteSpace(dateText))
        {
            date = ParseLooseDate(dateText);
            if (date is null) return new Rejection(name, line, $"bad date '{dateText}'");
        }
        return Accept(name, line, string.IsNullOrWhiteSpace(id) ? null : id.Trim(), text, date, title, language, source, url);
    }

    /// <summary>ISO dates, possibly with a time (the time is dropped), and RFC 822 feed dates.</summary>
    internal static PartialDate? ParseLooseDate(string s)
    {
        s = s.Trim();
        if (PartialDate.TryParse(s) is { } p) return p;
        if (s.Length > 10 && (s[10] == 'T' || s[10] == ' ') && PartialDate.TryParse(s.AsSpan(0, 10)) is { } q) return q;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto))
            return new PartialDate(dto.Year, dto.Month, dto.Day);
        // RFC 822 with a zone name DateTimeOffset does not know ("GMT" is known, "EST" is not): drop the zone.
        var lastSpace = s.LastIndexOf(' ');
        if (lastSpace > 0 && DateTime.TryParse(s[..lastSpace], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dt))
            return new PartialDate(dt.Year, dt.Month, dt.Day);
        return null;
    }

    private IEnumerable<IngestItem> ReadCsv(string name, string content)
    {
        var records = CsvParser.Parse(content).GetEnumerator();
        using (records)
        {
            if (!records.MoveNext()) { yield return new Rejection(name, 1, "empty text"); yield break; }
            var header = records.Current.Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            if (Array.IndexOf(header, "text") < 0) { yield return new Rejection(name, 1, "no 'text' column in the CSV header"); yield break; }
            string? Field(string[] fields, string col)
            {
                var i = Array.IndexOf(header, col);
                return i >= 0 && i < fields.Length ? fields[i] : null;
            }
            while (records.MoveNext())
            {
                var rec = records.Current;
                if (rec.Error is not null) { yield return new Rejection(name, rec.Line, rec.Error); continue; }
                if (rec.Fields.Length == 1 && rec.Fields[0].Length == 0) continue;
                if (rec.Fields.Length != header.Length)
                {
                    yield return new Rejection(name, rec.Line, $"expected {header.Length} CSV fields, found {rec.Fields.Length}");
                    continue;
                }
                var f = rec.Fields;
                yield return FromFields(name, rec.Line, Field(f, "id"), Field(f, "text"), Field(f, "date"), Field(f, "title"), Field(f, "language"), Field(f, "source"), Field(f, "url"));
            }
        }
    }

    private IEnumerable<IngestItem> ReadFeed(string name, string content)
    {
        XDocument xml;
        try
        {
            xml = XDocument.Parse(content, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return [new Rejection(name, ex.LineNumber, "not a valid RSS or Atom feed: " + FirstSentence(ex.Message))];
        }
        XNamespace atom = "http://www.w3.org/2005/Atom";
        XNamespace content_ = "http://purl.org/rss/1.0/modules/content/";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        var items = new List<IngestItem>();
        var root = xml.Root!;
        var feedLanguage = root.Element("channel")?.Element("language")?.Value;
        foreach (var item in root.Descendants("item"))
        {
            var line = ((IXmlLineInfo)item).LineNumber;
            var title = item.Element("title")?.Value;
            var body = item.Element(content_ + "encoded")?.Value ?? item.Element("description")?.Value;
            var date = item.Element("pubDate")?.Value ?? item.Element(dc + "date")?.Value;
            var id = item.Element("guid")?.Value ?? item.Element("link")?.Value;
            items.Add(FeedItem(name, line, id, title, body, date, feedLanguage, item.Element("link")?.Value));
        }
        foreach (var entry in root.Descendants(atom + "entry"))
        {
            var line = ((IXmlLineInfo)entry).LineNumber;
            var body = entry.Element(atom + "content")?.Value ?? entry.Element(atom + "summary")?.Value;
            var date = entry.Element(atom + "updated")?.Value ?? entry.Element(atom + "published")?.Value;
            var link = entry.Elements(atom + "link").FirstOrDefault()?.Attribute("href")?.Value;
            items.Add(FeedItem(name, line, entry.Element(atom + "id")?.Value ?? link, entry.Element(atom + "title")?.Value, body, date, null, link));
        }
        if (items.Count == 0 && root.Name.LocalName is not ("rss" or "feed" or "RDF"))
            return [new Rejection(name, 1, "not an RSS or Atom feed")];
        return items;
    }

    private IngestItem FeedItem(string name, int line, string? id, string? title, string? htmlBody, string? date, string? language, string? url)
    {
        if (string.IsNullOrWhiteSpace(date)) return new Rejection(name, line, "no date (pubDate or updated)");
        var body = HtmlText.ToPlainText(htmlBody ?? "");
        var text = string.IsNullOrWhiteSpace(title) ? body : string.IsNullOrWhiteSpace(body) ? title.Trim() : title.Trim() + "\n\n" + body;
        return FromFields(name, line, id, text, date, title?.Trim(), language, name, url);
    }

    private AcceptedDocument Accept(string name, int line, string? id, string text, PartialDate? date, string? title, string? language, string? source, string? url)
    {
        var key = DocumentKeys.ContentKey(text, date);
        var lang = NormaliseLanguage(language) ?? languages.Identify(text);
        var doc = new Document(id ?? DocumentKeys.DerivedId(name, key), text, date, lang, title, source ?? (name == "-" ? null : name), url);
        return new AcceptedDocument(name, line, doc, key);
    }

    private static string? NormaliseLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return null;
        var l = language.Trim().ToLowerInvariant();
        var dash = l.IndexOfAny(['-', '_']);
        return dash > 0 ? l[..dash] : l;
    }
}

/// <summary>The input formats of CONTRACT §1.</summary>
public enum InputFormat
{
    /// <summary>A <c>date YYYY-MM-DD</c> header, then the article.</summary>
    DatedText,

    /// <summary>One JSON object per line (or a JSON array).</summary>
    JsonLines,

    /// <summary>A header row, then one document per record.</summary>
    Csv,

    /// <summary>RSS or Atom.</summary>
    Feed,
}
