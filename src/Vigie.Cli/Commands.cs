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
