using Vigie.Core;
using Vigie.Pipeline.Evaluation;
using GoldScorer = Vigie.Pipeline.Evaluation.GoldScorer;

namespace Vigie.Pipeline.Tests.Evaluation;

public sealed class GoldScorerTests
{
    private const string Text = "The Taliban took Kandahar on Friday.\n\nThey will not attack Kabul.";

    private static readonly Location Kandahar = new("Kandahar", "AF", "Kandahar", 31.6133, 65.7101, "city", 1138336);
    private static readonly Location Kabul = new("Kabul", "AF", "Kabul", 34.5281, 69.1723, "city", 1138958);
    private static readonly Actor Taliban = new("taliban", "Taliban", "AFG", "REB");

    private static Event Make(string type, Location place, int start, Modality modality = Modality.Asserted, DateValue? date = null, params Quantity[] quantities) =>
        new("e" + start, "doc", "en", type, EventTypeCatalog.Default.Get(type).CodesFor("REB"), Taliban, null, null, [place], date,
            quantities, modality, 0.8, [new Evidence("doc", 1, start, start + 10, Text.Substring(start, Math.Min(30, Text.Length - start)), "test/rule")]);

    private static GoldFile Gold(string json) => GoldFile.Parse(json);

    private const string OneEvent = """
        {"document": "d.txt", "events": [
          {"id": "k", "type": "territory_taken", "actor1": ["Taliban", "talibans"], "paragraph": 1,
           "locations": [{"name": "Kandahar", "country": "AF", "lat": 31.61, "lon": 65.71}],
           "date": {"value": "2021-08", "precision": "month", "weekday": "friday"}, "modality": "asserted",
           "quantities": [{"kind": "troops", "low": 3500, "high": 4000}]},
          {"id": "opt", "type": ["withdrawal", "evacuation"], "required": false, "paragraph": 3}
        ], "must_not": [
          {"why": "purpose clause", "type": ["attack"], "paragraph": 3, "location": {"name": "Kabul", "lat": 34.53, "lon": 69.17}}
        ]}
        """;

    [Fact]
    public void A_prediction_with_the_right_type_place_and_actor_matches_and_its_fields_are_checked()
    {
        var e = Make("territory_taken", Kandahar, 0, date: DateValue.OfMonth(2021, 8, "friday"),
            quantities: new Quantity("troops", 3500, 4000, false, false, false, "3,500 to 4,000"));
        var s = GoldScorer.Score("g", Gold(OneEvent), Text, [e]);
        Assert.Equal((1, 1, 1.0, 1.0), (s.Required, s.MatchedRequired, s.Precision, s.Recall));
        Assert.Equal((1, 1), (s.Date.Correct, s.Date.Checked));
        Assert.Equal(1, s.Quantities.Correct);
        Assert.Empty(s.Violations);
    }

    [Fact]
    public void A_place_beyond_50_km_or_another_actor_does_not_match()
    {
        var far = Make("territory_taken", Kabul, 0);
        var other = Make("territory_taken", Kandahar, 0) with { Actor1 = new Actor("afg-gov", "Government of Afghanistan", "AFG", "GOV") };
        var s = GoldScorer.Score("g", Gold(OneEvent), Text, [far, other]);
        Assert.Equal(0, s.MatchedRequired);
        Assert.Equal(2, s.UnmatchedPredictions);
        Assert.Equal(0, s.Precision);
    }

    [Fact]
    public void Optional_matches_cost_nothing_and_wrong_fields_count_against_accuracy()
    {
        var main = Make("territory_taken", Kandahar, 0, Modality.Claimed, DateValue.OfMonth(2021, 8));
        var optional = Make("evacuation", Kabul, 40);
        var s = GoldScorer.Score("g", Gold(OneEvent), Text, [main, optional]);
        Assert.Equal((1, 1, 0), (s.MatchedRequired, s.MatchedOptional, s.UnmatchedPredictions));
        Assert.Equal((0, 1), (s.Date.Correct, s.Date.Checked));
        Assert.Equal((0, 1), (s.Modality.Correct, s.Modality.Checked));
        Assert.Equal((0, 1), (s.Quantities.Correct, s.Quantities.Checked));
    }

    [Fact]
    public void A_forbidden_event_on_the_named_line_near_the_named_place_is_a_violation()
    {
        var attack = Make("attack", Kabul, 38);
        Assert.Single(GoldScorer.Score("g", Gold(OneEvent), Text, [attack]).Violations);
        var elsewhere = Make("attack", Kandahar, 38);
        Assert.Empty(GoldScorer.Score("g", Gold(OneEvent), Text, [elsewhere]).Violations);
        var otherLine = Make("attack", Kabul, 0);
        Assert.Empty(GoldScorer.Score("g", Gold(OneEvent), Text, [otherLine]).Violations);
    }

    [Fact]
    public void Case_classification_takes_the_most_confident_labelled_event_and_other_when_none()
    {
        var clash = Make("armed_clash", Kandahar, 0) with { Confidence = 0.6 };
        var strike = Make("air_strike", Kandahar, 10) with { Confidence = 0.9 };
        var talks = Make("casualties", Kandahar, 5) with { Confidence = 1.0 };
        Assert.Equal("AIR_STRIKE", CaseScorer.Classify([clash, strike, talks], EventTypeCatalog.Default));
        Assert.Equal("OTHER", CaseScorer.Classify([talks], EventTypeCatalog.Default));
        var gov = Make("territory_taken", Kandahar, 0) with { Actor1 = new Actor("afg-army", "Afghan army", "AFG", "MIL") };
        Assert.Equal("GOV_REGAINS_TERIT", CaseScorer.Classify([gov], EventTypeCatalog.Default));
        Assert.Equal("NON_STATE_ACTOR_OVERTAKES_TER", CaseScorer.Classify([Make("territory_taken", Kandahar, 0)], EventTypeCatalog.Default));
    }

    [Fact]
    public void Case_scores_are_micro_macro_and_weighted_f1()
    {
        var s = CaseScorer.Score([("ATTACK", "ATTACK"), ("ATTACK", "ARMED_CLASH"), ("ARMED_CLASH", "ARMED_CLASH"), ("DIPLO", "DIPLO")]);
        Assert.Equal(0.75, s.MicroF1, 3);
        // ATTACK: P 1, R .5, F1 .667; ARMED_CLASH: P .5, R 1, F1 .667; DIPLO 1.
        Assert.Equal((2 * 0.6667 + 0.6667 + 1) / 4, s.WeightedF1, 3);
        Assert.Equal((0.6667 + 0.6667 + 1) / 3, s.MacroF1, 3);
        Assert.Equal((2 * 0.6667 + 0.6667) / 3, s.WeightedF1Acled, 3);
    }
}
