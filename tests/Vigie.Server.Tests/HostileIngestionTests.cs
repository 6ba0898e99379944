using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Vigie.Ingest;
using Vigie.Pipeline;
using Vigie.Server.Infrastructure;

namespace Vigie.Server.Tests;

/// <summary>Hostile input on POST /api/documents: a bad document of a batch is reported, the good ones beside it kept.</summary>
public sealed class HostileIngestionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    /// <summary>Says what it was given, storing nothing, so the shared database keeps its counts.</summary>
    private sealed class CountingIngester : IDocumentIngester
    {
        public Task<IngestSummary> IngestAsync(IReadOnlyList<IngestItem> items, CancellationToken ct) =>
            Task.FromResult(new IngestSummary(items.Count, items.OfType<AcceptedDocument>().Count(), 0, 0, [.. items.OfType<Rejection>()]));
    }

    private async Task<(HttpStatusCode Status, string Body)> Post(string body, string query)
    {
        await using var app = await VigieServer.BuildAsync(
            new VigieServerOptions { Store = fixture.Store, ApiToken = "t", ReaderFactory = ServerFixture.CreateReader, Ingester = _ => new CountingIngester() },
            b => b.WebHost.UseTestServer());
        await app.StartAsync();
        using var client = app.GetTestClient();
        using var req = new HttpRequestMessage(HttpMethod.Post, "/api/documents" + query) { Content = new StringContent(body, Encoding.UTF8, "application/x-ndjson") };
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "t");
        using var res = await client.SendAsync(req).WaitAsync(TimeSpan.FromSeconds(60));
        var text = await res.Content.ReadAsStringAsync();
        await app.StopAsync();
        return (res.StatusCode, text);
    }

    [Fact]
    public async Task A_lone_surrogate_is_one_rejection_and_the_good_documents_are_kept()
    {
        var body = "{\"id\":\"ok1\",\"text\":\"Kabul fell.\",\"date\":\"2021-08-15\"}\n"
            + "{\"id\":\"bad\",\"text\":\"abc \\ud800\"}\n"
            + "{\"id\":\"ok2\",\"text\":\"Herat fell.\",\"date\":\"2021-08-12\"}\n";
        var (status, text) = await Post(body, "?format=jsonl");
        Assert.True(status == HttpStatusCode.OK, text);
        var json = JsonDocument.Parse(text).RootElement;
        Assert.Equal(2, json.GetProperty("stored").GetInt32());
        Assert.Equal(2, Assert.Single(json.GetProperty("rejections").EnumerateArray()).GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Fields_are_bounded_and_typed_and_dates_strict_on_the_api_too()
    {
        var body = "{\"id\":\"" + new string('i', 300) + "\",\"text\":\"Long id.\"}\n"
            + "{\"id\":\"n\",\"text\":12345}\n"
            + "{\"id\":\"d\",\"text\":\"Kabul.\",\"date\":\"01/02/2021\"}\n"
            + "{\"id\":\"ok\",\"text\":\"Kabul fell.\",\"date\":\"2021-08-15\"}\n";
        var (status, text) = await Post(body, "?format=jsonl&name=a%0Ab");
        Assert.True(status == HttpStatusCode.OK, text);
        var rejections = JsonDocument.Parse(text).RootElement.GetProperty("rejections").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], rejections.Select(r => r.GetProperty("line").GetInt32()));
        Assert.All(rejections, r => Assert.Equal("a\\nb", r.GetProperty("file").GetString()));
    }
}
