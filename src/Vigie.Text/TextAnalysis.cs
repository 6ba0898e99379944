using Vigie.Core;

namespace Vigie.Text;

/// <summary>Everything the text layer read in one document: sentences, tokens, numbers and dates, all with offsets into <see cref="Text"/>.</summary>
public sealed record TextAnalysis(
    string Text,
    string Language,
    IReadOnlyList<Sentence> Sentences,
    IReadOnlyList<Token> Tokens,
    IReadOnlyList<NumberMention> Numbers,
    IReadOnlyList<DateMention> Dates);

/// <summary>A sentence: character offsets into the original text (<c>End</c> exclusive) and its token range.</summary>
/// <remarks><c>Index</c> is 0-based in document order; <c>Paragraph</c> is the 1-based line of the document text the
/// sentence lies on (blank lines count, as gold files' <c>paragraph</c> does).</remarks>
public readonly record struct Sentence(int Index, int Paragraph, int Start, int End, int FirstToken, int TokenCount)
{
    /// <summary>The sentence's text.</summary>
    public string TextOf(string text) => text[Start..End];
}

/// <summary>How a token looks in the original text.</summary>
public enum TokenShape : byte
{
    /// <summary>A lower-case word.</summary>
    Word,
    /// <summary>A word with an upper-case first letter and lower-case rest.</summary>
    Capitalized,
    /// <summary>A word of upper-case letters only (acronyms, shouting).</summary>
    Upper,
    /// <summary>A word mixing cases in another way (McConnell, iPhone).</summary>
    Mixed,
    /// <summary>Digits, possibly with inner separators: <c>8,000</c>, <c>1,5</c>, <c>03/08/2021</c>.</summary>
    Number,
    /// <summary>Digits followed by letters: <c>1er</c>, <c>3rd</c>, <c>150km</c>.</summary>
    NumberWithSuffix,
    /// <summary>Punctuation: <c>. , ; : ? ! " « » ( ) -</c>.</summary>
    Punct,
    /// <summary>Any other symbol: <c>% $ € /</c>.</summary>
    Symbol,
}

/// <summary>A token: character offsets into the original text, its folded form (lower case, no accents, typographic
/// apostrophes and hyphens made ASCII, soft hyphens dropped) for dictionary lookups, its shape and its sentence.</summary>
/// <remarks>French elisions are their own token ending in an apostrophe (<c>l'</c>, <c>jusqu'</c>); English clitics
/// start with one (<c>'s</c>, <c>n't</c>); words joined by hyphens stay one token (<c>cessez-le-feu</c>,
/// <c>vingt-deux</c>). <c>Folded</c> strings of frequent words are shared, so comparing them is cheap.</remarks>
public readonly record struct Token(int Start, int End, string Folded, TokenShape Shape, int Sentence = 0)
{
    /// <summary>The token's length in the original text.</summary>
    public int Length => End - Start;

    /// <summary>Whether the token is a word (any letter case).</summary>
    public bool IsWord => Shape <= TokenShape.Mixed;

    /// <summary>Whether the token starts with an upper-case letter.</summary>
    public bool IsCapitalized => Shape is TokenShape.Capitalized or TokenShape.Upper or TokenShape.Mixed;

    /// <summary>The token's text in the original document.</summary>
    public string TextOf(string text) => text[Start..End];
}

/// <summary>A language data file is missing or wrong; the message lists every problem as <c>file:line: what</c>.</summary>
public sealed class LanguageDataException : Exception
{
    /// <summary>Every problem found, one <c>file:line: what</c> each.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Creates the exception from the problems found.</summary>
    public LanguageDataException(IReadOnlyList<string> problems)
        : base("Invalid language data:" + Environment.NewLine + string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>Creates the exception from one message.</summary>
    public LanguageDataException(string message) : base(message) => Problems = [message];

    /// <summary>Creates the exception from one message and its cause.</summary>
    public LanguageDataException(string message, Exception inner) : base(message, inner) => Problems = [message];

    /// <summary>Creates an exception without a message.</summary>
    public LanguageDataException() : this("Invalid language data.") { }
}
