using Vigie.Core;
using Vigie.Pipeline.Evaluation;

namespace Vigie.Pipeline.Tests.Evaluation;

public sealed class AcledScorerTests
{
    // Three rows in ACLED's column names (a subset, in another order), with HDX's hashtag row; the notes are ours.
    internal const string SmallExport = """
        event_id_cnty,event_date,event_type,sub_event_type,actor1,inter1,location,latitude,longitude,notes,fatalities
        #event+code,#date+occurred,#event+type,,#group+name+first,,#loc+name,#geo+lat,#geo+lon,#description,#affected+killed
        TST1,2021-03-04,Violence against civilians,Attack,Unidentified Armed Group (Testland),3,Kasama,-10.2129,31.1808,"On 4 March 2021, gunmen killed 4 villagers in Kasama. [size=no report]",4
        TST2,05 March 2021,Protests,Peaceful protest,Protesters (Testland),6,Lusaka,-15.4166,28.2833,"Demonstrations: On 5 March 2021, teachers protested in Lusaka over unpaid wages.",0
        TST3,2021-03-06,Riots,Mob violence,Rioters (Testland),5,Ndola,-12.9666,28.6333,"On 6 March 2021, residents burnt a car in the market.",0
        TST4,not a date,Riots,Mob violence,Rioters (Testland),5,Ndola,-12.9666,28.6333,"A row with a broken date.",0
        TST5,2021-03-07,Riots,Mob violence,Rioters (Testland),5,Ndola,-12.9666,28.6333,,0
        """;

    [Fact]
    public void The_reader_skips_the_hashtag_row_reports_bad_dates_and_counts_rows_without_notes()
    {
        var f = AcledReader.ReadText(SmallExport, "small.csv");
        Assert.Equal(["TST1", "TST2", "TST3"], f.Rows.Select(r => r.Id));
        Assert.Equal(new DateOnly(2021, 3, 5), f.Rows[1].Date);
        Assert.Equal((3, -10.2129, 4), (f.Rows[0].Inter1!.Value, f.Rows[0].Lat!.Value, f.Rows[0].Fatalities));
        Assert.Equal(["small.csv:6: event_date 'not a date' is not a date; row skipped"], f.Problems);
        Assert.Equal(1, f.WithoutNotes);
    }

    [Fact]
    public void A_file_without_notes_is_not_an_export()
    {
        var ex = Assert.Throws<FormatException>(() => AcledReader.ReadText("event_date,event_type,sub_event_type\n2021-01-01,Riots,Mob violence\n", "x.csv"));
        Assert.Contains("'notes'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("On 4 May, a mob beat a man. [size=no report]", "On 4 May, a mob beat a man.")]
    [InlineData("Looting: On 4 May, thieves took cattle.", "On 4 May, thieves took cattle.")]
    [InlineData("Property destruction: On 4 May, a school burnt [Size= 20].", "On 4 May, a school burnt.")]
    [InlineData("Rival wings of PF: Patriotic Front clashed.", "Rival wings of PF: Patriotic Front clashed.")]
    [InlineData("He said [the soldiers] left at 10:30.", "He said [the soldiers] left at 10:30.")]
    public void Notes_lose_coder_annotations_and_a_leading_category_label_only(string notes, string expected) =>
        Assert.Equal(expected, AcledNotes.Clean(notes));

    [Fact]
    public void Whether_the_notes_name_the_location_ignores_case_and_accents_but_needs_whole_words()
    {
        Assert.True(AcledNotes.Names("troops entered mocímboa da praia on Monday", "Mocimboa Da Praia"));
        Assert.False(AcledNotes.Names("in Lusakan markets", "Lusaka"));
    }

    private static readonly Actor Gunmen = new("gunmen", "gunmen", null, "UAF");

    private static Event Made(string type, Actor? actor1, Location? place, DateValue? date, double confidence, int start, params Quantity[] quantities) =>
        new("e" + start, "d", "en", type, EventTypeCatalog.Default.Get(type).CodesFor(actor1?.Role), actor1, null, null,
            place is null ? [] : [place], date, quantities, Modality.Asserted, confidence, [new Evidence("d", 0, start, start + 5, "x", "test/rule")]);

    [Fact]
    public void The_main_event_is_the_most_confident_with_an_acled_type_and_the_figures_follow_from_it()
    {
        var rows = AcledReader.ReadText(SmallExport, "small.csv").Rows;
        var kasama = new Location("Kasama", "ZM", null, -10.20, 31.19, "city", null);
        var farAway = new Location("Mongu", "ZM", null, -15.25, 23.13, "city", null);
        var day = (int d) => DateValue.OfDay(new DateOnly(2021, 3, d));
        var toll = new Quantity("fatalities", 4, 4, false, false, false, "4");
        // Row 1: right type, place, date, toll and actor type; a talk event (no ACLED type) is ignored though more confident.
        var one = AcledScorer.Judge(rows[0], rows[0].Notes, [Made("talks", null, null, day(4), 0.95, 0), Made("attack", Gunmen, kasama, day(4), 0.8, 10, toll)], EventTypeCatalog.Default);
        // Row 2: right sub-event type and date, place 700 km away, no actor.
        var two = AcledScorer.Judge(rows[1], rows[1].Notes, [Made("protest", null, farAway, day(5), 0.8, 0)], EventTypeCatalog.Default);
        // Row 3: nothing read.
        var three = AcledScorer.Judge(rows[2], rows[2].Notes, [], EventTypeCatalog.Default);
        Assert.Equal("attack", one.Main!.Type);
        Assert.True(one.AllRight);
        Assert.Equal((true, false, false), (two.SubRight, two.Within(50), two.Actor1Right));
        Assert.Equal(AcledScorer.None, three.PredictedSubEventType);

        var s = AcledScorer.Score([one, two, three]);
        Assert.Equal(3, s.Rows);
        Assert.Equal(2.0 / 3, s.SubAccuracy, 6);
        Assert.Equal(2.0 / 3, s.TypeAccuracy, 6);
        Assert.Equal(1.0 / 3, s.Loc50, 6);
        // Kasama and Lusaka are named in their notes, Ndola is not.
        Assert.Equal((2, 0.5), (s.NamedRows, s.Loc50Named));
        Assert.Equal(2.0 / 3, s.Date, 6);
        Assert.Equal((1, 1.0), (s.FatalRows, s.FatPos));
        Assert.Equal(1.0 / 3, s.Actor1, 6);
        Assert.Equal(1.0, s.EventsPerDoc, 6);
        // Attack, Peaceful protest and Mob violence each have support 1; the first two are right (F1 1), Mob violence is missed.
        Assert.Equal(2.0 / 3, s.SubWeightedF1, 6);
        Assert.Equal(["Attack", "Mob violence", "Peaceful protest", AcledScorer.None], s.SubTypes.Select(l => l.Label));
    }
}

public sealed class AcledEvaluationTests
{
    [Fact]
    public void The_small_export_read_by_the_whole_pipeline_gives_the_figures_its_notes_state()
    {
        var rows = AcledReader.ReadText(AcledScorerTests.SmallExport, "small.csv").Rows;
        var outcomes = rows.Select(r =>
        {
            var text = AcledNotes.Clean(r.Notes);
            var doc = new Document("acled-" + r.Id, text, new PartialDate(r.Date.Year, r.Date.Month, r.Date.Day), "en");
            return AcledScorer.Judge(r, text, TestData.Analyzer.Analyze(doc).Events, EventTypeCatalog.Default);
        }).ToList();
        // "gunmen killed 4 villagers in Kasama": the attack, its day, its place and its toll.
        var kasama = outcomes[0];
        Assert.Equal(("Attack", "Violence against civilians"), (kasama.PredictedSubEventType, kasama.PredictedEventType));
        Assert.True(kasama.DateRight);
        Assert.True(kasama.Within(25));
        Assert.Equal(4, kasama.Fatalities);
        // "teachers protested in Lusaka": a peaceful protest there, with the label "Demonstrations:" gone from the text.
        Assert.Equal("Peaceful protest", outcomes[1].PredictedSubEventType);
        Assert.True(outcomes[1].Within(25));
        Assert.StartsWith("On 5 March 2021", outcomes[1].Text, StringComparison.Ordinal);
        var s = AcledScorer.Score(outcomes);
        Assert.Equal(3, s.Rows);
        Assert.Equal((1, 1.0), (s.FatalRows, s.FatPos));
        Assert.True(s.EventsPerDoc <= 1.5, $"events per note {s.EventsPerDoc}");
    }
}
