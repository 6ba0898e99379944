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

/// <summary>Splits a sentence into words and signs for pattern matching, splitting elided articles and clitics
/// as the language data says (French <c>l'</c>, <c>s'</c>; English <c>'s</c>, <c>n't</c>).</summary>
public sealed class WordSplitter
{
    private const VerbForm Finite = VerbForm.Present | VerbForm.Imperfect | VerbForm.SimplePast | VerbForm.Future | VerbForm.Conditional | VerbForm.Subjunctive;
    private readonly Lexicon _lexicon;
    private readonly HashSet<string> _elisions;
    private readonly string[] _clitics;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, WordTokenTemplate> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates a splitter.</summary>
    public WordSplitter(Lexicon lexicon, IEnumerable<string> elisions, IEnumerable<string> clitics)
    {
        _lexicon = lexicon;
        _elisions = new HashSet<string>(elisions.Select(e => Folding.Fold(e)), StringComparer.Ordinal);
        _clitics = [.. clitics.Select(c => Folding.Fold(c)).OrderByDescending(c => c.Length)];
    }

    private sealed record WordTokenTemplate(string Folded, string[] Lemmas, VerbForm Forms, bool Noun, bool Finite);

    /// <summary>The tokens of <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public List<WordToken> Split(string text, int start, int end)
    {
        var tokens = new List<WordToken>();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsLetterOrDigit(c))
            {
                var s = i;
                while (i < end)
                {
                    var ch = text[i];
                    if (char.IsLetterOrDigit(ch)) { i++; continue; }
                    if ((ch is '-' or '\'' or '\u2019' or '.') && i + 1 < end && char.IsLetterOrDigit(text[i + 1])
                        && (ch != '.' || (char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))))
                    {
                        if (ch is '\'' or '\u2019' && _elisions.Contains(Folding.Fold(text.AsSpan(s, i + 1 - s))))
                        {
                            AddWord(tokens, text, s, i + 1);
                            s = i + 1;
                        }
                        i++;
                        continue;
                    }
                    break;
                }
                // A word ending in an apostrophe that is an elision (l' before a quote or a number).
                if (i < end && text[i] is '\'' or '\u2019' && _elisions.Contains(Folding.Fold(text.AsSpan(s, i + 1 - s))))
                {
                    i++;
                }
                AddWordWithClitics(tokens, text, s, i);
                continue;
            }
            // A sign; runs of the same sign (..., --) are one token.
            var p = i;
            i++;
            while (i < end && text[i] == c && !char.IsLetterOrDigit(c)) i++;
            var folded = Folding.Fold(text.AsSpan(p, i - p));
            tokens.Add(new WordToken(p, i, folded, [folded], VerbForm.None, false, false, false));
        }
        return tokens;
    }

    private void AddWordWithClitics(List<WordToken> tokens, string text, int s, int e)
    {
        var folded = Folding.Fold(text.AsSpan(s, e - s));
        foreach (var clitic in _clitics)
        {
            if (folded.Length > clitic.Length + 1 && folded.EndsWith(clitic, StringComparison.Ordinal) && folded.Length == e - s)
            {
                AddWord(tokens, text, s, e - clitic.Length);
                AddWord(tokens, text, e - clitic.Length, e);
                return;
            }
        }
        AddWord(tokens, text, s, e);
    }

    private void AddWord(List<WordToken> tokens, string text, int s, int e)
    {
        // Known words are looked up by their folded span, without allocating a string.
        Span<char> buffer = stackalloc char[48];
        var n = Folding.Fold(text.AsSpan(s, e - s), buffer);
        WordTokenTemplate? t = null;
        if (n >= 0 && _cache.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(buffer[..n], out var cached)) t = cached;
        if (t is null)
        {
            var folded = Folding.Fold(text.AsSpan(s, e - s));
            t = Read(folded);
            if (_cache.Count < 50_000) _cache.TryAdd(folded, t);
        }
        tokens.Add(new WordToken(s, e, t.Folded, t.Lemmas, t.Forms, true, t.Noun, t.Finite));
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
