using System.Diagnostics;
using System.Text.Json;

namespace Vigie.Cli.Tests;

/// <summary>Hostile input through <c>vigie ingest</c>: hostile files beside good ones never abort the run nor hang it.</summary>
public sealed class HostileIngestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigie-cli-hostile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Db => Path.Combine(_dir, "test.db");

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = await VigieApp.RunAsync([.. args, "--db", Db], o, e).WaitAsync(TimeSpan.FromMinutes(3));
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public async Task A_folder_of_hostile_files_stores_the_good_documents_and_reports_each_bad_one_on_one_line()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        File.WriteAllText(Path.Combine(folder, "docs.jsonl"),
            "{\"id\":\"g1\",\"date\":\"2021-08-14\",\"text\":\"Mazar-i-Sharif fell on Saturday.\"}\n"
            + "{\"id\":\"bad\",\"text\":\"abc \\ud800\"}\n"
            + "{\"id\":\"g2\",\"date\":\"2021-08-15\",\"text\":\"Les talibans sont entrés dans Kaboul dimanche.\"}\n");
        File.WriteAllText(Path.Combine(folder, "first.jsonl"), "[1]\n{\"id\":\"g3\",\"date\":\"2021-08-13\",\"text\":\"Kandahar fell on Friday.\"}\n");
        File.WriteAllText(Path.Combine(folder, "evil\nname.txt"), "no date header");
        if (OperatingSystem.IsLinux())
        {
            Directory.CreateSymbolicLink(Path.Combine(folder, "loop"), ".");
            using var mk = Process.Start("mkfifo", Path.Combine(folder, "pipe.jsonl"));
            await mk.WaitForExitAsync();
        }

        var (code, _, err) = await Run("ingest", folder);

        Assert.Equal(2, code);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("progress:", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Exists(l => l.EndsWith("docs.jsonl:2: not valid text: a string holds a lone UTF-16 surrogate escape", StringComparison.Ordinal)), err);
        Assert.True(lines.Exists(l => l.EndsWith("first.jsonl:1: not a JSON object", StringComparison.Ordinal)), err);
        Assert.True(lines.Exists(l => l.EndsWith("evil\\nname.txt:1: no date header (expected 'date YYYY-MM-DD' before the text)", StringComparison.Ordinal)), err);
        if (OperatingSystem.IsLinux()) Assert.True(lines.Exists(l => l.Contains("pipe.jsonl:0: not a regular file", StringComparison.Ordinal)), err);
        var stats = new StringWriter();
        await VigieApp.RunAsync(["stats", "--format", "json", "--db", Db], stats, new StringWriter());
        Assert.Equal(3, JsonDocument.Parse(stats.ToString()).RootElement.GetProperty("documents").GetInt32());
    }
}
