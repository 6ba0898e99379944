using System.CommandLine;
using Vigie.Pipeline.Distributed;
using Vigie.Storage;

namespace Vigie.Cli;

internal sealed partial class Commands
{
    private Command Worker()
    {
        var nats = new Option<string>("--nats") { Description = "The NATS server with JetStream, e.g. nats://127.0.0.1:4222.", DefaultValueFactory = _ => "nats://127.0.0.1:4222" };
        var batch = new Option<int>("--batch-size") { Description = "Documents stored per transaction.", DefaultValueFactory = _ => 128 };
        var ackWait = new Option<double>("--ack-wait") { Description = "Seconds before an unacknowledged document goes to another worker.", DefaultValueFactory = _ => 30 };
        var drain = new Option<bool>("--exit-when-drained") { Description = "Stop once the queue is empty instead of waiting for more." };
        var cmd = new Command("worker", "Consume documents from NATS JetStream, store their events (PostgreSQL with --db), acknowledge after commit.") { nats, batch, ackWait, drain };
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = Context(p);
            var url = p.GetValue(nats)!;
            if (!url.StartsWith("nats://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("tls://", StringComparison.OrdinalIgnoreCase))
                throw new UserException($"--nats expects a nats:// URL, not '{url}'.");
            if (!StoreFactory.IsPostgres(ctx.Database))
                stderr.WriteLine("vigie: warning: several workers need a shared PostgreSQL database (--db); this one writes to the file " + ctx.Database + ".");
            var analyzer = ctx.Analyzer;
            await using var store = await ctx.OpenStoreAsync(ct);
            var worker = new DocumentWorker(analyzer, store, new WorkerOptions(Math.Max(1, p.GetValue(batch)), TimeSpan.FromSeconds(Math.Max(1, p.GetValue(ackWait))), p.GetValue(drain)));
            stderr.WriteLine($"worker: consuming {DocumentQueue.Stream} from {url}");
            var progress = new SyncProgress<WorkerProgress>(x => stderr.WriteLine($"progress: {x.Received} received, {x.Stored} stored, {x.Skipped} already stored, {x.Invalid} invalid, {x.Events} events"));
            WorkerProgress total;
            try
            {
                total = await worker.RunAsync(url, progress, ct);
            }
            catch (QueueUnavailableException ex)
            {
                throw new UserException($"Cannot use the NATS server at {url}: {ex.Message}", ex);
            }
            stdout.WriteLine($"Stored {total.Stored} documents and {total.Events} events; {total.Skipped} already stored; {total.Invalid} invalid messages.");
            return 0;
        });
        return cmd;
    }
}
