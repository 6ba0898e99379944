using System.Text;
using System.Text.Json;
using Vigie.Testing;

namespace Vigie.Cli.Tests;

public sealed class IngestCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigie-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Db => Path.Combine(_dir, "test.db");

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = await VigieApp.RunAsync([.. args, "--db", Db], o, e);
        return (code, o.ToString(), e.ToString());
    }

    private async Task<JsonElement> Stats() => JsonDocument.Parse((await Run("stats", "--format", "json")).Out).RootElement;

    [Fact]
    public async Task A_folder_with_bad_files_stores_every_good_document_names_every_bad_one_and_exits_2()
    {
        var folder = Path.Combine(_dir, "in");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "good.txt"), "date 2021-08-13 The Taliban captured Kandahar on Friday.");
        File.WriteAllText(Path.Combine(folder, "nodate.txt"), "The Taliban captured Herat on Thursday.");
        File.WriteAllBytes(Path.Combine(folder, "latin1.txt"), [.. Encoding.ASCII.GetBytes("date 2021-08-12 H"), 0xE9, .. Encoding.ASCII.GetBytes("rat est tomb"), 0xE9, (byte)'e']);
        File.WriteAllText(Path.Combine(folder, "empty.txt"), "");
        File.WriteAllText(Path.Combine(folder, "docs.jsonl"),
            "{\"id\":\"j1\",\"date\":\"2021-08-14\",\"text\":\"Mazar-i-Sharif fell on Saturday.\"}\n"
            + "{\"id\":\"j2\",\"date\":\"2021-08-14\",\"text\":\"broken\n"
            + "{\"id\":\"j3\",\"date\":\"2021-08-15\",\"text\":\"Les talibans sont entrés dans Kaboul dimanche.\"}\n");

        var (code, _, err) = await Run("ingest", folder);

        Assert.Equal(2, code);
        Assert.Contains("nodate.txt:1: no date header", err, StringComparison.Ordinal);
        Assert.Contains("latin1.txt:1: not UTF-8", err, StringComparison.Ordinal);
        Assert.Contains("empty.txt:1: empty text", err, StringComparison.Ordinal);
        Assert.Contains("docs.jsonl:2: not JSON", err, StringComparison.Ordinal);
        Assert.Equal(3, (await Stats()).GetProperty("documents").GetInt32());
    }

    [Fact]
    public async Task Ingesting_twice_stores_once()
    {
        var file = Path.Combine(_dir, "a.jsonl");
        File.WriteAllText(file, "{\"id\":\"a\",\"date\":\"2021-08-13\",\"text\":\"Kandahar fell.\"}\n{\"id\":\"b\",\"date\":\"2021-08-13\",\"text\":\"Kandahar  fell.\"}\n");
        var first = await Run("ingest", file);
        var second = await Run("ingest", file);
        Assert.Equal((0, 0), (first.Code, second.Code));
        Assert.Contains("Stored 1 documents", first.Out, StringComparison.Ordinal);
        Assert.Contains("Stored 0 documents", second.Out, StringComparison.Ordinal);
        Assert.Equal(1, (await Stats()).GetProperty("documents").GetInt32());
    }

    [SharedFact]
    public async Task The_news_corpus_stores_46_documents_then_none()
    {
        var news = SharedFiles.Path("corpus", "news");
        Assert.Equal(0, (await Run("ingest", news)).Code);
        Assert.Equal(46, (await Stats()).GetProperty("documents").GetInt32());
        var again = await Run("ingest", news);
        Assert.Contains("Stored 0 documents", again.Out, StringComparison.Ordinal);
        Assert.Equal(46, (await Stats()).GetProperty("documents").GetInt32());
    }

    [Fact]
    public async Task Errors_are_one_sentence_on_stderr_with_a_non_zero_code()
    {
        var (code, _, err) = await Run("events", "--from", "last tuesday");
        Assert.Equal(1, code);
        Assert.Equal("vigie: --from must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not 'last tuesday'.", err.Trim());
    }

    [Fact]
    public async Task Stats_json_has_the_contract_fields()
    {
        var s = await Stats();
        foreach (var field in new[] { "documents", "events", "events_by_type", "places", "first_date", "last_date" })
            Assert.True(s.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Demo_ingests_the_bundled_corpus()
    {
        var (code, output, _) = await Run("demo", "--no-serve");
        Assert.Equal(0, code);
        var docs = (await Stats()).GetProperty("documents").GetInt32();
        Assert.InRange(docs, 15, 25);
        Assert.Contains("holds", output, StringComparison.Ordinal);
    }
}
