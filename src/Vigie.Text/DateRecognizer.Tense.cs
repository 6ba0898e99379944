namespace Vigie.Text;

/// <summary>The tense of the clause around a date, from the language's tense words (dates.yaml <c>tense</c>) and the
/// verb forms of its lexicon.</summary>
internal sealed partial class DateRecognizer
{
    /// <summary>Whether the clause around a date is told in the past: a past word or ending and no future or modal word
    /// in its sentence ("killed 50 in two days" against "will withdraw in ten days").</summary>
    private bool IsPastClause(Atom[] atoms, List<Token> tokens, int start, int end)
    {
        var sentence = tokens[atoms[start].Token].Sentence;
        var past = false;
        for (var k = start - 1; k >= 0 && tokens[atoms[k].Token].Sentence == sentence; k--)
            if (Cue(atoms[k], ref past)) return false;
        for (var k = end; k < atoms.Length && tokens[atoms[k].Token].Sentence == sentence; k++)
            if (Cue(atoms[k], ref past)) return false;
        return past;
    }

    /// <summary>True for a future or modal word; sets <paramref name="past"/> for a past one.</summary>
    private bool Cue(in Atom a, ref bool past)
    {
        if (!a.IsWord) return false;
        if (_lex.FutureCues.Contains(a.Text)) return true;
        if (past) return false;
        if (_lex.PastCues.Contains(a.Text) || EndsLikeParticiple(a.Text)) past = true;
        return false;
    }

    /// <summary>Whether the verb that governs a date is a future: the nearest tense word before it in its sentence, else
    /// the nearest after it (a date put first: "On Thursday, the council will meet"). A future or modal word or a
    /// synthetic future or conditional ("réunira", "attaquerait") is future; a past word, a simple past or imperfect
    /// ("attaqua", "était"), or a participle not governed by a future ("a déclaré", "seized"; not "will be deployed") is past.</summary>
    private bool IsFutureNear(Atom[] atoms, List<Token> tokens, int start, int end)
    {
        var sentence = tokens[atoms[start].Token].Sentence;
        for (var k = start - 1; k >= 0 && tokens[atoms[k].Token].Sentence == sentence; k--)
            if (TenseAt(atoms, k) is { } future) return future;
        for (var k = end; k < atoms.Length && tokens[atoms[k].Token].Sentence == sentence; k++)
            if (TenseAt(atoms, k) is { } future) return future;
        return false;
    }

    private const int ParticipleAuxiliaryWindow = 3;

    /// <summary>True for a future word, false for a past one, null for neither.</summary>
    private bool? TenseAt(Atom[] atoms, int k)
    {
        var a = atoms[k];
        if (!a.IsWord) return null;
        if (_lex.FutureCues.Contains(a.Text)) return true;
        if (_lex.PastCues.Contains(a.Text)) return FutureBefore(atoms, k) ? null : false;
        // Names are no verbs: the lexicon and the endings read lower-case words only.
        if (a.Shape != TokenShape.Word) return null;
        var forms = VerbForm.None;
        foreach (var r in _words.Lookup(a.Text)) forms |= r.Forms;
        if ((forms & (VerbForm.Future | VerbForm.Conditional)) != 0) return true;
        var participle = (forms & VerbForm.PastParticiple) != 0 || EndsLikeParticiple(a.Text);
        // "a déclaré", "has said": a participle after a perfect auxiliary (one adverb between at most) is a past,
        // even where folding makes it a present too ("declare").
        if (participle)
            for (var j = k - 1; j >= 0 && j >= k - 2 && atoms[j].IsWord; j--)
                if (_lex.PerfectAuxiliaries.Contains(atoms[j].Text)) return false;
        // A form that may also be a present or an infinitive ("hit", "set", "dit") tells nothing.
        if ((forms & (VerbForm.Present | VerbForm.Infinitive)) != 0) return null;
        if (!participle) return (forms & (VerbForm.SimplePast | VerbForm.Imperfect)) != 0 ? false : null;
        return FutureBefore(atoms, k) ? null : false;
    }

    /// <summary>"will be deployed", "will be held", "sera pris": a future just before a participle is the clause's
    /// tense, found next.</summary>
    private bool FutureBefore(Atom[] atoms, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - ParticipleAuxiliaryWindow; j--)
            if (atoms[j].IsWord && _lex.FutureCues.Contains(atoms[j].Text)) return true;
        return false;
    }

    private bool EndsLikeParticiple(string word)
    {
        foreach (var suffix in _lex.PastSuffixes)
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal)) return true;
        return false;
    }
}
