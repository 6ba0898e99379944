using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Vigie.Server.Tests;

/// <summary>The web UI in Debian's Chromium: the page, the filters, the time control, the fused and raw views, the map's
/// layers, exports, the URL, narrow screens and escaping.</summary>
public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static string DayNumber(string iso) =>
        (DateOnly.Parse(iso, CultureInfo.InvariantCulture).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber).ToString(CultureInfo.InvariantCulture);

    // The list item (fused or raw) that holds this extracted event.
    private static string ItemOf(string eventId) => $"#event-list .event-item[data-members~='{eventId}']";

    private static async Task MoveSliderTo(IPage page, string day)
    {
        await page.Locator("#slider").FillAsync(DayNumber(day));
        await page.Locator($"#control-list[data-as-of='{day}']").WaitForAsync();
    }

    [BrowserFact]
    public async Task The_page_loads_with_the_map_the_list_and_the_stats()
    {
        var (page, errors) = await fixture.OpenAsync();
        Assert.Equal("true", await page.GetAttributeAsync("body", "data-ready"));
        Assert.Equal("fused", await page.GetAttributeAsync("#event-list", "data-view"));
        await page.WaitForFunctionAsync("() => document.getElementById('stats').textContent.includes('7 documents')");
        Assert.True(await page.Locator("#map .leaflet-overlay-pane path").CountAsync() > 0, "the map draws shapes");
        Assert.Contains("GeoNames", await page.TextContentAsync("#map .leaflet-control-attribution"), StringComparison.Ordinal);
        Assert.Contains("Natural Earth", await page.TextContentAsync("#map .leaflet-control-attribution"), StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("#map .leaflet-control-layers-overlays input").CountAsync());
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task The_fused_view_lists_one_row_per_event_with_its_sources_and_shows_them_side_by_side()
    {
        var (page, errors) = await fixture.OpenAsync();
        var kabul = page.Locator($"{ItemOf(TestCorpus.KabulAttackId)}[data-kind='fused']");
        Assert.Contains(TestCorpus.KabulSecondReportId, await kabul.GetAttributeAsync("data-members"), StringComparison.Ordinal);
        Assert.Contains("2 sources", await kabul.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(ItemOf(TestCorpus.KabulSecondReportId)).CountAsync());

        await kabul.ClickAsync();
        await page.Locator("#event-view[data-kind='fused'] .report").Nth(1).WaitForAsync();
        var reports = page.Locator("#event-view .report");
        Assert.Equal(2, await reports.CountAsync());
        Assert.Equal(2, await page.Locator("#event-view .report .article mark.hl-evidence").CountAsync());
        Assert.Equal("2 sources", await page.TextContentAsync("#event-view dd[data-field='sourcesCount']"));
        Assert.Equal("Sources", await page.TextContentAsync("#event-view dt:has(+ dd[data-field='sourcesCount'])"));

        // The raw report is one click away, and leads back to its fused event.
        await page.Locator($"#event-view .report[data-id='{TestCorpus.KabulAttackId}'] button.open-raw").ClickAsync();
        await page.Locator($"#event-view[data-kind='raw'][data-id='{TestCorpus.KabulAttackId}']").WaitForAsync();
        await page.ClickAsync("#event-view button.open-fused");
        await page.Locator("#event-view[data-kind='fused']").WaitForAsync();
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task A_filter_narrows_the_list()
    {
        var (page, _) = await fixture.OpenAsync();
        await page.SelectOptionAsync("#f-type", "attack");
        await page.ClickAsync("#apply");
        await page.Locator(ItemOf(TestCorpus.ParisProtestId)).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        var items = page.Locator("#event-list .event-item");
        Assert.Equal(1, await items.CountAsync());
        Assert.Contains(TestCorpus.KabulAttackId, await items.First.GetAttributeAsync("data-members"), StringComparison.Ordinal);

        await page.ClickAsync("#clear");
        await page.Locator(ItemOf(TestCorpus.ParisProtestId)).WaitForAsync();
        await page.FillAsync("#f-country", "FR");
        await page.PressAsync("#f-country", "Enter");
        await page.Locator(ItemOf(TestCorpus.KabulAttackId)).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Equal(1, await items.CountAsync());
        Assert.Equal(TestCorpus.ParisProtestId, await items.First.GetAttributeAsync("data-members"));
    }

    [BrowserFact]
    public async Task The_list_is_newest_first_shows_periods_and_the_sort_control_reverses_it()
    {
        var (page, _) = await fixture.OpenAsync(hash: "#view=raw");
        var dates = await page.Locator("#event-list .event-item").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.date)");
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        await page.SelectOptionAsync("#sort", "oldest");
        await page.WaitForFunctionAsync($"() => document.querySelector('#event-list .event-item')?.dataset.id === '{TestCorpus.KandaharHeldId}'");
        dates = await page.Locator("#event-list .event-item").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.date)");
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }

    [BrowserFact]
    public async Task Moving_the_slider_changes_Kandahar_s_controller_and_colours_only_its_province()
    {
        var (page, errors) = await fixture.OpenAsync();
        var kandahar = page.Locator("#control-list li[data-place='Kandahar']");

        await MoveSliderTo(page, "2021-08-05");
        Assert.Equal("2021-08-05", await page.InputValueAsync("#asof"));
        Assert.Equal("afg_government", await kandahar.GetAttributeAsync("data-controller"));
        Assert.Contains("Afghan government", await kandahar.TextContentAsync(), StringComparison.Ordinal);

        await MoveSliderTo(page, "2021-08-16");
        Assert.Equal("taliban", await kandahar.GetAttributeAsync("data-controller"));
        Assert.Contains("Taliban", await kandahar.TextContentAsync(), StringComparison.Ordinal);
        // US forces hold the airport, a point: it has its marker but gives the province no colour of its own.
        Assert.Equal("usa_military", await page.GetAttributeAsync("#control-list li[data-place='Kandahar International Airport']", "data-controller"));
        await page.Locator("#map path.province").First.WaitForAsync();
        Assert.Equal(1, await page.Locator("#map path.province").CountAsync());
        Assert.Equal(0, await page.Locator("#map path.province.contested").CountAsync());
        var provinceColour = await page.GetAttributeAsync("#map path.province", "stroke");
        var talibanColour = await page.Locator("#controller-legend .member[data-controller='taliban'] .swatch").EvaluateAsync<string>("s => s.style.background");
        Assert.Equal(await page.EvaluateAsync<string>($"() => {{ const d = document.createElement('div'); d.style.background = '{provinceColour}'; return d.style.background; }}"), talibanColour);
        Assert.True(await page.Locator("#map .control-marker").CountAsync() >= 2);
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task The_slider_moves_the_list_through_a_window_and_draws_the_histogram()
    {
        var (page, errors) = await fixture.OpenAsync();
        Assert.NotEqual("0", await page.GetAttributeAsync("#histogram", "data-bins"));
        await page.SelectOptionAsync("#window", "7");
        await MoveSliderTo(page, "2021-08-05");
        await page.Locator(ItemOf(TestCorpus.ParisProtestId)).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Equal([TestCorpus.KandaharHeldId], await page.Locator("#event-list .event-item").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.members)"));

        await MoveSliderTo(page, "2021-08-28");
        await page.Locator(ItemOf(TestCorpus.ParisProtestId)).WaitForAsync();
        Assert.Equal(0, await page.Locator(ItemOf(TestCorpus.KandaharHeldId)).CountAsync());
        await page.ClickAsync("#step-back");
        await page.Locator("#control-list[data-as-of='2021-08-27']").WaitForAsync();
        Assert.Equal("2021-08-27", await page.InputValueAsync("#asof"));
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task Co_located_markers_cluster_and_the_cluster_opens()
    {
        var (page, errors) = await fixture.OpenAsync();
        // Kabul's two events share one point: they stay one cluster at every zoom until it is opened (spiderfied).
        var markers = page.Locator($"#map .event-marker[data-members~='{TestCorpus.KabulAttackId}'], #map .event-marker[data-members~='{TestCorpus.ScriptEventId}']");
        Assert.Equal(0, await markers.CountAsync());
        for (var i = 0; i < 12 && await markers.CountAsync() < 2; i++)
        {
            // Dispatched in the page, not clicked: clusters are redrawn while the map zooms, and an opened cluster's icon
            // stays under its spider legs.
            await page.EvaluateAsync(@"() => {
                const clusters = [...document.querySelectorAll('#map .marker-cluster')];
                const pair = clusters.find(c => c.textContent.trim() === '2') ?? clusters[0];
                pair?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
            }");
            await page.WaitForTimeoutAsync(600);
        }
        Assert.Equal(2, await markers.CountAsync());
        await markers.First.DispatchEventAsync("click");
        await page.Locator("#event-view:not([hidden])").WaitForAsync();
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task Opening_an_event_shows_its_evidence_highlighted_with_the_rule_and_rings_it_on_the_map()
    {
        var (page, errors) = await fixture.OpenAsync(hash: "#view=raw");
        await page.ClickAsync($"#event-list .event-item[data-id='{TestCorpus.KandaharTakenId}']");
        var evidence = page.Locator("#event-view .article mark.hl-evidence");
        await evidence.First.WaitForAsync();
        Assert.Equal(TestCorpus.KandaharTakenSentence, await evidence.First.TextContentAsync());
        Assert.Equal("fr/territory/prendre", await evidence.First.GetAttributeAsync("data-rule"));
        Assert.Equal("Kandahar", await page.Locator("#event-view .article mark.hl-evidence mark.hl-place").First.TextContentAsync());
        Assert.Equal("3 500", await page.Locator("#event-view .article mark.hl-number").First.TextContentAsync());
        Assert.Contains("fr/territory/prendre", await page.TextContentAsync("#event-view dd[data-field='rule']"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#map .selected-marker").CountAsync());
        Assert.Contains("selected", await page.GetAttributeAsync($"#event-list .event-item[data-id='{TestCorpus.KandaharTakenId}']", "class"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task The_event_view_says_who_reports_the_event_and_how_sure_the_text_is()
    {
        var (page, errors) = await fixture.OpenAsync("en", hash: "#view=raw");
        await page.ClickAsync($"#event-list .event-item[data-id='{TestCorpus.KandaharHeldId}']");
        await page.Locator($"#event-view[data-id='{TestCorpus.KandaharHeldId}'] dd[data-field='attributed_to']").WaitForAsync();
        Assert.Equal("officials (source, not an actor)", await page.TextContentAsync("#event-view dd[data-field='attributed_to']"));
        Assert.Equal("Reported by", await page.TextContentAsync("#event-view dt:has(+ dd[data-field='attributed_to'])"));
        Assert.Equal("asserted", await page.TextContentAsync("#event-view dd[data-field='modality']"));
        Assert.Equal(TestCorpus.HeldSource, await page.TextContentAsync("#event-view .article mark.hl-source"));
        Assert.Equal("Reported by", await page.GetAttributeAsync("#event-view .article mark.hl-source", "title"));

        // A report in the article's own voice says so.
        await page.ClickAsync($"#event-list .event-item[data-id='{TestCorpus.ParisProtestId}']");
        await page.Locator($"#event-view[data-id='{TestCorpus.ParisProtestId}']").WaitForAsync();
        Assert.Equal("the article itself", await page.TextContentAsync("#event-view dd[data-field='attributed_to']"));
        await page.ClickAsync("#lang-toggle");
        await page.Locator("#event-view dt:has-text('Rapporté par')").WaitForAsync();
        Assert.Equal("affirmé", await page.TextContentAsync("#event-view dd[data-field='modality']"));
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task The_document_list_searches_and_opens_a_document_with_its_events_highlighted()
    {
        var (page, errors) = await fixture.OpenAsync("en");
        await page.ClickAsync("#documents summary");
        var items = page.Locator("#document-list .document-item");
        await items.First.WaitForAsync();
        Assert.Equal(7, await items.CountAsync());
        var dates = (await page.Locator("#document-list .document-item .meta").AllTextContentsAsync()).Select(m => m[..10]).ToList();
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
        var fr = page.Locator("#document-list .document-item[data-id='doc-kandahar-fr']");
        Assert.Contains("Kandahar tombe aux mains des talibans", await fr.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Agence test", await fr.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("1 event", await fr.TextContentAsync(), StringComparison.Ordinal);

        await page.FillAsync("#doc-q", "kabul");
        await page.PressAsync("#doc-q", "Enter");
        await fr.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.All(await items.AllTextContentsAsync(), t => Assert.Contains("Kabul", t, StringComparison.OrdinalIgnoreCase));

        await page.FillAsync("#doc-q", "");
        await page.PressAsync("#doc-q", "Enter");
        await fr.ClickAsync();
        await page.Locator("#event-view[data-kind='document'][data-id='doc-kandahar-fr'] .article mark.hl-evidence").WaitForAsync();
        Assert.Equal(TestCorpus.KandaharTakenSentence, await page.TextContentAsync("#event-view .article mark.hl-evidence"));
        Assert.Equal("Kandahar", await page.TextContentAsync("#event-view .article mark.hl-place"));
        Assert.Contains("document:doc-kandahar-fr", Uri.UnescapeDataString(new Uri(page.Url).Fragment), StringComparison.Ordinal);
        // Its events open from it.
        await page.ClickAsync($"#event-view .doc-events button[data-id='{TestCorpus.KandaharTakenId}']");
        await page.Locator($"#event-view[data-kind='raw'][data-id='{TestCorpus.KandaharTakenId}']").WaitForAsync();
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task A_refused_filter_is_said_in_French_when_the_page_is_in_French()
    {
        var (page, _) = await fixture.OpenAsync("fr", hash: "#view=raw");
        await page.RouteAsync("**/api/events?**", r => r.ContinueAsync(new RouteContinueOptions { Url = r.Request.Url.Replace("limit=500", "limit=0", StringComparison.Ordinal) }));
        await page.ClickAsync("#apply");
        await page.Locator("#list-status.error").WaitForAsync();
        Assert.Equal("« limit » doit être compris entre 1 et 500.", await page.TextContentAsync("#list-status"));
    }

    [BrowserFact]
    public async Task The_URL_restores_the_filters_the_day_and_the_open_event()
    {
        var (page, errors) = await fixture.OpenAsync(hash: $"#type=attack&view=raw&sort=oldest&day=2021-08-20&open=raw:{TestCorpus.KabulAttackId}");
        Assert.Equal("attack", await page.InputValueAsync("#f-type"));
        Assert.True(await page.IsCheckedAsync("#view-raw"));
        Assert.Equal("oldest", await page.InputValueAsync("#sort"));
        Assert.Equal("2021-08-20", await page.InputValueAsync("#asof"));
        Assert.Equal(TestCorpus.KabulAttackId, await page.GetAttributeAsync("#event-view", "data-id"));
        Assert.False(await page.IsHiddenAsync("#event-view"));

        // What the page shows is written back: a copied link opens the same view.
        await page.SelectOptionAsync("#f-modality", "claimed");
        await page.ClickAsync("#apply");
        await page.WaitForFunctionAsync("() => location.hash.includes('modality=claimed')");
        var (again, _) = await fixture.OpenAsync(hash: new Uri(page.Url).Fragment);
        Assert.Equal("claimed", await again.InputValueAsync("#f-modality"));
        Assert.Equal(TestCorpus.KabulAttackId, await again.GetAttributeAsync("#event-view", "data-id"));
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task Export_downloads_what_is_filtered_as_files_that_parse()
    {
        var (page, _) = await fixture.OpenAsync();
        await page.SelectOptionAsync("#f-type", "attack");
        await page.ClickAsync("#apply");
        await page.Locator(ItemOf(TestCorpus.ParisProtestId)).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

        var geo = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-geojson"));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(await geo.PathAsync()));
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        Assert.Single(json.RootElement.GetProperty("features").EnumerateArray()); // the fused attack, at Kabul

        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        var lines = await File.ReadAllLinesAsync(await csv.PathAsync());
        Assert.StartsWith("event_id_cnty,", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.Contains("Kabul", lines[1], StringComparison.Ordinal);

        await page.ClickAsync("#view-raw");
        await page.Locator("#event-list[data-view='raw']").WaitForAsync();
        var jsonl = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-jsonl"));
        var rows = (await File.ReadAllLinesAsync(await jsonl.PathAsync())).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).Order().ToList();
        Assert.Equal([TestCorpus.KabulAttackId, TestCorpus.KabulSecondReportId], rows);
    }

    [BrowserFact]
    public async Task An_error_clears_the_results_and_says_so_in_one_sentence()
    {
        var (page, _) = await fixture.OpenAsync();
        Assert.True(await page.Locator("#event-list .event-item").CountAsync() > 0);
        await page.RouteAsync("**/api/fused?**", r => r.FulfillAsync(new RouteFulfillOptions { Status = 500, ContentType = "application/problem+json", Body = "{\"title\":\"x\",\"detail\":\"System.Exception: internal\"}" }));
        await page.ClickAsync("#apply");
        await page.Locator("#list-status.error").WaitForAsync();
        Assert.Equal(0, await page.Locator("#event-list .event-item").CountAsync());
        Assert.True(await page.IsHiddenAsync("#more"));
        Assert.Equal("The server failed to answer; try again.", await page.TextContentAsync("#list-status"));
    }

    [BrowserFact]
    public async Task A_phone_wide_page_does_not_scroll_sideways()
    {
        var (page, errors) = await fixture.OpenAsync(width: 390, height: 844);
        await page.ClickAsync(ItemOf(TestCorpus.KandaharTakenId));
        await page.Locator("#event-view .article").First.WaitForAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no horizontal overflow");
        var list = await page.Locator("#control-list").BoundingBoxAsync();
        Assert.NotNull(list);
        Assert.True(list.X >= 0 && list.X + list.Width <= 390, "the control list fits the screen");
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task A_document_with_a_script_shows_as_text()
    {
        var (page, errors) = await fixture.OpenAsync(hash: "#view=raw");
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
        Assert.Contains("Prise de territoire", await page.TextContentAsync(ItemOf(TestCorpus.KandaharTakenId)), StringComparison.Ordinal);
        await page.ClickAsync(ItemOf(TestCorpus.KandaharTakenId));
        await page.Locator("#event-view dd[data-field='quantities']").WaitForAsync();
        Assert.Contains("soldats", await page.TextContentAsync("#event-view dd[data-field='quantities']"), StringComparison.Ordinal);
        Assert.Contains("jour", await page.TextContentAsync("#event-view dd[data-field='date']"), StringComparison.Ordinal);
        Assert.Contains("Événements", await page.TextContentAsync("#map .leaflet-control-layers"), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Screenshots_of_the_main_views()
    {
        var folder = ScreenshotFolder();
        var (page, _) = await fixture.OpenAsync("en");
        await MoveSliderTo(page, "2021-08-16");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "map-and-list.png"), FullPage = true });
        await page.ClickAsync($"{ItemOf(TestCorpus.KabulAttackId)}[data-kind='fused']");
        await page.Locator("#event-view .report").Nth(1).WaitForAsync();
        await page.Locator("#event-view").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, "fused-event.png") });
        await page.ClickAsync("#view-raw");
        await page.Locator("#event-list[data-view='raw']").WaitForAsync();
        await page.ClickAsync($"#event-list .event-item[data-id='{TestCorpus.KandaharTakenId}']");
        await page.Locator($"#event-view[data-id='{TestCorpus.KandaharTakenId}'] .article mark.hl-evidence").First.WaitForAsync();
        await page.Locator("#event-view").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, "event-evidence.png") });
        await page.ClickAsync("#documents summary");
        await page.ClickAsync("#document-list .document-item[data-id='doc-kandahar-fr']");
        await page.Locator("#event-view[data-kind='document'] .article mark.hl-evidence").WaitForAsync();
        await page.Locator(".side").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, "documents.png") });
        await page.ClickAsync("#lang-toggle");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "french.png"), FullPage = true });
        var (phone, _) = await fixture.OpenAsync("en", width: 390, height: 844);
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "phone.png"), FullPage = true });
        Assert.True(File.Exists(Path.Combine(folder, "fused-event.png")));
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
