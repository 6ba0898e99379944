namespace Vigie.Cli.Tests;

/// <summary><c>vigie bench --serve</c> in a bounded form: it runs and prints every figure; the figures themselves are
/// for docs/benchmarks.md, not asserted.</summary>
public sealed class ServeBenchTests
{
    [Fact(Timeout = 300_000)]
    public async Task The_server_load_benchmark_runs_and_prints_its_figures()
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = await VigieApp.RunAsync(["bench", "--serve", "--serve-documents", "300", "--serve-clients", "4", "--serve-seconds", "0.5"], o, e);
        var output = o.ToString();
        Assert.True(code == 0, output + e);
        foreach (var line in new[]
        {
            "GET /api/events, readers only", "GET /api/events, beside /api/control", "GET /api/control, beside /api/events",
            "GET /api/events, beside a writer", "GET /api/control, beside a writer", "POST /api/documents, beside readers",
        })
            Assert.Matches(@"serve " + System.Text.RegularExpressions.Regex.Escape(line) + @" +\d+ req/s +p50 +[\d.]+ ms +p95 +[\d.]+ ms", output);
        Assert.DoesNotContain("failed", output, StringComparison.Ordinal);
    }
}
