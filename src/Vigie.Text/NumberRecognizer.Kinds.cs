namespace Vigie.Text;

/// <summary>The counted kind: the noun the number modifies, and the verb of harm of its own clause.</summary>
internal sealed partial class NumberRecognizer
{
    private const int NounWindow = 4;
    private const int VerbWindow = 7;
    private const int CoordinatedNumberWindow = 4;
    private const int ObjectWindow = 3;
    private const int TollWindow = 6;
    private const int HarmNounAtoms = 4;

    /// <summary>The kind of what is counted: the noun after the number ("8 000 soldats" → troops), made fatalities,
    /// injured, detained… for people by a word of harm of the number's clause that they suffer: after the noun ("183
    /// civils ont été tués", "42 soldats tués", "une trentaine de personnes ont perdu la vie"), or before the number
    /// that is its object ("tuant 12 personnes", "killed 12 and wounded 30"). People who do the harm keep their kind
    /// ("trois assaillants ont tué …", "gunmen killed 12 …"); a noun further on never counts.</summary>
    private string? CountedKind(Atom[] atoms, List<Token> tokens, int first, int start, int end, out bool human, out int nounEnd, out int nounStart)
    {
        human = false;
        nounEnd = -1;
        nounStart = -1;
        string? kind = null;
        var skipped = 0;
        var afterNoun = end;
        var ellipsis = false;
        for (var k = end; k < atoms.Length && k < end + NounWindow + 1; k++)
        {
            var t = atoms[k].Text;
            if (_lex.Nouns.Match(atoms, k, out var ne) is { } noun) { kind = noun; afterNoun = ne; nounEnd = ne; nounStart = k; break; }
            if (_lex.Of.Contains(t) && k == end) continue;
            if (_lex.Ellipsis.Contains(t)) { ellipsis = true; afterNoun = k + 1; continue; }
            if (atoms[k].IsWord && !_lex.Stopwords.Contains(t) && !_lex.Verbs.Starts(t) && !_lex.Voice.Coordinators.Contains(t) && skipped < 2) { skipped++; continue; }
            break;
        }
        human = kind is null ? ellipsis : _lex.HumanKinds.Contains(kind);
        if (kind is not null && !human) return kind;
        var sentence = tokens[atoms[start].Token].Sentence;
        var voice = _lex.Voice;

        // The word of harm after the counted noun, in the same clause; a coordinated number shares it ("12 soldats et
        // 3 civils ont été tués"), a coordinated verb does not ("killed 12 and wounded 30").
        HarmVerb? after = null;
        var agent = false;
        var crossed = false;
        var auxiliary = false;
        var included = false;
        var limit = afterNoun + VerbWindow;
        for (var v = afterNoun; v < atoms.Length && v < limit; v++)
        {
            var av = atoms[v];
            if (tokens[av.Token].Sentence != sentence || av.Text is ";" or ":") break;
            if (StartsNumber(atoms, v))
            {
                if (v > afterNoun && voice.Coordinators.Contains(atoms[v - 1].Text)) { crossed = true; limit += CoordinatedNumberWindow; continue; }
                if (v > afterNoun && voice.Inclusions.Contains(atoms[v - 1].Text)) { included = true; limit += CoordinatedNumberWindow; continue; }
                break;
            }
            // "15 soldats, dont deux officiers, ont été tués": the comma closes the part, as a bracket does ("between 6 and
            // 8 (including 3 officers) were wounded"); "12 blessés, dont 3 graves" does not.
            if (av.Text is "," or ")" && included) { included = false; continue; }
            if (voice.Coordinators.Contains(av.Text) && v + 1 < atoms.Length && StartsClause(atoms, v + 1)) break;
            if (_lex.Verbs.Match(atoms, v, out var ve) is { } hv)
            {
                if (included) break;
                // "après la mort de …", "to protect the wounded": a noun of another phrase, not this clause's verb.
                if (v > afterNoun && voice.Determiners.Contains(atoms[v - 1].Text)) break;
                after = hv;
                agent = IsAgent(atoms, afterNoun, v, ve, hv);
                break;
            }
            // The participle after an auxiliary is the clause's verb: "ont été déployés" ends the search, unless a verb of
            // harm is coordinated with it ("were shot and injured", "ont été frappés et blessés").
            if (auxiliary && av.IsWord && !voice.IsAuxiliary(av.Text) && !voice.IsAdverb(av.Text) && !_lex.Stopwords.Contains(av.Text))
            {
                if (v + 2 < atoms.Length && voice.Coordinators.Contains(atoms[v + 1].Text) && _lex.Verbs.Match(atoms, v + 2, out var ce) is { } coordinated)
                {
                    after = coordinated;
                    agent = IsAgent(atoms, afterNoun, v + 2, ce, coordinated);
                }
                break;
            }
            if (voice.IsAuxiliary(av.Text)) auxiliary = true;
        }
        if (agent) return kind;

        // The word of harm the number is the object of: "tuant 12 personnes", "ont tué au moins 12", not "par 3 hommes".
        string? before = null;
        for (var v = start - 1; v >= 0 && v >= start - ObjectWindow; v--)
        {
            var av = atoms[v];
            if (tokens[av.Token].Sentence != sentence || av.Shape == TokenShape.Number || voice.AgentMarkers.Contains(av.Text) || voice.Subordinators.Contains(av.Text)) break;
            if (_lex.Verbs.Match(atoms, v, out var be) is { } bv && be <= start) { before = bv.Kind; break; }
        }
        if (after is not null && !(crossed && before is not null)) return after.Kind;
        if (before is not null) return before;
        // "la mort de 12 civils", "the arrest of at least 40 protesters".
        if (_lex.HarmNouns.MatchEndingAt(atoms, first, HarmNounAtoms, out var hs) is { } harm && tokens[atoms[hs].Token].Sentence == sentence) return harm;
        return kind ?? (nounEnd < 0 ? TollBefore(atoms, tokens, start, sentence) : null);
    }

    /// <summary>The kind of a toll a bare number completes: "le bilan s'élève à 45", "the death toll rose to 45".</summary>
    private string? TollBefore(Atom[] atoms, List<Token> tokens, int start, int sentence)
    {
        if (atoms[start].Shape == TokenShape.Number && IsYearLike(atoms[start].Text)) return null;
        for (var v = start - 1; v >= 0 && v >= start - TollWindow; v--)
        {
            if (tokens[atoms[v].Token].Sentence != sentence || atoms[v].Shape == TokenShape.Number || atoms[v].Text is "," or ";") break;
            if (_lex.Tolls.Match(atoms, v, out var te) is { } toll && te <= start) return toll;
        }
        return null;
    }

    /// <summary>Whether the counted noun before a word of harm did the harm: an active form, or a participle after an
    /// active auxiliary ("ont tué") or before an object ("killed the mayor", "killed 12").</summary>
    private bool IsAgent(Atom[] atoms, int from, int verb, int verbEnd, HarmVerb hv)
    {
        if (hv.Form == HarmForm.Undergone) return false;
        if (hv.Form == HarmForm.Active) return true;
        var voice = _lex.Voice;
        var active = false;
        for (var k = from; k < verb; k++)
        {
            if (voice.PassiveAuxiliaries.Contains(atoms[k].Text)) return false;
            if (voice.ActiveAuxiliaries.Contains(atoms[k].Text)) active = true;
        }
        if (active) return true;
        if (verbEnd >= atoms.Length) return false;
        return voice.ObjectStarts.Contains(atoms[verbEnd].Text) || (voice.NumbersAreObjects && StartsNumber(atoms, verbEnd));
    }

    /// <summary>Digits, or a number word that is a number by itself ("three", "douze"; not an article).</summary>
    private bool StartsNumber(Atom[] atoms, int i) =>
        atoms[i].Shape == TokenShape.Number
        || (atoms[i].IsWord && _lex.Words.Match(atoms, i, out _) is { } w && (w.Cardinal is not null && !w.Weak || w.Hundred is not null || w.PluralGroup is not null));

    /// <summary>Whether a new clause starts here: a word of harm or an auxiliary ("… and wounded 30", "et ont blessé").</summary>
    private bool StartsClause(Atom[] atoms, int i)
    {
        // Clitics and function words may come first: "et en a blessé 30".
        for (var k = i; k < atoms.Length && k <= i + 2; k++)
        {
            if (_lex.Verbs.Match(atoms, k, out _) is not null || _lex.Voice.IsAuxiliary(atoms[k].Text)) return true;
            if (!_lex.Stopwords.Contains(atoms[k].Text) && !_lex.Voice.IsAdverb(atoms[k].Text)) return false;
        }
        return false;
    }
}
