using Vigie.Core;
using Vigie.Fusion;
using Vigie.Pipeline.Evaluation;
using static Vigie.Fusion.Tests.Build;

namespace Vigie.Pipeline.Tests.Evaluation;

public class CapitalsReportTests
{
    private static string ReferencePath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigie.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "data", "reference", "afghanistan-2021-capitals.tsv");
    }

    private static CapitalsReference Reference() => CapitalsReference.Load(ReferencePath());

    [Fact]
    public void The_reference_lists_the_34_provincial_capitals_once_each_with_sources()
    {
        var reference = Reference();

        Assert.Equal(34, reference.Capitals.Count);
        Assert.Equal(34, reference.Capitals.Select(c => c.Province).Distinct().Count());
        Assert.Equal(34, reference.Capitals.Select(c => c.GeonamesId).Distinct().Count());
        Assert.All(reference.Capitals, c => Assert.False(string.IsNullOrWhiteSpace(c.Sources)));
        Assert.All(reference.Capitals, c => Assert.InRange(c.FellOn, new DateOnly(2021, 8, 6), new DateOnly(2021, 9, 6)));
        Assert.Equal(33, reference.Capitals.Count(c => c.FellOn.Month == 8));
        Assert.All(reference.Capitals, c => Assert.InRange(c.Lat, 29, 39));
    }

    [Fact]
    public void The_reference_gives_the_widely_reported_days()
    {
        var byName = Reference().Capitals.ToDictionary(c => c.Capital);

        Assert.Equal(new DateOnly(2021, 8, 6), byName["Zaranj"].FellOn);
        Assert.Equal(new DateOnly(2021, 8, 7), byName["Sheberghan"].FellOn);
        Assert.Equal(new DateOnly(2021, 8, 8), byName["Kunduz"].FellOn);
        Assert.Equal(new DateOnly(2021, 8, 15), byName["Kabul"].FellOn);
        Assert.Equal(1138336, byName["Kandahar"].GeonamesId);
    }

    [Fact]
    public void A_place_is_matched_by_geonames_id_or_by_a_nearby_alias()
    {
        var reference = Reference();

        Assert.Equal("Kabul", reference.Match(ControlPlace.Of(Kabul))?.Capital);
        Assert.Equal("Kabul", reference.Match(new ControlPlace("Kaboul", "AF", null, 34.53, 69.17, null, "city"))?.Capital);
        Assert.Equal("Mazar-e Sharif", reference.Match(new ControlPlace("Mazâr-e Charîf", "AF", null, 36.7, 67.1, null, "city"))?.Capital);
        Assert.Null(reference.Match(new ControlPlace("Kandahar", "AF", null, 31.0, 65.0, null, "province")));
        Assert.Null(reference.Match(new ControlPlace("Kaboul", "AF", null, 31.0, 65.0, null, "city")));
        Assert.Null(reference.Match(new ControlPlace("Kabul", "AF", null, 34.5, 69.2, 42, "city")));
    }

    [Fact]
    public void Capitals_are_scored_by_right_day_right_month_wrong_date_or_none()
    {
        var events = new List<Event>
        {
            Ev("doc1", actor1: Taliban, at: Zaranj, date: Day("2021-08-07")),
            Ev("doc2", actor1: Taliban, at: Kunduz, date: Month("2021-08")),
            Ev("doc3", actor1: Taliban, at: Herat, date: Day("2021-08-20")),
            Ev("doc4", actor1: Taliban, at: Kandahar, date: Month("2021-07")),
            Ev("doc5", type: "territory_held", actor1: Government, at: Kabul, date: Day("2021-08-10")),
            Ev("doc6", actor1: Taliban, at: new Location("Kaboul", "AF", null, 34.53, 69.17, "city", null), date: Day("2021-08-15")),
        };

        var report = CapitalsReport.Evaluate(events, Reference());

        var byName = report.Capitals.ToDictionary(c => c.Capital.Capital);
        Assert.Equal(CapitalMatch.RightDay, byName["Zaranj"].Match);
        Assert.Equal(1, byName["Zaranj"].DaysOff);
        Assert.Equal(CapitalMatch.RightMonthOnly, byName["Kunduz"].Match);
        Assert.Equal(CapitalMatch.WrongDate, byName["Herat"].Match);
        Assert.Equal(CapitalMatch.WrongDate, byName["Kandahar"].Match);
        Assert.Equal(CapitalMatch.RightDay, byName["Kabul"].Match);
        Assert.Equal((2, 1, 2, 29), (report.RightDay, report.RightMonthOnly, report.WrongDate, report.None));
        Assert.Contains("right day (±1): 2", report.ToTable(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_reference_is_the_capital_predicate_of_a_summary()
    {
        var reference = Reference();
        var timeline = ControlTimeline.Rebuild(
        [
            Ev("doc1", actor1: Taliban, at: Zaranj, date: Day("2021-08-06")),
            Ev("doc2", actor1: Taliban, at: Kunduz, date: Day("2021-08-08")),
            Ev("doc3", actor1: Taliban, at: North(Kunduz, 40, name: "Imam Sahib"), date: Day("2021-07-01")),
        ]);

        var summary = timeline.Summarize(new DateOnly(2021, 8, 11), "AF", reference.IsCapital);

        Assert.Equal((3, 2), (summary.For("taliban").Places, summary.For("taliban").Capitals));
    }

    [Fact]
    public void A_reference_file_names_its_country_and_taker_or_is_refused()
    {
        const string Rows = "province\tcapital\tgeonames_id\tlat\tlon\tfell_on\nNorth\tPortville\t\t10.0\t20.0\t2024-03-01\n";
        var reference = CapitalsReference.Parse(new StringReader("# country: ZZ\n# taker: River Front\n" + Rows), "r.tsv");
        Assert.Equal(("ZZ", "River Front"), (reference.Country, reference.Taker));
        Assert.True(reference.IsTaker(new Actor("river_front", "River Front", null, "REB")));
        Assert.False(reference.IsTaker(Taliban));
        Assert.Equal("YY", CapitalsReference.Parse(new StringReader("# country: ZZ\n# taker: x\n" + Rows), "r.tsv", "YY").Country);
        Assert.Contains("r.tsv:1: no '# taker", Assert.Throws<FormatException>(() => CapitalsReference.Parse(new StringReader("# country: ZZ\n" + Rows), "r.tsv")).Message, StringComparison.Ordinal);
        Assert.Contains("country", Assert.Throws<FormatException>(() => CapitalsReference.Parse(new StringReader("# taker: x\n" + Rows), "r.tsv")).Message, StringComparison.Ordinal);
    }
}
