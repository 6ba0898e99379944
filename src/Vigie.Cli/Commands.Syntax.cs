using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Vigie.Ingest;
using Vigie.Text;
using Vigie.Text.Syntax;

namespace Vigie.Cli;

internal sealed partial class Commands
{
    private static readonly Option<string> SharedOption = new("--shared")
    {
        Description = "The shared folder holding ud/ (default: ../shared beside the repository).",
        DefaultValueFactory = _ => Path.GetFullPath(Path.Combine(DataPaths.Root, "..", "..", "shared")),
    };

    private static string RequireLanguage(string? language)
    {
        if (language is not { Length: > 0 }) throw new UserException("Name the language: --language fr|en.");
        if (!Directory.Exists(DataPaths.Language(language))) throw new UserException($"No language folder data/lang/{language}.");
        return language;
    }

    private static SyntaxSettings Settings(string language) =>
        SyntaxSettings.Load(DataPaths.Language(language)) ?? throw new UserException($"data/lang/{language}/{SyntaxSettings.FileName} is missing: this language has no syntax model.");

    private static List<ConlluSentence> ReadTreebank(string path)
    {
        if (!File.Exists(path)) throw new UserException($"Treebank file not found: {path}");
        try { return Conllu.ReadFile(path); }
        catch (FormatException e) { throw new UserException(e.Message, e); }
    }

    private Command TrainSyntax()
    {
        var language = new Option<string>("--language", "-l") { Description = "The language to train (fr, en)." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the model (default: the language folder's model file)." };
        var treebanks = new Option<string[]>("--treebank") { Description = "Train on these CoNLL-U files instead of syntax.yaml's list.", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<int>("--seed") { Description = "The random seed (training is deterministic for a seed).", DefaultValueFactory = _ => 1 };
        var cmd = new Command("train-syntax", "Train the tagger and dependency parser of a language from Universal Dependencies treebanks.")
        { language, output, treebanks, seed, SharedOption };
        cmd.SetAction(p =>
        {
            var lang = RequireLanguage(p.GetValue(language));
            var settings = Settings(lang);
            var shared = p.GetValue(SharedOption)!;
            var files = p.GetValue(treebanks) is { Length: > 0 } given ? given : settings.Train.Select(f => Path.Combine(shared, f)).ToArray();
            var sentences = files.SelectMany(ReadTreebank).ToList();
            stdout.WriteLine($"training {lang} on {sentences.Count:N0} sentences, {sentences.Sum(s => s.Words.Count):N0} words ({string.Join(", ", files.Select(Path.GetFileName))})");
            var clock = Stopwatch.StartNew();
            var classes = SyntaxModels.Pack(lang).WordClasses;
            var model = SyntaxTrainer.Train(lang, string.Join(", ", files.Select(Path.GetFileName)), sentences, classes,
                new SyntaxTrainingOptions(Seed: p.GetValue(seed), SecondPass: settings.SecondPass, HeadlineEvery: settings.HeadlineEvery), line => stdout.WriteLine("  " + line));
            var path = p.GetValue(output) ?? settings.ModelPath;
            model.Save(path);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {path} ({new FileInfo(path).Length / 1048576.0:0.0} MB; {model.Size}) in {clock.Elapsed.TotalSeconds:0} s"));
            return 0;
        });
        return cmd;
    }

    private int EvalConllu(string file, string? language, bool raw)
    {
        var lang = RequireLanguage(language);
        var sentences = ReadTreebank(file);
        var pack = SyntaxModels.Pack(lang);
        var analyzer = SyntaxModels.Load(pack);
        TreebankScore score;
        if (raw) score = TreebankScorer.ScoreRaw(analyzer, sentences, s => pack.Read(s, null).Tokens.Select(t => (t.Start, t.End)).ToArray());
        else score = TreebankScorer.ScoreGoldTokens(analyzer, sentences);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"conllu {(raw ? $"words={score.Words:0.0000} " : "")}upos={score.Upos:0.0000} uas={score.Uas:0.0000} las={score.Las:0.0000} sentences={score.Sentences} tokens={score.GoldWords}"));
        return 0;
    }

    private Command Parse()
    {
        var format = FormatOption("conllu", "conllu", "table");
        var cmd = new Command("parse", "Print each sentence's words, lemmas, parts of speech, features and dependency tree.") { Paths, format, MaxBytes };
        cmd.SetAction(p =>
        {
            var ctx = Context(p);
            var reader = ctx.CreateReader(p.GetValue(MaxBytes));
            var packs = SyntaxModels.Packs();
            var rejected = 0;
            var table = p.GetValue(format) == "table";
            foreach (var item in reader.Read(p.GetValue(Paths)!))
            {
                if (item is Rejection r) { ctx.Report(r); rejected++; continue; }
                var doc = ((AcceptedDocument)item).Document;
                var pack = packs.Find(doc.Language) ?? throw new UserException($"{doc.Id}: no language pack '{doc.Language}'.");
                SyntaxModels.Load(pack);
                var analysis = pack.Read(doc.Text, doc.Date);
                stdout.WriteLine($"# newdoc id = {doc.Id}");
                foreach (var sentence in analysis.Sentences)
                {
                    var parsed = analysis.Syntax(sentence.Index);
                    if (table) SyntaxTable(doc.Text, sentence, parsed);
                    else Conllu.Write(stdout, doc.Text, parsed, $"{doc.Id}-{sentence.Index + 1}", sentence.Start, sentence.End);
                }
            }
            return rejected > 0 ? VigieApp.RejectedExitCode : 0;
        });
        return cmd;
    }

    private void SyntaxTable(string text, Sentence sentence, ParsedSentence parsed)
    {
        stdout.WriteLine(text[sentence.Start..sentence.End].ReplaceLineEndings(" "));
        for (var i = 0; i < parsed.Words.Count; i++)
        {
            var w = parsed.Words[i];
            var head = w.Head == 0 ? "ROOT" : parsed.Words[w.Head - 1].Form;
            stdout.WriteLine($"  {i + 1,3} {w.Form,-18} {w.Lemma,-18} {w.Upos,-6} {w.Relation,-12} → {w.Head,3} {head}");
        }
        stdout.WriteLine();
    }
}

/// <summary>A language's syntax model, read through its language pack.</summary>
internal static class SyntaxModels
{
    public static LanguagePacks Packs()
    {
        try { return LanguagePacks.LoadDefault(); }
        catch (LanguageDataException e) { throw new UserException(e.Message, e); }
    }

    public static LanguagePack Pack(string language)
    {
        var packs = Packs();
        return packs.Find(language) ?? throw new UserException($"No language pack '{language}' (loaded: {string.Join(", ", packs.Codes)}).");
    }

    public static SyntaxAnalyzer Load(LanguagePack pack)
    {
        if (pack.SyntaxSettings is not { } settings)
            throw new UserException($"data/lang/{pack.Code}/{SyntaxSettings.FileName} is missing: this language has no syntax model.");
        if (!File.Exists(settings.ModelPath))
            throw new UserException($"{settings.ModelPath} is missing; train it with ./vigie train-syntax --language {pack.Code}");
        try { return pack.SyntaxModel!; }
        catch (InvalidDataException e) { throw new UserException(e.Message, e); }
    }
}

/// <summary>The syntax part of <c>vigie bench</c>: model load time and memory, tagging and parsing speed on one core.</summary>
internal static class SyntaxBench
{
    public static void Run(TextWriter stdout, IReadOnlyList<Vigie.Core.Document> seed)
    {
        var packs = SyntaxModels.Packs();
        var languages = seed.Select(d => d.Language).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(l => packs.Find(l)?.SyntaxSettings is { } s && File.Exists(s.ModelPath)).ToList();
        if (languages.Count == 0) { stdout.WriteLine("syntax: no trained model; skipped"); return; }
        // The lexicons are part of the packs (the event engine reads them too): only the models are timed and weighed.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var load = Stopwatch.StartNew();
        var parsers = languages.ToDictionary(l => l, l => new TokenSentenceParser(SyntaxModels.Load(packs.Find(l)!)), StringComparer.Ordinal);
        var loadSeconds = load.Elapsed.TotalSeconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"syntax: models of {string.Join(", ", languages)} loaded in {loadSeconds:0.00} s, {(after - before) / 1048576.0:0} MB of managed memory"));
        var analyses = seed.Where(d => parsers.ContainsKey(d.Language)).Select(d => packs.Find(d.Language)!.Read(d.Text, d.Date).Layer).ToList();
        var bytes = seed.Where(d => parsers.ContainsKey(d.Language)).Sum(d => (long)System.Text.Encoding.UTF8.GetByteCount(d.Text));
        // Each pass is timed: on a shared machine the best pass stands for an idle core, the median shows the load.
        var passes = new List<double>();
        long tokens = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < 4 || passes.Count < 3)
        {
            var pass = Stopwatch.StartNew();
            tokens = 0;
            foreach (var a in analyses)
                foreach (var s in a.Sentences) tokens += parsers[a.Language].Parse(a, s).Words.Count;
            passes.Add(pass.Elapsed.TotalSeconds);
        }
        passes.Sort();
        var best = passes[0];
        var median = passes[passes.Count / 2];
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"syntax, 1 core: tagging, lemmas and parsing {tokens / best:0} words/s  {bytes / 1e6 / best:0.00} MB/s on the best pass; {tokens / median:0} words/s on the median ({passes.Count} passes over {analyses.Count} documents, {tokens} words)"));
    }
}
