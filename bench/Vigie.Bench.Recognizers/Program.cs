using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;
using Vigie.Core;
using Vigie.Text;

// Compares Vigie's text layer with Microsoft.Recognizers.Text on the gold tables (data/lang/<code>/gold) and on the
// news corpus (../shared/corpus/news). Usage: dotnet run -c Release --project bench/Vigie.Bench.Recognizers [seconds]
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var verbose = Environment.GetEnvironmentVariable("VERBOSE") == "1";
var layer = TextLayer.Load(DataPaths.Root);
var cultures = new Dictionary<string, string> { ["fr"] = Culture.French, ["en"] = Culture.English };
var numberModels = cultures.ToDictionary(c => c.Key, c => new NumberRecognizer(c.Value).GetNumberModel());
var rangeModels = cultures.ToDictionary(c => c.Key, c => new NumberRecognizer(c.Value).GetNumberRangeModel());
var dateModels = cultures.ToDictionary(c => c.Key, c => new DateTimeRecognizer(c.Value).GetDateTimeModel());

Console.WriteLine("| table | cases | Vigie (values) | Vigie (all fields) | Microsoft.Recognizers.Text (values) |");
Console.WriteLine("|---|---:|---:|---:|---:|");
foreach (var lang in cultures.Keys.Order(StringComparer.Ordinal))
    foreach (var recognizer in new[] { "numbers", "dates" })
    {
        var file = Path.Combine(DataPaths.Root, "lang", lang, "gold", recognizer + ".jsonl");
        int cases = 0, vigieValues = 0, vigieStrict = 0, msValues = 0;
        foreach (var line in File.ReadLines(file))
        {
            if (line.Trim().Length == 0) continue;
            var json = JsonNode.Parse(line)!.AsObject();
            var text = (string)json["text"]!;
            var date = json["date"] is { } d ? PartialDate.Parse((string)d!) : (PartialDate?)null;
            var expected = json["expect"]!.AsArray().Select(e => e!.AsObject()).ToList();
            cases++;
            var analysis = layer.Analyze(text, lang, date);
            if (recognizer == "numbers")
            {
                var want = expected.Select(e => $"{Dec(e["low"])}-{Dec(e["high"])}").ToList();
                var got = analysis.Numbers.Select(n => $"{n.Quantity.Low}-{n.Quantity.High}").ToList();
                if (want.SequenceEqual(got)) vigieValues++;
                var wantStrict = expected.Select(e => $"{e["text"]}|{Dec(e["low"])}-{Dec(e["high"])}|{e["approximate"]}|{e["lower_bound"]}|{e["upper_bound"]}|{(e.ContainsKey("unit") ? (string?)e["unit"] ?? "null" : "*")}").ToList();
                var gotStrict = analysis.Numbers.Zip(expected).Select(p => $"{p.First.Text}|{p.First.Quantity.Low}-{p.First.Quantity.High}|{Bool(p.First.Quantity.Approximate)}|{Bool(p.First.Quantity.LowerBound)}|{Bool(p.First.Quantity.UpperBound)}|{(p.Second.ContainsKey("unit") ? p.First.Quantity.Kind ?? "null" : "*")}").ToList();
                if (analysis.Numbers.Count == expected.Count && wantStrict.SequenceEqual(gotStrict)) vigieStrict++;
                var reference = MicrosoftNumbers(text, lang);
                if (want.SequenceEqual(reference)) msValues++;
                else if (verbose) Console.Error.WriteLine($"MS miss {lang}/numbers: {text} | want [{string.Join(", ", want)}] got [{string.Join(", ", reference)}]");
            }
            else
            {
                var want = expected.Select(e => (string)e["value"]!).ToList();
                if (want.SequenceEqual(analysis.Dates.Select(m => m.Date.Value))) vigieValues++;
                var wantStrict = expected.Select(e => $"{e["text"]}|{e["value"]}|{e["precision"]}|{(string?)e["weekday"]}|{(string?)e["end"]}").ToList();
                var gotStrict = analysis.Dates.Select(m => $"{m.Text}|{m.Date.Value}|{m.Date.Precision.ToString().ToLowerInvariant()}|{m.Date.Weekday}|{m.Date.End}").ToList();
                if (wantStrict.SequenceEqual(gotStrict)) vigieStrict++;
                var reference = MicrosoftDates(text, lang, date);
                if (want.SequenceEqual(reference)) msValues++;
                else if (verbose) Console.Error.WriteLine($"MS miss {lang}/dates ({date}): {text} | want [{string.Join(", ", want)}] got [{string.Join(", ", reference)}]");
            }
        }
        Console.WriteLine($"| {lang}/{recognizer} | {cases} | {Pct(vigieValues, cases)} | {Pct(vigieStrict, cases)} | {Pct(msValues, cases)} |");
    }

// Throughput over the news corpus: the best pass approximates an idle core on a shared machine; the median is shown too.
var corpus = SharedCorpus();
if (corpus.Count == 0)
{
    Console.WriteLine("../shared/corpus/news not found: throughput skipped.");
    return;
}
var bytes = corpus.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text));
Console.WriteLine();
Console.WriteLine($"| over the news corpus ({corpus.Count} documents, {bytes / 1024.0:F0} KiB) | best pass MB/s | median pass MB/s |");
Console.WriteLine("|---|---:|---:|");
var vigie = Passes(() => { foreach (var d in corpus) layer.Analyze(d.Text, d.Language, d.Date); }, seconds);
Console.WriteLine($"| Vigie.Text (segmentation, numbers, dates) | {bytes / 1e6 / vigie.Best:F2} | {bytes / 1e6 / vigie.Median:F2} |");
var ms = Passes(() =>
{
    foreach (var d in corpus)
    {
        numberModels[d.Language].Parse(d.Text);
        dateModels[d.Language].Parse(d.Text, d.Date?.FirstDay.ToDateTime(TimeOnly.MinValue) ?? DateTime.UnixEpoch);
    }
}, seconds);
Console.WriteLine($"| Microsoft.Recognizers.Text 1.8.13 (number + datetime models) | {bytes / 1e6 / ms.Best:F2} | {bytes / 1e6 / ms.Median:F2} |");
Console.WriteLine($"\nVigie / Microsoft throughput ratio: best {ms.Best / vigie.Best:F0}x, median {ms.Median / vigie.Median:F0}x");

List<string> MicrosoftNumbers(string text, string lang)
{
    // The range model reads "3 500 à 4 000"; plain numbers come from the number model outside those ranges.
    var result = new List<(int Start, string Value)>();
    var ranges = rangeModels[lang].Parse(text);
    foreach (var r in ranges)
        if (r.Resolution?["value"] is string v && v.Length > 2 && v[0] is '[' or '(' && v[^1] is ']' or ')')
        {
            // "[20,30]", "(400,)" for "more than 400", "(,5000]" for "up to 5000": an open side takes the other's value,
            // as Vigie's low/high do with lower_bound/upper_bound.
            var parts = v[1..^1].Split(',');
            if (parts.Length != 2) continue;
            var low = parts[0].Trim().Length > 0 ? parts[0] : parts[1];
            var high = parts[1].Trim().Length > 0 ? parts[1] : parts[0];
            result.Add((r.Start, $"{Num(low)}-{Num(high)}"));
        }
    foreach (var n in numberModels[lang].Parse(text))
        if (!ranges.Any(r => n.Start >= r.Start && n.End <= r.End) && n.Resolution?["value"] is string v && decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            result.Add((n.Start, $"{value}-{value}"));
    return [.. result.OrderBy(r => r.Start).Select(r => r.Value)];
}

List<string> MicrosoftDates(string text, string lang, PartialDate? date)
{
    // The reference library needs a full reference time: the document's day, or the middle of its month or year.
    var reference = date is not { } d ? DateTime.Now
        : d.Day is not null ? d.FirstDay.ToDateTime(new TimeOnly(12, 0))
        : d.FirstDay.ToDateTime(new TimeOnly(12, 0)).AddDays((d.LastDay.DayNumber - d.FirstDay.DayNumber) / 2);
    var result = new List<string>();
    foreach (var r in dateModels[lang].Parse(text, reference))
    {
        if (r.Resolution?["values"] is not List<Dictionary<string, string>> values || values.Count == 0) continue;
        // When it offers a past and a future reading, take the one nearer the reference (the fairest reading here).
        var pick = values.MinBy(v => Distance(v, reference)) ?? values[^1];
        var timex = pick.GetValueOrDefault("timex") ?? "";
        if (timex.Length == 7 && char.IsDigit(timex[0])) result.Add(timex);
        else if (timex.Length == 4 && timex.All(char.IsDigit)) result.Add(timex);
        else if (pick.TryGetValue("value", out var day)) result.Add(day[..Math.Min(10, day.Length)]);
        else if (pick.TryGetValue("start", out var start))
            result.Add(timex.EndsWith(",P1Y)", StringComparison.Ordinal) || timex.EndsWith(",P10Y)", StringComparison.Ordinal) ? start[..4]
                : timex.EndsWith(",P1M)", StringComparison.Ordinal) || (timex.StartsWith("XXXX-", StringComparison.Ordinal) && timex.Length == 7) ? start[..7]
                : start[..Math.Min(10, start.Length)]);
    }
    return result;
}

static double Distance(Dictionary<string, string> v, DateTime reference)
{
    var s = v.GetValueOrDefault("value") ?? v.GetValueOrDefault("start") ?? "";
    return DateTime.TryParse(s.Length >= 10 ? s[..10] : s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? Math.Abs((t - reference).TotalDays) : double.MaxValue;
}

static string Num(string s) => decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d.ToString(CultureInfo.InvariantCulture) : s;

static decimal Dec(JsonNode? node) => decimal.Parse(node!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

static string Bool(bool b) => b ? "true" : "false";

static string Pct(int n, int total) => $"{n}/{total} ({100.0 * n / total:F0} %)";

static (double Best, double Median) Passes(Action pass, double seconds)
{
    pass();
    var times = new List<double>();
    var total = Stopwatch.StartNew();
    while (total.Elapsed.TotalSeconds < seconds || times.Count < 3)
    {
        var sw = Stopwatch.StartNew();
        pass();
        times.Add(sw.Elapsed.TotalSeconds);
    }
    times.Sort();
    return (times[0], times[times.Count / 2]);
}

// The seed format's "date YYYY-MM " header is stripped by ingestion; the text layer sees the article from its title.
static string WithoutHeader(string raw)
{
    var t = raw.TrimStart();
    if (!t.StartsWith("date ", StringComparison.Ordinal)) return raw;
    var blank = t.IndexOf(' ', 5);
    return blank < 0 ? raw : t[(blank + 1)..];
}

static List<(string Text, string Language, PartialDate? Date)> SharedCorpus()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var news = Path.Combine(dir.FullName, "shared", "corpus", "news");
        if (!File.Exists(Path.Combine(news, "index.tsv"))) continue;
        return [.. File.ReadLines(Path.Combine(news, "index.tsv")).Skip(1).Select(l => l.Split('\t'))
            .Where(c => c.Length > 2 && File.Exists(Path.Combine(news, c[0])))
            .Select(c => (WithoutHeader(File.ReadAllText(Path.Combine(news, c[0]))), c[2], PartialDate.TryParse(c[1])))];
    }
    return [];
}
