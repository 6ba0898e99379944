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

/// <summary><c>extract</c>: prints the events of the documents, storing nothing.</summary>
internal sealed partial class Commands
{
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
}
