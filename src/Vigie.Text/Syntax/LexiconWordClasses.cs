using System.Collections.Concurrent;

namespace Vigie.Text.Syntax;

/// <summary>What the tagger and lemmatiser read from a language pack's lemma lexicon (generated from Hunspell): the
/// parts of speech it gives a form, as a short sorted code (<c>nv</c>: noun or verb), and its lemma for a class.</summary>
public sealed class LexiconWordClasses : IWordClasses
{
    private readonly Lexicon _lexicon;
    // A handful of distinct codes exist (one per set of classes); each is made once.
    private readonly ConcurrentDictionary<string, string> _codes = new(StringComparer.Ordinal);

    /// <summary>Reads from a pack's lexicon.</summary>
    public LexiconWordClasses(Lexicon lexicon) => _lexicon = lexicon;

    /// <inheritdoc/>
    public string? ClassesOf(string lowerForm)
    {
        ArgumentNullException.ThrowIfNull(lowerForm);
        if (lowerForm.Length > 64) return null;
        Span<char> folded = stackalloc char[128];
        var readings = _lexicon.Lookup(folded[..Folding.Fold(lowerForm, folded)]);
        if (readings.Length == 0) return null;
        Span<char> code = stackalloc char[readings.Length];
        var n = 0;
        foreach (var r in readings)
            if (code[..n].IndexOf(r.Pos) < 0) code[n++] = r.Pos;
        code[..n].Sort();
        var key = code[..n];
        var lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(key, out var shared) ? shared : _codes.GetOrAdd(new string(key), static k => k);
    }

    /// <inheritdoc/>
    public string? LemmaOf(string lowerForm, Upos tag)
    {
        ArgumentNullException.ThrowIfNull(lowerForm);
        var pos = tag switch { Upos.VERB or Upos.AUX => 'v', Upos.NOUN => 'n', Upos.ADJ => 'a', _ => '\0' };
        if (pos == '\0' || lowerForm.Length > 64) return null;
        Span<char> buffer = stackalloc char[128];
        var folded = buffer[..Folding.Fold(lowerForm, buffer)];
        foreach (var r in _lexicon.Lookup(folded))
        {
            if (r.Pos != pos) continue;
            // Lexicon lemmas are folded; where folding kept the form's length, the shared beginning takes the form's
            // own letters back (éclatèrent → éclater, not eclater), the stem only: a verb's lemma ends in letters of
            // its own (revendiqué → revendiquer, not revendiquér; créé → créer).
            if (folded.Length != lowerForm.Length) return r.Lemma;
            var common = folded.CommonPrefixLength(r.Lemma);
            if (pos == 'v') common = Math.Min(common, Math.Max(0, r.Lemma.Length - 2));
            return string.Concat(lowerForm.AsSpan(0, common), r.Lemma.AsSpan(common));
        }
        return null;
    }
}
