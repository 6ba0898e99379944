using System.Collections.Frozen;

namespace Vigie.Text;

/// <summary>How a word of harm relates to the counted noun before it.</summary>
internal enum HarmForm
{
    /// <summary>A past participle or past tense ("tués", "killed"): the counted suffered it unless the clause is active.</summary>
    Participle,
    /// <summary>A finite or present-participle form ("tuent", "killing"): after the counted noun, the counted did it.</summary>
    Active,
    /// <summary>Something only suffered ("morts", "ont perdu la vie", "died"): the counted suffered it whatever the voice.</summary>
    Undergone,
}

/// <summary>A word or phrase of harm from <c>quantity-verbs.tsv</c> and the kind it makes of the people it counts.</summary>
internal sealed record HarmVerb(string Kind, HarmForm Form);

/// <summary>The words that tell the voice of a clause and its bounds (<c>numbers.yaml</c>, <c>voice</c>): who did the
/// harm ("trois assaillants ont tué …", "gunmen killed 12 …") and who suffered it ("12 soldats ont été tués").</summary>
internal sealed class Voice
{
    /// <summary>Auxiliaries of the active voice: "ont tué", "have killed".</summary>
    public required FrozenSet<string> ActiveAuxiliaries { get; init; }
    /// <summary>Auxiliaries of the passive voice; they win over an active one before them ("ont été tués").</summary>
    public required FrozenSet<string> PassiveAuxiliaries { get; init; }
    /// <summary>Words that start an object right after a participle, which makes it active ("killed the mayor").</summary>
    public required FrozenSet<string> ObjectStarts { get; init; }
    /// <summary>Whether a number right after a participle is its object ("gunmen killed 12"); not in French, where a
    /// participle after its noun is passive and a number after it starts a time ("tués 3 jours plus tôt").</summary>
    public required bool NumbersAreObjects { get; init; }
    /// <summary>Words that join clauses: a verb after one belongs to the next clause ("killed 12 and wounded 30").</summary>
    public required FrozenSet<string> Coordinators { get; init; }
    /// <summary>Words that introduce the agent: a verb before one does not count the number after it ("killed by 3 gunmen").</summary>
    public required FrozenSet<string> AgentMarkers { get; init; }
    /// <summary>Words that open a subordinate clause: a verb before one is not the verb of a number after it ("were
    /// injured when 2,000 protesters clashed").</summary>
    public required FrozenSet<string> Subordinators { get; init; }
    /// <summary>Determiners: a word of harm after one is a noun of another phrase ("après la mort de", "the wounded").</summary>
    public required FrozenSet<string> Determiners { get; init; }
    /// <summary>Endings of adverbs that may stand between an auxiliary and its participle ("grièvement", "seriously").</summary>
    public required string[] AdverbEndings { get; init; }

    /// <summary>Adverbs that end in no telling way ("aussi", "also"); they too may stand before the participle.</summary>
    public required FrozenSet<string> Adverbs { get; init; }
    /// <summary>Words that start an included part ("dont", "including"): the number after one is part of the counted
    /// and the verb after the part's closing comma is the whole's ("15 soldats, dont deux officiers, ont été tués").</summary>
    public required FrozenSet<string> Inclusions { get; init; }

    public bool IsAuxiliary(string word) => ActiveAuxiliaries.Contains(word) || PassiveAuxiliaries.Contains(word);

    public bool IsAdverb(string word)
    {
        if (Adverbs.Contains(word)) return true;
        foreach (var e in AdverbEndings)
            if (word.Length > e.Length + 2 && word.EndsWith(e, StringComparison.Ordinal)) return true;
        return false;
    }

    public static Voice Load(YamlFile y, Func<string, string[]> phrase)
    {
        var map = y.Mapping(y.Root, "voice");
        FrozenSet<string> Set(string key) => map is null ? FrozenSet<string>.Empty
            : y.Strings(map, key).SelectMany(s => phrase(s.Value)).ToFrozenSet(StringComparer.Ordinal);
        var numbers = map is null ? null : y.Scalar(map, "numbers_are_objects");
        if (numbers is not (null or "true" or "false") && map is not null) y.Problem(map, "numbers_are_objects must be true or false");
        return new Voice
        {
            ActiveAuxiliaries = Set("active_auxiliaries"),
            PassiveAuxiliaries = Set("passive_auxiliaries"),
            ObjectStarts = Set("object_starts"),
            NumbersAreObjects = numbers == "true",
            Coordinators = Set("coordinators"),
            AgentMarkers = Set("agent_markers"),
            Subordinators = Set("subordinators"),
            Determiners = Set("determiners"),
            Adverbs = Set("adverbs"),
            Inclusions = Set("inclusions"),
            AdverbEndings = map is null ? [] : [.. y.Strings(map, "adverb_endings").Select(e => Folding.Fold(e.Value))],
        };
    }
}
