using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Vigie.Storage;

namespace Vigie.Server.Tests;

/// <summary>A test that drives Debian's Chromium; skipped, saying why, when <c>/usr/bin/chromium</c> is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!BrowserFixture.ChromiumInstalled)
            Skip = $"Browser test skipped: {BrowserFixture.Chromium} is not installed (apt-get install -y chromium).";
    }
}

/// <summary>The real server (Kestrel) on a random loopback port over a hand-built database, and one headless Chromium.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public static bool ChromiumInstalled => File.Exists(Chromium);

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private string _path = "";
    private IVigieStore? _store;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!ChromiumInstalled) return;
        (_store, _path) = await TestCorpus.CreateAsync();
        await _store.StoreAsync(TestCorpus.BrowserExtras());
        _app = await VigieServer.BuildAsync(new VigieServerOptions { Store = _store, Urls = "http://127.0.0.1:0", AnalyzerFactory = null });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/') + "/";
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A new page on the UI, in the given language, once its first data has loaded; console errors are collected.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(string language = "en", string hash = "", int width = 1400, int height = 1000)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = language, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        page.Response += (_, r) => { if (r.Status >= 400) errors.Add($"{r.Status} {r.Url}"); };
        await page.GotoAsync(BaseUrl + hash);
        await page.WaitForSelectorAsync("body[data-ready]", new PageWaitForSelectorOptions { Timeout = 20000 });
        return (page, errors);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_store is not null) await _store.DisposeAsync();
        if (_path.Length > 0) TestCorpus.Delete(_path);
    }
}
