using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Vigie.Core;
using Vigie.Pipeline;
using Vigie.Storage;

namespace Vigie.Server.Tests;

/// <summary>The API's hygiene (compression, caching, methods, hosts, token attempts, ids with '/') and the endpoints
/// the UI reads: fused events, exports, events per day, and the control timeline that <c>vigie control</c> builds.</summary>
public sealed class HygieneTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<JsonElement> GetJson(string url)
    {
        using var res = await _client.GetAsync(url);
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == HttpStatusCode.OK, $"{url}: {(int)res.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Responses_are_compressed_when_the_client_accepts_it(string encoding)
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        req.Headers.AcceptEncoding.ParseAdd(encoding);
        using var res = await _client.SendAsync(req);
        Assert.Equal(encoding, res.Content.Headers.ContentEncoding.Single());
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_problem_responses_and_the_token_scheme()
    {
        var doc = await GetJson("/openapi/v1.json");
        var list = doc.GetProperty("paths").GetProperty("/api/events").GetProperty("get").GetProperty("responses");
        foreach (var code in new[] { "200", "400", "404", "405" }) Assert.True(list.TryGetProperty(code, out _), code);
        var post = doc.GetProperty("paths").GetProperty("/api/documents").GetProperty("post");
        foreach (var code in new[] { "401", "413", "422", "429" }) Assert.True(post.GetProperty("responses").TryGetProperty(code, out _), code);
        Assert.True(post.GetProperty("security")[0].TryGetProperty("token", out _));
        Assert.Equal("bearer", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("token").GetProperty("scheme").GetString());
        foreach (var p in new[] { "/api/fused", "/api/export", "/api/histogram" }) Assert.True(doc.GetProperty("paths").TryGetProperty(p, out _), p);
    }

    [Fact]
    public async Task Static_files_say_how_long_to_keep_them()
    {
        using var page = await _client.GetAsync("/app.js");
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        Assert.NotNull(page.Headers.ETag);
    }

    [Fact]
    public async Task A_wrong_method_is_405_with_the_allowed_ones()
    {
        using var res = await _client.DeleteAsync("/api/events");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, res.StatusCode);
        Assert.Contains("GET", res.Content.Headers.Allow);
        using var missing = await _client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_foreign_host_name_is_refused_on_loopback()
    {
        await using var app = await VigieServer.BuildAsync(new VigieServerOptions { Store = fixture.Store, AnalyzerFactory = null }, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        using var client = app.GetTestClient();
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/stats");
        rebound.Headers.Host = "attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(rebound)).StatusCode);
        using var local = new HttpRequestMessage(HttpMethod.Get, "/api/stats");
        local.Headers.Host = "127.0.0.1:5080";
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(local)).StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task Failed_token_attempts_are_limited()
    {
        await using var app = await VigieServer.BuildAsync(new VigieServerOptions { Store = fixture.Store, AnalyzerFactory = null, ApiToken = ServerFixture.Token }, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        using var client = app.GetTestClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i <= Infrastructure.TokenAttempts.MaxFailures; i++)
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = new StringContent("2021-08-13 Un texte.") };
            req.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "guess-" + i);
            codes.Add((await client.SendAsync(req)).StatusCode);
        }
        Assert.All(codes.Take(Infrastructure.TokenAttempts.MaxFailures), c => Assert.Equal(HttpStatusCode.Unauthorized, c));
        Assert.Equal(HttpStatusCode.TooManyRequests, codes[^1]);
        await app.StopAsync();
    }

    [Fact]
    public async Task Ids_that_hold_a_slash_round_trip()
    {
        var doc = new Document("feeds/agency/item-1", "Un texte de test.", new PartialDate(2021, 8, 2), "fr", "Titre");
        var e = new Event("feeds/agency/item-1#e0", doc.Id, "fr", "talks", new EventCodes(null, null, null, null), null, null, null, [], DateValue.OfDay(new DateOnly(2021, 8, 2)),
            [], Modality.Asserted, 0.5, [new Evidence(doc.Id, 0, 0, 17, "Un texte de test.", "fr/test")]);
        await fixture.Store.StoreAsync([new StoredDocument(doc, "key:slash", [e])]);
        Assert.Equal(doc.Id, (await GetJson("/api/documents/" + Uri.EscapeDataString(doc.Id))).GetProperty("id").GetString());
        Assert.Equal(e.Id, (await GetJson("/api/events/" + Uri.EscapeDataString(e.Id))).GetProperty("event").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Fused_events_are_listed_newest_first_and_open_with_their_reports()
    {
        var page = await GetJson("/api/fused?limit=2");
        var fused = page.GetProperty("fused").EnumerateArray().ToList();
        Assert.Equal(2, fused.Count);
        Assert.True(page.GetProperty("total").GetInt32() >= 5);
        Assert.Equal(2, page.GetProperty("next_offset").GetInt32());
        Assert.True(string.CompareOrdinal(fused[0].GetProperty("event").GetProperty("date").GetProperty("value").GetString(),
            fused[1].GetProperty("event").GetProperty("date").GetProperty("value").GetString()) >= 0);
        var attack = (await GetJson("/api/fused?type=attack")).GetProperty("fused")[0];
        Assert.Equal(TestCorpus.KabulAttackId, attack.GetProperty("member_ids")[0].GetString());
        var detail = await GetJson("/api/fused/" + attack.GetProperty("id").GetString());
        var report = detail.GetProperty("reports")[0];
        Assert.Equal(TestCorpus.KabulAttackId, report.GetProperty("event").GetProperty("id").GetString());
        Assert.Contains(report.GetProperty("highlights").EnumerateArray(), h => h.GetProperty("kind").GetString() == "evidence");
        Assert.Equal(attack.GetProperty("id").GetString(), (await GetJson("/api/events/" + TestCorpus.KabulAttackId)).GetProperty("fused_id").GetString());
    }

    [Theory]
    [InlineData("sort=sideways", "'sort' must be newest or oldest")]
    [InlineData("from=2021-13-01", "'from' must be a date")]
    [InlineData("min_sources=0", "'min_sources' must be")]
    public async Task Fused_filters_are_checked_like_event_filters(string query, string message)
    {
        using var res = await _client.GetAsync("/api/fused?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Contains(message, await res.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_are_the_filtered_events_in_each_format()
    {
        using var csv = await _client.GetAsync("/api/export?format=acled-csv&country=AF");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", csv.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event_id_cnty,event_date,", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("Paris", StringComparison.Ordinal));

        var geo = JsonDocument.Parse(await _client.GetStringAsync("/api/export?format=geojson&type=protest")).RootElement;
        Assert.Equal("Paris", geo.GetProperty("features").EnumerateArray().Single().GetProperty("properties").GetProperty("locations")[0].GetProperty("name").GetString());

        var jsonl = (await _client.GetStringAsync("/api/export?format=jsonl&view=fused&type=attack")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("attack", JsonDocument.Parse(jsonl.Single()).RootElement.GetProperty("type").GetString());
        using var bad = await _client.GetAsync("/api/export?format=xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_histogram_counts_events_per_day()
    {
        var days = (await GetJson("/api/histogram")).EnumerateArray().ToList();
        Assert.Contains(days, d => d.GetProperty("day").GetString() == "2021-08-13" && d.GetProperty("events").GetInt32() == 1);
        Assert.Equal(days.Select(d => d.GetProperty("day").GetString()).Order(StringComparer.Ordinal), days.Select(d => d.GetProperty("day").GetString()));
    }

    [Fact]
    public async Task The_API_and_vigie_control_build_the_same_timeline()
    {
        var features = ControlQueries.FeaturesFrom(ControlQueries.LoadGazetteer());
        var cli = (await ControlQueries.LoadTimelineAsync(fixture.Store, features)).AsOf(new DateOnly(2021, 8, 16));
        var api = (await GetJson("/api/control?as_of=2021-08-16")).EnumerateArray().ToList();
        Assert.Equal(cli.Select(c => (c.Place.Name, c.Place.Feature, c.Controller.Id)),
            api.Select(c => (c.GetProperty("place").GetProperty("name").GetString()!, c.GetProperty("place").GetProperty("feature").GetString(), c.GetProperty("controller").GetProperty("id").GetString()!)));
        Assert.Equal("provincial_capital", api.Single(c => c.GetProperty("place").GetProperty("name").GetString() == "Kandahar").GetProperty("place").GetProperty("feature").GetString());
    }
}
