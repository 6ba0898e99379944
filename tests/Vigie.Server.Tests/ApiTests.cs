using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Vigie.Server.Tests;

public sealed class ApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<JsonElement> GetJson(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var res = await _client.GetAsync(url);
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == expected, $"{url}: {(int)res.StatusCode} {body}");
        if (expected != HttpStatusCode.OK) Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static List<string> Ids(JsonElement page) => page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task Events_are_listed_in_date_order_in_the_contract_shape()
    {
        var page = await GetJson("/api/events");
        Assert.Equal([TestCorpus.KandaharHeldId, TestCorpus.KandaharTakenId, TestCorpus.ScriptEventId, TestCorpus.KabulAttackId, TestCorpus.ParisProtestId], Ids(page));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next_cursor").ValueKind);
        var taken = page.GetProperty("events")[1];
        Assert.Equal("territory_taken", taken.GetProperty("type").GetString());
        Assert.Equal("Non-state actor overtakes territory", taken.GetProperty("codes").GetProperty("acled_sub_event_type").GetString());
        Assert.Equal(1138336, taken.GetProperty("locations")[0].GetProperty("geonames_id").GetInt64());
        Assert.Equal("asserted", taken.GetProperty("modality").GetString());
        Assert.Equal("day", taken.GetProperty("date").GetProperty("precision").GetString());
    }

    [Theory]
    [InlineData("type=attack", TestCorpus.KabulAttackId)]
    [InlineData("actor=taliban", TestCorpus.KandaharTakenId + "," + TestCorpus.ScriptEventId)]
    [InlineData("actor=Islamic%20State%20Khorasan", TestCorpus.KabulAttackId)]
    [InlineData("country=fr", TestCorpus.ParisProtestId)]
    [InlineData("place=Kandahar", TestCorpus.KandaharHeldId + "," + TestCorpus.KandaharTakenId)]
    [InlineData("from=2021-08-21&to=2021-08-27", TestCorpus.KabulAttackId)]
    [InlineData("modality=claimed", TestCorpus.KabulAttackId)]
    [InlineData("q=manifest%C3%A9", TestCorpus.ParisProtestId)]
    [InlineData("type=territory_taken&actor=taliban&country=AF&from=2021-08-01", TestCorpus.KandaharTakenId)]
    [InlineData("place=x%27%20OR%201%3D1%20--", "")]
    public async Task Filters_narrow_the_list(string query, string expected)
    {
        var page = await GetJson("/api/events?" + query);
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), Ids(page));
    }

    [Fact]
    public async Task Cursor_paging_walks_every_event_once()
    {
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetJson("/api/events?limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            var ids = Ids(page);
            Assert.InRange(ids.Count, 1, 2);
            seen.AddRange(ids);
            cursor = page.GetProperty("next_cursor").GetString();
            pages++;
        }
        while (cursor is not null);
        Assert.Equal(3, pages);
        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal(5, seen.Count);
    }

    [Theory]
    [InlineData("from=13/08/2021", "'from' must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not '13/08/2021'.")]
    [InlineData("limit=ten", "'limit' must be between 1 and 500.")]
    [InlineData("from=2021-08-20&to=2021-08-01", "'from' must not be after 'to'.")]
    [InlineData("limit=0", "'limit' must be between 1 and 500.")]
    [InlineData("modality=maybe", "'modality' must be one of")]
    [InlineData("type=picnic", "'type' 'picnic' is not an event type.")]
    [InlineData("country=AFG", "'country' must be an ISO 3166 alpha-2 code")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task Bad_parameters_are_problems(string query, string detail)
    {
        var problem = await GetJson("/api/events?" + query, HttpStatusCode.BadRequest);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_event_comes_with_its_document_and_highlights()
    {
        var detail = await GetJson("/api/events/" + TestCorpus.KandaharTakenId);
        Assert.Equal(TestCorpus.KandaharTakenId, detail.GetProperty("event").GetProperty("id").GetString());
        var doc = detail.GetProperty("documents")[0];
        var text = doc.GetProperty("text").GetString()!;
        Assert.Equal("2021-08-14", doc.GetProperty("date").GetString());
        var highlights = detail.GetProperty("highlights").EnumerateArray()
            .Select(h => (Kind: h.GetProperty("kind").GetString(), Text: text[h.GetProperty("start").GetInt32()..h.GetProperty("end").GetInt32()], Label: h.GetProperty("label").GetString()))
            .ToList();
        Assert.Contains(("evidence", TestCorpus.KandaharTakenSentence, "fr/territory/prendre"), highlights);
        Assert.Contains(highlights, h => h.Kind == "place" && h.Text == "Kandahar");
        Assert.Contains(highlights, h => h.Kind == "number" && h.Text == "3 500");
    }

    [Fact]
    public async Task The_event_view_highlights_the_spans_stored_with_the_event_without_an_engine()
    {
        // This server has no engine: every highlight but the evidence sentence is a span read back from the store.
        var stored = (await fixture.Store.GetEventAsync(TestCorpus.KandaharTakenId))!;
        Assert.NotEmpty(stored.Spans);
        var detail = await GetJson("/api/events/" + TestCorpus.KandaharTakenId);
        var marks = detail.GetProperty("highlights").EnumerateArray().Where(h => h.GetProperty("kind").GetString() != "evidence")
            .Select(h => (Role: h.GetProperty("role").GetString(), Start: h.GetProperty("start").GetInt32(), End: h.GetProperty("end").GetInt32()))
            .ToList();
        Assert.Equal(stored.Spans.Select(s => (Role: (string?)s.Role, s.Start, s.End)), marks);
        Assert.Contains(marks, m => m.Role == "actor1");
    }

    [Fact]
    public async Task The_document_list_gives_title_date_source_and_events_newest_first_and_searches()
    {
        var page = await GetJson("/api/documents");
        var docs = page.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(5, page.GetProperty("total").GetInt64());
        var dates = docs.Select(d => d.GetProperty("date").GetString()).ToList();
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
        var fr = Assert.Single(docs, d => d.GetProperty("id").GetString() == "doc-kandahar-fr");
        Assert.Equal("Kandahar tombe aux mains des talibans", fr.GetProperty("title").GetString());
        Assert.Equal("Agence test", fr.GetProperty("source").GetString());
        Assert.Equal(1, fr.GetProperty("events").GetInt64());
        var found = await GetJson("/api/documents?q=AGENCE%20TEST");
        Assert.Equal(["doc-kandahar-fr"], found.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        var two = await GetJson("/api/documents?limit=2");
        Assert.Equal(2, two.GetProperty("next_offset").GetInt32());
        Assert.Equal(2, two.GetProperty("documents").GetArrayLength());
        await GetJson("/api/documents?limit=0", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_document_opens_with_its_events_and_their_highlights()
    {
        var view = await GetJson("/api/document-view/doc-kandahar-fr");
        Assert.Equal("doc-kandahar-fr", view.GetProperty("document").GetProperty("id").GetString());
        Assert.Equal([TestCorpus.KandaharTakenId], view.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        var kinds = view.GetProperty("highlights").EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ToList();
        Assert.Contains("evidence", kinds);
        Assert.Contains("place", kinds);
        var missing = await GetJson("/api/document-view/none", HttpStatusCode.NotFound);
        Assert.Equal("not_found", missing.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/api/events?from=13/08/2021", "invalid_date", "param", "from")]
    [InlineData("/api/events?limit=0", "out_of_range", "max", "500")]
    [InlineData("/api/events?from=2021-08-20&to=2021-08-01", "date_order", "other", "to")]
    [InlineData("/api/events?modality=maybe", "invalid_choice", "value", "maybe")]
    [InlineData("/api/events?type=picnic", "unknown_type", "value", "picnic")]
    [InlineData("/api/places?limit=999", "out_of_range", "param", "limit")]
    [InlineData("/api/control", "required", "param", "as_of")]
    [InlineData("/api/fused?sort=random", "invalid_choice", "param", "sort")]
    [InlineData("/api/export?format=xls", "invalid_choice", "param", "format")]
    [InlineData("/api/events/no-such-event", "not_found", "kind", "event")]
    [InlineData("/api/no-such-endpoint", "no_endpoint", "path", "/api/no-such-endpoint")]
    public async Task Every_problem_carries_a_stable_code_and_the_values_it_names(string url, string code, string arg, string value)
    {
        using var res = await _client.GetAsync(url);
        Assert.True((int)res.StatusCode is >= 400 and < 500, url);
        var problem = JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(value, problem.GetProperty("args").GetProperty(arg).GetString());
    }

    [Fact]
    public async Task Every_parameter_of_every_endpoint_is_described_in_the_OpenAPI_document()
    {
        var doc = await GetJson("/openapi/v1.json");
        var undescribed = new List<string>();
        var count = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject())
            {
                if (!op.Value.TryGetProperty("parameters", out var ps)) continue;
                foreach (var p in ps.EnumerateArray())
                {
                    count++;
                    if (!p.TryGetProperty("description", out var d) || string.IsNullOrWhiteSpace(d.GetString()))
                        undescribed.Add($"{op.Name.ToUpperInvariant()} {path.Name} {p.GetProperty("name").GetString()}");
                }
            }
        Assert.True(count > 20, $"only {count} parameters");
        Assert.Empty(undescribed);
    }

    [Fact]
    public async Task A_missing_event_is_a_404_problem()
    {
        var problem = await GetJson("/api/events/no-such-event", HttpStatusCode.NotFound);
        Assert.Equal("No event with id 'no-such-event'.", problem.GetProperty("detail").GetString());
        Assert.Equal("no-such-event", problem.GetProperty("args").GetProperty("id").GetString());
        await GetJson("/api/documents/no-such-document", HttpStatusCode.NotFound);
        await GetJson("/api/no-such-endpoint", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("2021-08-05", "afg_government")]
    [InlineData("2021-08-16", "taliban")]
    public async Task Control_as_of_a_date_names_Kandahar_s_controller(string day, string controller)
    {
        var entries = await GetJson($"/api/control?as_of={day}&country=AF");
        var kandahar = Assert.Single(entries.EnumerateArray(), e => e.GetProperty("place").GetProperty("name").GetString() == "Kandahar");
        Assert.Equal(controller, kandahar.GetProperty("controller").GetProperty("id").GetString());
        Assert.Equal(1138336, kandahar.GetProperty("place").GetProperty("geonames_id").GetInt64());
    }

    [Fact]
    public async Task Control_needs_a_date_and_knows_nothing_before_the_events()
    {
        await GetJson("/api/control", HttpStatusCode.BadRequest);
        await GetJson("/api/control?as_of=yesterday", HttpStatusCode.BadRequest);
        Assert.Equal(0, (await GetJson("/api/control?as_of=2020-01-01")).GetArrayLength());
        var range = await GetJson("/api/control/range");
        Assert.Equal("2021-08-01", range.GetProperty("first").GetString());
        Assert.Equal("2021-08-13", range.GetProperty("last").GetString());
    }

    [Theory]
    [InlineData("kand", "Kandahar")]
    [InlineData("KAB", "Kabul")]
    [InlineData("ari", "Paris")]
    public async Task Places_are_searched_by_name(string q, string expected)
    {
        var places = await GetJson("/api/places?q=" + q);
        Assert.Equal(expected, places[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Stats_say_what_the_database_holds()
    {
        var stats = await GetJson("/api/stats");
        Assert.Equal(5, stats.GetProperty("documents").GetInt64());
        Assert.Equal(5, stats.GetProperty("events").GetInt64());
        Assert.Equal(1, stats.GetProperty("events_by_type").GetProperty("territory_taken").GetInt64());
        Assert.Contains((await GetJson("/api/types")).EnumerateArray(), t => t.GetProperty("type").GetString() == "territory_taken");
    }

    [Fact]
    public async Task Documents_keep_their_html_as_plain_text()
    {
        var doc = await GetJson("/api/documents/doc-script");
        Assert.Contains(TestCorpus.ScriptPayload, doc.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint()
    {
        var doc = await GetJson("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var p in new[] { "/api/events", "/api/events/{id}", "/api/control", "/api/places", "/api/stats", "/api/documents", "/api/documents/{id}" })
            Assert.Contains(p, paths);
        var parameters = doc.GetProperty("paths").GetProperty("/api/events").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("cursor", parameters);
        Assert.True(doc.GetProperty("paths").GetProperty("/api/documents").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("text/plain", out _));
        Assert.Contains("modality", parameters);
    }

    [Fact]
    public async Task Every_response_carries_the_content_security_policy()
    {
        foreach (var url in new[] { "/", "/api/stats", "/api/events/none" })
        {
            using var res = await _client.GetAsync(url);
            var csp = res.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", res.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task The_page_is_served_with_its_scripts()
    {
        var html = await _client.GetStringAsync("/");
        Assert.Contains("<script src=\"app.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        using var js = await _client.GetAsync("/app.js");
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        Assert.DoesNotContain(".innerHTML", await js.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
