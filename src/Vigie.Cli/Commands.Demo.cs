using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Vigie.Core;
using Vigie.Ingest;
using Vigie.Storage;
using Vigie.Text;

namespace Vigie.Cli;

/// <summary><c>demo</c>: ingests the bundled demo corpus, prints what it found and serves the web UI.</summary>
internal sealed partial class Commands
{
    private Command Demo()
    {
        var noServe = new Option<bool>("--no-serve") { Description = "Ingest and print, but do not start the web UI." };
        var urls = new Option<string>("--urls") { Description = "Where the web UI listens.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var cmd = new Command("demo", "Ingest the bundled demo corpus into the database, print what was found, and serve the web UI.") { noServe, urls };
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = Context(p);
            var demo = Path.Combine(DataPaths.Root, "demo");
            if (!Directory.Exists(demo)) throw new UserException($"The demo corpus is missing ({demo}).");
            await using (var store = await ctx.OpenStoreAsync(ct))
            {
                var reader = ctx.CreateReader(1 << 20);
                await RunIngest(ctx, store, reader.Read([demo]), new Vigie.Pipeline.IngestOptions(), ct);
                var stats = await store.GetStatsAsync(ct);
                stdout.WriteLine($"The database {ctx.Database} holds {stats.Documents} documents and {stats.Events} events about {stats.Places} places, from {stats.FirstDate ?? "-"} to {stats.LastDate ?? "-"}.");
                foreach (var (t, n) in stats.EventsByType.OrderByDescending(kv => kv.Value)) stdout.WriteLine($"  {t,-28}{n,6}");
                var page = await store.QueryEventsAsync(new EventQuery(Type: "territory_taken", Limit: 40), ct);
                if (page.Events.Count > 0)
                {
                    stdout.WriteLine("Territory taken:");
                    EventTable(page.Events);
                }
            }
            if (p.GetValue(noServe)) return 0;
            return await ServeAsync(ctx, p.GetValue(urls)!, ct);
        });
        return cmd;
    }
}
