namespace Vigie.Extraction.Actors;

/// <summary>One word part or punctuation mark of the text as the actor recogniser reads it, with offsets into the original text.</summary>
internal readonly record struct ActorToken(int Start, int End, string Folded, bool IsWord, bool IsCapitalized, bool IsUpper, int Sentence);
