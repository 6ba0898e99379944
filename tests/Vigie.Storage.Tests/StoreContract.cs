using Vigie.Core;

namespace Vigie.Storage.Tests;

/// <summary>What every Vigie store does, whatever engine is behind it: each concrete subclass runs every test here.</summary>
public abstract partial class StoreContract : IAsyncLifetime
{
    private readonly List<IVigieStore> _opened = [];

    /// <summary>Null when the engine is available; otherwise why its tests are skipped.</summary>
    protected abstract string? Unavailable { get; }

    /// <summary>Opens (a new connection to) the one database of the current test.</summary>
    protected abstract Task<IVigieStore> OpenNewAsync();

    /// <summary>Deletes the current test's database.</summary>
    protected abstract Task DropAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var s in _opened) await s.DisposeAsync();
        if (Unavailable is null) await DropAsync();
    }

    private async Task<IVigieStore> Open()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var s = await OpenNewAsync();
        _opened.Add(s);
        return s;
    }

    private static async Task<List<Event>> All(IVigieStore store, EventQuery? q = null)
    {
        var all = new List<Event>();
        var query = q ?? new EventQuery();
        string? cursor = null;
        do
        {
            var page = await store.QueryEventsAsync(query with { Cursor = cursor });
            all.AddRange(page.Events);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }

    private static List<string> Ids(IEnumerable<Event> events) => events.Select(e => e.Id).ToList();

    [SkippableFact]
    public async Task Migrating_twice_keeps_the_same_version()
    {
        var store = await Open();
        var v = await store.MigrateAsync();
        Assert.True(v >= 1);
        Assert.Equal(v, await store.MigrateAsync());
        var other = await Open();
        Assert.Equal(v, await other.MigrateAsync());
    }

    [SkippableFact]
    public async Task A_document_reads_back_as_stored()
    {
        var store = await Open();
        var month = Sample.Doc("d-month", "2021-08") with { Title = null, Source = null, Url = null };
        var result = await store.StoreAsync([Sample.Stored(Sample.Doc("d1")), Sample.Stored(month), Sample.Stored(Sample.Doc("d-none", null, "Sans date.", "en"))]);
        Assert.Equal(new StoreResult(3, 0, 0), result);
        Assert.Equal(Sample.Doc("d1"), await store.GetDocumentAsync("d1"));
        Assert.Equal(month, await store.GetDocumentAsync("d-month"));
        Assert.Equal(Sample.Doc("d-none", null, "Sans date.", "en"), await store.GetDocumentAsync("d-none"));
        Assert.Null(await store.GetDocumentAsync("nope"));
    }

    [SkippableFact]
    public async Task An_event_reads_back_field_for_field()
    {
        var store = await Open();
        var e = Sample.Ev("e1", "d1", date: "2021-08", precision: DatePrecision.Month, end: "2021-09", actor1: Sample.Taliban, actor2: Sample.Army,
            claimant: Sample.Taliban, at: [Sample.Kandahar, Sample.Herat], modality: Modality.Claimed, quantities: [Sample.Troops(3500, 4000), new Quantity(null, 1.5m, 2m, true, true, false, "1,5")]);
        var result = await store.StoreAsync([Sample.Stored(Sample.Doc("d1"), e)]);
        Assert.Equal(new StoreResult(1, 0, 1), result);
        var back = await store.GetEventAsync("e1");
        Assert.NotNull(back);
        Assert.Equal(VigieJson.Serialize(e), VigieJson.Serialize(back));
        Assert.Null(await store.GetEventAsync("e2"));
    }

    [SkippableFact]
    public async Task Storing_a_document_again_by_id_or_content_changes_nothing()
    {
        var store = await Open();
        Assert.Equal(new StoreResult(1, 0, 1), await store.StoreAsync([Sample.Stored(Sample.Doc("d1"), "k1", Sample.Ev("e1", "d1"))]));
        var again = await store.StoreAsync([
            Sample.Stored(Sample.Doc("d1"), "k-other", Sample.Ev("e1", "d1"), Sample.Ev("e1b", "d1")),
            Sample.Stored(Sample.Doc("d2"), "k1", Sample.Ev("e2", "d2")),
            Sample.Stored(Sample.Doc("d3"), "k3", Sample.Ev("e3", "d3")),
        ]);
        Assert.Equal(new StoreResult(1, 2, 1), again);
        var stats = await store.GetStatsAsync();
        Assert.Equal(2, stats.Documents);
        Assert.Equal(2, stats.Events);
        Assert.Equal(["e1", "e3"], Ids(await All(store)));
        Assert.Null(await store.GetDocumentAsync("d2"));
    }

    [SkippableFact]
    public async Task Within_one_batch_the_first_copy_of_a_document_wins()
    {
        var store = await Open();
        var result = await store.StoreAsync([
            Sample.Stored(Sample.Doc("d1"), "k1", Sample.Ev("e1", "d1")),
            Sample.Stored(Sample.Doc("d1"), "k2", Sample.Ev("e1-copy", "d1")),
            Sample.Stored(Sample.Doc("d2"), "k1", Sample.Ev("e2", "d2")),
        ]);
        Assert.Equal(new StoreResult(1, 2, 1), result);
        Assert.Equal(["e1"], Ids(await All(store)));
    }

    [SkippableFact]
    public async Task An_event_id_already_stored_is_not_stored_twice()
    {
        var store = await Open();
        var result = await store.StoreAsync([Sample.Stored(Sample.Doc("d1"), Sample.Ev("same", "d1")), Sample.Stored(Sample.Doc("d2"), Sample.Ev("same", "d2"), Sample.Ev("other", "d2"))]);
        Assert.Equal(new StoreResult(2, 0, 2), result);
        Assert.Equal("d1", (await store.GetEventAsync("same"))!.Document);
        Assert.Equal(2, (await store.GetStatsAsync()).Events);
        Assert.Equal(["same", "other"], Ids(await All(store, new EventQuery(Place: "kandahar"))).OrderBy(x => x == "same" ? 0 : 1).ToList());
        Assert.Single(await All(store, new EventQuery(Text: "emparés", Document: "d1")));
        Assert.Equal(["other"], Ids(await All(store, new EventQuery(Text: "emparés", Document: "d2", Place: "Kandahar"))));
    }

    [SkippableFact]
    public async Task A_bulk_write_stores_every_batch_once_committed()
    {
        var store = await Open();
        await using (var bulk = store.BeginBulk())
        {
            Assert.Equal(new StoreResult(1, 0, 1), await bulk.StoreAsync([Sample.Stored(Sample.Doc("d1"), Sample.Ev("e1", "d1"))]));
            Assert.Equal(new StoreResult(1, 1, 1), await bulk.StoreAsync([Sample.Stored(Sample.Doc("d1")), Sample.Stored(Sample.Doc("d2"), Sample.Ev("e2", "d2"))]));
            await bulk.CommitAsync();
            Assert.Equal(new StoreResult(1, 0, 1), await bulk.StoreAsync([Sample.Stored(Sample.Doc("d3"), Sample.Ev("e3", "d3", actor1: Sample.Taliban))]));
            await bulk.CommitAsync();
        }
        Assert.Equal(["e1", "e2", "e3"], Ids(await All(store)).Order().ToList());
        Assert.Equal(["e3"], Ids(await All(store, new EventQuery(Actor: "taliban"))));
        Assert.Equal(new StoreResult(0, 1, 0), await store.StoreAsync([Sample.Stored(Sample.Doc("d3"), Sample.Ev("e4", "d3"))]));
    }

    [SkippableFact]
    public async Task Known_documents_are_found_by_id_or_content_key()
    {
        var store = await Open();
        await store.StoreAsync([Sample.Stored(Sample.Doc("d1"), "k1"), Sample.Stored(Sample.Doc("d2"), "k2")]);
        var found = await store.FindExistingAsync(["d1", "k2", "d3", "k3", "k1"]);
        Assert.Equal(["d1", "k1", "k2"], found.Order(StringComparer.Ordinal));
        Assert.Empty(await store.FindExistingAsync([]));
    }

    private static async Task<IVigieStore> Seeded(IVigieStore store)
    {
        await store.StoreAsync([
            Sample.Stored(Sample.Doc("d1"),
                Sample.Ev("a-kandahar", "d1", actor1: Sample.Taliban, date: "2021-08-13"),
                Sample.Ev("b-herat", "d1", actor1: Sample.Taliban, actor2: Sample.Army, at: [Sample.Herat], date: "2021-08-12", type: "armed_clash",
                    evidence: "De violents combats ont opposé l'armée aux talibans à Hérat.")),
            Sample.Stored(Sample.Doc("d2", "2021-08"),
                Sample.Ev("c-month", "d2", date: "2021-08", precision: DatePrecision.Month, at: [Sample.Kandahar, Sample.Herat], modality: Modality.Claimed, claimant: Sample.Army,
                    evidence: "L'armée affirme avoir repris le contrôle de la ville.")),
            Sample.Stored(Sample.Doc("d3", "2022-01-05", "Bamako."),
                Sample.Ev("D-bamako", "d3", type: "protest", date: "2022-01-05", at: [Sample.Bamako], modality: Modality.Planned,
                    evidence: "Des milliers de manifestants défileront à Bamako; \"grève\" générale."),
                Sample.Ev("e-nodate", "d3", type: "protest", date: null, at: [Sample.Bamako], evidence: "Une manifestation aura lieu un jour."),
                Sample.Ev("f-period", "d3", type: "casualties", date: "2021-07", precision: DatePrecision.Month, end: "2021-09", at: [], evidence: "Au moins 183 civils ont été tués en deux mois.")),
        ]);
        return store;
    }

    [SkippableFact]
    public async Task Events_come_ordered_by_date_then_id_with_undated_ones_first()
    {
        var store = await Seeded(await Open());
        Assert.Equal(["e-nodate", "f-period", "c-month", "b-herat", "a-kandahar", "D-bamako"], Ids(await All(store)));
    }

    [SkippableFact]
    public async Task Ids_order_byte_wise_like_sqlite()
    {
        var store = await Open();
        await store.StoreAsync([Sample.Stored(Sample.Doc("d1"), Sample.Ev("b", "d1"), Sample.Ev("B", "d1"), Sample.Ev("a", "d1"), Sample.Ev("_", "d1"), Sample.Ev("é", "d1"), Sample.Ev("Z", "d1"))]);
        Assert.Equal(["B", "Z", "_", "a", "b", "é"], Ids(await All(store, new EventQuery(Limit: 2))));
    }

    [SkippableFact]
    public async Task Paging_with_the_cursor_visits_every_event_once()
    {
        var store = await Seeded(await Open());
        var first = await store.QueryEventsAsync(new EventQuery(Limit: 4));
        Assert.Equal(4, first.Events.Count);
        Assert.NotNull(first.NextCursor);
        var second = await store.QueryEventsAsync(new EventQuery(Limit: 4, Cursor: first.NextCursor));
        Assert.Equal(["a-kandahar", "D-bamako"], Ids(second.Events));
        Assert.Null(second.NextCursor);
        var exact = await store.QueryEventsAsync(new EventQuery(Limit: 6));
        Assert.Null(exact.NextCursor);
    }

    [SkippableFact]
    public async Task A_bad_cursor_is_an_argument_error()
    {
        var store = await Seeded(await Open());
        await Assert.ThrowsAsync<ArgumentException>(() => store.QueryEventsAsync(new EventQuery(Cursor: "not base64!")));
        await Assert.ThrowsAsync<ArgumentException>(() => store.QueryEventsAsync(new EventQuery(Cursor: Convert.ToBase64String("nobar"u8))));
    }

    [SkippableFact]
    public async Task Filters_select_the_same_events_on_every_engine()
    {
        var store = await Seeded(await Open());
        async Task<List<string>> Q(EventQuery q) => Ids(await All(store, q));
        Assert.Equal(["e-nodate", "D-bamako"], await Q(new EventQuery(Type: "protest")));
        Assert.Empty(await Q(new EventQuery(Type: "Protest")));
        Assert.Equal(["b-herat", "a-kandahar"], await Q(new EventQuery(Actor: "taliban")));
        Assert.Equal(["c-month", "b-herat"], await Q(new EventQuery(Actor: "armée AFGHANE")));
        Assert.Equal(["c-month", "b-herat"], await Q(new EventQuery(Actor: "afg_army")));
        Assert.Equal(["e-nodate", "D-bamako"], await Q(new EventQuery(Country: "ml")));
        Assert.Equal(["c-month", "b-herat", "a-kandahar"], await Q(new EventQuery(Country: "AF")));
        Assert.Equal(["c-month", "b-herat"], await Q(new EventQuery(Place: "HÉRAT")));
        Assert.Equal(["c-month", "a-kandahar"], await Q(new EventQuery(Place: "1138336")));
        Assert.Equal(["c-month"], await Q(new EventQuery(Modality: Modality.Claimed)));
        Assert.Equal(["D-bamako"], await Q(new EventQuery(Modality: Modality.Planned)));
        Assert.Equal(["e-nodate", "D-bamako", "f-period"], (await Q(new EventQuery(Document: "d3"))).OrderBy(x => x == "e-nodate" ? 0 : x == "D-bamako" ? 1 : 2).ToList());
        Assert.Equal(["f-period", "c-month", "b-herat"], await Q(new EventQuery(From: new DateOnly(2021, 8, 1), To: new DateOnly(2021, 8, 12))));
        Assert.Equal(["f-period", "c-month", "a-kandahar"], await Q(new EventQuery(From: new DateOnly(2021, 8, 13), To: new DateOnly(2021, 8, 13))));
        Assert.Equal(["f-period"], await Q(new EventQuery(From: new DateOnly(2021, 9, 2), To: new DateOnly(2021, 12, 31))));
        Assert.Equal(["D-bamako"], await Q(new EventQuery(From: new DateOnly(2022, 1, 1))));
        Assert.Equal(["f-period"], await Q(new EventQuery(To: new DateOnly(2021, 7, 31))));
        Assert.Equal(["b-herat"], await Q(new EventQuery(Type: "armed_clash", Actor: "taliban", Country: "AF", From: new DateOnly(2021, 8, 1))));
    }

    [SkippableFact]
    public async Task Text_search_matches_every_word_of_the_evidence_ignoring_case_and_accents()
    {
        var store = await Seeded(await Open());
        async Task<List<string>> Q(string text) => Ids(await All(store, new EventQuery(Text: text)));
        Assert.Equal(["b-herat"], await Q("combats"));
        Assert.Equal(["b-herat"], await Q("COMBATS herat"));
        Assert.Equal(["b-herat"], await Q("opposé"));
        Assert.Equal(["b-herat"], await Q("oppose"));
        Assert.Empty(await Q("combats Kandahar"));
        Assert.Equal(["a-kandahar"], await Q("emparés"));
        Assert.Equal(["D-bamako"], await Q("\"grève\""));
        Assert.Equal(["D-bamako"], await Q("grève générale"));
        Assert.Equal(["D-bamako"], await Q("générale grève"));
        Assert.Equal(["f-period"], await Q("183 civils"));
        Assert.Empty(await Q("OR NOT AND"));
        Assert.Equal(["c-month", "b-herat"], await Q("l'armée"));
    }

    [SkippableFact]
    public async Task Text_search_reads_every_evidence_sentence_of_an_event_however_many()
    {
        var store = await Open();
        var many = Sample.Ev("many", "d1") with
        {
            Evidence = [.. Enumerable.Range(0, 18).Select(i => new Evidence("d1", i, 0, 10, $"Phrase numéro s{i} du récit.", "fr/test"))],
        };
        await store.StoreAsync([Sample.Stored(Sample.Doc("d1"), many, Sample.Ev("one", "d1"))]);
        foreach (var word in new[] { "s0", "s3", "s14", "s15", "s17" })
            Assert.Equal(["many"], Ids(await All(store, new EventQuery(Text: word))));
        Assert.Empty(await All(store, new EventQuery(Text: "s18")));
        Assert.Empty(await All(store, new EventQuery(Text: "s2 s3")));
        Assert.Equal(["one"], Ids(await All(store, new EventQuery(Text: "emparés"))));
    }

    [SkippableFact]
    public async Task Actor_and_place_names_match_ignoring_accents()
    {
        Skip.If(Vigie.Text.Folding.Fold("É") != "e", "Folding.Fold keeps accents under InvariantGlobalization (string.Normalize is a no-op there).");
        var store = await Seeded(await Open());
        Assert.Equal(["c-month", "b-herat"], Ids(await All(store, new EventQuery(Actor: "ARMEE AFGHANE"))));
        Assert.Equal(["c-month", "b-herat"], Ids(await All(store, new EventQuery(Place: "herat"))));
    }

    [SkippableFact]
    public async Task An_event_reads_back_with_its_spans_and_a_list_leaves_them_out()
    {
        var store = await Open();
        const string text = "Les talibans se sont emparés de Kandahar vendredi.";
        EventSpan[] spans = [new("actor1", 4, 12, "talibans"), new("trigger", 21, 28, "emparés"), new("place", 32, 40, "Kandahar"), new("date", 41, 49, "vendredi")];
        var e = Sample.Ev("e1", "d1", actor1: Sample.Taliban, evidence: text) with { Spans = spans };
        await store.StoreAsync([Sample.Stored(Sample.Doc("d1", text: text), e, Sample.Ev("e2", "d1", type: "armed_clash"))]);
        var back = await store.GetEventAsync("e1");
        Assert.Equal(spans, back!.Spans);
        Assert.All(back.Spans, x => Assert.Equal(x.Text, text[x.Start..x.End]));
        Assert.Empty((await store.GetEventAsync("e2"))!.Spans);
        Assert.All((await store.QueryEventsAsync(new EventQuery())).Events, x => Assert.Empty(x.Spans));
    }

    [SkippableFact]
    public async Task Place_search_is_a_query_names_starting_with_the_words_first_then_most_events()
    {
        Skip.If(Vigie.Text.Folding.Fold("É") != "e", "Folding.Fold keeps accents under InvariantGlobalization (string.Normalize is a no-op there).");
        var store = await Seeded(await Open());
        await store.StoreAsync([Sample.Stored(Sample.Doc("d4"), Sample.Ev("g-kandahar", "d4", at: [Sample.Kandahar, Sample.Kandahar]))]);
        var all = await store.SearchPlacesAsync(new PlaceQuery());
        Assert.Equal(["Kandahar", "Bamako", "Hérat"], all.Select(p => p.Name));
        Assert.Equal([3L, 2L, 2L], all.Select(p => p.Events));
        var herat = Assert.Single(await store.SearchPlacesAsync(new PlaceQuery("HER")));
        Assert.Equal(new PlaceSummary("Hérat", "AF", "Herat", 34.3482, 62.1997, "city", 1140026, 2), herat);
        Assert.Equal(["Kandahar", "Bamako"], (await store.SearchPlacesAsync(new PlaceQuery("a", Limit: 2))).Select(p => p.Name));
        Assert.Equal(["Hérat", "Kandahar"], (await store.SearchPlacesAsync(new PlaceQuery("h"))).Select(p => p.Name));
        Assert.Equal(["Bamako"], (await store.SearchPlacesAsync(new PlaceQuery(null, "ml"))).Select(p => p.Name));
        Assert.Empty(await store.SearchPlacesAsync(new PlaceQuery("paris")));
    }

    [SkippableFact]
    public async Task The_document_list_is_newest_first_searchable_and_paged()
    {
        var store = await Seeded(await Open());
        var first = await store.ListDocumentsAsync(new DocumentQuery(Limit: 2));
        Assert.Equal(["d3", "d1"], first.Documents.Select(d => d.Id));
        Assert.Equal(3, first.Total);
        Assert.Equal(2, first.NextOffset);
        Assert.Equal(new DocumentSummary("d3", "Titre d3", PartialDate.Parse("2022-01-05"), "fr", "source", "https://example.org/d3", 3), first.Documents[0]);
        var rest = await store.ListDocumentsAsync(new DocumentQuery(Limit: 2, Offset: 2));
        Assert.Equal(["d2"], rest.Documents.Select(d => d.Id));
        Assert.Equal(1, rest.Documents[0].Events);
        Assert.Null(rest.NextOffset);
        var found = await store.ListDocumentsAsync(new DocumentQuery("TITRE D1"));
        Assert.Equal(["d1"], found.Documents.Select(d => d.Id));
        Assert.Equal(1, found.Total);
        Assert.Empty((await store.ListDocumentsAsync(new DocumentQuery("nothing like it"))).Documents);
    }

    [SkippableFact]
    public async Task Stats_count_documents_events_types_places_and_the_date_span()
    {
        var store = await Open();
        var empty = await store.GetStatsAsync();
        Assert.Equal(0, empty.Documents);
        Assert.Null(empty.FirstDate);
        Assert.Null(empty.LastDate);
        await Seeded(store);
        var s = await store.GetStatsAsync();
        Assert.Equal(3, s.Documents);
        Assert.Equal(6, s.Events);
        Assert.Equal(new Dictionary<string, long> { ["armed_clash"] = 1, ["casualties"] = 1, ["protest"] = 2, ["territory_taken"] = 2 }, s.EventsByType.ToDictionary());
        Assert.Equal(3, s.Places);
        Assert.Equal("2021-07", s.FirstDate);
        Assert.Equal("2022-01-05", s.LastDate);
    }

    [SkippableFact]
    public async Task Streaming_gives_every_event_in_query_order()
    {
        var store = await Open();
        var events = Enumerable.Range(0, 2500).Select(i => Sample.Ev($"e{i:D5}", "d1", date: $"2021-{1 + i % 12:D2}-01")).ToArray();
        await store.StoreAsync([Sample.Stored(Sample.Doc("d1"), events)]);
        var streamed = new List<string>();
        await foreach (var e in store.StreamEventsAsync()) streamed.Add(e.Id);
        Assert.Equal(Ids(await All(store, new EventQuery(Limit: 1000))), streamed);
        Assert.Equal(2500, streamed.Distinct().Count());
    }

    [SkippableFact]
    public async Task Two_writers_storing_the_same_documents_store_each_once()
    {
        var a = await Open();
        var b = await Open();
        var docs = Enumerable.Range(0, 200).Select(i => Sample.Stored(Sample.Doc($"d{i}"), Sample.Ev($"e{i}", $"d{i}"))).ToList();
        var batches = docs.Chunk(20).Select(c => (IReadOnlyList<StoredDocument>)c).ToList();
        var results = await Task.WhenAll(
            Task.Run(async () => { var n = 0; foreach (var x in batches) n += (await a.StoreAsync(x)).DocumentsStored; return n; }),
            Task.Run(async () => { var n = 0; foreach (var x in Enumerable.Reverse(batches)) n += (await b.StoreAsync(x)).DocumentsStored; return n; }));
        Assert.Equal(200, results.Sum());
        var s = await a.GetStatsAsync();
        Assert.Equal(200, s.Documents);
        Assert.Equal(200, s.Events);
    }

    [SkippableFact]
    public async Task Every_filter_and_page_size_gives_what_a_scan_of_all_events_gives() => await MatchesAScan(await Open());

    /// <summary>250 random queries (every filter, page sizes 1 to 7) paged to the end give what a scan of all events gives.</summary>
    internal static async Task MatchesAScan(IVigieStore store)
    {
        var rng = new Random(20261125);
        var (documents, events) = OracleData.Make(rng);
        await store.StoreAsync(documents);
        var answered = 0;
        for (var run = 0; run < 250; run++)
        {
            var q = OracleData.Query(rng) with { Limit = 1 + rng.Next(7) };
            var expected = events.Where(e => OracleData.Matches(e, q))
                .OrderBy(e => e.Date is null ? "" : e.Date.FirstDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
                .ThenBy(e => e.Id, StringComparer.Ordinal)
                .Select(e => e.Id).ToList();
            if (expected.Count > 0) answered++;
            Assert.True(expected.SequenceEqual(Ids(await All(store, q))), $"query {q}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", Ids(await All(store, q)))}]");
        }
        Assert.True(answered > 150, $"only {answered} of 250 random queries match any event: the check would prove little");
    }
}
