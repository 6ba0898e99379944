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

/// <summary><c>events</c>: stored events, one page at a time.</summary>
internal sealed partial class Commands
{
    private Command Events()
    {
        var type = new Option<string?>("--type") { Description = "Event type, e.g. territory_taken." };
        var actor = new Option<string?>("--actor") { Description = "Actor id or name (any slot)." };
        var place = new Option<string?>("--place") { Description = "Place name or GeoNames id." };
        var country = new Option<string?>("--country") { Description = "ISO alpha-2 country code of a location." };
        var from = new Option<string?>("--from") { Description = "First day, YYYY-MM-DD." };
        var to = new Option<string?>("--to") { Description = "Last day, YYYY-MM-DD." };
        var modality = new Option<string?>("--modality") { Description = "asserted, claimed, planned, conditional, negated, denied or question." };
        var text = new Option<string?>("--text") { Description = "Words that the evidence contains." };
        var limit = new Option<int>("--limit") { Description = $"Events per page, 1 to {EventFilter.MaxLimit}.", DefaultValueFactory = _ => EventFilter.DefaultLimit };
        var cursor = new Option<string?>("--cursor") { Description = "The cursor printed after a previous page." };
        var format = FormatOption("table", "table", "jsonl", "json");
        var cmd = new Command("events", "Query stored events.") { type, actor, place, country, from, to, modality, text, limit, cursor, format };
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = Context(p);
            await using var store = await ctx.OpenStoreAsync(ct);
            var parsed = new EventFilter(p.GetValue(type), p.GetValue(actor), p.GetValue(country), p.GetValue(place), p.GetValue(from), p.GetValue(to),
                p.GetValue(modality), p.GetValue(text), null, p.GetValue(limit).ToString(CultureInfo.InvariantCulture), p.GetValue(cursor))
                .Parse(static n => "--" + n, string.IsNullOrWhiteSpace(p.GetValue(actor)) ? null : ctx.Analyzer.ActorIdOf);
            var q = parsed.Query ?? throw new UserException(parsed.Error!);
            var page = await store.QueryEventsAsync(q, ct);
            switch (p.GetValue(format))
            {
                case "jsonl": foreach (var e in page.Events) stdout.WriteLine(VigieJson.Serialize(e)); break;
                case "json": stdout.WriteLine(JsonSerializer.Serialize(page.Events, VigieJson.Indented)); break;
                default: EventTable(page.Events); break;
            }
            if (page.NextCursor is not null) stderr.WriteLine($"more: --cursor {page.NextCursor}");
            return 0;
        });
        return cmd;
    }

    private static DateOnly? ParseDay(string? s, string option) =>
        s is null ? null
        : DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : PartialDate.TryParse(s) is { } pd ? pd.FirstDay
        : throw new UserException($"{option} must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not '{s}'.");

    private void EventTable(IReadOnlyList<Event> events)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var h in new[] { "id", "date", "type", "actor1", "place", "modality", "quantities", "rule" }) table.AddColumn(h);
        foreach (var e in events)
            table.AddRow(Markup.Escape(e.Id), Markup.Escape(e.Date?.Value ?? ""), Markup.Escape(e.Type), Markup.Escape(e.Actor1?.Name ?? ""),
                Markup.Escape(string.Join(", ", e.Locations.Select(l => l.Name))), Markup.Escape(VigieJson.Serialize(e.Modality).Trim('"')),
                Markup.Escape(string.Join(", ", e.Quantities.Select(q => $"{q.Kind} {q.Low}" + (q.High != q.Low ? $"-{q.High}" : "")))),
                Markup.Escape(e.Evidence.Count > 0 ? e.Evidence[0].Rule : ""));
        Write(table);
        stdout.WriteLine($"{events.Count} events");
    }
}
