using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Vigie.Storage;

namespace Vigie.Server.Tests;

/// <summary>The whole path with the real engine: a posted article is extracted, stored, listed, and its event view
/// highlights the trigger and the arguments in the article.</summary>
public sealed class EngineIngestionTests : IAsyncLifetime
{
    private const string Token = "engine-test-token-0123456789";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"vigie-engine-{Guid.NewGuid():N}.db");
    private IVigieStore _store = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _store = await SqliteStore.OpenAsync(_path);
        _app = await VigieServer.BuildAsync(new VigieServerOptions { Store = _store, ApiToken = Token }, b => b.WebHost.UseTestServer());
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
        foreach (var f in new[] { _path, _path + "-wal", _path + "-shm" }) File.Delete(f);
    }

    [Fact]
    public async Task A_posted_article_becomes_events_whose_view_highlights_the_trigger()
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/documents?format=text")
        {
            Content = new StringContent("date 2021-08-13 The Taliban captured Kandahar on Friday, officials said.", Encoding.UTF8, "text/plain"),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var posted = await _client.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        using var list = JsonDocument.Parse(await _client.GetStringAsync("/api/events?type=territory_taken"));
        var e = Assert.Single(list.RootElement.GetProperty("events").EnumerateArray());
        Assert.Equal("Kandahar", e.GetProperty("locations")[0].GetProperty("name").GetString());

        using var detail = JsonDocument.Parse(await _client.GetStringAsync("/api/events/" + e.GetProperty("id").GetString()));
        var text = detail.RootElement.GetProperty("documents")[0].GetProperty("text").GetString()!;
        var marks = detail.RootElement.GetProperty("highlights").EnumerateArray()
            .Select(h => (Kind: h.GetProperty("kind").GetString(), Text: text[h.GetProperty("start").GetInt32()..h.GetProperty("end").GetInt32()]))
            .ToList();
        Assert.Contains(("trigger", "captured"), marks);
        Assert.Contains(("place", "Kandahar"), marks);
        Assert.Contains(marks, m => m.Kind == "actor" && m.Text == "Taliban");
    }
}
