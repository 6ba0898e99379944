using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Core;
using Vigie.Pipeline;
using Vigie.Server;
using Vigie.Storage;

namespace Vigie.Cli;

/// <summary>What <c>vigie bench --serve</c> runs: a synthetic database, the server on a loopback port, and clients
/// that read (and one that posts) over HTTP for a while.</summary>
/// <param name="Documents">Documents in the synthetic database (two events each).</param>
/// <param name="Clients">Clients at once.</param>
/// <param name="Seconds">Duration of each of the three phases.</param>
internal sealed record ServeBenchOptions(int Documents = 20_000, int Clients = 20, double Seconds = 15);

/// <summary>Load on the HTTP server: requests per second and latency of <c>/api/events</c>,
/// <c>/api/control</c> and <c>POST /api/documents</c>, readers alone then beside a writer. Prints the figures and asserts
/// none of them.</summary>
internal static class ServeBench
{
    private const int EventsPerDocument = 2;

    public static async Task RunAsync(ServeBenchOptions o, Func<Analyzer>? analyzer, TextWriter stdout, CancellationToken ct)
    {
        var file = Path.Combine(Path.GetTempPath(), $"vigie-bench-serve-{Environment.ProcessId}.db");
        try
        {
            await using var store = await SqliteStore.OpenAsync(file, ct);
            var write = Stopwatch.StartNew();
            await FillAsync(store, o.Documents, ct);
            stdout.WriteLine(Line($"serve: {o.Documents} synthetic documents, {o.Documents * EventsPerDocument} events written in {write.Elapsed.TotalSeconds:0.0} s; {o.Clients} clients, {Environment.ProcessorCount} cores, {o.Seconds:0.#} s per phase"));
            var token = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + Convert.ToHexString(Guid.NewGuid().ToByteArray());
            await using var app = await VigieServer.BuildAsync(new VigieServerOptions
            {
                Urls = "http://127.0.0.1:0",
                Store = store,
                ApiToken = token,
                AnalyzerFactory = analyzer,
            }, ct: ct);
            await app.StartAsync(ct);
            try
            {
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Clients + 1 }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var warm = Stopwatch.StartNew();
                (await http.GetAsync("/api/control?as_of=2020-01-01", ct)).EnsureSuccessStatusCode();
                stdout.WriteLine(Line($"serve: first control snapshot in {warm.Elapsed.TotalSeconds:0.00} s"));
                await Warm(http, ct);

                var readOnly = await Phase(http, o, control: false, writer: false, ct);
                stdout.WriteLine(Figures("GET /api/events, readers only", readOnly.Events, o.Seconds));
                var mixed = await Phase(http, o, control: true, writer: false, ct);
                stdout.WriteLine(Figures("GET /api/events, beside /api/control", mixed.Events, o.Seconds));
                stdout.WriteLine(Figures("GET /api/control, beside /api/events", mixed.Control, o.Seconds));
                var loaded = await Phase(http, o, control: true, writer: true, ct);
                stdout.WriteLine(Figures("GET /api/events, beside a writer", loaded.Events, o.Seconds));
                stdout.WriteLine(Figures("GET /api/control, beside a writer", loaded.Control, o.Seconds));
                stdout.WriteLine(Figures("POST /api/documents, beside readers", loaded.Posts, o.Seconds));
                if (readOnly.Errors + mixed.Errors + loaded.Errors is > 0 and var errors) stdout.WriteLine(Line($"serve: {errors} requests failed"));
            }
            finally
            {
                await app.StopAsync(CancellationToken.None);
            }
        }
        finally
        {
            SqliteStore.DeleteDatabase(file);
        }
    }

    private sealed record PhaseResult(List<double> Events, List<double> Control, List<double> Posts, int Errors);

    private static async Task<PhaseResult> Phase(HttpClient http, ServeBenchOptions o, bool control, bool writer, CancellationToken ct)
    {
        var events = new List<double>();
        var controls = new List<double>();
        var posts = new List<double>();
        var errors = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(TimeSpan.FromSeconds(o.Seconds));
        async Task Client(int i)
        {
            var r = new Random(i);
            var posting = writer && i == 0;
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var isControl = !posting && control && r.Next(4) == 0;
                var sw = Stopwatch.StartNew();
                try
                {
                    using var response = posting ? await http.PostAsync($"/api/documents?format=text&name=bench-{i}-{n++}.txt", Article(r), CancellationToken.None)
                        : await http.GetAsync(isControl ? ControlQuery(r) : EventsQuery(r), HttpCompletionOption.ResponseContentRead, CancellationToken.None);
                    if (!response.IsSuccessStatusCode) { Interlocked.Increment(ref errors); continue; }
                }
                catch (HttpRequestException) { Interlocked.Increment(ref errors); continue; }
                var list = posting ? posts : isControl ? controls : events;
                lock (list) list.Add(sw.Elapsed.TotalMilliseconds);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, o.Clients).Select(i => Task.Run(() => Client(i), CancellationToken.None)));
        return new PhaseResult(events, controls, posts, errors);
    }

    // The JIT and the page caches, before anything is timed.
    private static async Task Warm(HttpClient http, CancellationToken ct)
    {
        var r = new Random(99);
        for (var i = 0; i < 50; i++) (await http.GetAsync(EventsQuery(r), ct)).Dispose();
        for (var i = 0; i < 5; i++) (await http.GetAsync(ControlQuery(r), ct)).Dispose();
        // The first post loads the extraction engine.
        for (var i = 0; i < 3; i++) (await http.PostAsync($"/api/documents?format=text&name=warm-{i}.txt", Article(r), ct)).EnsureSuccessStatusCode();
    }

    /// <summary>The filters of the web UI's event list: none, type, country, actor, place, a month, a text search,
    /// and the second page of some of them.</summary>
    private static string EventsQuery(Random r)
    {
        var month = new DateOnly(2015 + r.Next(10), 1 + r.Next(12), 1);
        var filter = r.Next(8) switch
        {
            0 => "",
            1 => "type=" + QueryBench.Types[r.Next(QueryBench.Types.Length)],
            2 => "country=" + QueryBench.CountryCodes[r.Next(QueryBench.CountryCodes.Length)],
            3 => "actor=actor_" + r.Next(300),
            4 => "place=" + Uri.EscapeDataString(QueryBench.Places[r.Next(QueryBench.Places.Length)].Name),
            5 => string.Create(CultureInfo.InvariantCulture, $"from={month:yyyy-MM-dd}&to={month.AddMonths(1).AddDays(-1):yyyy-MM-dd}"),
            6 => "q=" + QueryBench.Words[r.Next(QueryBench.Words.Length)],
            _ => "country=" + QueryBench.CountryCodes[r.Next(QueryBench.CountryCodes.Length)] + "&type=" + QueryBench.Types[r.Next(QueryBench.Types.Length)],
        };
        return "/api/events?limit=100" + (filter.Length > 0 ? "&" + filter : "");
    }

    private static string ControlQuery(Random r) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/control?as_of={new DateOnly(2015, 1, 1).AddDays(r.Next(3650)):yyyy-MM-dd}") + (r.Next(2) == 0 ? "&country=" + QueryBench.CountryCodes[r.Next(QueryBench.CountryCodes.Length)] : "");

    private static StringContent Article(Random r)
    {
        var day = new DateOnly(2021, 1, 1).AddDays(r.Next(365));
        var text = string.Create(CultureInfo.InvariantCulture,
            $"date {day:yyyy-MM-dd}\nThe Taliban captured the town of Ghazni on {day:dddd}, officials said. Fighting between government forces and insurgents near Kandahar killed {3 + r.Next(40)} people. Hundreds of protesters marched in Kabul against the offensive.");
        return new StringContent(text, Encoding.UTF8, "text/plain");
    }

    private static async Task FillAsync(SqliteStore store, int documents, CancellationToken ct)
    {
        var rng = new Random(8);
        var batch = new List<StoredDocument>(500);
        for (var d = 0; d < documents; d++)
        {
            var id = $"serve-doc-{d:D7}";
            var events = Enumerable.Range(0, EventsPerDocument).Select(k => QueryBench.Synthetic(rng, d * EventsPerDocument + k, id)).ToList();
            var text = string.Join(' ', events.Select(e => e.Evidence[0].Text));
            batch.Add(new StoredDocument(new Document(id, text, new PartialDate(events[0].Date!.FirstDay.Year, events[0].Date!.FirstDay.Month, events[0].Date!.FirstDay.Day), "en", $"Synthetic report {d}", "bench"), "key-" + id, events));
            if (batch.Count == 500)
            {
                await store.StoreAsync(batch, ct);
                batch.Clear();
            }
        }
        if (batch.Count > 0) await store.StoreAsync(batch, ct);
    }

    private static string Figures(string what, List<double> times, double seconds)
    {
        if (times.Count == 0) return Line($"serve {what}: no request completed");
        times.Sort();
        double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        return Line($"serve {what,-38} {times.Count / seconds,7:0} req/s   p50 {P(0.50),7:0.0} ms   p95 {P(0.95),7:0.0} ms   ({times.Count} requests)");
    }

    private static string Line(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
