namespace Vigie.Text.Syntax;

/// <summary>Parses a sentence of the text layer: its tokens become syntactic words (multiword tokens split), which
/// the language's model tags, lemmatises and parses; every word keeps its token's offsets.</summary>
public sealed class TokenSentenceParser : ISentenceParser
{
    private readonly SyntaxAnalyzer _analyzer;

    /// <summary>Wraps a trained model.</summary>
    public TokenSentenceParser(SyntaxAnalyzer analyzer) => _analyzer = analyzer;

    /// <inheritdoc/>
    public ParsedSentence Parse(TextAnalysis text, Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(text);
        var forms = new string[sentence.TokenCount];
        for (var i = 0; i < forms.Length; i++) forms[i] = text.Tokens[sentence.FirstToken + i].TextOf(text.Text);
        var words = _analyzer.Words(forms);
        if (words.Count == 0) return new ParsedSentence(sentence.Index, []);
        var wordForms = new string[words.Count];
        for (var i = 0; i < wordForms.Length; i++) wordForms[i] = words[i].Form;
        var a = _analyzer.Analyze(wordForms);
        var result = new Word[words.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var token = text.Tokens[sentence.FirstToken + words[i].Token];
            result[i] = new Word(sentence.FirstToken + words[i].Token, token.Start, token.End, words[i].Form, a.Lemmas[i], a.Tags[i], a.Feats[i], a.Heads[i], a.Relations[i]);
        }
        return new ParsedSentence(sentence.Index, result);
    }
}
