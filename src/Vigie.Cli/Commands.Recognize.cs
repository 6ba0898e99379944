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

/// <summary><c>recognize</c>: every number, date, place and actor of the documents, with offsets and values.</summary>
internal sealed partial class Commands
{
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
}
