using Vigie.Core;

namespace Vigie.Storage.Tests;

/// <summary>The event feed and the JSON pages, on every store.</summary>
public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task The_feed_gives_every_event_once_in_the_order_stored_and_then_only_the_new_ones()
    {
        var store = await Open();
        var empty = await store.ReadEventsAfterAsync(0);
        Assert.Equal((0, 0L), (empty.Events.Count, empty.LastSeq));
        await store.StoreAsync([Sample.Stored(Sample.Doc("d1"), Sample.Ev("e1", "d1"), Sample.Ev("e2", "d1", date: "2020-01-01"))]);
        await store.StoreAsync([Sample.Stored(Sample.Doc("d2"), Sample.Ev("e3", "d2", date: "2019-05-01"))]);
        var seen = new List<string>();
        long seq = 0;
        for (var step = 0; step < 10; step++)
        {
            var page = await store.ReadEventsAfterAsync(seq, limit: 1);
            if (page.Events.Count == 0) break;
            Assert.True(page.LastSeq > seq);
            seen.AddRange(page.Events.Select(e => e.Id));
            seq = page.LastSeq;
        }
        Assert.Equal(["e1", "e2", "e3"], seen.Take(2).Order().Concat(seen.Skip(2)));
        var none = await store.ReadEventsAfterAsync(seq);
        Assert.Equal((0, seq), (none.Events.Count, none.LastSeq));

        // Another connection's writes (another process) are in the feed too; a document stored again adds nothing.
        var other = await Open();
        await other.StoreAsync([Sample.Stored(Sample.Doc("d3"), Sample.Ev("e4", "d3")), Sample.Stored(Sample.Doc("d1"), Sample.Ev("e1", "d1"))]);
        var next = await store.ReadEventsAfterAsync(seq);
        Assert.Equal(["e4"], next.Events.Select(e => e.Id));
        Assert.Equal("Kandahar", next.Events[0].Locations[0].Name);
    }

    [SkippableFact]
    public async Task A_json_page_is_the_page_of_events_as_json()
    {
        var store = await Open();
        await store.StoreAsync([.. Enumerable.Range(0, 5).Select(i => Sample.Stored(Sample.Doc($"d{i}"), Sample.Ev($"e{i}", $"d{i}", date: $"2021-08-1{i}")))]);
        var query = new EventQuery(Country: "AF", Limit: 3);
        var events = await store.QueryEventsAsync(query);
        var json = await store.QueryEventsJsonAsync(query);
        Assert.Equal(events.NextCursor, json.NextCursor);
        Assert.Equal(events.Events.Select(e => VigieJson.Serialize(e)), json.Events.Select(j => VigieJson.Serialize(System.Text.Json.JsonSerializer.Deserialize<Event>(j, VigieJson.Options))));
    }

    [SkippableFact]
    public async Task Many_readers_at_once_while_a_bulk_write_is_open_all_answer()
    {
        var store = await Open();
        await store.StoreAsync([.. Enumerable.Range(0, 20).Select(i => Sample.Stored(Sample.Doc($"d{i}"), Sample.Ev($"e{i}", $"d{i}")))]);
        await using var bulk = store.BeginBulk();
        await bulk.StoreAsync([Sample.Stored(Sample.Doc("late"), Sample.Ev("late", "late"))]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var reads = Enumerable.Range(0, 40).Select(i => Task.Run(async () => (await store.QueryEventsAsync(new EventQuery(Limit: 5 + i % 3), timeout.Token)).Events.Count)).ToArray();
        Assert.All(await Task.WhenAll(reads), n => Assert.InRange(n, 5, 7));
        await bulk.CommitAsync();
        Assert.Equal(21, (await store.ReadEventsAfterAsync(0)).Events.Count);
    }
}
