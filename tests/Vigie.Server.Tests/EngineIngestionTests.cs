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
    private SqliteStore _store = null!;
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

    private async Task Post(string article)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/documents?format=text")
        {
            Content = new StringContent(article, Encoding.UTF8, "text/plain"),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var posted = await _client.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
    }

    private async Task<List<(string Place, string Controller)>> Control(string day)
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync("/api/control?as_of=" + day + "&country=AF"));
        var array = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement : doc.RootElement.EnumerateObject().First(p => p.Value.ValueKind == JsonValueKind.Array).Value;
        return array.EnumerateArray()
            .Select(e => (e.GetProperty("place").GetProperty("name").GetString()!, e.GetProperty("controller").GetProperty("name").GetString()!))
            .ToList();
    }

    [Fact]
    public async Task Each_posted_article_updates_the_control_map_already_built()
    {
        await Post("date 2021-08-13 The Taliban captured Kandahar on Friday, officials said.");
        Assert.Equal([("Kandahar", "Taliban")], await Control("2021-08-20"));
        await Post("date 2021-08-14 Taliban fighters seized Herat on Thursday after two weeks of fighting.");
        var after = await Control("2021-08-20");
        Assert.Contains(("Kandahar", "Taliban"), after);
        Assert.Contains(("Herat", "Taliban"), after);
    }

    [Fact]
    public async Task A_posted_article_becomes_events_whose_view_highlights_the_trigger()
    {
        await Post("date 2021-08-13 The Taliban captured Kandahar on Friday, officials said.");

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
