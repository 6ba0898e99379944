using Vigie.Core;
using Vigie.Extraction.Patterns;
using static Vigie.Extraction.Tests.Engine.EngineFixture;

namespace Vigie.Extraction.Tests.Engine;

/// <summary>Arguments and modality read from the dependency tree: each event keeps its own clause's
/// arguments, and the clauses above it give its modality and source.</summary>
public sealed class ClauseTreeTests
{
    private static readonly PartialDate March = new(2023, 3, 15);

    [Fact]
    public void A_coordinated_verb_keeps_its_own_place()
    {
        const string t = "Rebels captured Goma on Monday and shelled the road to Bunia.";
        var events = Extract("en", t, March, Actor(t, "Rebels", "rebels", "REB"), Place(t, "Goma", "CD", -1.68, 29.22), Place(t, "Bunia", "CD", 1.56, 30.25));
        var taken = Assert.Single(events, e => e.Type == "territory_taken");
        Assert.Equal(["Goma"], taken.Locations.Select(l => l.Name));
    }

    [Fact]
    public void The_victims_of_a_participle_clause_are_the_target()
    {
        const string t = "The army killed and wounded scores of rebels near Goma.";
        var events = Extract("en", t, March, Actor(t, "army", "army", "MIL"), Actor(t, "rebels", "rebels", "REB"), Place(t, "Goma", "CD", -1.68, 29.22));
        var e = Assert.Single(events, x => x.Type is "attack" or "armed_clash");
        Assert.Equal("army", e.Actor1?.Id);
        Assert.Equal("rebels", e.Actor2?.Id);
    }

    [Fact]
    public void A_neutral_source_is_named_and_leaves_the_event_asserted()
    {
        const string t = "Gunmen attacked a bus near Goma, witnesses said.";
        var events = Extract("en", t, March, Actor(t, "Gunmen", "gunmen", "UAF"), Place(t, "Goma", "CD", -1.68, 29.22));
        var e = Assert.Single(events, x => x.Type == "attack");
        Assert.Equal(Modality.Asserted, e.Modality);
        Assert.Equal("witnesses", e.AttributedTo?.Name);
        Assert.Null(e.Claimant);
    }

    [Fact]
    public void A_party_reporting_its_own_act_claims_it()
    {
        const string t = "L'armée a affirmé avoir repris Goma aux rebelles.";
        var events = Extract("fr", t, March, Actor(t, "armée", "army", "MIL"), Actor(t, "rebelles", "rebels", "REB"), Place(t, "Goma", "CD", -1.68, 29.22));
        var e = Assert.Single(events, x => x.Type == "territory_taken");
        Assert.Equal(Modality.Claimed, e.Modality);
        Assert.Equal("army", e.Claimant?.Id);
        Assert.Equal("army", e.AttributedTo?.Id);
    }

    [Fact]
    public void A_negated_verb_does_not_negate_its_subject_event_noun()
    {
        const string t = "Les discussions qui se sont tenues à Doha n'ont abouti à aucun accord.";
        var events = Extract("fr", t, March, Place(t, "Doha", "QA", 25.29, 51.53));
        Assert.Equal(Modality.Asserted, Assert.Single(events, x => x.Type == "talks").Modality);
    }

    [Fact]
    public void A_warning_makes_the_complement_planned_and_a_condition_conditional()
    {
        const string t = "Officials warned that the rebels could attack Goma if the talks failed.";
        var events = Extract("en", t, March, Actor(t, "rebels", "rebels", "REB"), Place(t, "Goma", "CD", -1.68, 29.22));
        Assert.Equal(Modality.Planned, Assert.Single(events, x => x.Type == "attack").Modality);
    }

    [Fact]
    public void Clause_cues_with_an_unknown_key_are_reported_with_file_and_line()
    {
        var root = Path.Combine(Path.GetTempPath(), "vigie-clauses-" + Guid.NewGuid().ToString("N"));
        var en = Path.Combine(root, "lang", "en");
        var dir = Path.Combine(root, "lang", "xx");
        Directory.CreateDirectory(en);
        Directory.CreateDirectory(dir);
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(DataRoot, "lang", "en")))
                File.Copy(file, Path.Combine(en, Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(dir, "lang.yaml"), "code: xx\nname: test\nparent: en\n");
            File.WriteAllText(Path.Combine(dir, "clauses.yaml"), "negators: [not]\nnegatorz: [never]\n");
            // The language pack's schema check rejects the key before the engine reads the file.
            var e = Assert.Throws<Vigie.Text.LanguageDataException>(() => LanguageData.Load(Vigie.Text.LanguagePacks.Load(root).Find("xx")!, EventTypeCatalog.Default));
            Assert.Contains("lang/xx/clauses.yaml:2", e.Message, StringComparison.Ordinal);
            Assert.Contains("negatorz", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
