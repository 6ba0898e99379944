using Vigie.Text;

namespace Vigie.Extraction.Engine;

/// <summary>One word or punctuation sign of a sentence, with its folded form and lexical readings.</summary>
public sealed class WordToken
{
    /// <summary>Creates a token.</summary>
    public WordToken(int start, int end, string folded, string[] lemmas, VerbForm forms, bool isWord, bool noun, bool finiteVerb)
    {
        Start = start;
        End = end;
        Folded = folded;
        Lemmas = lemmas;
        Forms = forms;
        IsWord = isWord;
        HasNounReading = noun;
        HasFiniteVerbReading = finiteVerb;
    }

    /// <summary>Offset of the first character in the document.</summary>
    public int Start { get; }

    /// <summary>Offset after the last character.</summary>
    public int End { get; }

    /// <summary>Lower case, no accents.</summary>
    public string Folded { get; }

    /// <summary>The folded form followed by every lemma the lexicon gives.</summary>
    public string[] Lemmas { get; }

    /// <summary>Every verb tense the form may be.</summary>
    public VerbForm Forms { get; }

    /// <summary>True for words and numbers, false for punctuation.</summary>
    public bool IsWord { get; }

    /// <summary>The form may be a noun.</summary>
    public bool HasNounReading { get; }

    /// <summary>The form may be a conjugated verb.</summary>
    public bool HasFiniteVerbReading { get; }

    /// <summary>True when the form or one of its lemmas is in the set.</summary>
    public bool Is(IReadOnlySet<string> words)
    {
        foreach (var l in Lemmas)
            if (words.Contains(l)) return true;
        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => Folded;
}

/// <summary>Gives the text layer's tokens of a sentence their lexical readings for pattern matching (the lexicon's lemmas
/// and tenses, and guesses from suffix rules), remembering the readings of each folded form.</summary>
public sealed class WordReader
{
    private const VerbForm Finite = VerbForm.Present | VerbForm.Imperfect | VerbForm.SimplePast | VerbForm.Future | VerbForm.Conditional | VerbForm.Subjunctive;
    private const int CacheLimit = 50_000;
    private readonly Lexicon _lexicon;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, WordTokenTemplate> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates a reader over a language's lexicon.</summary>
    public WordReader(Lexicon lexicon) => _lexicon = lexicon;

    private sealed record WordTokenTemplate(string Folded, string[] Lemmas, VerbForm Forms, bool Noun, bool Finite);

    /// <summary>The words and signs of one sentence of a document.</summary>
    public List<WordToken> Read(DocumentAnalysis document, Sentence sentence)
    {
        var tokens = new List<WordToken>(sentence.TokenCount);
        var all = document.Tokens;
        for (var k = sentence.FirstToken; k < sentence.FirstToken + sentence.TokenCount; k++)
        {
            var t = all[k];
            var isWord = t.Shape is not (TokenShape.Punct or TokenShape.Symbol);
            if (!_cache.TryGetValue(t.Folded, out var template))
            {
                template = isWord ? Read(t.Folded) : new WordTokenTemplate(t.Folded, [t.Folded], VerbForm.None, false, false);
                if (_cache.Count < CacheLimit) _cache.TryAdd(t.Folded, template);
            }
            tokens.Add(new WordToken(t.Start, t.End, template.Folded, template.Lemmas, template.Forms, isWord, template.Noun, template.Finite));
        }
        return tokens;
    }

    private WordTokenTemplate Read(string folded)
    {
        var readings = _lexicon.Lookup(folded);
        if (readings.Length == 0 && folded.Contains('\''))
        {
            // "l'armee" style forms not split (unknown elision): read the part after the apostrophe.
            var k = folded.LastIndexOf('\'');
            readings = _lexicon.Lookup(folded[(k + 1)..]);
        }
        var lemmas = new List<string>(readings.Length + 1) { folded };
        var forms = VerbForm.None;
        var noun = readings.Length == 0;
        var finite = false;
        foreach (var r in readings)
        {
            if (!lemmas.Contains(r.Lemma)) lemmas.Add(r.Lemma);
            if (r.Pos == 'v')
            {
                forms |= r.Forms;
                if ((r.Forms & Finite) != 0) finite = true;
            }
            else noun = true;
        }
        // Guessed lemmas for forms the dictionary lacks or reads otherwise ("raped": rap, rape).
        foreach (var rule in _lexicon.Suffixes)
        {
            if (folded.Length - rule.Suffix.Length < 3 || !folded.EndsWith(rule.Suffix, StringComparison.Ordinal)) continue;
            var guess = string.Concat(folded.AsSpan(0, folded.Length - rule.Suffix.Length), rule.Replacement);
            if (!lemmas.Contains(guess)) lemmas.Add(guess);
            forms |= rule.Forms;
            foreach (var r in _lexicon.Lookup(guess))
                if (!lemmas.Contains(r.Lemma)) lemmas.Add(r.Lemma);
        }
        return new WordTokenTemplate(folded, [.. lemmas], forms, noun, finite);
    }
}
