using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Vigie.Core;
using Vigie.Fusion;
using Vigie.Pipeline;
using Vigie.Pipeline.Evaluation;

namespace Vigie.Cli;

internal sealed partial class Commands
{
    private static readonly string[] ControlColumns = ["place", "country", "feature", "controller", "since", "status", "events"];

    private Command Control()
    {
        var asOf = new Option<string>("--as-of") { Description = "The day, YYYY-MM-DD.", Required = true };
        var country = new Option<string?>("--country") { Description = "ISO alpha-2 country code." };
        var format = FormatOption("table", "table", "json");
        var summary = new Option<bool>("--summary") { Description = "Also count the places and the capitals (national and provincial) each actor holds." };
        var reference = new Option<string?>("--check-capitals") { Description = "A reference file of capitals and the day each fell (data/reference/*.tsv): score the timeline against it." };
        var cmd = new Command("control", "Who controls which place on a date.") { asOf, country, format, summary, reference };
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = Context(p);
            var day = ParseDay(p.GetValue(asOf), "--as-of")!.Value;
            var cc = p.GetValue(country)?.ToUpperInvariant();
            await using var store = await ctx.OpenStoreAsync(ct);
            var features = ControlQueries.FeaturesFrom(ControlQueries.LoadGazetteer());
            var timeline = await ControlQueries.LoadTimelineAsync(store, features, ct);
            var entries = timeline.AsOf(day, cc);
            if (p.GetValue(format) == "json")
            {
                stdout.WriteLine(JsonSerializer.Serialize(entries, VigieJson.Indented));
            }
            else
            {
                var table = new Table().Border(TableBorder.Simple);
                foreach (var h in ControlColumns) table.AddColumn(h);
                foreach (var e in entries)
                    table.AddRow(Markup.Escape(e.Place.Name), Markup.Escape(e.Place.Country ?? ""), Markup.Escape(e.Place.Feature ?? ""), Markup.Escape(e.Controller.Name),
                        Markup.Escape(e.Since.Value), Markup.Escape(JsonSerializer.Serialize(e.Status, VigieJson.Options).Trim('"')), e.Events.Count.ToString(CultureInfo.InvariantCulture));
                Write(table);
                stdout.WriteLine($"{entries.Count} places as of {day:yyyy-MM-dd}");
            }
            if (p.GetValue(summary))
            {
                var s = timeline.Summarize(day, cc, place => place.Feature is "capital" or "provincial_capital");
                foreach (var a in s.Actors)
                    (p.GetValue(format) == "json" ? stderr : stdout).WriteLine($"{a.Actor.Name}: {a.Places} places, {a.Capitals} capitals, {a.Contested} contested");
            }
            if (p.GetValue(reference) is { } refPath)
            {
                if (!File.Exists(refPath)) throw new UserException($"Reference file not found: {refPath}");
                var result = CapitalsReport.Evaluate(timeline, CapitalsReference.Load(refPath, cc), asOf: day);
                (p.GetValue(format) == "json" ? stderr : stdout).WriteLine(result.ToTable());
            }
            return 0;
        });
        return cmd;
    }
}
