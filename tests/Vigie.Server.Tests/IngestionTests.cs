using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Vigie.Server.Tests;

/// <summary>POST /api/documents, on a database of its own since it adds to it.</summary>
public sealed class IngestionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Ingestion_requires_the_token()
    {
        using var none = await _client.PostAsync("/api/documents", new StringContent("date 2021-08-15\nKaboul.", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = new StringContent("date 2021-08-15\nKaboul.") };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(wrong)).StatusCode);
    }

    [Fact]
    public async Task Ingestion_with_the_token_stores_the_document_once()
    {
        const string body = "date 2021-08-15\nLes talibans entrent dans Kaboul\n\nLes talibans sont entrés dimanche dans Kaboul, la capitale afghane.";
        async Task<JsonElement> Post()
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, "/api/documents?format=text&name=kaboul.txt") { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
            req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerFixture.Token);
            using var res = await _client.SendAsync(req);
            var text = await res.Content.ReadAsStringAsync();
            Assert.True(res.StatusCode == HttpStatusCode.OK, text);
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        var first = await Post();
        Assert.Equal(1, first.GetProperty("read").GetInt32());
        Assert.Equal(1, first.GetProperty("stored").GetInt32());
        var doc = await _client.GetStringAsync("/api/stats");
        Assert.Contains("\"documents\":6", doc, StringComparison.Ordinal);
        var second = await Post();
        Assert.Equal(0, second.GetProperty("stored").GetInt32());
        Assert.Equal(1, second.GetProperty("skipped").GetInt32());
    }

    [Fact]
    public async Task Ingestion_refuses_bodies_over_the_limit_and_bad_input()
    {
        async Task<HttpResponseMessage> Post(HttpContent content, string query = "")
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, "/api/documents" + query) { Content = content };
            req.Headers.Add("X-Vigie-Token", ServerFixture.Token);
            return await _client.SendAsync(req);
        }
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Post(new StringContent("date 2021-08-15\n" + new string('a', 70 * 1024)))).StatusCode);
        var notUtf8 = await Post(new ByteArrayContent([0x64, 0xff, 0xfe, 0x20]));
        Assert.True(notUtf8.StatusCode == HttpStatusCode.BadRequest, await notUtf8.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(new StringContent("x"), "?format=docx")).StatusCode);
        var rejected = await Post(new StringContent("no date header here"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        Assert.Contains("rejections", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engine_that_cannot_load_is_a_503_problem()
    {
        await using var app = await VigieServer.BuildAsync(
            new VigieServerOptions
            {
                Store = fixture.Store, ApiToken = "t", ReaderFactory = ServerFixture.CreateReader,
                AnalyzerFactory = () => throw new InvalidOperationException("broken data"),
            },
            b => b.WebHost.UseTestServer());
        await app.StartAsync();
        using var client = app.GetTestClient();
        using var req = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = new StringContent("date 2021-08-15\nKaboul est tombée.") };
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "t");
        using var res = await client.SendAsync(req);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, res.StatusCode);
        Assert.Contains("broken data", await res.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.StopAsync();
    }

    [Fact]
    public async Task Ingestion_is_off_without_a_configured_token()
    {
        await using var app = await VigieServer.BuildAsync(new VigieServerOptions { Store = fixture.Store, ApiToken = null }, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        using var client = app.GetTestClient();
        using var req = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = new StringContent("date 2021-08-15\nKaboul.") };
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "anything");
        using var res = await client.SendAsync(req);
        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
        await app.StopAsync();
    }
}
