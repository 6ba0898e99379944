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
        var format = FormatOption("jsonl", "jsonl", "acled-csv", "geojson");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var cmd = new Command("export", "Export stored events.") { format, output };
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = Context(p);
            await using var store = await ctx.OpenStoreAsync(ct);
            var path = p.GetValue(output);
            await using var file = path is null ? null : File.Create(path);
            var stream = file ?? Console.OpenStandardOutput();
            var events = store.StreamEventsAsync(ct);
            switch (p.GetValue(format))
            {
                case "geojson":
                    await GeoJsonWriter.WriteAsync(stream, events, ct);
                    break;
                case "acled-csv":
                {
                    await using var w = new StreamWriter(stream, leaveOpen: true);
                    await AcledCsvWriter.WriteAsync(w, events, CountryTable.Load(Path.Combine(Vigie.Text.DataPaths.Root, "geo", "countries.tsv")), ct: ct);
                    break;
                }
                default:
                {
                    await using var w = new StreamWriter(stream, leaveOpen: true);
                    await foreach (var e in events) await w.WriteLineAsync(VigieJson.Serialize(e));
                    break;
                }
            }
            await stream.FlushAsync(ct);
            return 0;
        });
        return cmd;
    }
}
