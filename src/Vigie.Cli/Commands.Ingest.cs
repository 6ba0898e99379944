using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Vigie.Core;
using Vigie.Ingest;
using Vigie.Pipeline;
using Vigie.Pipeline.Evaluation;
using Vigie.Pipeline.Export;
using Vigie.Storage;

namespace Vigie.Cli;

/// <summary><c>ingest</c>: reads, extracts and stores documents (or queues them, see Commands.Publish.cs).</summary>
internal sealed partial class Commands
{
    private Command IngestCommand()
    {
        var chunk = new Option<int>("--chunk-size") { Description = "Documents read, analysed and written together.", DefaultValueFactory = _ => 256 };
        var commit = new Option<int>("--commit-every") { Description = "Documents per transaction (whole chunks); a crash loses at most these, and a rerun stores them.", DefaultValueFactory = _ => 8192 };
        var cmd = new Command("ingest", "Extract events from documents and store them (progress bar on a terminal), or publish them to NATS with --to.") { Paths, MaxBytes, chunk, commit, ToOption };
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = Context(p);
            var reader = ctx.CreateReader(p.GetValue(MaxBytes));
            if (p.GetValue(ToOption) is { } to) return await PublishAsync(ctx, to, reader.Read(p.GetValue(Paths)!), ct);
            await using var store = await ctx.OpenStoreAsync(ct);
            var summary = await RunIngest(ctx, store, reader.Read(p.GetValue(Paths)!), new IngestOptions(Math.Max(1, p.GetValue(chunk)), CommitEvery: Math.Max(1, p.GetValue(commit))), ct);
            return summary.Rejections.Count > 0 ? VigieApp.RejectedExitCode : 0;
        });
        return cmd;
    }

    private async Task<IngestSummary> RunIngest(CliContext ctx, IVigieStore store, IEnumerable<IngestItem> items, IngestOptions options, CancellationToken ct)
    {
        var service = new IngestService(ctx.Analyzer, store, options);
        var clock = VigieApp.Start();
        IngestSummary summary;
        var interactive = !Console.IsErrorRedirected && !Console.IsOutputRedirected && ReferenceEquals(stdout, Console.Out);
        if (interactive)
        {
            var rejections = new List<Rejection>();
            summary = await AnsiConsole.Progress()
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
                .StartAsync(async progressContext =>
                {
                    var task = progressContext.AddTask("Ingesting", maxValue: double.MaxValue);
                    task.IsIndeterminate = true;
                    var progress = new SyncProgress<IngestProgress>(x => task.Description = $"Ingesting: {x.Read} read, {x.Stored} stored, {x.Skipped} already there, {x.Rejected} rejected, {x.Events} events");
                    var s = await service.RunAsync(items, progress, rejections.Add, ct);
                    task.StopTask();
                    return s;
                });
            foreach (var r in rejections) ctx.Report(r);
        }
        else
        {
            var progress = new SyncProgress<IngestProgress>(x => stderr.WriteLine($"progress: {x.Read} read, {x.Stored} stored, {x.Skipped} already stored, {x.Rejected} rejected, {x.Events} events"));
            summary = await service.RunAsync(items, progress, ctx.Report, ct);
        }
        stdout.WriteLine($"Stored {summary.Stored} documents and {summary.Events} events; {summary.Skipped} already stored; {summary.Rejections.Count} rejected ({clock.Elapsed.TotalSeconds:0.0} s).");
        return summary;
    }

    /// <summary>Reports progress on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
