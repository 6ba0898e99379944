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
        var a = _analyzer.Analyze(wordForms, DatePhrases(text, sentence, words));
        var result = new Word[words.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var token = text.Tokens[sentence.FirstToken + words[i].Token];
            result[i] = new Word(sentence.FirstToken + words[i].Token, token.Start, token.End, words[i].Form, a.Lemmas[i], a.Tags[i], a.Feats[i], a.Heads[i], a.Relations[i]);
        }
        return new ParsedSentence(sentence.Index, result);
    }

    // Each date of two words or more that the text layer read in the sentence is a closed phrase: its words carry the
    // date's number (from 1; negative for an opening adverbial), the others 0. Dates are in text order, so the first one of the sentence is found by halving.
    private static int[] DatePhrases(TextAnalysis text, Sentence sentence, List<(string Form, int Token)> words)
    {
        var phrases = new int[words.Count];
        var dates = text.Dates;
        int lo = 0, hi = dates.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (dates[mid].End <= sentence.Start) lo = mid + 1; else hi = mid;
        }
        var number = 0;
        for (var d = lo; d < dates.Count && dates[d].Start < sentence.End; d++)
        {
            var (start, end) = (dates[d].Start, dates[d].End);
            int first = -1, last = -1;
            for (var i = 0; i < words.Count; i++)
            {
                var token = text.Tokens[sentence.FirstToken + words[i].Token];
                if (token.Start < start || token.End > end) continue;
                if (first < 0) first = i;
                last = i;
            }
            if (first < 0 || last == first) continue;
            number++;
            // Opening the sentence (after at most a preposition outside it) and closed by a comma: an adverbial.
            var fronted = first <= 1 && last + 1 < words.Count && words[last + 1].Form == ",";
            for (var i = first; i <= last; i++) phrases[i] = fronted ? -number : number;
        }
        return phrases;
    }
}
