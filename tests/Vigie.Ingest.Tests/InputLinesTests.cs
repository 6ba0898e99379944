using System.Text;

namespace Vigie.Ingest.Tests;

/// <summary>The line splitter reads a file (bytes, 64 KiB at a time) and a request body (chars, 16 Ki at a time) into
/// the same lines, whatever falls on a chunk boundary.</summary>
public sealed class InputLinesTests(ReaderFixture fixture) : IClassFixture<ReaderFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigie-lines-").FullName;
    private readonly DocumentReader _reader = fixture.Reader();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Line(string id, int length)
    {
        var head = $"{{\"id\":\"{id}\",\"text\":\"";
        const string tail = "\"}\r\n";
        var pad = new StringBuilder();
        while (pad.Length < length - head.Length - tail.Length) pad.Append("Les talibans ont pris Kaboul. ");
        return head + pad.ToString(0, length - head.Length - tail.Length) + tail;
    }

    private static List<string> Summary(IEnumerable<IngestItem> items) =>
    [
        .. items.Select(i => i switch
        {
            AcceptedDocument a => $"{a.Document.Id}:{a.Document.Text}",
            Rejection r => $"line {r.Line}: {r.Reason}",
            _ => i.ToString()!,
        }),
    ];

    [Fact]
    public void Lines_across_chunk_boundaries_read_the_same_from_a_file_and_from_a_request_body()
    {
        var content = new StringBuilder();
        var n = 0;
        while (content.Length + 3000 <= 1 << 16) content.Append(Line($"d{n++}", 3000));
        // A line whose '\r' is the last unit of a chunk (64 KiB of bytes, four chunks of chars) and its '\n' the first of the next.
        content.Append(Line($"d{n++}", (1 << 16) + 1 - content.Length));
        content.Append(Line($"d{n++}", 3000));
        var longLine = n + 1;
        content.Append("{\"id\":\"long\",\"text\":\"").Append('a', 100_000).Append("\"}\r\n");
        content.Append("{\"id\":\"last\",\"text\":\"Sans fin de ligne.\"}");
        var path = Path.Combine(_dir, "lines.jsonl");
        File.WriteAllText(path, content.ToString(), new UTF8Encoding(false));

        var fromFile = Summary(HostileInputTests.Bounded(() => _reader.Read([path]).ToList()));
        var fromBody = Summary(HostileInputTests.Bounded(() => _reader.ReadContent("request", content.ToString(), InputFormat.JsonLines).ToList()));

        Assert.Equal(fromFile, fromBody);
        Assert.Equal(n + 2, fromFile.Count);
        Assert.StartsWith($"line {longLine}: over the size limit", fromFile[n], StringComparison.Ordinal);
        Assert.Equal("last:Sans fin de ligne.", fromFile[^1]);
        Assert.All(fromFile.Take(n), s => Assert.Matches("^d[0-9]+:Les talibans", s));
    }
}
