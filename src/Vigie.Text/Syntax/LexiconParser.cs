namespace Vigie.Text.Syntax;

/// <summary>The parser of a language without a syntax model: one word per token, untagged (<see cref="Upos.X"/>),
/// lemma from the lexicon (the token's folded form when it has none), every word attached to the root.</summary>
public sealed class LexiconParser(Lexicon lexicon) : ISentenceParser
{
    /// <inheritdoc/>
    public ParsedSentence Parse(TextAnalysis text, Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new Word[sentence.TokenCount];
        for (var k = 0; k < words.Length; k++)
        {
            var index = sentence.FirstToken + k;
            var t = text.Tokens[index];
            var readings = lexicon.Lookup(t.Folded);
            var lemma = readings.Length > 0 ? readings[0].Lemma : t.Folded;
            words[k] = new Word(index, t.Start, t.End, t.TextOf(text.Text), lemma, Upos.X, "", 0, "_");
        }
        return new ParsedSentence(sentence.Index, words);
    }
}
