using Vigie.Core;
using static Vigie.Fusion.Tests.Build;

namespace Vigie.Fusion.Tests;

public class EventFuserTests
{
    private static IReadOnlyList<FusedEvent> Fuse(params Event[] events) => EventFuser.Rebuild(events).Fused();

    [Fact]
    public void Two_documents_reporting_the_same_fall_make_one_event_with_two_sources()
    {
        var a = Ev("doc1", actor1: Taliban, at: Kandahar, date: Day("2021-08-13"));
        var b = Ev("doc2", actor1: Taliban, at: Kandahar, date: Day("2021-08-13"));

        var fused = Assert.Single(Fuse(a, b));

        Assert.Equal(2, fused.SourcesCount);
        Assert.Equal([a.Id, b.Id], fused.MemberIds.Order(StringComparer.Ordinal));
        Assert.Equal(["doc1", "doc2"], fused.Documents);
        Assert.Equal(2, fused.Event.Evidence.Count);
        Assert.Equal(fused.Id, fused.Event.Id);
        Assert.Equal("territory_taken", fused.Event.Type);
    }

    [Theory]
    [InlineData("city", 20, true)]
    [InlineData("city", 30, false)]
    [InlineData("district", 45, true)]
    [InlineData("district", 60, false)]
    [InlineData("province", 140, true)]
    [InlineData("province", 160, false)]
    public void Places_merge_within_the_distance_their_precision_allows(string precision, double km, bool merges)
    {
        var a = Ev("doc1", type: "attack", actor1: Taliban, at: Kabul, date: Day("2021-08-26"));
        var b = Ev("doc2", type: "attack", actor1: Taliban, at: North(Kabul, km, precision), date: Day("2021-08-26"));

        Assert.Equal(merges ? 1 : 2, Fuse(a, b).Count);
    }

    [Fact]
    public void A_country_level_report_merges_with_a_place_in_that_country_but_not_another()
    {
        var city = Ev("doc1", type: "attack", at: Kabul, date: Day("2021-08-26"));
        var country = Ev("doc2", type: "attack", at: Afghanistan, date: Day("2021-08-26"));
        var elsewhere = Ev("doc3", type: "attack", at: Bamako, date: Day("2021-08-26"));

        Assert.True(EventFuser.AreCompatible(city, country));
        Assert.False(EventFuser.AreCompatible(country, elsewhere));
    }

    [Fact]
    public void A_country_level_taking_is_not_the_taking_of_a_city()
    {
        var city = Ev("doc1", actor1: Taliban, at: Kabul, date: Day("2021-08-15"));
        var country = Ev("doc2", actor1: Taliban, at: Afghanistan, date: Day("2021-08-15"));

        Assert.False(EventFuser.AreCompatible(city, country));
    }

    [Theory]
    [InlineData("2021-08-13", "2021-08-13", true)]
    [InlineData("2021-08-12", "2021-08-13", true)]
    [InlineData("2021-08-14", "2021-08-13", true)]
    [InlineData("2021-08-11", "2021-08-13", false)]
    [InlineData("2021-08-15", "2021-08-13", false)]
    public void Day_precise_dates_merge_within_one_day(string d1, string d2, bool merges)
    {
        var a = Ev("doc1", actor1: Taliban, date: Day(d1));
        var b = Ev("doc2", actor1: Taliban, date: Day(d2));

        Assert.Equal(merges, EventFuser.AreCompatible(a, b));
    }

    [Theory]
    [InlineData("2021-08-01", true)]
    [InlineData("2021-08-31", true)]
    [InlineData("2021-07-31", false)]
    [InlineData("2021-09-01", false)]
    public void A_month_precise_date_is_compatible_with_any_day_in_it(string day, bool merges)
    {
        var month = Ev("doc1", actor1: Taliban, date: Month("2021-08"));
        var dayly = Ev("doc2", actor1: Taliban, date: Day(day));

        Assert.Equal(merges, EventFuser.AreCompatible(month, dayly));
    }

    [Fact]
    public void Year_precise_and_undated_events_never_merge()
    {
        var year = Ev("doc1", actor1: Taliban, date: new DateValue("2021", DatePrecision.Year));
        var undated = Ev("doc2", actor1: Taliban, date: null);
        var day = Ev("doc3", actor1: Taliban, date: Day("2021-08-13"));

        Assert.Equal(3, Fuse(year, undated, day).Count);
    }

    [Fact]
    public void Actors_must_be_the_same_or_one_unknown()
    {
        var taliban = Ev("doc1", actor1: Taliban, date: Day("2021-08-13"));
        var unknown = Ev("doc2", actor1: null, date: Day("2021-08-13"));
        var army = Ev("doc3", actor1: Army, date: Day("2021-08-13"));

        Assert.True(EventFuser.AreCompatible(taliban, unknown));
        Assert.True(EventFuser.AreCompatible(army, unknown));
        Assert.False(EventFuser.AreCompatible(taliban, army));
    }

    [Fact]
    public void The_unknown_actor_joins_one_side_only_never_bridging_two_actors()
    {
        var taliban = Ev("doc1", actor1: Taliban, date: Day("2021-08-13"), id: "a");
        var unknown = Ev("doc2", actor1: null, date: Day("2021-08-13"), id: "b");
        var army = Ev("doc3", actor1: Army, date: Day("2021-08-13"), id: "c");

        var fused = Fuse(taliban, unknown, army);

        Assert.Equal(2, fused.Count);
        Assert.All(fused, f => Assert.False(f.MemberIds.Contains("a") && f.MemberIds.Contains("c")));
    }

    [Fact]
    public void A_clash_matches_with_its_actors_in_either_order()
    {
        var a = Ev("doc1", type: "armed_clash", actor1: Taliban, actor2: Army, at: Kunduz, date: Day("2021-08-05"));
        var b = Ev("doc2", type: "armed_clash", actor1: Army, actor2: Taliban, at: Kunduz, date: Day("2021-08-05"));
        var c = Ev("doc3", type: "attack", actor1: Army, actor2: Taliban, at: Kunduz, date: Day("2021-08-05"));
        var d = Ev("doc4", type: "attack", actor1: Taliban, actor2: Army, at: Kunduz, date: Day("2021-08-05"));

        Assert.True(EventFuser.AreCompatible(a, b));
        Assert.False(EventFuser.AreCompatible(c, d));
    }

    [Fact]
    public void Different_types_merge_only_when_one_absorbs_the_other_and_the_event_takes_that_type()
    {
        var taken = Ev("doc1", type: "territory_taken", actor1: Taliban, date: Day("2021-08-13"));
        var clash = Ev("doc2", type: "armed_clash", actor1: Taliban, date: Day("2021-08-13"));
        var protest = Ev("doc3", type: "protest", actor1: Taliban, date: Day("2021-08-13"));

        var fused = Fuse(taken, clash, protest);
        Assert.Equal(2, fused.Count);
        Assert.Contains(fused, f => f.Event.Type == "territory_taken" && f.MemberIds.Count == 2);
        Assert.Contains(fused, f => f.Event.Type == "protest" && f.MemberIds.Count == 1);
    }

    [Fact]
    public void Planned_events_do_not_merge_with_events_that_happened()
    {
        var done = Ev("doc1", actor1: Taliban, date: Day("2021-08-13"));
        var planned = Ev("doc2", actor1: Taliban, date: Day("2021-08-13"), modality: Modality.Planned);

        Assert.False(EventFuser.AreCompatible(done, planned));
    }

    [Fact]
    public void One_document_telling_two_dates_tells_two_events()
    {
        var a = Ev("doc1", type: "attack", at: Kabul, date: Day("2021-08-26"));
        var b = Ev("doc1", type: "attack", at: Kabul, date: Day("2021-08-27"));
        var again = Ev("doc1", type: "attack", at: Kabul, date: Day("2021-08-26"));

        Assert.False(EventFuser.AreCompatible(a, b));
        Assert.True(EventFuser.AreCompatible(a, again));
    }

    [Fact]
    public void Reports_on_three_consecutive_days_do_not_chain_into_one_event()
    {
        var d12 = Ev("doc1", type: "attack", at: Kabul, date: Day("2021-08-12"));
        var d13 = Ev("doc2", type: "attack", at: Kabul, date: Day("2021-08-13"));
        var d14 = Ev("doc3", type: "attack", at: Kabul, date: Day("2021-08-14"));

        var fused = Fuse(d12, d13, d14);

        Assert.Equal(2, fused.Count);
        Assert.All(fused, f => Assert.False(f.MemberIds.Contains(d12.Id) && f.MemberIds.Contains(d14.Id)));
    }

    [Fact]
    public void A_claim_becomes_asserted_when_an_independent_source_asserts_it()
    {
        var claim = Ev("doc1", actor1: Taliban, date: Day("2021-08-13"), modality: Modality.Claimed);
        var report = Ev("doc2", actor1: Taliban, date: Day("2021-08-13"));

        Assert.Equal(Modality.Claimed, Assert.Single(Fuse(claim)).Modality);
        var fused = Assert.Single(Fuse(claim, report));
        Assert.Equal(Modality.Asserted, fused.Modality);
        Assert.Null(fused.Event.Claimant);
    }

    [Fact]
    public void A_claim_repeated_as_fact_by_the_same_source_stays_claimed()
    {
        var claim = Ev("doc1", actor1: Taliban, date: Day("2021-08-13"), modality: Modality.Claimed);
        var sameDocument = Ev("doc1", actor1: Taliban, date: Day("2021-08-13"));
        var sameOutlet = Ev("doc2", actor1: Taliban, date: Day("2021-08-13"));
        var options = new FusionOptions { SourceOf = d => d is "doc1" or "doc2" ? "taliban-website" : d };

        Assert.Equal(Modality.Claimed, Assert.Single(Fuse(claim, sameDocument)).Modality);
        var fused = Assert.Single(EventFuser.Rebuild([claim, sameOutlet], options).Fused());
        Assert.Equal(Modality.Claimed, fused.Modality);
        Assert.Equal(1, fused.SourcesCount);
        Assert.Equal(Taliban, fused.Event.Claimant);
    }

    [Fact]
    public void Different_tolls_give_low_best_high_and_a_visible_contradiction()
    {
        var a = Ev("doc1", type: "suicide_bombing", at: Kabul, date: Day("2021-08-26"), quantities: Killed(60));
        var b = Ev("doc2", type: "suicide_bombing", at: Kabul, date: Day("2021-08-26"), quantities: Killed(170));
        var c = Ev("doc3", type: "suicide_bombing", at: Kabul, date: Day("2021-08-26"), quantities: Killed(90, 110));

        var fused = Assert.Single(Fuse(a, b, c));

        var toll = Assert.IsType<TollEstimate>(fused.Fatalities);
        Assert.Equal(60, toll.Low);
        Assert.Equal(100, toll.Best);
        Assert.Equal(170, toll.High);
        Assert.Equal(3, toll.Sources);
        var q = Assert.Single(fused.Event.Quantities);
        Assert.Equal((60m, 170m), (q.Low, q.High));
        var contradiction = Assert.Single(fused.Contradictions, c => c.Kind == ContradictionKinds.Toll);
        Assert.Equal(3, contradiction.EventIds.Count);
    }

    [Fact]
    public void Tolls_that_can_all_be_true_are_not_a_contradiction()
    {
        var a = Ev("doc1", type: "attack", at: Kabul, date: Day("2021-08-26"), quantities: Killed(13, atLeast: true));
        var b = Ev("doc2", type: "attack", at: Kabul, date: Day("2021-08-26"), quantities: Killed(20, about: true));

        var fused = Assert.Single(Fuse(a, b));

        Assert.Equal((13m, 20m), (fused.Fatalities!.Low, fused.Fatalities.High));
        Assert.DoesNotContain(fused.Contradictions, c => c.Kind == ContradictionKinds.Toll);
    }

    [Fact]
    public void Two_controllers_on_overlapping_dates_are_a_visible_contradiction()
    {
        var taken = Ev("doc1", actor1: Taliban, at: Herat, date: Day("2021-08-12"));
        var held = Ev("doc2", type: "territory_held", actor1: Government, at: Herat, date: Day("2021-08-12"), modality: Modality.Claimed);
        var before = Ev("doc3", type: "territory_held", actor1: Government, at: Herat, date: Day("2021-08-10"));

        var fuser = EventFuser.Rebuild([taken, held, before]);

        var takenFused = fuser.FusedOf(taken.Id)!;
        var heldFused = fuser.FusedOf(held.Id)!;
        Assert.Equal([heldFused.Id], Assert.Single(takenFused.Contradictions, c => c.Kind == ContradictionKinds.Controller).EventIds);
        Assert.Equal([takenFused.Id], Assert.Single(heldFused.Contradictions, c => c.Kind == ContradictionKinds.Controller).EventIds);
        Assert.Empty(fuser.FusedOf(before.Id)!.Contradictions);
    }

    [Fact]
    public void Sources_giving_adjacent_days_keep_the_most_reported_day_and_show_the_other()
    {
        var a = Ev("doc1", actor1: Taliban, date: Day("2021-08-12"));
        var b = Ev("doc2", actor1: Taliban, date: Day("2021-08-13"));
        var c = Ev("doc3", actor1: Taliban, date: Day("2021-08-13"));
        var month = Ev("doc4", actor1: Taliban, date: Month("2021-08"));

        var fused = Assert.Single(Fuse(a, b, c, month));

        Assert.Equal(Day("2021-08-13"), fused.Event.Date);
        Assert.Equal(4, fused.SourcesCount);
        Assert.Single(fused.Contradictions, x => x.Kind == ContradictionKinds.Date);
    }

    [Fact]
    public void A_denial_joins_the_event_it_denies_as_a_contradiction()
    {
        var report = Ev("doc1", actor1: Taliban, at: Kunduz, date: Day("2021-08-08"));
        var denial = Ev("doc2", actor1: Taliban, at: Kunduz, date: Day("2021-08-08"), modality: Modality.Denied);

        var fused = Assert.Single(Fuse(report, denial));

        Assert.Equal(Modality.Asserted, fused.Modality);
        Assert.Equal([denial.Id], Assert.Single(fused.Contradictions, c => c.Kind == ContradictionKinds.Denial).EventIds);
    }

    [Fact]
    public void The_fused_id_depends_only_on_the_members()
    {
        var a = Ev("doc1", actor1: Taliban, date: Day("2021-08-13"));
        var b = Ev("doc2", actor1: Taliban, date: Day("2021-08-13"));

        Assert.Equal(Fuse(a, b)[0].Id, Fuse(b, a)[0].Id);
        Assert.NotEqual(Fuse(a, b)[0].Id, Fuse(a)[0].Id);
    }

    [Fact]
    public void Adding_a_report_replaces_the_fused_event_and_says_so()
    {
        var a = Ev("doc1", actor1: Taliban, date: Day("2021-08-13"));
        var b = Ev("doc2", actor1: Taliban, date: Day("2021-08-13"));
        var fuser = new EventFuser();
        var first = fuser.Add(a);

        var second = fuser.Add(b);

        Assert.Equal([first.Upserted[0].Id], second.Removed);
        Assert.Equal(2, Assert.Single(second.Upserted).SourcesCount);
        Assert.Equal(1, fuser.MergeCount);
    }

    [Fact]
    public void Adding_an_event_twice_changes_nothing()
    {
        var a = Ev("doc1", actor1: Taliban, date: Day("2021-08-13"));
        var fuser = EventFuser.Rebuild([a]);

        var changes = fuser.Add(a);

        Assert.Empty(changes.Upserted);
        Assert.Empty(changes.Removed);
        Assert.Equal(1, fuser.EventCount);
    }

    [Fact]
    public void Adding_a_document_leaves_untouched_events_alone()
    {
        var kandahar = Ev("doc1", actor1: Taliban, at: Kandahar, date: Day("2021-08-13"));
        var herat = Ev("doc2", actor1: Taliban, at: Herat, date: Day("2021-08-12"));
        var fuser = EventFuser.Rebuild([kandahar, herat]);

        var changes = fuser.Add(Ev("doc3", actor1: Taliban, at: Herat, date: Day("2021-08-12")));

        var upserted = Assert.Single(changes.Upserted);
        Assert.Contains(herat.Id, upserted.MemberIds);
        Assert.DoesNotContain(changes.Removed, id => id == fuser.FusedOf(kandahar.Id)!.Id);
    }

    [Fact]
    public void Adding_documents_one_by_one_in_any_order_gives_the_batch_result()
    {
        var events = Scenario.Events();
        var batch = Signature(EventFuser.Rebuild(events));

        var random = new Random(20210815);
        for (var round = 0; round < 5; round++)
        {
            var fuser = new EventFuser();
            foreach (var document in events.GroupBy(e => e.Document).OrderBy(_ => random.Next()))
                fuser.Add(document);
            Assert.Equal(batch, Signature(fuser));
        }
    }

    [Fact]
    public void The_merged_event_serialises_as_a_contract_event()
    {
        var a = Ev("doc1", actor1: Taliban, date: Day("2021-08-13"));
        var b = Ev("doc2", actor1: Taliban, date: Day("2021-08-13"));

        var json = VigieJson.Serialize(Assert.Single(Fuse(a, b)));

        Assert.Contains("\"sources_count\":2", json, StringComparison.Ordinal);
        Assert.Contains("\"member_ids\":[", json, StringComparison.Ordinal);
        Assert.Contains("\"modality\":\"asserted\"", json, StringComparison.Ordinal);
    }

    private static List<string> Signature(EventFuser fuser) =>
        fuser.Fused().Select(f => $"{f.Id}:{string.Join(",", f.MemberIds)}:{f.Modality}:{f.Event.Date?.Value}:{string.Join(";", f.Contradictions.Select(c => c.Kind + "=" + string.Join(",", c.EventIds)))}").ToList();
}
