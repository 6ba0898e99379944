using Vigie.Extraction.Actors;
using Vigie.Text;

namespace Vigie.Extraction.Tests.Actors;

/// <summary>Broken actor data is refused at load with every problem as <c>file:line: problem</c>.</summary>
public sealed class ActorDataValidationTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "vigie-actors-" + Guid.NewGuid().ToString("N"));
    private readonly string _root;

    public ActorDataValidationTests()
    {
        _root = Path.Combine(_temp, "data");
        var source = DataPaths.Root;
        Directory.CreateDirectory(Path.Combine(_root, "actors"));
        foreach (var f in Directory.GetFiles(Path.Combine(source, "actors")))
            File.Copy(f, Path.Combine(_root, "actors", Path.GetFileName(f)));
        var fr = Path.Combine(_root, "lang", "fr");
        Directory.CreateDirectory(fr);
        // A whole language pack: actors read their files through it.
        foreach (var f in Directory.GetFiles(Path.Combine(source, "lang", "fr")))
            File.Copy(f, Path.Combine(fr, Path.GetFileName(f)));
        File.Delete(Path.Combine(fr, "actors-states.tsv"));
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private ActorDataException LoadFails() => Assert.Throws<ActorDataException>(() => ActorRecognizer.Load(_root));

    [Fact]
    public void The_repository_data_loads() => Assert.NotEmpty(ActorRecognizer.Load(_root).Languages);

    [Fact]
    public void Duplicate_and_conflicting_aliases_and_unknown_ids_are_reported_with_file_and_line()
    {
        var file = Path.Combine(_root, "lang", "fr", "actors.tsv");
        var lines = File.ReadAllLines(file).Length;
        File.AppendAllLines(file, ["talibans\ttaliban", "Talibans\tisis", "Gandalf\tgandalf", "Kaboul\ttaliban\tcapital"]);
        var errors = LoadFails().Errors;
        Assert.Contains(errors, e => e.StartsWith($"data/lang/fr/actors.tsv:{lines + 1}: duplicate alias 'talibans'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"data/lang/fr/actors.tsv:{lines + 2}: alias 'Talibans' already names 'taliban'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e == $"data/lang/fr/actors.tsv:{lines + 3}: unknown actor id 'gandalf'");
        Assert.Contains(errors, e => e.StartsWith($"data/lang/fr/actors.tsv:{lines + 4}: kind 'capital' does not fit actor 'taliban'", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_roles_countries_and_dates_are_reported_with_file_and_line()
    {
        var file = Path.Combine(_root, "actors", "actors.yaml");
        var lines = File.ReadAllLines(file).Length;
        File.AppendAllLines(file,
        [
            "- {id: bad-role, name: Bad, kind: group, country: AFG, roles: [{role: XYZ}]}",
            "- {id: bad-country, name: Bad, kind: group, country: ZZZ, roles: [{role: REB}]}",
            "- {id: bad-date, name: Bad, kind: group, country: null, roles: [{role: REB, from: 2021-13-01}]}",
            "- {id: taliban, name: Again, kind: group, country: AFG, roles: [{role: REB}]}",
            "- {id: overlap, name: Bad, kind: group, country: AFG, roles: [{role: REB, until: 2021-08-15}, {role: GOV, from: 2021-08-15}]}",
        ]);
        var errors = LoadFails().Errors;
        Assert.Contains(errors, e => e.StartsWith($"data/actors/actors.yaml:{lines + 1}: actor 'bad-role': role 'XYZ'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"data/actors/actors.yaml:{lines + 2}: actor 'bad-country': country 'ZZZ'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"data/actors/actors.yaml:{lines + 3}: '2021-13-01' is not a date", StringComparison.Ordinal));
        Assert.Contains(errors, e => e == $"data/actors/actors.yaml:{lines + 4}: duplicate actor id 'taliban'");
        Assert.Contains(errors, e => e.StartsWith($"data/actors/actors.yaml:{lines + 5}: actor 'overlap': role spans overlap", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_generic_ids_and_cue_keys_are_reported()
    {
        File.AppendAllLines(Path.Combine(_root, "lang", "fr", "actors-generic.tsv"), ["moines\tmonks"]);
        var errors = LoadFails().Errors;
        Assert.Contains(errors, e => e.StartsWith("data/lang/fr/actors-generic.tsv:", StringComparison.Ordinal) && e.EndsWith("unknown generic actor id 'monks'", StringComparison.Ordinal));
        // An unknown key of a YAML file is the language pack's schema check, before the actors load.
        File.AppendAllText(Path.Combine(_root, "lang", "fr", "actors-cues.yaml"), "verbes: [dit]\n");
        var schema = Assert.Throws<Vigie.Text.LanguageDataException>(() => ActorRecognizer.Load(_root));
        Assert.Contains(schema.Problems, e => e.StartsWith("lang/fr/actors-cues.yaml:", StringComparison.Ordinal) && e.Contains("unknown key 'verbes'", StringComparison.Ordinal));
    }
}
