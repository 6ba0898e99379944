using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Vigie.Ingest.Tests;

/// <summary>Whatever the bytes or the JSON, the reader never throws: it accepts or rejects.</summary>
public sealed class ReaderPropertyTests(ReaderFixture fixture) : IClassFixture<ReaderFixture>, IDisposable
{
    private static readonly string[] Extensions = [".txt", ".jsonl", ".json", ".csv", ".rss", ".bin"];
    private readonly string _dir = Directory.CreateTempSubdirectory("vigie-property-").FullName;
    private readonly DocumentReader _reader = fixture.Reader(2048);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] JsonPieces =
    [
        "{", "}", "[", "]", ",", ":", "\"id\"", "\"text\"", "\"date\"", "\"language\"", "\"title\"", "\"x\"", "\"\\ud800\"", "\"\\udfff\"",
        "\"\\u0000\"", "\"2021-08-15\"", "\"01/02/2021\"", "\"2021-8-1\"", "12345", "-1e999", "null", "true", "\n", "\r\n", " ", "\"a\\\"b\"", "\\",
        "\"", "\uFEFF", "é", "\"Les talibans ont pris Kaboul.\"",
    ];

    private static Arbitrary<string> JsonLike() =>
        Gen.ListOf(Gen.Elements(JsonPieces)).Select(p => string.Concat(p)).ToArbitrary();

    [Property(MaxTest = 150)]
    public Property Random_bytes_in_any_file_are_read_or_rejected() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), Gen.Elements(Extensions).ToArbitrary(), (bytes, ext) =>
        {
            var path = Path.Combine(_dir, "random" + ext);
            File.WriteAllBytes(path, bytes);
            return ReadsCleanly(() => _reader.Read([path]).ToList());
        });

    [Property(MaxTest = 300)]
    public Property Random_json_is_read_or_rejected_in_every_format() =>
        Prop.ForAll(JsonLike(), text =>
            Enum.GetValues<InputFormat>().All(f => ReadsCleanly(() => _reader.ReadContent("r.json", text, f).ToList())));

    [Property(MaxTest = 150)]
    public Property Random_json_lines_files_are_read_or_rejected() =>
        Prop.ForAll(JsonLike(), text =>
        {
            var path = Path.Combine(_dir, "random.json");
            File.WriteAllText(path, text);
            return ReadsCleanly(() => _reader.Read([path]).ToList());
        });

    private static bool ReadsCleanly(Func<List<IngestItem>> read)
    {
        var items = HostileInputTests.Bounded(read);
        return items.All(i => i is AcceptedDocument or Rejection { Line: >= 0 }) && items.OfType<Rejection>().All(r => !r.ToString().Contains('\n', StringComparison.Ordinal));
    }
}
