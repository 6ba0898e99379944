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

/// <summary>Every command of CONTRACT §3, each a small method.</summary>
internal sealed partial class Commands(TextWriter stdout, TextWriter stderr)
{
    private static readonly Argument<string[]> Paths = new("paths") { Description = "Files, folders, feed URLs, or - for standard input.", Arity = ArgumentArity.OneOrMore };
    private static readonly Option<int> MaxBytes = new("--max-bytes") { Description = "Reject documents larger than this many bytes.", DefaultValueFactory = _ => new ReaderOptions().MaxDocumentBytes };

    public IEnumerable<Command> All() =>
    [
        Demo(), Extract(), Recognize(), IngestCommand(), Events(), Explain(), Control(), Stats(), ExportCommand(), Eval(), Serve(), Bench(), Worker(), Fused(), TrainSyntax(), Parse(),
    ];

    private CliContext Context(ParseResult p) => new(stdout, stderr, p.GetValue(VigieApp.DbOption), p.GetValue(VigieApp.VerboseOption));

    private static Option<string> FormatOption(string defaultValue, params string[] allowed)
    {
        var o = new Option<string>("--format", "-f") { Description = "Output format: " + string.Join(", ", allowed) + ".", DefaultValueFactory = _ => defaultValue };
        o.AcceptOnlyFromAmong(allowed);
        return o;
    }

    private Command Extract()
    {
        var format = FormatOption("jsonl", "jsonl", "json", "table");
        var cmd = new Command("extract", "Print the events of the documents, storing nothing.") { Paths, format, MaxBytes };
        cmd.SetAction(p =>
        {
            var ctx = Context(p);
            var reader = ctx.CreateReader(p.GetValue(MaxBytes));
            var events = new List<Event>();
            var rejected = 0;
            var fmt = p.GetValue(format)!;
            foreach (var item in reader.Read(p.GetValue(Paths)!))
            {
                if (item is Rejection r) { ctx.Report(r); rejected++; continue; }
                var analysis = ctx.Analyzer.Analyze(((AcceptedDocument)item).Document);
                if (fmt == "jsonl") foreach (var e in analysis.Events) stdout.WriteLine(VigieJson.Serialize(e));
                else events.AddRange(analysis.Events);
            }
            if (fmt == "json") stdout.WriteLine(JsonSerializer.Serialize(events, VigieJson.Indented));
            else if (fmt == "table") EventTable(events);
            return rejected > 0 ? VigieApp.RejectedExitCode : 0;
        });
        return cmd;
    }

    private Command Recognize()
    {
        var format = FormatOption("jsonl", "jsonl", "table");
        var cmd = new Command("recognize", "Print every number, date, place and actor Vigie recognises, storing nothing.") { Paths, format, MaxBytes };
        cmd.SetAction(p =>
        {
            var ctx = Context(p);
            var reader = ctx.CreateReader(p.GetValue(MaxBytes));
            var rejected = 0;
            var table = p.GetValue(format) == "table";
            foreach (var item in reader.Read(p.GetValue(Paths)!))
            {
                if (item is Rejection r) { ctx.Report(r); rejected++; continue; }
                var doc = ((AcceptedDocument)item).Document;
                var analysis = ctx.Analyzer.Analyze(doc);
                if (table) { MentionTable(doc, analysis.Mentions); continue; }
                foreach (var m in analysis.Mentions)
                    stdout.WriteLine(VigieJson.Serialize(new RecognizedMention(doc.Id, m.Kind, m.Start, m.End, m.Text, m.Value)));
            }
            return rejected > 0 ? VigieApp.RejectedExitCode : 0;
        });
        return cmd;
    }

    private sealed record RecognizedMention(string Document, MentionKind Kind, int Start, int End, string Text, object Value);

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

    private void MentionTable(Document doc, IReadOnlyList<Mention> mentions)
    {
        var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape(doc.Id));
        foreach (var h in new[] { "kind", "start", "end", "text", "value" }) table.AddColumn(h);
        foreach (var m in mentions)
            table.AddRow(Markup.Escape(VigieJson.Serialize(m.Kind).Trim('"')), m.Start.ToString(CultureInfo.InvariantCulture), m.End.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(m.Text), Markup.Escape(JsonSerializer.Serialize(m.Value, VigieJson.Options)));
        Write(table);
    }

    private void Write(Spectre.Console.Rendering.IRenderable renderable)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (!ReferenceEquals(stdout, Console.Out) || Console.IsOutputRedirected) console.Profile.Width = 200;
        console.Write(renderable);
    }
}
