using System.Collections.Frozen;
using Vigie.Extraction.Patterns;
using Vigie.Text;
using Vigie.Text.Syntax;

namespace Vigie.Extraction.Engine;

/// <summary>The dependency tree of one sentence laid over the tokens of its <see cref="SentenceView"/>: for each token
/// its word, and for each word its head, relation, lemma, tag and features, with the questions the event rules ask of a
/// tree (which clause a word belongs to, who governs it, which of its dependents hold a mention).</summary>
internal sealed class ClauseTree
{
    private readonly Word[] _words;
    private readonly int[] _head;
    private readonly string[] _lemma;
    private readonly List<int>?[] _children;
    private readonly int[] _tokenWord;
    private readonly int[] _wordToken;
    private readonly FrozenSet<string> _affiliations;

    private ClauseTree(Word[] words, int[] head, string[] lemma, List<int>?[] children, int[] tokenWord, int[] wordToken, FrozenSet<string> affiliations)
    {
        _affiliations = affiliations;
        _words = words;
        _head = head;
        _lemma = lemma;
        _children = children;
        _tokenWord = tokenWord;
        _wordToken = wordToken;
    }

    /// <summary>The tree of a sentence, or null when the language has no parser model (every word on the root).</summary>
    /// <param name="document">The document, which parses its sentences on first request.</param>
    /// <param name="sentence">The sentence to read.</param>
    /// <param name="view">The sentence's tokens and mentions.</param>
    /// <param name="cues">The language's clause cues: verbs whose bare participle reads as a passive (the parser takes
    /// "Journalist gunned down" for an active verb and its victim for the subject) and verbs that have no passive (the
    /// parser's passive subject of "clashed" acts); the tree says what they mean.</param>
    public static ClauseTree? Build(DocumentAnalysis document, Sentence sentence, SentenceView view, ClauseCues cues)
    {
        var parsed = document.Syntax(sentence.Index);
        var words = parsed.Words.ToArray();
        if (words.Length == 0 || words.All(w => w.Upos == Text.Syntax.Upos.X)) return null;
        var head = new int[words.Length];
        var lemma = new string[words.Length];
        var children = new List<int>?[words.Length];
        var tokenWord = new int[view.Tokens.Count];
        var wordToken = new int[words.Length];
        Array.Fill(tokenWord, -1);
        for (var w = 0; w < words.Length; w++)
        {
            head[w] = words[w].Head - 1;
            lemma[w] = Folding.Fold(words[w].Lemma);
            if (head[w] >= 0) (children[head[w]] ??= []).Add(w);
            var t = words[w].Token - sentence.FirstToken;
            wordToken[w] = t >= 0 && t < view.Tokens.Count ? t : -1;
        }
        // A token split into words ("du" = "de le") stands for the word whose head lies outside the token.
        for (var w = 0; w < words.Length; w++)
        {
            var t = wordToken[w];
            if (t < 0) continue;
            if (tokenWord[t] < 0 || wordToken[Math.Max(0, head[tokenWord[t]])] == t) tokenWord[t] = w;
        }
        if (cues.BareParticiplePassives.Count > 0) MarkBareParticiplePassives(words, lemma, children, cues.BareParticiplePassives);
        if (cues.NoPassiveVerbs.Count > 0) UnmarkPassiveSubjects(words, lemma, children, cues.NoPassiveVerbs);
        return new ClauseTree(words, head, lemma, children, tokenWord, wordToken, cues.AffiliationWords);
    }

    // "Journalist gunned down", "Five killed in attack": a participle of a verb that needs an object, with a subject
    // before it and no auxiliary, object or clause of its own, is a passive whose subject the act befell.
    private static void MarkBareParticiplePassives(Word[] words, string[] lemma, List<int>?[] children, FrozenSet<string> verbs)
    {
        for (var w = 0; w < words.Length; w++)
        {
            if (words[w].Upos != Text.Syntax.Upos.VERB || !verbs.Contains(lemma[w])) continue;
            if (!HasFeat(words[w].Feats, "VerbForm=Part") && !HasFeat(words[w].Feats, "Tense=Past")) continue;
            var subject = -1;
            var free = true;
            foreach (var c in children[w] ?? [])
            {
                var rel = words[c].Relation;
                if (rel == "nsubj" && c < w) subject = c;
                else if (rel.StartsWith("aux", StringComparison.Ordinal) || rel is "obj" or "iobj" or "ccomp" or "xcomp" or "expl:pv" or "nsubj:pass" or "obl:agent") free = false;
            }
            if (!free || subject < 0 || words[subject].Upos is not (Text.Syntax.Upos.NOUN or Text.Syntax.Upos.PROPN or Text.Syntax.Upos.NUM)) continue;
            words[subject] = words[subject] with { Relation = "nsubj:pass" };
        }
    }

    // "Members of a militia clashed with the army": the tagger read "clashed" as a participle and the labeler made its
    // subject passive; "trois soldats sont morts": "sont" is the auxiliary of a past, not of a passive. A verb that has
    // no passive has a subject that acts or undergoes nothing done by another.
    private static void UnmarkPassiveSubjects(Word[] words, string[] lemma, List<int>?[] children, FrozenSet<string> verbs)
    {
        for (var w = 0; w < words.Length; w++)
        {
            if (words[w].Upos is not (Text.Syntax.Upos.VERB or Text.Syntax.Upos.ADJ) || !verbs.Contains(lemma[w]) || children[w] is not { } kids) continue;
            foreach (var c in kids)
            {
                if (words[c].Relation == "nsubj:pass") words[c] = words[c] with { Relation = "nsubj" };
                else if (words[c].Relation == "aux:pass") words[c] = words[c] with { Relation = "aux" };
            }
        }
    }

    private static bool HasFeat(string feats, string feature)
    {
        foreach (var range in feats.AsSpan().Split('|'))
            if (feats.AsSpan()[range].SequenceEqual(feature)) return true;
        return false;
    }

    /// <summary>The number of words.</summary>
    public int Count => _words.Length;

    /// <summary>The word a token stands for, or -1.</summary>
    public int WordOf(int token) => token >= 0 && token < _tokenWord.Length ? _tokenWord[token] : -1;

    /// <summary>The token a word belongs to, or -1.</summary>
    public int TokenOf(int word) => _wordToken[word];

    /// <summary>The head of a word, or -1 for the root.</summary>
    public int Head(int w) => _head[w];

    /// <summary>The full relation (<c>nsubj:pass</c>).</summary>
    public string Relation(int w) => _words[w].Relation;

    /// <summary>The universal relation (<c>nsubj</c> for <c>nsubj:pass</c>).</summary>
    public ReadOnlySpan<char> BaseRelation(int w)
    {
        var r = _words[w].Relation.AsSpan();
        var k = r.IndexOf(':');
        return k < 0 ? r : r[..k];
    }

    /// <summary>True when the word's universal relation is <paramref name="relation"/>.</summary>
    public bool Is(int w, string relation) => BaseRelation(w).SequenceEqual(relation);

    /// <summary>The folded lemma.</summary>
    public string Lemma(int w) => _lemma[w];

    /// <summary>The part of speech.</summary>
    public Upos Upos(int w) => _words[w].Upos;

    /// <summary>True when the word's features hold <paramref name="feature"/> (<c>Tense=Fut</c>).</summary>
    public bool HasFeature(int w, string feature) => HasFeat(_words[w].Feats, feature);

    /// <summary>A passive participle that describes a noun ("a man accused of sorcery"), not a clause of its own.</summary>
    public bool DescribesNoun(int w)
    {
        var h = Head(w);
        if (h < 0 || !HasFeature(w, "VerbForm=Part") || !HasFeature(w, "Voice=Pass") || HasChild(w, "nsubj") || HasChild(w, "aux") || HasChild(w, "mark")) return false;
        // Where the sentence has no verb of its own but this one, the parser misread it ("the rebels agreed to …" as a
        // participle of "rebels"): the participle is the sentence's act.
        var root = w;
        while (Head(root) >= 0) root = Head(root);
        if (root == w || !IsVerbal(root)) return false;
        // The parser often hangs the noun's participle on the main verb instead ("destroyed the house of a man accused
        // of sorcery" read as an adverbial clause).
        return ((Is(w, "acl") || Is(w, "amod")) && Relation(w) != "acl:relcl" && IsNominal(h))
            || Is(w, "advcl");
    }

    /// <summary>A clause that gives a noun or another act its background, not an act of its own: a relative clause
    /// ("a woman they accused of witchcraft") or a passive adverbial one ("after having been accused of bewitching").</summary>
    public bool InBackgroundClause(int w)
    {
        var h = Head(w);
        if (h < 0) return false;
        if (Relation(w) == "acl:relcl") return IsNominal(h);
        return Is(w, "advcl") && IsVerbal(h) && (HasChild(w, "aux:pass") || HasFeature(w, "Voice=Pass"));
    }

    /// <summary>Whether a noun, or the first of nouns it is coordinated with, is what something is against: a dependent
    /// of relation <c>case</c> among <paramref name="marks"/> ("protest against the kidnapping and killing of …").</summary>
    public bool IsGrievance(int w, IReadOnlySet<string> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        if (marks.Count == 0) return false;
        var x = w;
        while (BaseRelation(x).SequenceEqual("conj") && Head(x) >= 0) x = Head(x);
        if (!IsNominal(x)) return false;
        foreach (var c in Children(x))
            if (BaseRelation(c).SequenceEqual("case") && marks.Contains(Lemma(c))) return true;
        return false;
    }

    /// <summary>The dependents of a word, in text order.</summary>
    public IReadOnlyList<int> Children(int w) => _children[w] ?? (IReadOnlyList<int>)[];

    /// <summary>A verb, an auxiliary, or a word heading a clause of its own.</summary>
    public bool IsVerbal(int w) => _words[w].Upos is Text.Syntax.Upos.VERB or Text.Syntax.Upos.AUX;

    /// <summary>A noun or proper noun.</summary>
    public bool IsNominal(int w) => _words[w].Upos is Text.Syntax.Upos.NOUN or Text.Syntax.Upos.PROPN;

    /// <summary>True when the word heads a clause that is not its head's: a complement, adverbial or relative clause,
    /// a parenthetical, or a verb coordinated with another ("seize A, cut the road to B").</summary>
    public bool StartsClause(int w)
    {
        var r = BaseRelation(w);
        if (r.SequenceEqual("conj")) return IsVerbal(w) || HasChild(w, "nsubj");
        return r.SequenceEqual("ccomp") || r.SequenceEqual("xcomp") || r.SequenceEqual("advcl") || r.SequenceEqual("acl")
            || r.SequenceEqual("parataxis") || r.SequenceEqual("csubj") || r.SequenceEqual("root");
    }

    /// <summary>True when some dependent has the universal relation.</summary>
    public bool HasChild(int w, string relation)
    {
        foreach (var c in Children(w))
            if (Is(c, relation)) return true;
        return false;
    }

    /// <summary>The first dependent with the universal relation, or -1.</summary>
    public int Child(int w, string relation)
    {
        foreach (var c in Children(w))
            if (Is(c, relation)) return c;
        return -1;
    }

    /// <summary>True when a dependent of the word with one of the relations has a lemma of the set (the preposition
    /// "by" of an agent, the "if" of a condition); multiword markers count by their first word ("according to").</summary>
    public bool HasMarker(int w, IReadOnlySet<string> lemmas, params ReadOnlySpan<string> relations)
    {
        foreach (var c in Children(w))
        {
            var ok = false;
            foreach (var r in relations) ok |= Is(c, r);
            if (ok && (lemmas.Contains(_lemma[c]) || lemmas.Contains(Folding.Fold(_words[c].Form)))) return true;
        }
        return false;
    }

    /// <summary>The word of a token span that heads it (whose head lies outside the span), or -1.</summary>
    public int HeadOfSpan(int firstToken, int lastToken)
    {
        var best = -1;
        for (var t = firstToken; t <= lastToken; t++)
        {
            var w = WordOf(t);
            if (w < 0) continue;
            var h = _head[w];
            var outside = h < 0 || _wordToken[h] < firstToken || _wordToken[h] > lastToken;
            if (outside) return w;
            if (best < 0) best = w;
        }
        return best;
    }

    /// <summary>The dependent of <paramref name="predicate"/> under which <paramref name="w"/> stands, within the
    /// predicate's own clause (no clause boundary crossed on the way up), or -1; <paramref name="w"/> itself when it
    /// is a dependent, the predicate when they are the same word.</summary>
    public int Under(int w, int predicate)
    {
        if (w == predicate) return predicate;
        for (var steps = 0; w >= 0 && steps < _words.Length; steps++)
        {
            var h = _head[w];
            if (h < 0 || StartsClause(w) && !IsAffiliation(w)) return -1;
            if (h == predicate) return w;
            w = h;
        }
        return -1;
    }

    // "gunmen belonging to al-Shabaab", "men believed to be ADF fighters", "des hommes soupçonnés d'appartenir à
    // l'EI": a participle of affiliation on a noun says whose the noun's people are; its complement stays in the noun's
    // clause.
    private bool IsAffiliation(int w)
    {
        if (_affiliations.Count == 0) return false;
        var r = Relation(w);
        if ((r is "acl" or "amod") && _affiliations.Contains(_lemma[w])) return _head[w] >= 0 && IsNominal(_head[w]);
        return Is(w, "xcomp") && _head[w] >= 0 && _affiliations.Contains(_lemma[_head[w]]) && IsAffiliation(_head[w]);
    }

    /// <summary>The tokens of a word's phrase, first to last, for a source that is no actor: its subtree without
    /// punctuation, clauses of its own, or its own preposition ("according to officials" → "officials").</summary>
    public (int FirstToken, int LastToken) Span(int w)
    {
        var lo = _wordToken[w];
        var hi = lo;
        var stack = new Stack<int>();
        stack.Push(w);
        while (stack.Count > 0)
        {
            var x = stack.Pop();
            var t = _wordToken[x];
            if (t >= 0) { lo = Math.Min(lo, t); hi = Math.Max(hi, t); }
            foreach (var c in Children(x))
                if (!Is(c, "punct") && !StartsClause(c) && !(x == w && Is(c, "case"))) stack.Push(c);
        }
        return (lo, hi);
    }
}
