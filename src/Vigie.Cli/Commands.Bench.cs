using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Vigie.Core;
using Vigie.Ingest;
using Vigie.Pipeline;
using Vigie.Storage;
using Vigie.Text;

namespace Vigie.Cli;

internal sealed partial class Commands
{
    private Command Bench()
    {
        var megabytes = new Option<double>("--mb") { Description = "Size of the generated corpus in megabytes.", DefaultValueFactory = _ => 20 };
        var documents = new Option<int?>("--documents") { Description = "Size of the generated corpus in documents (instead of --mb)." };
        var noIngest = new Option<bool>("--no-ingest") { Description = "Skip the ingest into SQLite." };
        var noExtract = new Option<bool>("--no-extract") { Description = "Skip the extraction-only runs (1 and all cores)." };
        var queryEvents = new Option<int>("--query-events") { Description = "Also time queries over this many synthetic stored events (e.g. 1000000); 0 skips.", DefaultValueFactory = _ => 0 };
        var pg = new Option<string?>("--pg") { Description = "A PostgreSQL connection string: time the queries there too (its tables are emptied first)." };
        var queries = new Option<int>("--queries") { Description = "Runs of each query filter.", DefaultValueFactory = _ => 40 };
        var noSqliteQueries = new Option<bool>("--no-sqlite-queries") { Description = "Time the queries on PostgreSQL only (with --pg)." };
        var queryDb = new Option<string?>("--query-db") { Description = "Write the synthetic query events into this SQLite file and keep it (e.g. to serve it and time the web UI)." };
        var pgKeep = new Option<bool>("--pg-keep") { Description = "Query the events an earlier run left in the PostgreSQL database instead of writing them again." };
        var serve = new Option<bool>("--serve") { Description = "Only the load on the HTTP server: clients reading /api/events and /api/control, then beside one posting documents (req/s, p50, p95)." };
        var serveDocuments = new Option<int>("--serve-documents") { Description = "Documents in the synthetic database of --serve (two events each).", DefaultValueFactory = _ => 20_000 };
        var serveClients = new Option<int>("--serve-clients") { Description = "Clients at once in --serve.", DefaultValueFactory = _ => 20 };
        var serveSeconds = new Option<double>("--serve-seconds") { Description = "Duration of each phase of --serve.", DefaultValueFactory = _ => 15 };
        var cmd = new Command("bench", "Measure extraction, ingest and query speed on a corpus built from the demo corpus (and ../shared/corpus/news when present).")
        {
            megabytes, documents, noIngest, noExtract, queryEvents, queryDb, pg, queries, noSqliteQueries, pgKeep, serve, serveDocuments, serveClients, serveSeconds,
        };
        cmd.SetAction(async (p, ct) =>
        {
            var ctx = Context(p);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9:0.0} GB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}"));
            if (p.GetValue(serve))
            {
                var options = new ServeBenchOptions(Math.Max(1, p.GetValue(serveDocuments)), Math.Max(1, p.GetValue(serveClients)), Math.Max(0.1, p.GetValue(serveSeconds)));
                await ServeBench.RunAsync(options, () => ctx.Analyzer, stdout, ct);
                return 0;
            }
            var read = Stopwatch.StartNew();
            var corpus = BenchCorpus.Load(ctx.CreateReader(1 << 20), p.GetValue(megabytes), p.GetValue(documents));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"corpus: {corpus.Count} documents ({corpus.Seed.Count} distinct sources), {corpus.Bytes / 1e6:0.0} MB; read {read.Elapsed.TotalSeconds:0.00} s"));
            var load = Stopwatch.StartNew();
            var analyzer = ctx.Analyzer;
            // Every language's data loads lazily and the JIT tiers up over the first documents: one pass over the
            // distinct sources before timing, so that the timed passes measure extraction, not start-up.
            foreach (var d in corpus.Seed) analyzer.Analyze(d);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load: {load.Elapsed.TotalSeconds:0.00} s"));
            foreach (var cores in p.GetValue(noExtract) ? [] : new[] { 1, Environment.ProcessorCount }.Distinct())
            {
                var sw = Stopwatch.StartNew();
                long events = 0;
                Parallel.ForEach(Partitioner.Create(corpus.Documents(), EnumerablePartitionerOptions.NoBuffering), new ParallelOptions { MaxDegreeOfParallelism = cores, CancellationToken = ct },
                    d => Interlocked.Add(ref events, analyzer.Analyze(d).Events.Count));
                var s = sw.Elapsed.TotalSeconds;
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"extract, {cores} core(s): {corpus.Count / s:0} documents/s  {corpus.Bytes / 1e6 / s:0.00} MB/s  {events / s:0} events/s  ({s:0.00} s, {events} events)"));
            }
            // Ingest with one analysing thread (the writer has its own) and with every core, each into a new database.
            foreach (var cores in p.GetValue(noIngest) ? [] : new[] { 1, Environment.ProcessorCount }.Distinct())
            {
                var file = Path.Combine(Path.GetTempPath(), $"vigie-bench-{Environment.ProcessId}.db");
                try
                {
                    await using var store = await SqliteStore.OpenAsync(file, ct);
                    var service = new IngestService(analyzer, store, new IngestOptions(Parallelism: cores));
                    var sw = Stopwatch.StartNew();
                    var summary = await service.RunAsync(corpus.Items(), ct: ct);
                    var s = sw.Elapsed.TotalSeconds;
                    var t = summary.Timings;
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"ingest into SQLite, {cores} core(s): {summary.Stored / s:0} documents/s  {corpus.Bytes / 1e6 / s:0.00} MB/s  {summary.Events / s:0} events/s  ({s:0.00} s; stages, overlapping: read {t.Read.TotalSeconds:0.00} s, analyse {t.Analyse.TotalSeconds:0.00} s, store {t.Store.TotalSeconds:0.00} s)"));
                }
                finally
                {
                    SqliteStore.DeleteDatabase(file);
                }
            }
            SyntaxBench.Run(stdout, corpus.Seed);
            PeakMemory("after extraction and ingest");
            var n = p.GetValue(queryEvents);
            if (n > 0 && !p.GetValue(noSqliteQueries))
            {
                var kept = p.GetValue(queryDb);
                var file = kept ?? Path.Combine(Path.GetTempPath(), $"vigie-bench-q-{Environment.ProcessId}.db");
                try
                {
                    await using (var sqlite = await SqliteStore.OpenAsync(file, ct))
                        await QueryBench.RunAsync("SQLite", sqlite, n, p.GetValue(queries), stdout, ct);
                }
                finally
                {
                    if (kept is null) SqliteStore.DeleteDatabase(file);
                }
            }
            if (n > 0)
            {
                if (p.GetValue(pg) is { } pgConnection)
                {
                    await using var postgres = await PostgresStore.OpenAsync(pgConnection, ct);
                    var keep = p.GetValue(pgKeep);
                    if (!keep) await postgres.ClearAsync(ct);
                    await QueryBench.RunAsync("PostgreSQL", postgres, n, p.GetValue(queries), stdout, ct, write: !keep);
                }
                PeakMemory("at the end");
            }
            return 0;
        });
        return cmd;
    }

    private void PeakMemory(string when)
    {
        using var proc = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak memory {when}: {proc.PeakWorkingSet64 / 1e6:0} MB (now {proc.WorkingSet64 / 1e6:0} MB, of which managed heap {gc.TotalCommittedBytes / 1e6:0} MB committed)"));
    }
}

/// <summary>A benchmark corpus of a chosen size: real documents cycled, each copy with its own id and a varied last line
/// (so that its content key differs too), generated as it is consumed so that memory stays flat whatever the size.</summary>
internal sealed class BenchCorpus
{
    private BenchCorpus(List<Document> seed, int count, long bytes)
    {
        Seed = seed;
        Count = count;
        Bytes = bytes;
    }

    public List<Document> Seed { get; }

    public int Count { get; }

    public long Bytes { get; }

    public static BenchCorpus Load(DocumentReader reader, double megabytes, int? documents)
    {
        var sources = new List<string>();
        var demo = Path.Combine(DataPaths.Root, "demo");
        if (Directory.Exists(demo)) sources.Add(demo);
        var shared = Path.GetFullPath(Path.Combine(DataPaths.Root, "..", "..", "shared", "corpus", "news"));
        if (Directory.Exists(shared)) sources.Add(shared);
        var seed = reader.Read(sources).OfType<AcceptedDocument>().Select(a => a.Document).ToList();
        if (seed.Count == 0) throw new UserException("No documents to build a benchmark corpus from (data/demo or ../shared/corpus/news).");
        var sizes = seed.Select(d => (long)Encoding.UTF8.GetByteCount(d.Text)).ToArray();
        int count;
        long bytes = 0;
        if (documents is { } wanted)
        {
            count = Math.Max(1, wanted);
            for (var i = 0; i < count; i++) bytes += sizes[i % seed.Count];
        }
        else
        {
            var target = (long)(megabytes * 1e6);
            for (count = 0; bytes < target; count++) bytes += sizes[count % seed.Count];
        }
        return new BenchCorpus(seed, count, bytes);
    }

    public IEnumerable<Document> Documents()
    {
        for (var i = 0; i < Count; i++)
        {
            var d = Seed[i % Seed.Count];
            yield return i < Seed.Count ? d with { Id = $"{d.Id}-{i}" } : d with { Id = $"{d.Id}-{i}", Text = d.Text + $"\n\n(bench copy {i})" };
        }
    }

    public IEnumerable<IngestItem> Items()
    {
        var i = 0;
        foreach (var d in Documents())
            yield return new AcceptedDocument("bench", ++i, d, DocumentKeys.ContentKey(d.Text, d.Date));
    }
}

/// <summary>Query latency over many synthetic stored events, written in bulk, for the filters users type most.</summary>
internal static class QueryBench
{
    internal static readonly string[] Types = ["territory_taken", "armed_clash", "attack", "air_strike", "shelling", "protest", "arrest", "talks", "agreement", "deployment", "withdrawal", "casualties", "explosive_device", "abduction", "riot", "threat", "criticism", "demand", "sanction", "aid"];
    internal static readonly (string Country, string Name, double Lat, double Lon)[] Places =
        [.. Enumerable.Range(0, 400).Select(i => (Country: CountryCodes[i % CountryCodes.Length], Name: $"Place {i}", Lat: -40 + i % 80, Lon: -120 + i % 240))];
    internal static readonly string[] Words = ["forces", "soldiers", "rebels", "village", "killed", "attack", "town", "army", "police", "protesters", "capital", "border", "militants", "drone", "convoy", "ceasefire", "offensive", "talks", "hostages", "airport"];

    internal static string[] CountryCodes => ["AF", "ML", "UA", "SY", "YE", "SO", "NG", "SD", "ET", "CD", "BF", "NE", "IQ", "LY", "MZ", "CF", "TD", "CM", "PK", "MM"];

    public static async Task RunAsync(string engine, IVigieStore store, int count, int runs, TextWriter stdout, CancellationToken ct, bool write = true)
    {
        if (write) await WriteAsync(engine, store, count, stdout, ct);
        var filters = new (string Name, Func<Random, EventQuery> Make)[]
        {
            ("first page, no filter", _ => new EventQuery()),
            ("type", r => new EventQuery(Type: Types[r.Next(Types.Length)])),
            ("country", r => new EventQuery(Country: CountryCodes[r.Next(CountryCodes.Length)])),
            ("actor", r => new EventQuery(Actor: $"actor_{r.Next(300)}")),
            ("place", r => new EventQuery(Place: $"Place {r.Next(Places.Length)}")),
            ("one month", r => { var d = new DateOnly(2015 + r.Next(10), 1 + r.Next(12), 1); return new EventQuery(From: d, To: d.AddMonths(1).AddDays(-1)); }),
            ("type + country + year", r => { var y = 2015 + r.Next(10); return new EventQuery(Type: Types[r.Next(Types.Length)], Country: CountryCodes[r.Next(CountryCodes.Length)], From: new DateOnly(y, 1, 1), To: new DateOnly(y, 12, 31)); }),
            ("text, two words", r => new EventQuery(Text: $"{Words[r.Next(Words.Length)]} {Words[r.Next(Words.Length)]}")),
            ("modality", r => new EventQuery(Modality: (Modality)r.Next(7))),
            // Combinations: a common word with a rare key, and a key or a word within one month.
            ("text + place", r => new EventQuery(Text: Words[r.Next(Words.Length)], Place: $"Place {r.Next(Places.Length)}")),
            ("actor + one month", r => { var d = new DateOnly(2015 + r.Next(10), 1 + r.Next(12), 1); return new EventQuery(Actor: $"actor_{r.Next(300)}", From: d, To: d.AddMonths(1).AddDays(-1)); }),
            ("text + one month", r => { var d = new DateOnly(2015 + r.Next(10), 1 + r.Next(12), 1); return new EventQuery(Text: Words[r.Next(Words.Length)], From: d, To: d.AddMonths(1).AddDays(-1)); }),
        };
        foreach (var (name, make) in filters)
        {
            var times = new List<double>(runs);
            var r = new Random(name.Length);
            await store.QueryEventsAsync(make(r), ct);
            for (var i = 0; i < runs; i++)
            {
                var q = make(r);
                var sw = Stopwatch.StartNew();
                await store.QueryEventsAsync(q, ct);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{engine} query {name,-24} p50 {Percentile(times, 0.50),7:0.0} ms   p95 {Percentile(times, 0.95),7:0.0} ms"));
        }
    }

    /// <summary>Writes the synthetic events in bulk, as ingestion would, and prints the rate.</summary>
    private static async Task WriteAsync(string engine, IVigieStore store, int count, TextWriter stdout, CancellationToken ct)
    {
        var write = Stopwatch.StartNew();
        const int perDocument = 50, perBatch = 5000;
        var rng = new Random(8);
        var batch = new List<StoredDocument>(perBatch / perDocument);
        for (var written = 0; written < count;)
        {
            var docId = $"bench-doc-{written / perDocument:D7}";
            var events = new List<Event>(perDocument);
            for (var k = 0; k < perDocument && written < count; k++, written++) events.Add(Synthetic(rng, written, docId));
            batch.Add(new StoredDocument(new Document(docId, "synthetic", new PartialDate(2020, 1, 1), "en"), "key-" + docId, events));
            if (batch.Count * perDocument >= perBatch)
            {
                await store.StoreAsync(batch, ct);
                batch.Clear();
            }
        }
        if (batch.Count > 0) await store.StoreAsync(batch, ct);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine}: wrote {count} synthetic events in {write.Elapsed.TotalSeconds:0.0} s ({count / write.Elapsed.TotalSeconds:0} events/s)"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    internal static Event Synthetic(Random r, int i, string docId)
    {
        var place = Places[r.Next(Places.Length)];
        var day = new DateOnly(2015, 1, 1).AddDays(r.Next(3650));
        var a1 = r.Next(300);
        var type = Types[r.Next(Types.Length)];
        var text = $"{Words[r.Next(Words.Length)]} {Words[r.Next(Words.Length)]} near {place.Name}, {Words[r.Next(Words.Length)]} {Words[r.Next(Words.Length)]} said on {day:yyyy-MM-dd}.";
        return new Event(
            $"bench-{i:D8}", docId, "en", type, new EventCodes(null, null, null, null),
            new Actor($"actor_{a1}", $"Actor {a1}", null, "MIL"), r.Next(2) == 0 ? null : new Actor($"actor_{r.Next(300)}", "Other", null, "REB"), null,
            [new Location(place.Name, place.Country, null, place.Lat, place.Lon, "city", null)],
            DateValue.OfDay(day), r.Next(4) == 0 ? [new Quantity("fatalities", 3, 3, false, false, false, "three")] : [],
            (Modality)(r.Next(10) < 7 ? 0 : r.Next(7)), 0.8,
            [new Evidence(docId, 1, 0, text.Length, text, "bench/rule")]);
    }
}
