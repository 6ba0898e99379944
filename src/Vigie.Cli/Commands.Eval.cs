using System.CommandLine;
using System.Globalization;
using Vigie.Core;
using Vigie.Ingest;
using Vigie.Pipeline.Evaluation;

namespace Vigie.Cli;

internal sealed partial class Commands
{
    private Command Eval()
    {
        var gold = new Argument<string[]>("gold") { Description = "Gold files (CONTRACT §4).", Arity = ArgumentArity.ZeroOrMore };
        var caseFile = new Option<string?>("--case2021") { Description = "Score CASE 2021 Task 2 classification on this TSV file instead." };
        var details = new Option<bool>("--details") { Description = "List missed gold events and unmatched predictions." };
        var conllu = new Option<string?>("--conllu") { Description = "Score the tagger and parser against this CoNLL-U treebank file (with --language)." };
        var language = new Option<string?>("--language") { Description = "The language of the --conllu file (fr, en)." };
        var raw = new Option<bool>("--raw") { Description = "With --conllu: tokenise the raw # text with Vigie's own tokeniser and score aligned words." };
        var cmd = new Command("eval", "Score extraction against gold files, classification on CASE 2021 data, or the parser on a treebank.") { gold, caseFile, details, conllu, language, raw };
        cmd.SetAction(p =>
        {
            var ctx = Context(p);
            if (p.GetValue(caseFile) is { } tsv) return EvalCase(ctx, tsv);
            if (p.GetValue(conllu) is { } treebank) return EvalConllu(treebank, p.GetValue(language), p.GetValue(raw));
            var files = p.GetValue(gold) ?? [];
            if (files.Length == 0) throw new UserException("Name at least one gold file, or --case2021 FILE.tsv.");
            return EvalGold(ctx, files, p.GetValue(details));
        });
        return cmd;
    }

    private int EvalGold(CliContext ctx, string[] files, bool details)
    {
        var reader = ctx.CreateReader(1 << 24);
        var scores = new List<GoldScore>();
        foreach (var file in files)
        {
            if (!File.Exists(file)) throw new UserException($"Gold file not found: {file}");
            GoldFile g;
            try { g = GoldFile.Parse(File.ReadAllText(file)); }
            catch (System.Text.Json.JsonException ex) { throw new UserException($"{file}: not a valid gold file ({ex.Message})", ex); }
            // The gold names its document relative to shared/, the folder above gold/<lang>/.
            var shared = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "..", ".."));
            var docPath = Path.Combine(shared, g.Document);
            var item = reader.Read([docPath]).First();
            if (item is Rejection r) throw new UserException($"{file}: its document cannot be read ({r})");
            var doc = ((AcceptedDocument)item).Document;
            if (g.Language is { } lang) doc = doc with { Language = lang };
            var analysis = ctx.Analyzer.Analyze(doc);
            var s = GoldScorer.Score(file, g, doc.Text, analysis.Events);
            scores.Add(s);
            stdout.WriteLine($"{file}");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  P {s.Precision:0.000}  R {s.Recall:0.000}  F1 {s.F1:0.000}  (required {s.Required}, matched {s.MatchedRequired}, optional matched {s.MatchedOptional}, predicted {s.Predicted}, unmatched {s.UnmatchedPredictions})"));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  date {Pct(s.Date)}  modality {Pct(s.Modality)}  quantities {Pct(s.Quantities)}  violations {s.Violations.Count}"));
            foreach (var v in s.Violations) stdout.WriteLine("  violation: " + v);
            if (details)
            {
                foreach (var m in s.Missed) stdout.WriteLine("  missed: " + m);
                foreach (var f in s.FalsePositives) stdout.WriteLine("  unmatched: " + f);
            }
        }
        var req = scores.Sum(s => s.Required);
        var matched = scores.Sum(s => s.MatchedRequired);
        var fp = scores.Sum(s => s.UnmatchedPredictions);
        var precision = matched + fp == 0 ? 0 : (double)matched / (matched + fp);
        var recall = req == 0 ? 1 : (double)matched / req;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var date = scores.Aggregate(default(FieldAccuracy), (a, s) => a + s.Date);
        var mod = scores.Aggregate(default(FieldAccuracy), (a, s) => a + s.Modality);
        var qty = scores.Aggregate(default(FieldAccuracy), (a, s) => a + s.Quantities);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"summary: {scores.Count} files  P {precision:0.000}  R {recall:0.000}  F1 {f1:0.000}  date {Pct(date)}  modality {Pct(mod)}  quantities {Pct(qty)}  violations {scores.Sum(s => s.Violations.Count)}"));
        return 0;
    }

    private static string Pct(FieldAccuracy a) => string.Create(CultureInfo.InvariantCulture, $"{a.Value * 100:0.0}% ({a.Correct}/{a.Checked})");

    private int EvalCase(CliContext ctx, string tsv)
    {
        if (!File.Exists(tsv)) throw new UserException($"CASE file not found: {tsv}");
        var rows = new List<(string Gold, string Predicted)>();
        var lineNo = 0;
        int idCol = 0, textCol = 1, labelCol = 2;
        foreach (var line in File.ReadLines(tsv))
        {
            lineNo++;
            var cols = line.Split('\t');
            if (lineNo == 1)
            {
                idCol = Array.FindIndex(cols, c => c.Equals("id", StringComparison.OrdinalIgnoreCase));
                textCol = Array.FindIndex(cols, c => c.Equals("EventSnippet", StringComparison.OrdinalIgnoreCase));
                labelCol = Array.FindIndex(cols, c => c.Equals("SubType", StringComparison.OrdinalIgnoreCase));
                if (textCol < 0 || labelCol < 0) throw new UserException($"{tsv}:1: expected the columns id, EventSnippet and SubType.");
                continue;
            }
            if (cols.Length <= Math.Max(textCol, labelCol)) { stderr.WriteLine($"{tsv}:{lineNo}: too few columns; skipped"); continue; }
            var text = cols[textCol];
            var id = idCol >= 0 ? cols[idCol] : lineNo.ToString(CultureInfo.InvariantCulture);
            var doc = new Document("case2021-" + id, text, null, "en");
            var analysis = ctx.Analyzer.Analyze(doc);
            rows.Add((cols[labelCol].Trim(), CaseScorer.Classify(analysis.Events, EventTypeCatalog.Default)));
        }
        var s = CaseScorer.Score(rows);
        stdout.WriteLine($"{"label",-32}{"support",8}{"pred",8}{"P",8}{"R",8}{"F1",8}");
        foreach (var l in s.Labels.Where(l => l.Support > 0 || l.Predicted > 0).OrderByDescending(l => l.Support))
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{l.Label,-32}{l.Support,8}{l.Predicted,8}{l.Precision,8:0.000}{l.Recall,8:0.000}{l.F1,8:0.000}"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"summary: {s.Rows} snippets  micro F1 {s.MicroF1:0.000}  macro F1 {s.MacroF1:0.000}  weighted F1 {s.WeightedF1:0.000}  weighted F1 (25 ACLED labels) {s.WeightedF1Acled:0.000}"));
        return 0;
    }
}
