using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Vigie.Core;
using Vigie.Ingest;
using Vigie.Text;

namespace Vigie.Cli;

internal sealed partial class Commands
{
    private Command Bench()
    {
        var megabytes = new Option<double>("--mb") { Description = "Size of the generated corpus in megabytes.", DefaultValueFactory = _ => 20 };
        var cmd = new Command("bench", "Measure extraction throughput on a corpus built from the demo corpus (and ../shared/corpus/news when present).") { megabytes };
        cmd.SetAction(p =>
        {
            var ctx = Context(p);
            var corpus = BenchCorpus.Build(ctx.CreateReader(1 << 20), p.GetValue(megabytes));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"corpus: {corpus.Count} documents, {corpus.Sum(d => (long)d.Text.Length) / 1e6:0.0} M characters"));
            var load = Stopwatch.StartNew();
            var analyzer = ctx.Analyzer;
            analyzer.Analyze(corpus[0]);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load: {load.Elapsed.TotalSeconds:0.00} s"));
            foreach (var cores in new[] { 1, Environment.ProcessorCount }.Distinct())
            {
                var sw = Stopwatch.StartNew();
                long events = 0;
                Parallel.ForEach(corpus, new ParallelOptions { MaxDegreeOfParallelism = cores }, d => Interlocked.Add(ref events, analyzer.Analyze(d).Events.Count));
                var s = sw.Elapsed.TotalSeconds;
                var mb = corpus.Sum(d => (long)System.Text.Encoding.UTF8.GetByteCount(d.Text)) / 1e6;
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{cores} core(s): {corpus.Count / s:0} documents/s  {mb / s:0.00} MB/s  {events / s:0} events/s  ({s:0.00} s)"));
            }
            using var proc = Process.GetCurrentProcess();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak memory: {proc.PeakWorkingSet64 / 1e6:0} MB"));
            return 0;
        });
        return cmd;
    }
}

/// <summary>Builds a benchmark corpus of a chosen size by cycling real documents with varied ids.</summary>
internal static class BenchCorpus
{
    public static List<Document> Build(DocumentReader reader, double megabytes)
    {
        var sources = new List<string> { Path.Combine(DataPaths.Root, "demo") };
        var shared = Path.GetFullPath(Path.Combine(DataPaths.Root, "..", "..", "shared", "corpus", "news"));
        if (Directory.Exists(shared)) sources.Add(shared);
        var seed = reader.Read(sources).OfType<AcceptedDocument>().Select(a => a.Document).ToList();
        if (seed.Count == 0) throw new UserException("No documents to build a benchmark corpus from.");
        var target = (long)(megabytes * 1e6);
        var list = new List<Document>();
        long size = 0;
        for (var i = 0; size < target; i++)
        {
            var d = seed[i % seed.Count];
            list.Add(d with { Id = $"{d.Id}-{i}" });
            size += System.Text.Encoding.UTF8.GetByteCount(d.Text);
        }
        return list;
    }
}
