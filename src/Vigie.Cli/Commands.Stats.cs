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

/// <summary><c>stats</c>: what the database holds.</summary>
internal sealed partial class Commands
{
    private Command Stats()
    {
        var format = FormatOption("table", "table", "json");
        var cmd = new Command("stats", "What the database holds.") { format };
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = Context(p);
            await using var store = await ctx.OpenStoreAsync(ct);
            var s = await store.GetStatsAsync(ct);
            if (p.GetValue(format) == "json")
            {
                stdout.WriteLine(JsonSerializer.Serialize(s, VigieJson.Indented));
                return 0;
            }
            stdout.WriteLine($"database   {ctx.Database}");
            stdout.WriteLine($"documents  {s.Documents}");
            stdout.WriteLine($"events     {s.Events}");
            stdout.WriteLine($"places     {s.Places}");
            stdout.WriteLine($"dates      {s.FirstDate ?? "-"} to {s.LastDate ?? "-"}");
            foreach (var (t, n) in s.EventsByType.OrderByDescending(kv => kv.Value)) stdout.WriteLine($"  {t,-28}{n,8}");
            return 0;
        });
        return cmd;
    }
}
