using System.Collections.Frozen;

namespace Vigie.Extraction.Actors;

/// <summary>Everything the actor recogniser reads from <c>data/</c>, validated.</summary>
internal sealed record ActorData(
    FrozenDictionary<string, ActorDefinition> Actors,
    FrozenDictionary<string, GenericActor> Generics,
    FrozenSet<string> Roles,
    FrozenDictionary<string, ActorLexicon> Languages);
