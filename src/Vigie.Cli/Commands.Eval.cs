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
        var acled = new Option<bool>("--acled")
        {
            Description = "The files are ACLED exports (CSV, HDX's hashtag row skipped): score Vigie's main event of each row's notes, dated by its event_date, " +
                "against the row's coding. " + char.ToUpperInvariant(AcledScorer.MainEventRule[0]) + AcledScorer.MainEventRule[1..] + "; " + AcledScorer.ActorRule +
                "; fatalities are compared where the row's are above zero; the date is right when it is the row's day.",
        };
        var misses = new Option<string?>("--misses") { Description = "With --acled: write the rows Vigie got wrong, with what it read, to this file (JSON lines)." };
        var conllu = new Option<string?>("--conllu") { Description = "Score the tagger and parser against this CoNLL-U treebank file (with --language)." };
        var language = new Option<string?>("--language") { Description = "The language of the --conllu file (fr, en)." };
        var raw = new Option<bool>("--raw") { Description = "With --conllu: tokenise the raw # text with Vigie's own tokeniser and score aligned words." };
        var cmd = new Command("eval", "Score extraction against gold files, classification on CASE 2021 data, events against ACLED's codings, or the parser on a treebank.")
            { gold, caseFile, details, acled, misses, conllu, language, raw };
        cmd.SetAction(p =>
        {
            var ctx = Context(p);
            if (p.GetValue(caseFile) is { } tsv) return EvalCase(ctx, tsv);
            if (p.GetValue(conllu) is { } treebank) return EvalConllu(treebank, p.GetValue(language), p.GetValue(raw));
            var files = p.GetValue(gold) ?? [];
            if (p.GetValue(acled)) return EvalAcled(ctx, files, p.GetValue(misses));
            if (files.Length == 0) throw new UserException("Name at least one gold file, --case2021 FILE.tsv, or --acled FILE.csv.");
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

    private int EvalAcled(CliContext ctx, string[] files, string? missesPath)
    {
        if (files.Length == 0) throw new UserException("Name at least one ACLED export after --acled.");
        var rows = new List<AcledRow>();
        foreach (var file in files)
        {
            if (!File.Exists(file)) throw new UserException($"ACLED file not found: {file}");
            AcledFile f;
            try { f = AcledReader.Read(file); }
            catch (FormatException ex) { throw new UserException(ex.Message, ex); }
            foreach (var problem in f.Problems) stderr.WriteLine(problem);
            if (f.WithoutNotes > 0) stderr.WriteLine($"{file}: {f.WithoutNotes} row(s) without notes left out");
            rows.AddRange(f.Rows);
        }
        var analyzer = ctx.Analyzer;
        var catalog = EventTypeCatalog.Default;
        var outcomes = new AcledOutcome[rows.Count];
        // ACLED writes its notes in English whatever the country.
        Parallel.For(0, rows.Count, i =>
        {
            var row = rows[i];
            var text = AcledNotes.Clean(row.Notes);
            var doc = new Document($"acled-{row.Id}", text, new PartialDate(row.Date.Year, row.Date.Month, row.Date.Day), "en");
            outcomes[i] = AcledScorer.Judge(row, text, analyzer.Analyze(doc).Events, catalog);
        });
        var s = AcledScorer.Score(outcomes);
        string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        stdout.WriteLine($"{"sub-event type",-40}{"support",8}{"pred",8}{"P",8}{"R",8}{"F1",8}");
        foreach (var l in s.SubTypes)
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{l.Label,-40}{l.Support,8}{l.Predicted,8}{l.Precision,8:0.000}{l.Recall,8:0.000}{l.F1,8:0.000}"));
        stdout.WriteLine($"sub-event type: accuracy {F(s.SubAccuracy)}  weighted F1 {F(s.SubWeightedF1)}");
        stdout.WriteLine($"event type: accuracy {F(s.TypeAccuracy)}  weighted F1 {F(s.TypeWeightedF1)}");
        stdout.WriteLine($"location: within 25 km {F(s.Loc25)}  within 50 km {F(s.Loc50)} ({s.Located} rows with coordinates); where the notes name it, within 50 km {F(s.Loc50Named)} ({s.NamedRows} rows)");
        stdout.WriteLine($"date {F(s.Date)}  fatalities exact where above zero {F(s.FatPos)} ({s.FatalRows} rows)  actor1 type {F(s.Actor1)}  events per note {s.EventsPerDoc.ToString("0.00", CultureInfo.InvariantCulture)}");
        if (missesPath is not null) WriteMisses(missesPath, outcomes);
        stdout.WriteLine($"acled sub={F(s.SubAccuracy)} type={F(s.TypeAccuracy)} loc50={F(s.Loc50)} loc50_named={F(s.Loc50Named)} date={F(s.Date)} fat_pos={F(s.FatPos)} actor1={F(s.Actor1)} events_per_doc={s.EventsPerDoc.ToString("0.00", CultureInfo.InvariantCulture)} n={s.Rows}");
        return 0;
    }

    private static void WriteMisses(string path, IReadOnlyList<AcledOutcome> outcomes)
    {
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        foreach (var o in outcomes)
        {
            if (o.AllRight) continue;
            var r = o.Row;
            var wrong = new List<string>();
            if (!o.SubRight) wrong.Add("sub_event_type");
            if (!o.TypeRight) wrong.Add("event_type");
            if (r.Lat is not null && !o.Within(50)) wrong.Add(o.Named ? "location_named" : "location");
            if (!o.DateRight) wrong.Add("date");
            if (r.Fatalities > 0 && o.Fatalities != r.Fatalities) wrong.Add("fatalities");
            if (!o.Actor1Right) wrong.Add("actor1");
            w.WriteLine(VigieJson.Serialize(new
            {
                row = $"{r.File}:{r.Line}", id = r.Id, wrong, notes = o.Text,
                acled = new { date = r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), event_type = r.EventType, sub_event_type = r.SubEventType, actor1 = r.Actor1, inter1 = r.Inter1, location = r.Location, lat = r.Lat, lon = r.Lon, fatalities = r.Fatalities },
                vigie = new { event_type = o.PredictedEventType, sub_event_type = o.PredictedSubEventType, distance_km = o.DistanceKm is { } d ? Math.Round(d, 1) : (double?)null, fatalities = o.Fatalities, main = o.Main, events = o.All },
            }));
        }
    }

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
