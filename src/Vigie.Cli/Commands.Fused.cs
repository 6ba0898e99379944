using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Vigie.Core;
using Vigie.Fusion;

namespace Vigie.Cli;

internal sealed partial class Commands
{
    private static readonly string[] FusedColumns = ["id", "date", "type", "actor1", "place", "modality", "sources", "tolls (low/best/high)", "contradictions"];

    private Command Fused()
    {
        var format = FormatOption("table", "table", "jsonl");
        var multi = new Option<bool>("--merged-only") { Description = "Only events that several documents report." };
        var type = new Option<string?>("--type") { Description = "Only this event type." };
        var cmd = new Command("fused", "Events merged across sources: one event per real-world event, every source kept as evidence.") { format, multi, type };
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = Context(p);
            await using var store = await ctx.OpenStoreAsync(ct);
            var fuser = new EventFuser();
            var events = new List<Event>();
            await foreach (var e in store.StreamEventsAsync(ct)) events.Add(e);
            fuser.Add(events);
            var t = p.GetValue(type);
            var fused = fuser.Fused()
                .Where(f => (!p.GetValue(multi) || f.SourcesCount > 1) && (t is null || f.Event.Type == t))
                .OrderBy(f => f.Event.Date?.Value ?? "", StringComparer.Ordinal).ThenBy(f => f.Id, StringComparer.Ordinal)
                .ToList();
            if (p.GetValue(format) == "jsonl")
            {
                foreach (var f in fused) stdout.WriteLine(JsonSerializer.Serialize(f, VigieJson.Options));
            }
            else
            {
                var table = new Table().Border(TableBorder.Simple);
                foreach (var h in FusedColumns) table.AddColumn(h);
                foreach (var f in fused)
                    table.AddRow(Markup.Escape(f.Id), Markup.Escape(f.Event.Date?.Value ?? ""), Markup.Escape(f.Event.Type), Markup.Escape(f.Event.Actor1?.Name ?? ""),
                        Markup.Escape(string.Join(", ", f.Event.Locations.Select(l => l.Name))), Markup.Escape(JsonSerializer.Serialize(f.Modality, VigieJson.Options).Trim('"')),
                        f.SourcesCount.ToString(CultureInfo.InvariantCulture),
                        Markup.Escape(string.Join("; ", f.Tolls.Select(x => $"{x.Kind} {x.Low}/{x.Best}/{x.High}"))),
                        Markup.Escape(string.Join("; ", f.Contradictions.Select(c => c.Kind))));
                Write(table);
            }
            stderr.WriteLine($"{fuser.EventCount} events, {fuser.ClusterCount} fused events, {fuser.MergeCount} merges; {fused.Count} shown");
            return 0;
        });
        return cmd;
    }
}
