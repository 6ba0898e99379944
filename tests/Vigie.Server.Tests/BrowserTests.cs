using Microsoft.Playwright;

namespace Vigie.Server.Tests;

/// <summary>The web UI in Debian's Chromium: the page, the filters, the time slider, the evidence view and escaping.</summary>
public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static int DayNumber(string iso) => (int)(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber);

    [BrowserFact]
    public async Task The_page_loads_with_the_map_the_list_and_the_stats()
    {
        var (page, errors) = await fixture.OpenAsync();
        Assert.Equal("true", await page.GetAttributeAsync("body", "data-ready"));
        Assert.Equal(5, await page.Locator("#event-list .event-item").CountAsync());
        Assert.Contains("5 documents", await page.TextContentAsync("#stats"), StringComparison.Ordinal);
        Assert.True(await page.Locator("#map path.leaflet-interactive, #map .leaflet-overlay-pane path").CountAsync() > 0, "the map draws shapes and markers");
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task A_filter_narrows_the_list()
    {
        var (page, _) = await fixture.OpenAsync();
        await page.SelectOptionAsync("#f-type", "attack");
        await page.ClickAsync("#apply");
        await page.Locator("#event-list .event-item").Nth(1).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        var items = page.Locator("#event-list .event-item");
        Assert.Equal(1, await items.CountAsync());
        Assert.Equal(TestCorpus.KabulAttackId, await items.First.GetAttributeAsync("data-id"));

        await page.ClickAsync("#clear");
        await page.Locator("#event-list .event-item").Nth(4).WaitForAsync();
        await page.FillAsync("#f-country", "FR");
        await page.PressAsync("#f-country", "Enter");
        await page.Locator("#event-list .event-item").Nth(1).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Equal(TestCorpus.ParisProtestId, await items.First.GetAttributeAsync("data-id"));
    }

    [BrowserFact]
    public async Task Moving_the_slider_changes_Kandahar_s_controller()
    {
        var (page, errors) = await fixture.OpenAsync();
        var kandahar = page.Locator("#control-list li[data-place='Kandahar']");

        await page.Locator("#slider").FillAsync(DayNumber("2021-08-05").ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#control-list[data-as-of='2021-08-05']").WaitForAsync();
        Assert.Equal("2021-08-05", await page.InputValueAsync("#asof"));
        Assert.Equal("afg_government", await kandahar.GetAttributeAsync("data-controller"));
        Assert.Contains("Afghan government", await kandahar.TextContentAsync(), StringComparison.Ordinal);

        await page.Locator("#slider").FillAsync(DayNumber("2021-08-16").ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#control-list[data-as-of='2021-08-16']").WaitForAsync();
        Assert.Equal("taliban", await kandahar.GetAttributeAsync("data-controller"));
        Assert.Contains("Taliban", await kandahar.TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#map .control-marker").CountAsync() >= 1);
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task Opening_an_event_shows_its_evidence_highlighted_with_the_rule()
    {
        var (page, errors) = await fixture.OpenAsync();
        await page.ClickAsync($"#event-list .event-item[data-id='{TestCorpus.KandaharTakenId}']");
        var evidence = page.Locator("#event-view .article mark.hl-evidence");
        await evidence.First.WaitForAsync();
        Assert.Equal(TestCorpus.KandaharTakenSentence, await evidence.First.TextContentAsync());
        Assert.Equal("fr/territory/prendre", await evidence.First.GetAttributeAsync("data-rule"));
        Assert.Equal("Kandahar", await page.Locator("#event-view .article mark.hl-evidence mark.hl-place").First.TextContentAsync());
        Assert.Equal("3 500", await page.Locator("#event-view .article mark.hl-number").First.TextContentAsync());
        Assert.Contains("fr/territory/prendre", await page.TextContentAsync("#event-view dd[data-field='rule']"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task A_document_with_a_script_shows_as_text()
    {
        var (page, errors) = await fixture.OpenAsync();
        await page.ClickAsync($"#event-list .event-item[data-id='{TestCorpus.ScriptEventId}']");
        var article = page.Locator("#event-view .article");
        await article.WaitForAsync();
        Assert.Contains(TestCorpus.ScriptPayload, await article.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("<b>Not bold</b>", await article.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#event-view .article script, #event-view .article img, #event-view .article b").CountAsync());
        Assert.Equal("<i>Script</i> test", await page.TextContentAsync("#event-view .doc h3"));
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__vigiePwned"));
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task The_language_toggle_switches_the_labels_to_French()
    {
        var (page, _) = await fixture.OpenAsync("en");
        Assert.Equal("Filter", await page.TextContentAsync("#apply"));
        await page.ClickAsync("#lang-toggle");
        Assert.Equal("Filtrer", await page.TextContentAsync("#apply"));
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Prise de territoire", await page.TextContentAsync($"#event-list .event-item[data-id='{TestCorpus.KandaharTakenId}']"), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Screenshots_of_the_main_views()
    {
        var folder = ScreenshotFolder();
        var (page, _) = await fixture.OpenAsync("en");
        await page.Locator("#slider").FillAsync(DayNumber("2021-08-16").ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#control-list[data-as-of='2021-08-16']").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "map-and-list.png"), FullPage = true });
        await page.ClickAsync($"#event-list .event-item[data-id='{TestCorpus.KandaharTakenId}']");
        await page.Locator("#event-view .article mark.hl-evidence").First.WaitForAsync();
        await page.Locator("#event-view").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, "event-evidence.png") });
        await page.ClickAsync("#lang-toggle");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "french.png"), FullPage = true });
        Assert.True(File.Exists(Path.Combine(folder, "event-evidence.png")));
    }

    /// <summary>docs/screenshots when VIGIE_SCREENSHOTS=1 (tools/web/screenshots.sh), else a folder under the test output.</summary>
    private static string ScreenshotFolder()
    {
        string folder;
        if (Environment.GetEnvironmentVariable("VIGIE_SCREENSHOTS") == "1")
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigie.slnx"))) dir = dir.Parent;
            folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "docs", "screenshots");
        }
        else folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
