using Vigie.Core;

namespace Vigie.Pipeline.Tests;

/// <summary>One event per real-world event and document (CONTRACT §2), on documents written for these tests.</summary>
public sealed class DocumentEventsTests
{
    private static IReadOnlyList<Event> Read(string language, string date, string text) =>
        TestData.Analyzer.Analyze(new Document("doc-" + language, text, PartialDate.Parse(date), language)).Events;

    private static bool At(Event e, string place) => e.Locations.Any(l => l.Name == place);

    private static decimal Dead(Event e) => e.Quantities.Where(q => q.Kind == "fatalities").Sum(q => q.Low);

    [Theory]
    [InlineData("en", "Militants attack market in Maiduguri\n\nIslamist militants attacked the central market of Maiduguri, Nigeria, on Tuesday, killing 12 people. The attackers used an improvised explosive device hidden in a cart. Several stalls were set on fire.")]
    [InlineData("fr", "Attaque contre le marché de Maiduguri\n\nDes islamistes armés ont attaqué mardi le marché central de Maiduguri, au Nigeria, tuant 12 personnes. Les assaillants ont utilisé un engin explosif improvisé caché dans une charrette. Plusieurs étals ont été incendiés.")]
    public void A_headline_a_lead_and_details_about_one_attack_are_one_event_with_every_sentence_in_evidence(string language, string text)
    {
        var events = Read(language, "2021-03-10", text);
        var e = Assert.Single(events);
        // The instrument names the sub-event type, the lead gives the town, the day and the toll.
        Assert.Equal("explosive_device", e.Type);
        Assert.Equal("Remote explosive/landmine/IED", e.Codes.AcledSubEventType);
        Assert.True(At(e, "Maiduguri"));
        Assert.Equal(("2021-03-09", DatePrecision.Day), (e.Date!.Value, e.Date.Precision));
        Assert.Equal(12, Dead(e));
        Assert.Equal(4, e.Evidence.Select(v => v.Sentence).Distinct().Count());
        Assert.All(e.Evidence, v => Assert.False(string.IsNullOrEmpty(v.Rule)));
        Assert.Contains(e.Evidence, v => v.Rule.Contains("explosive", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "Militants attacked a village near Maiduguri on Monday, killing 5 people. In a separate attack, gunmen killed 3 farmers in Kano on Monday.")]
    [InlineData("fr", "Des islamistes ont attaqué lundi un village près de Maiduguri, tuant 5 personnes. Dans une autre attaque, des hommes armés ont tué 3 paysans à Kano lundi.")]
    public void Two_attacks_in_two_towns_stay_two_events(string language, string text)
    {
        var events = Read(language, "2021-03-10", text);
        Assert.All(events, e => Assert.False(At(e, "Maiduguri") && At(e, "Kano")));
        var maiduguri = Assert.Single(events, e => At(e, "Maiduguri"));
        Assert.Equal(5, Dead(maiduguri));
        Assert.Contains(events, e => At(e, "Kano") && Dead(e) == 3);
        Assert.DoesNotContain(events, e => At(e, "Kano") && Dead(e) == 5);
    }

    [Theory]
    [InlineData("en", "At least 183 civilians were killed in July, the United Nations said. On Sunday, militants ambushed an army convoy near Gao, killing 4 soldiers.")]
    [InlineData("fr", "Au moins 183 civils ont été tués en juillet, selon les Nations unies. Dimanche, des jihadistes ont attaqué un convoi de l'armée près de Gao, tuant 4 soldats.")]
    public void A_monthly_toll_stays_a_casualties_event_beside_the_attack_it_does_not_describe(string language, string text)
    {
        var events = Read(language, "2021-08-02", text);
        var toll = Assert.Single(events, e => e.Type == "casualties");
        Assert.Equal(183, Dead(toll));
        Assert.Equal(DatePrecision.Month, toll.Date!.Precision);
        var ambush = Assert.Single(events, e => At(e, "Gao"));
        Assert.Equal(4, Dead(ambush));
        Assert.Equal("2021-08-01", ambush.Date!.Value);
        Assert.Equal(2, events.Count);
    }

    [Theory]
    [InlineData("en", "Insurgents raided the village of Kolo near Gao on Monday. Two farmers were killed in the attack and the group burned several huts.")]
    [InlineData("fr", "Des insurgés ont attaqué lundi le village de Kolo près de Gao. Deux paysans ont été tués lors de l'attaque et le groupe a incendié plusieurs cases.")]
    public void The_attack_named_again_and_a_later_toll_without_a_date_are_the_event_already_told(string language, string text)
    {
        var events = Read(language, "2021-03-10", text);
        var e = Assert.Single(events);
        Assert.Equal("attack", e.Type);
        Assert.Equal(2, Dead(e));
        Assert.Equal(2, e.Evidence.Select(v => v.Sentence).Distinct().Count());
    }

    [Theory]
    [InlineData("en", "Gunmen attacked a police post in Gao on Monday, killing a policeman.")]
    [InlineData("fr", "Des hommes armés ont attaqué lundi un poste de police à Gao, tuant un policier.")]
    public void An_attack_on_armed_men_is_an_armed_clash_and_an_article_counts_one_victim(string language, string text)
    {
        var e = Assert.Single(Read(language, "2021-03-10", text));
        Assert.Equal("armed_clash", e.Type);
        Assert.Equal("Armed clash", e.Codes.AcledSubEventType);
        Assert.Equal(1, Dead(e));
    }

    [Theory]
    [InlineData("en", "Gunmen attacked a market in Gao on Monday, killing a trader.")]
    [InlineData("fr", "Des hommes armés ont attaqué lundi un marché à Gao, tuant un commerçant.")]
    public void An_attack_on_civilians_stays_an_attack(string language, string text)
    {
        var e = Assert.Single(Read(language, "2021-03-10", text));
        Assert.Equal("Attack", e.Codes.AcledSubEventType);
        Assert.Equal(1, Dead(e));
    }

    [Theory]
    [InlineData("en", "On 30 April 2020, Islamist militants attacked Nacutuco (Mucojo, Cabo Delgado), beheaded one person and burned several huts.")]
    [InlineData("fr", "Le 30 avril 2020, des islamistes ont attaqué Nacutuco (Mucojo, Cabo Delgado), ont décapité une personne et ont incendié plusieurs cases.")]
    public void One_act_told_twice_in_a_sentence_with_its_places_once_in_full_is_one_attack(string language, string text)
    {
        var attack = Assert.Single(Read(language, "2020-05-02", text), e => e.Type == "attack");
        Assert.True(At(attack, "Nacutuco"));
        Assert.True(At(attack, "Cabo Delgado"));
    }

    [Theory]
    [InlineData("en", "A mob attacked a woman they accused of witchcraft in Kitwe on Sunday.")]
    [InlineData("en", "A man was beaten to death by villagers in Chibombo on Friday after being accused of stealing a goat.")]
    [InlineData("fr", "Une foule a lynché dimanche à Kitwe une femme qu'elle accusait de sorcellerie.")]
    public void An_accusation_that_describes_the_victim_is_no_criticism_event(string language, string text)
    {
        var events = Read(language, "2021-03-10", text);
        Assert.NotEmpty(events);
        Assert.DoesNotContain(events, e => e.Type == "criticism");
    }
}
