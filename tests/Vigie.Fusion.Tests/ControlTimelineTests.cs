using System.Text.Json;
using Vigie.Core;
using static Vigie.Fusion.Tests.Build;

namespace Vigie.Fusion.Tests;

public class ControlTimelineTests
{
    private static readonly DateOnly Aug10 = new(2021, 8, 10);
    private static readonly DateOnly Aug13 = new(2021, 8, 13);
    private static readonly DateOnly Aug14 = new(2021, 8, 14);
    private static readonly DateOnly Aug31 = new(2021, 8, 31);

    [Fact]
    public void A_taking_gives_the_place_to_its_first_actor_from_that_day()
    {
        var taken = Ev("doc1", actor1: Taliban, actor2: Army, at: Kandahar, date: Day("2021-08-13"));
        var timeline = ControlTimeline.Rebuild([taken]);

        Assert.Empty(timeline.AsOf(new DateOnly(2021, 8, 12)));
        var entry = Assert.Single(timeline.AsOf(Aug13));
        Assert.Equal(Taliban, entry.Controller);
        Assert.Equal(new ControlSince("2021-08-13", DatePrecision.Day), entry.Since);
        Assert.Equal(ControlStatus.Asserted, entry.Status);
        Assert.Equal([taken.Id], entry.Events);
        Assert.Equal(1138336, entry.Place.GeonamesId);
    }

    [Fact]
    public void Held_then_taken_gives_two_periods_that_meet()
    {
        var held = Ev("doc1", type: "territory_held", actor1: Government, at: Herat, date: Day("2021-08-01"));
        var taken = Ev("doc2", actor1: Taliban, at: Herat, date: Day("2021-08-12"));
        var timeline = ControlTimeline.Rebuild([taken, held]);

        var periods = timeline.TimelineOf(Herat)!.Periods;
        Assert.Equal(2, periods.Count);
        Assert.Equal((Government, false, Day("2021-08-12")), (periods[0].Controller, periods[0].StartsWithChange, periods[0].Until));
        Assert.Equal((Taliban, true, (DateValue?)null), (periods[1].Controller, periods[1].StartsWithChange, periods[1].Until));
        Assert.Equal(Government, Assert.Single(timeline.AsOf(Aug10)).Controller);
        Assert.Equal(Taliban, Assert.Single(timeline.AsOf(Aug13)).Controller);
    }

    [Fact]
    public void A_transfer_is_a_change_of_hands_and_a_later_statement_of_the_same_holder_supports_it()
    {
        var transfer = Ev("doc1", type: "territory_transferred", actor1: Taliban, actor2: Government, at: Kabul, date: Day("2021-08-15"));
        var held = Ev("doc2", type: "territory_held", actor1: Taliban, at: Kabul, date: Day("2021-08-20"));
        var timeline = ControlTimeline.Rebuild([transfer, held]);

        var period = Assert.Single(timeline.TimelineOf(Kabul)!.Periods);
        Assert.Equal("2021-08-15", period.Since.Value);
        Assert.Equal([transfer.Id, held.Id], period.EventIds.OrderBy(x => x == transfer.Id ? 0 : 1));
    }

    [Fact]
    public void A_month_precise_taking_is_known_only_by_the_end_of_the_month()
    {
        var taken = Ev("doc1", actor1: Taliban, at: Kunduz, date: Month("2021-08"));
        var timeline = ControlTimeline.Rebuild([taken]);

        Assert.Empty(timeline.AsOf(new DateOnly(2021, 7, 31)));
        var during = Assert.Single(timeline.AsOf(Aug10));
        Assert.Equal(ControlStatus.Contested, during.Status);
        Assert.Equal(new ControlSince("2021-08", DatePrecision.Month), during.Since);
        Assert.Equal(ControlStatus.Asserted, Assert.Single(timeline.AsOf(Aug31)).Status);
    }

    [Fact]
    public void Reports_a_day_apart_are_one_change_dated_by_most_sources()
    {
        var a = Ev("doc1", actor1: Taliban, at: Kandahar, date: Day("2021-08-12"));
        var b = Ev("doc2", actor1: Taliban, at: Kandahar, date: Day("2021-08-13"));
        var c = Ev("doc3", actor1: Taliban, at: Kandahar, date: Day("2021-08-13"));
        var month = Ev("doc4", actor1: Taliban, at: Kandahar, date: Month("2021-08"));

        var period = Assert.Single(ControlTimeline.Rebuild([a, b, c, month]).TimelineOf(Kandahar)!.Periods);

        Assert.Equal("2021-08-13", period.Since.Value);
        Assert.Equal(4, period.EventIds.Count);
        Assert.Equal(ControlStatus.Asserted, period.Status);
    }

    [Fact]
    public void Two_actors_taking_the_place_on_the_same_day_leave_it_contested_with_the_asserted_one_in_force()
    {
        var taliban = Ev("doc1", actor1: Taliban, at: Kunduz, date: Day("2021-08-08"));
        var army = Ev("doc2", actor1: Army, at: Kunduz, date: Day("2021-08-08"), modality: Modality.Claimed);

        var entry = Assert.Single(ControlTimeline.Rebuild([taliban, army]).AsOf(Aug10));

        Assert.Equal(ControlStatus.Contested, entry.Status);
        Assert.Equal(Taliban, entry.Controller);
        Assert.Equal(new[] { army.Id, taliban.Id }.Order(StringComparer.Ordinal), entry.Events);
    }

    [Fact]
    public void Another_holder_said_to_hold_it_afterwards_makes_it_contested_from_that_day()
    {
        var taken = Ev("doc1", actor1: Taliban, at: Kunduz, date: Day("2021-08-08"));
        var held = Ev("doc2", type: "territory_held", actor1: Army, at: Kunduz, date: Day("2021-08-12"), modality: Modality.Claimed);
        var timeline = ControlTimeline.Rebuild([taken, held]);

        Assert.Equal(ControlStatus.Asserted, Assert.Single(timeline.AsOf(Aug10)).Status);
        var later = Assert.Single(timeline.AsOf(Aug13));
        Assert.Equal((Taliban, ControlStatus.Contested), (later.Controller, later.Status));
        Assert.Equal(ContradictionKinds.Controller, Assert.Single(timeline.TimelineOf(Kunduz)!.Periods[0].Conflicts).Kind);
    }

    [Fact]
    public void Only_claims_leave_the_control_claimed()
    {
        var claim = Ev("doc1", actor1: Taliban, at: Zaranj, date: Day("2021-08-06"), modality: Modality.Claimed);

        Assert.Equal(ControlStatus.Claimed, Assert.Single(ControlTimeline.Rebuild([claim]).AsOf(Aug10)).Status);
    }

    [Fact]
    public void A_denied_taking_is_contested()
    {
        var claim = Ev("doc1", actor1: Taliban, at: Zaranj, date: Day("2021-08-06"), modality: Modality.Claimed);
        var denial = Ev("doc2", actor1: Taliban, at: Zaranj, date: Day("2021-08-06"), modality: Modality.Denied);

        var entry = Assert.Single(ControlTimeline.Rebuild([claim, denial]).AsOf(Aug10));

        Assert.Equal(ControlStatus.Contested, entry.Status);
        Assert.Contains(denial.Id, entry.Events);
    }

    [Fact]
    public void Planned_or_conditional_takings_and_other_types_are_ignored()
    {
        var planned = Ev("doc1", actor1: Taliban, at: Kabul, date: Day("2021-08-13"), modality: Modality.Planned);
        var conditional = Ev("doc2", actor1: Taliban, at: Kabul, date: Day("2021-08-13"), modality: Modality.Conditional);
        var attack = Ev("doc3", type: "attack", actor1: Taliban, at: Kabul, date: Day("2021-08-13"));
        var noActor = Ev("doc4", actor1: null, at: Kabul, date: Day("2021-08-13"));

        Assert.Empty(ControlTimeline.Rebuild([planned, conditional, attack, noActor]).AsOf(Aug14));
    }

    [Fact]
    public void As_of_filters_by_country()
    {
        var kabul = Ev("doc1", actor1: Taliban, at: Kabul, date: Day("2021-08-15"));
        var bamako = Ev("doc2", type: "territory_held", actor1: Wagner, at: Bamako, date: Day("2021-08-15"));
        var timeline = ControlTimeline.Rebuild([kabul, bamako]);

        Assert.Equal(2, timeline.AsOf(Aug31).Count);
        Assert.Equal("Bamako", Assert.Single(timeline.AsOf(Aug31, "ML")).Place.Name);
        Assert.Equal("Kabul", Assert.Single(timeline.AsOf(Aug31, "af")).Place.Name);
    }

    [Fact]
    public void As_of_serialises_exactly_as_the_control_command_prints_it()
    {
        var taken = Ev("doc1", actor1: Taliban, at: Kandahar, date: Day("2021-08-13"), id: "e1");
        var entries = ControlTimeline.Rebuild([taken]).AsOf(Aug31);

        using var json = JsonDocument.Parse(VigieJson.Serialize(entries));

        var element = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal(["place", "controller", "since", "status", "events"], element.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["name", "country", "admin1", "lat", "lon", "geonames_id", "feature"], element.GetProperty("place").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "name", "country", "role"], element.GetProperty("controller").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["value", "precision"], element.GetProperty("since").EnumerateObject().Select(p => p.Name));
        Assert.Equal("day", element.GetProperty("since").GetProperty("precision").GetString());
        Assert.Equal("asserted", element.GetProperty("status").GetString());
        Assert.Equal("e1", element.GetProperty("events")[0].GetString());
        Assert.Equal(1138336, element.GetProperty("place").GetProperty("geonames_id").GetInt64());
        Assert.Equal("city", element.GetProperty("place").GetProperty("feature").GetString());
    }

    [Fact]
    public void The_feature_comes_from_the_gazetteer_when_given()
    {
        var taken = Ev("doc1", actor1: Taliban, at: Kandahar, date: Day("2021-08-13"));

        var entry = Assert.Single(new ControlTimeline(l => l.GeonamesId == 1138336 ? "PPLA" : null) { }.Also(t => t.Add([taken])).AsOf(Aug31));

        Assert.Equal("PPLA", entry.Place.Feature);
    }

    [Fact]
    public void A_summary_counts_places_and_provincial_capitals_per_actor()
    {
        var village = new Location("Some village", "AF", "Kandahar", 31.7, 65.9, "city", 999_999);
        var events = new List<Event>
        {
            Ev("doc1", actor1: Taliban, at: Zaranj, date: Day("2021-08-06")),
            Ev("doc2", actor1: Taliban, at: Kunduz, date: Day("2021-08-08")),
            Ev("doc3", actor1: Taliban, at: Kandahar, date: Day("2021-08-13")),
            Ev("doc4", actor1: Taliban, at: village, date: Day("2021-07-01")),
            Ev("doc5", type: "territory_held", actor1: Government, at: Kabul, date: Day("2021-08-01")),
            Ev("doc6", type: "territory_held", actor1: Government, at: Herat, date: Day("2021-08-01")),
        };
        var capitals = new HashSet<long> { 1120985, 1135689, 1138336, 1138958, 1140026 };
        var timeline = ControlTimeline.Rebuild(events);

        var summary = timeline.Summarize(new DateOnly(2021, 8, 10), "AF", p => p.GeonamesId is { } id && capitals.Contains(id));

        Assert.Equal((5, 4), (summary.Places, summary.Capitals));
        Assert.Equal((3, 2), (summary.For("taliban").Places, summary.For("taliban").Capitals));
        Assert.Equal((2, 2), (summary.For("afg_government").Places, summary.For("afg_government").Capitals));
        Assert.Equal(3, timeline.Summarize(Aug14, "AF", p => p.GeonamesId is { } id && capitals.Contains(id)).For("taliban").Capitals);
    }

    [Fact]
    public void Adding_touches_only_the_places_named()
    {
        var timeline = ControlTimeline.Rebuild([Ev("doc1", actor1: Taliban, at: Kandahar, date: Day("2021-08-13"))]);
        var before = timeline.TimelineOf(Kandahar);

        var touched = timeline.Add([Ev("doc2", actor1: Taliban, at: Herat, date: Day("2021-08-12"))]);

        Assert.Equal([ControlTimeline.PlaceKey(Herat)], touched);
        Assert.Same(before, timeline.TimelineOf(Kandahar));
    }

    [Fact]
    public void Adding_documents_one_by_one_in_any_order_gives_the_batch_timeline()
    {
        var events = Scenario.Events();
        var batch = Signature(ControlTimeline.Rebuild(events));

        var random = new Random(13);
        for (var round = 0; round < 5; round++)
        {
            var timeline = new ControlTimeline();
            foreach (var document in events.GroupBy(e => e.Document).OrderBy(_ => random.Next()))
            {
                timeline.Add(document);
                _ = timeline.AsOf(Aug14);
            }
            Assert.Equal(batch, Signature(timeline));
        }
    }

    private static string Signature(ControlTimeline t) =>
        VigieJson.Serialize(t.Timelines()) + VigieJson.Serialize(t.AsOf(Aug13)) + VigieJson.Serialize(t.AsOf(Aug31));
}

internal static class TestExtensions
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
