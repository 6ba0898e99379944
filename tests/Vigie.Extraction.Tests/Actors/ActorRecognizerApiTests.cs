using Vigie.Extraction.Actors;

namespace Vigie.Extraction.Tests.Actors;

/// <summary>The recogniser's API: finding actors by id or alias, roles over time, metonymy candidates, offsets.</summary>
public sealed class ActorRecognizerApiTests
{
    private static ActorRecognizer Recognizer => ActorFixture.Recognizer;

    [Theory]
    [InlineData("taliban", "taliban", "AFG")]
    [InlineData("Talibans", "taliban", "AFG")]
    [InlineData("EI-K", "isis-k", "AFG")]
    [InlineData("État islamique au Khorasan", "isis-k", "AFG")]
    [InlineData("ISIS-K", "isis-k", "AFG")]
    [InlineData("Vladimir Poutine", "vladimir-putin", "RUS")]
    [InlineData("Putin", "vladimir-putin", "RUS")]
    [InlineData("afg", "afg", "AFG")]
    [InlineData("États-Unis", "usa", "USA")]
    [InlineData("afg-military", "afg-military", "AFG")]
    [InlineData("usa-government", "usa-government", "USA")]
    public void Find_reads_ids_and_aliases_of_every_language(string query, string id, string country)
    {
        var actor = Recognizer.Find(query);
        Assert.NotNull(actor);
        Assert.Equal(id, actor.Id);
        Assert.Equal(country, actor.Country);
    }

    [Fact]
    public void Find_gives_international_bodies_no_country_and_unknown_names_nothing()
    {
        Assert.Null(Recognizer.Find("OTAN")!.Country);
        Assert.Equal("IGO", Recognizer.Find("Nations unies")!.Role);
        Assert.Null(Recognizer.Find("Gandalf"));
        Assert.Null(Recognizer.Find(""));
    }

    [Theory]
    [InlineData("taliban", "2021-08-14", "REB")]
    [InlineData("taliban", "2021-08-15", "GOV")]
    [InlineData("taliban", "2001-10-07", "REB")]
    [InlineData("rsf", "2023-04-14", "MIL")]
    [InlineData("rsf", "2023-04-15", "REB")]
    [InlineData("ashraf-ghani", "2021-08-15", "GOV")]
    [InlineData("ashraf-ghani", "2021-08-16", "ELI")]
    [InlineData("hts", "2024-12-08", "GOV")]
    public void Roles_are_bounded_by_dates(string id, string date, string role) =>
        Assert.Equal(role, Recognizer.RoleOn(id, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Without_a_date_an_actor_takes_its_latest_role() => Assert.Equal("GOV", Recognizer.RoleOn("taliban", null));

    [Fact]
    public void A_person_changes_country_with_office()
    {
        Assert.Null(Recognizer.Find("jens-stoltenberg", new DateOnly(2020, 1, 1))!.Country);
        Assert.Equal("NOR", Recognizer.Find("jens-stoltenberg", new DateOnly(2010, 1, 1))!.Country);
    }

    [Fact]
    public void A_capital_read_as_a_place_is_offered_as_a_metonymy_candidate()
    {
        var r = Recognizer.RecognizeDetailed("Les diplomates sont restés à Kaboul.", "fr", new DateOnly(2021, 8, 13));
        var candidate = Assert.Single(r.MetonymyCandidates);
        Assert.Equal("Kaboul", candidate.Text);
        Assert.Equal("afg-government", candidate.Actor.Id);
        Assert.Equal(ActorRecognizer.CandidateRule, candidate.Rule);
        Assert.DoesNotContain(r.Mentions, m => m.Text == "Kaboul");
    }

    [Fact]
    public void Offsets_point_into_the_original_text_with_accents_case_and_typographic_apostrophes()
    {
        const string text = "Selon l’ÉTAT ISLAMIQUE AU KHORASAN, les États‑Unis…";
        var mentions = Recognizer.Recognize(text, "fr", new DateOnly(2021, 8, 27));
        Assert.Equal(["ÉTAT ISLAMIQUE AU KHORASAN", "États‑Unis"], mentions.Select(m => text[m.Start..m.End]));
    }

    [Fact]
    public void A_regional_language_code_falls_back_to_its_parent_and_an_unknown_one_gives_nothing()
    {
        Assert.Single(Recognizer.Recognize("Les talibans avancent.", "fr-CA", null));
        Assert.Empty(Recognizer.Recognize("Die Taliban rücken vor.", "de", null));
        Assert.Empty(Recognizer.Recognize("", "fr", null));
    }

    [Fact]
    public void Recognition_is_safe_from_many_threads()
    {
        const string text = "Washington va mobiliser 3 000 soldats américains. Les talibans ont pris Kandahar.";
        var expected = Recognizer.Recognize(text, "fr", new DateOnly(2021, 8, 13));
        Parallel.For(0, 64, _ => Assert.Equal(expected, Recognizer.Recognize(text, "fr", new DateOnly(2021, 8, 13))));
    }
}

/// <summary>Recognition over the text layer's tokens and sentences gives what recognition over raw text gives.</summary>
public sealed class ActorTextLayerTests
{
    private static readonly Lazy<Vigie.Text.TextLayer?> Layer = new(() =>
    {
        try { return Vigie.Text.TextLayer.Load(Vigie.Text.DataPaths.Root); }
        catch (Vigie.Text.LanguageDataException) { return null; }
    });

    [Theory]
    [InlineData("fr", "Les talibans progressent. Les insurgés ont pris Kunduz et ils avancent vers Kaboul. Washington va mobiliser 3 000 soldats américains; le gouvernement de Kaboul s'y oppose.")]
    [InlineData("en", "The Taliban are advancing. The insurgents took Kunduz and they are moving on Kabul. Washington will mobilise 3,000 American soldiers; the government in Kabul's U.S. allies disagree.")]
    public void Text_layer_tokens_give_the_same_mentions(string language, string text)
    {
        var layer = Layer.Value;
        if (layer is null || !layer.Languages.Contains(language)) return;
        var date = new DateOnly(2021, 8, 13);
        var viaLayer = ActorFixture.Recognizer.Recognize(layer.Read(text, language, Vigie.Core.PartialDate.Parse("2021-08-13")));
        var raw = ActorFixture.Recognizer.Recognize(text, language, date);
        Assert.Equal(raw.Select(m => (m.Start, m.End, m.Actor.Id, m.Rule)), viaLayer.Select(m => (m.Start, m.End, m.Actor.Id, m.Rule)));
        Assert.NotEmpty(raw);
    }
}
