using System.Text;
using Vigie.Text;

namespace Vigie.Ingest;

/// <summary>Options for reading input.</summary>
/// <param name="MaxDocumentBytes">Documents (or text files) larger than this are rejected.</param>
public sealed record ReaderOptions(int MaxDocumentBytes = 1 << 20);

/// <summary>Reads every input format of CONTRACT §1 into documents and rejections as it goes, never throwing on bad
/// input, never blocking on a file that is not a regular one, and holding at most one document's worth of input.</summary>
public sealed class DocumentReader
{
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
            IEnumerable<IngestItem> items;
            if (path == "-")
            {
                items = ReadSource(new TextSource("-", stdin ?? Console.In), null);
            }
            else if (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                items = ReadUrl(path);
            }
            else
            {
                items = FileWalker.Available ? ReadPath(Encoding.UTF8.GetBytes(path)) : ReadPathManaged(path);
            }
            foreach (var item in items) yield return item;
        }
    }

    /// <summary>Reads one input already in memory (a request body), in any format.</summary>
    public IEnumerable<IngestItem> ReadContent(string name, string content, InputFormat format)
    {
        ArgumentNullException.ThrowIfNull(content);
        return ReadSource(new TextSource(InputName.Escape(name), new StringReader(content)), format);
    }

    private IEnumerable<IngestItem> ReadSource(InputSource source, InputFormat? format)
    {
        using (source)
        {
            foreach (var item in Format(format ?? Sniff(source)).Read(source)) yield return item;
        }
    }

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

    private static InputFormat Sniff(InputSource source) => source.FirstNonBlank() switch
    {
        '{' or '[' => InputFormat.JsonLines,
        '<' => InputFormat.Feed,
        _ => InputFormat.DatedText,
    };

    /// <summary>A path given by the user: a folder is walked, a regular file read, anything else refused.</summary>
    private IEnumerable<IngestItem> ReadPath(byte[] path)
    {
        var name = InputName.Escape(path);
        switch (UnixFiles.Stat(path, out var id, out var error))
        {
            case FileKind.Directory:
                foreach (var file in FileWalker.Walk(path, id))
                {
                    if (file.Error is not null)
                    {
                        var reason = file.Error.StartsWith("not a regular file", StringComparison.Ordinal) ? file.Error : "cannot be read: " + file.Error;
                        if (FormatOf(file.Name) is not null || file.IsFolder) yield return new Rejection(file.Name, 0, reason);
                        continue;
                    }
                    if (FormatOf(file.Name) is not { } format) continue; // index.tsv, README and the like are not documents
                    foreach (var item in ReadFile(file.Path, file.Name, format)) yield return item;
                }
                break;
            case FileKind.Regular:
                foreach (var item in ReadFile(path, name, FormatOf(name))) yield return item;
                break;
            case FileKind.Other:
                yield return new Rejection(name, 0, "not a regular file (a device, FIFO or socket is never read)");
                break;
            default:
                yield return new Rejection(name, 0, error == "no such file or folder" ? error : "cannot be read: " + error);
                break;
        }
    }

    private IEnumerable<IngestItem> ReadFile(byte[] path, string name, InputFormat? format)
    {
        var handle = UnixFiles.OpenRegular(path, out var error);
        if (handle is null) return [new Rejection(name, 0, error == "not a regular file" ? "not a regular file (a device, FIFO or socket is never read)" : "cannot be read: " + error)];
        return ReadSource(new FileSource(name, new FileStream(handle, FileAccess.Read, 1 << 16)), format);
    }

    /// <summary>Where libc cannot be called: .NET's file API, regular files only, each folder once.</summary>
    private IEnumerable<IngestItem> ReadPathManaged(string path)
    {
        var name = InputName.Escape(path);
        if (Directory.Exists(path))
        {
            foreach (var file in FileWalker.WalkManaged(path))
            {
                if (FormatOf(file) is not { } format) continue;
                foreach (var item in ReadFileManaged(file, format)) yield return item;
            }
        }
        else if (File.Exists(path))
        {
            foreach (var item in ReadFileManaged(path, FormatOf(path))) yield return item;
        }
        else
        {
            yield return new Rejection(name, 0, "no such file or folder");
        }
    }

    private IEnumerable<IngestItem> ReadFileManaged(string path, InputFormat? format)
    {
        var name = InputName.Escape(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new Rejection(name, 0, "cannot be read: " + ex.Message)];
        }
        return ReadSource(new FileSource(name, stream), format);
    }

    private IEnumerable<IngestItem> ReadUrl(string url)
    {
        string content;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30), MaxResponseContentBufferSize = Math.Max(1 << 24, 16L * _options.MaxDocumentBytes) };
            content = http.GetStringAsync(new Uri(url)).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return [new Rejection(InputName.Escape(url), 0, "cannot be fetched: " + ex.Message)];
        }
        return ReadSource(new TextSource(InputName.Escape(url), new StringReader(content)), InputFormat.Feed);
    }
}

/// <summary>The input formats of CONTRACT §1.</summary>
public enum InputFormat
{
    /// <summary>A <c>date YYYY-MM-DD</c> header, then the article.</summary>
    DatedText,

    /// <summary>One JSON object per line (or, in a <c>.json</c> file, a JSON array).</summary>
    JsonLines,

    /// <summary>A header row, then one document per record.</summary>
    Csv,

    /// <summary>RSS or Atom.</summary>
    Feed,
}
