using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Ingest;
using Vigie.Storage;
using Vigie.Text;

namespace Vigie.Server.Tests;

/// <summary>The API on the in-memory test server over a fresh hand-built database.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string Token = "test-token-0123456789";

    private string _path = "";

    public IVigieStore Store { get; private set; } = null!;

    public WebApplication App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (Store, _path) = await TestCorpus.CreateAsync();
        App = await VigieServer.BuildAsync(
            new VigieServerOptions
            {
                Store = Store,
                ApiToken = Token,
                MaxRequestBodyBytes = 64 * 1024,
                SnapshotLifetime = TimeSpan.FromMinutes(5),
                AnalyzerFactory = null,
                Ingester = services => new EventlessIngester(services.GetRequiredService<IVigieStore>()),
                ReaderFactory = CreateReader,
            },
            b => b.WebHost.UseTestServer());
        await App.StartAsync();
        Client = App.GetTestClient();
    }

    /// <summary>A document reader that needs no language data folder.</summary>
    public static DocumentReader CreateReader() => new(
        new LanguageIdentifier(new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["fr"] = ["le", "la", "les", "des", "dans", "est", "sont", "une", "du", "et"],
            ["en"] = ["the", "of", "and", "in", "is", "are", "a", "to", "was", "on"],
        }),
        new ReaderOptions(64 * 1024));

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Store.DisposeAsync();
        TestCorpus.Delete(_path);
    }
}
