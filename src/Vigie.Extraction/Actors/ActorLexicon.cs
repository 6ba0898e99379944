using System.Collections.Frozen;

namespace Vigie.Extraction.Actors;

/// <summary>One language's actor words: the alias trie and the cue lists of the metonymy, demonym and coreference rules.</summary>
internal sealed class ActorLexicon
{
    public required string Language { get; init; }
    public required AliasTrie Trie { get; init; }
    public required FrozenDictionary<string, AliasEntry> NamesByAlias { get; init; }
    public required FrozenSet<string> ActorVerbs { get; init; }
    public required FrozenSet<string> PassiveMarkers { get; init; }
    public required FrozenSet<string> PlaceBefore { get; init; }
    public required FrozenSet<string> Articles { get; init; }
    public required FrozenSet<string> QualifierLinks { get; init; }
    public required FrozenSet<string> PossessiveMarks { get; init; }
    /// <summary>Nouns of a party's people ("official", "membre"): a party named with one is that person, not its arms.</summary>
    public required FrozenSet<string> MemberNouns { get; init; }
    public required FrozenSet<string> NonSubjectBefore { get; init; }
    public required FrozenSet<string> PeopleDeterminers { get; init; }
    public required bool DemonymAfterNoun { get; init; }
    public required bool DemonymNounNeedsCapital { get; init; }
    public required int CoreferenceWindow { get; init; }
}
