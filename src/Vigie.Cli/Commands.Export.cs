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

/// <summary><c>export</c>: stored events as JSON lines, ACLED CSV or GeoJSON.</summary>
internal sealed partial class Commands
{
    private Command ExportCommand()
    {
        var format = FormatOption("jsonl", [.. EventExport.Formats]);
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var fused = new Option<bool>("--fused") { Description = "One row per real-world event (the events of `fused`), as the web UI's fused view exports." };
        var cmd = new Command("export", "Export stored events (the same files as GET /api/export).") { format, output, fused };
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = Context(p);
            await using var store = await ctx.OpenStoreAsync(ct);
            var path = p.GetValue(output);
            await using var file = path is null ? null : File.Create(path);
            var stream = file ?? Console.OpenStandardOutput();
            var events = p.GetValue(fused) ? FusedEvents(store, ct) : store.StreamEventsAsync(ct);
            await EventExport.WriteAsync(stream, p.GetValue(format)!, events, ct);
            await stream.FlushAsync(ct);
            return 0;
        });
        return cmd;
    }

    private static async IAsyncEnumerable<Event> FusedEvents(IVigieStore store, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var events = new List<Event>();
        await foreach (var e in store.StreamEventsAsync(ct)) events.Add(e);
        foreach (var f in Vigie.Fusion.EventFuser.Rebuild(events).Fused()) yield return f.Event;
    }
}
