using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Storage;

namespace Vigie.Server.Tests;

/// <summary>The server's view of every event (control map, fused events) follows the store's event feed: what another
/// writer stores, and what is posted, is added to it without reading every event again nor querying per document.</summary>
public sealed class SnapshotFeedTests
{
    [Fact(Timeout = 60_000)]
    public async Task Events_stored_by_another_writer_and_posted_ones_are_added_without_a_rebuild()
    {
        var (store, path) = await TestCorpus.CreateAsync();
        try
        {
            var counting = new CountingStore(store);
            await using var app = await VigieServer.BuildAsync(
                new VigieServerOptions
                {
                    Store = counting,
                    ApiToken = ServerFixture.Token,
                    SnapshotLifetime = TimeSpan.Zero,
                    WarmSnapshot = false,
                    AnalyzerFactory = null,
                    FeatureLookup = null,
                    Ingester = services => new EventlessIngester(services.GetRequiredService<IVigieStore>()),
                    ReaderFactory = ServerFixture.CreateReader,
                },
                b => b.WebHost.UseTestServer());
            await app.StartAsync();
            using var client = app.GetTestClient();
            async Task<int> FusedTotal() => (await client.GetFromJsonAsync<JsonElement>("/api/fused?limit=1")).GetProperty("total").GetInt32();
            var before = await FusedTotal();
            var (streams, queries) = (counting.Streams, counting.DocumentQueries);

            // Another process writes to the same file.
            await using (var other = await StoreFactory.OpenAsync(path))
                await other.StoreAsync(TestCorpus.BrowserExtras());
            var after = before;
            for (var i = 0; i < 200 && after == before; i++)
            {
                await Task.Delay(50);
                after = await FusedTotal();
            }
            Assert.True(after > before, "The fused events did not take the other writer's events.");

            using var post = new HttpRequestMessage(HttpMethod.Post, "/api/documents?format=text&name=kaboul.txt")
            {
                Content = new StringContent("date 2021-08-15\nLes talibans sont entrés dans Kaboul dimanche.", System.Text.Encoding.UTF8, "text/plain"),
            };
            post.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ServerFixture.Token);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(post)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/control?as_of=2021-08-20")).StatusCode);

            Assert.Equal((streams, queries), (counting.Streams, counting.DocumentQueries));
            Assert.True(counting.FeedReads >= 3);
        }
        finally
        {
            await store.DisposeAsync();
            TestCorpus.Delete(path);
        }
    }
}
