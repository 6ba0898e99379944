using System.CommandLine;
using Vigie.Ingest;
using Vigie.Pipeline.Distributed;
using Vigie.Storage;

namespace Vigie.Cli;

internal sealed partial class Commands
{
    /// <summary><c>ingest --to nats://…</c>: queue the documents for <c>vigie worker</c>s instead of storing them here.</summary>
    private static readonly Option<string?> ToOption = new("--to") { Description = "Publish the documents to this NATS JetStream server (nats://host:port) for `vigie worker`s instead of storing them." };

    /// <summary>Publishes the items to the queue; returns the exit code of <c>ingest</c>.</summary>
    private async Task<int> PublishAsync(CliContext ctx, string url, IEnumerable<IngestItem> items, CancellationToken ct)
    {
        if (!url.StartsWith("nats://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("tls://", StringComparison.OrdinalIgnoreCase))
            throw new UserException($"--to expects a nats:// URL, not '{url}'.");
        var clock = VigieApp.Start();
        PublishSummary summary;
        try
        {
            summary = await DocumentPublisher.PublishAsync(url, StoreFactory.TargetName(ctx.Database), items, ctx.Report, new SyncProgress<int>(n => stderr.WriteLine($"progress: {n} published")), ct);
        }
        catch (QueueUnavailableException ex)
        {
            throw new UserException($"Cannot publish to the NATS server at {url}: {ex.Message}", ex);
        }
        stdout.WriteLine($"Published {summary.Published} documents to {DocumentQueue.Stream}; {summary.Duplicates} already queued; {summary.Rejections.Count} rejected ({clock.Elapsed.TotalSeconds:0.0} s).");
        return summary.Rejections.Count > 0 ? VigieApp.RejectedExitCode : 0;
    }
}
