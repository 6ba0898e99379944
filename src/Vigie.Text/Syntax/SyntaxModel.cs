namespace Vigie.Text.Syntax;

/// <summary>Universal part-of-speech tags (https://universaldependencies.org/u/pos/).</summary>
public enum Upos : byte
{
    /// <summary>Unknown or not tagged.</summary>
    X,
    /// <summary>Adjective.</summary>
    ADJ,
    /// <summary>Adposition.</summary>
    ADP,
    /// <summary>Adverb.</summary>
    ADV,
    /// <summary>Auxiliary.</summary>
    AUX,
    /// <summary>Coordinating conjunction.</summary>
    CCONJ,
    /// <summary>Determiner.</summary>
    DET,
    /// <summary>Interjection.</summary>
    INTJ,
    /// <summary>Noun.</summary>
    NOUN,
    /// <summary>Numeral.</summary>
    NUM,
    /// <summary>Particle.</summary>
    PART,
    /// <summary>Pronoun.</summary>
    PRON,
    /// <summary>Proper noun.</summary>
    PROPN,
    /// <summary>Punctuation.</summary>
    PUNCT,
    /// <summary>Subordinating conjunction.</summary>
    SCONJ,
    /// <summary>Symbol.</summary>
    SYM,
    /// <summary>Verb.</summary>
    VERB,
}

/// <summary>A syntactic word of a sentence as Universal Dependencies counts them: a token, or one part of a multiword
/// token (French <c>du</c> = <c>de</c> + <c>le</c>), with its lemma, tag, features and head.</summary>
/// <param name="Token">The index of the token (in <see cref="TextAnalysis.Tokens"/>) the word belongs to.</param>
/// <param name="Start">Start offset in the original text (the token's, for every part of a multiword token).</param>
/// <param name="End">End offset (exclusive) in the original text.</param>
/// <param name="Form">The word's form (for a part of a multiword token, the part: <c>de</c>, <c>le</c>).</param>
/// <param name="Lemma">The lemma, lower case unless a proper noun.</param>
/// <param name="Upos">The UD universal part-of-speech tag.</param>
/// <param name="Feats">UD morphological features (<c>Gender=Masc|Number=Sing</c>), or empty.</param>
/// <param name="Head">The head's index in the sentence's words, 1-based; 0 for the root.</param>
/// <param name="Relation">The UD relation to the head (<c>nsubj</c>, <c>obl:agent</c>…).</param>
public readonly record struct Word(int Token, int Start, int End, string Form, string Lemma, Upos Upos, string Feats, int Head, string Relation);

/// <summary>One sentence's words with their tree; <see cref="Words"/>[i] is word number i + 1 in UD's numbering.</summary>
public sealed record ParsedSentence(int Sentence, IReadOnlyList<Word> Words);

/// <summary>Tags and parses the sentences of a text analysis; one implementation per loaded language model.</summary>
public interface ISentenceParser
{
    /// <summary>The words and dependency tree of one sentence of <paramref name="text"/>.</summary>
    ParsedSentence Parse(TextAnalysis text, Sentence sentence);
}
