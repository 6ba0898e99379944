using Vigie.Core;
using static Vigie.Extraction.Tests.Engine.EngineFixture;

namespace Vigie.Extraction.Tests.Engine;

public sealed class EventEngineTests
{
    private static readonly PartialDate August = new(2021, 8, null);

    [Fact]
    public void Coordinated_places_give_one_claimed_event_each()
    {
        const string t = "Les rebelles ont revendiqué vendredi la prise de Kandahar, la grande ville du sud, et de Lashkar Gah.";
        var events = Extract("fr", t, August,
            Actor(t, "rebelles", "rebels", "REB"),
            Date(t, "vendredi", DateValue.OfMonth(2021, 8, "friday")),
            Place(t, "Kandahar", "AF", 31.61, 65.71),
            Place(t, "Lashkar Gah", "AF", 31.59, 64.37));
        var taken = events.Where(e => e.Type == "territory_taken").ToList();
        Assert.Equal(["Kandahar", "Lashkar Gah"], taken.Select(e => e.Locations.Single().Name).Order());
        Assert.All(taken, e =>
        {
            Assert.Equal(Modality.Claimed, e.Modality);
            Assert.Equal("rebels", e.Claimant?.Id);
            Assert.Equal("rebels", e.Actor1?.Id);
            Assert.Equal("friday", e.Date?.Weekday);
            Assert.Equal("Non-state actor overtakes territory", e.Codes.AcledSubEventType);
            Assert.Equal("fr/territory/revendiquer-prise", e.Evidence.Single().Rule);
        });
        Assert.NotEqual(taken[0].Id, taken[1].Id);
    }

    [Fact]
    public void A_distributive_list_gives_one_deployment_per_place_and_number()
    {
        const string t = "Washington will mobilise 8,000 soldiers: 3,000 troops at Kabul airport, 1,000 in Qatar, while 3,500 to 4,000 will be stationed in Kuwait.";
        var events = Extract("en", t, August,
            Actor(t, "Washington", "usa", "GOV"),
            Number(t, "8,000", 8000, 8000), Number(t, "3,000", 3000, 3000), Number(t, "1,000", 1000, 1000), Number(t, "3,500 to 4,000", 3500, 4000),
            Place(t, "Kabul airport", "AF", 34.56, 69.21, "point"), Place(t, "Qatar", "QA", 25.5, 51.25, "country"), Place(t, "Kuwait", "KW", 29.5, 47.75, "country"));
        var placed = events.Where(e => e.Type == "deployment" && e.Locations.Count > 0).ToDictionary(e => e.Locations[0].Name);
        Assert.Equal(3, placed.Count);
        Assert.Equal(3000, placed["Kabul airport"].Quantities.Single().Low);
        Assert.Equal(1000, placed["Qatar"].Quantities.Single().Low);
        Assert.Equal(4000, placed["Kuwait"].Quantities.Single().High);
        Assert.All(placed.Values, e => Assert.Equal(Modality.Planned, e.Modality));
        Assert.All(placed.Values, e => Assert.Equal("troops", e.Quantities.Single().Kind));
        Assert.All(placed.Values, e => Assert.Equal("usa", e.Actor1?.Id));
    }

    [Fact]
    public void A_purpose_clause_yields_no_event()
    {
        const string t = "Un message adressé aux rebelles pour qu'ils ne s'attaquent pas à Kaboul.";
        var events = Extract("fr", t, August, Actor(t, "rebelles", "rebels", "REB"), Place(t, "Kaboul", "AF", 34.5, 69.2));
        Assert.DoesNotContain(events, e => e.Type == "attack");
    }

    [Fact]
    public void A_condition_makes_the_event_conditional()
    {
        const string t = "L'Union européenne a menacé les rebelles s'ils s'emparaient de Kaboul.";
        var events = Extract("fr", t, August,
            Actor(t, "Union européenne", "eu", "IGO"), Actor(t, "rebelles", "rebels", "REB"), Place(t, "Kaboul", "AF", 34.5, 69.2));
        Assert.Equal(Modality.Conditional, Assert.Single(events, e => e.Type == "territory_taken").Modality);
        var threat = Assert.Single(events, e => e.Type == "threat");
        Assert.Equal(Modality.Asserted, threat.Modality);
        Assert.Equal("eu", threat.Actor1?.Id);
        Assert.Equal("rebels", threat.Actor2?.Id);
    }

    [Fact]
    public void Negation_and_passive_agents_are_read()
    {
        const string t1 = "The rebels did not attack the town.";
        Assert.Equal(Modality.Negated, Assert.Single(Extract("en", t1, August, Actor(t1, "rebels", "rebels", "REB")), e => e.Type == "attack").Modality);

        const string t2 = "Kunduz was captured by the Taliban on Friday.";
        var e2 = Assert.Single(Extract("en", t2, August, Place(t2, "Kunduz", "AF", 36.7, 68.8), Actor(t2, "Taliban", "taliban", "REB")), e => e.Type == "territory_taken");
        Assert.Equal("taliban", e2.Actor1?.Id);
        Assert.Equal("Kunduz", e2.Locations.Single().Name);
    }

    [Fact]
    public void A_toll_with_its_attack_is_the_attack_s_fatalities()
    {
        const string t = "Gunmen attacked a village in the north, and 12 civilians were killed.";
        var events = Extract("en", t, August, Actor(t, "Gunmen", "gunmen", "UAF"), Number(t, "12", 12, 12));
        var attack = Assert.Single(events, e => e.Type == "attack");
        Assert.Equal("fatalities", attack.Quantities.Single().Kind);
        Assert.DoesNotContain(events, e => e.Type == "casualties");
    }

    [Fact]
    public void A_state_force_regaining_a_place_is_coded_as_such()
    {
        const string t = "The army recaptured Mosul.";
        var e = Assert.Single(Extract("en", t, August, Actor(t, "army", "army", "MIL"), Place(t, "Mosul", "IQ", 36.3, 43.1)), x => x.Type == "territory_taken");
        Assert.Equal("Government regains territory", e.Codes.AcledSubEventType);
    }

    [Fact]
    public void The_explainer_marks_each_argument_and_names_the_rule()
    {
        const string t = "Kunduz was captured by the Taliban.";
        Mention[] mentions = [Place(t, "Kunduz", "AF", 36.7, 68.8), Actor(t, "Taliban", "taliban", "REB")];
        var e = Assert.Single(Extract("en", t, August, mentions), x => x.Type == "territory_taken");
        // The spans are the event's own, kept at extraction: explaining it reads no mention.
        var text = EventExplainer.Explain(e, t);
        Assert.Contains("[place: Kunduz]", text, StringComparison.Ordinal);
        Assert.Contains("[actor1: Taliban]", text, StringComparison.Ordinal);
        Assert.Contains("[trigger: captured]", text, StringComparison.Ordinal);
        Assert.Contains(e.Evidence[0].Rule, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_event_carries_the_spans_of_its_fields()
    {
        const string t = "Kunduz was captured by the Taliban.";
        Mention[] mentions = [Place(t, "Kunduz", "AF", 36.7, 68.8), Actor(t, "Taliban", "taliban", "REB")];
        var e = Assert.Single(Extract("en", t, August, mentions), x => x.Type == "territory_taken");
        Assert.Equal(["place", "trigger", "actor1"], e.Spans.Select(s => s.Role));
        Assert.All(e.Spans, s => Assert.Equal(s.Text, t[s.Start..s.End]));
        Assert.Equal("captured", e.Spans.Single(s => s.Role == "trigger").Text);
    }
}
