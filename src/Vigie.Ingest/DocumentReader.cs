using System.Globalization;
using CsvHelper;
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
public sealed class DocumentReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly ReaderOptions _options;
    private readonly DatedTextFormat _datedText;
    private readonly JsonLinesFormat _jsonLines;
    private readonly CsvFormat _csv;
    private readonly FeedFormat _feed;

    /// <summary>A reader that identifies the language of documents that do not name theirs.</summary>
    public DocumentReader(LanguageIdentifier languages, ReaderOptions? options = null)
    {
        _options = options ?? new ReaderOptions();
        var fields = new DocumentFields(languages, _options);
        _datedText = new DatedTextFormat(fields);
        _jsonLines = new JsonLinesFormat(fields);
        _csv = new CsvFormat(fields);
        _feed = new FeedFormat(fields);
    }

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
    public IEnumerable<IngestItem> ReadContent(string name, string content, InputFormat format) => Format(format).Read(name, content);

    private IDocumentFormat Format(InputFormat format) => format switch
    {
        InputFormat.DatedText => _datedText,
        InputFormat.JsonLines => _jsonLines,
        InputFormat.Csv => _csv,
        InputFormat.Feed => _feed,
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
        if (format == InputFormat.JsonLines && !JsonLinesFormat.StartsWithArray(path)) return _jsonLines.Stream(path);
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
        return _feed.Read(url, content);
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
