namespace Vigie.Text.Syntax;

/// <summary>Chooses each word's UD morphological features among those seen with its part of speech in training
/// (one averaged perceptron per part of speech).</summary>
internal sealed class FeatsTagger
{
    public const int MaxFeatures = 16;

    private readonly WeightTable?[] _byTag;
    private readonly string[][] _values;
    // The atom of each value, as the labeler reads it (FeatureHash.Of of the string), hashed once.
    private readonly ulong[][] _atoms;
    private static readonly ulong EmptyAtom = FeatureHash.Of("");

    public FeatsTagger(WeightTable?[] byTag, string[][] values)
    {
        _byTag = byTag;
        _values = values;
        _atoms = [.. values.Select(v => v.Select(x => FeatureHash.Of(x)).ToArray())];
    }

    public IReadOnlyList<WeightTable?> Tables => _byTag;

    public IReadOnlyList<string[]> Values => _values;

    /// <summary>The feature strings of a tagged sentence.</summary>
    public string[] Predict(ReadOnlySpan<WordAtoms> words, ReadOnlySpan<Upos> tags) => Predict(words, tags, new ulong[words.Length]);

    /// <summary>The feature strings of a tagged sentence, with their atoms written to <paramref name="atoms"/>.</summary>
    public string[] Predict(ReadOnlySpan<WordAtoms> words, ReadOnlySpan<Upos> tags, Span<ulong> atoms)
    {
        var result = new string[words.Length];
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<int> scores = stackalloc int[256];
        for (var i = 0; i < words.Length; i++)
        {
            var t = (int)tags[i];
            var values = _values[t];
            var table = _byTag[t];
            if (values.Length <= 1 || table is null)
            {
                (result[i], atoms[i]) = values.Length == 1 ? (values[0], _atoms[t][0]) : ("", EmptyAtom);
                continue;
            }
            var n = Features(words, tags, i, features);
            var s = values.Length <= 256 ? scores : new int[values.Length];
            table.Score(features[..n], s);
            var best = WeightTable.Best(s, values.Length);
            result[i] = values[best];
            atoms[i] = _atoms[t][best];
        }
        return result;
    }

    public static int Features(ReadOnlySpan<WordAtoms> w, ReadOnlySpan<Upos> tags, int i, Span<ulong> f)
    {
        var x = w[i];
        var p = i > 0 ? w[i - 1] : WordAtoms.Missing;
        var nx = i + 1 < w.Length ? w[i + 1] : WordAtoms.Missing;
        var pt = FeatureHash.Of(i > 0 ? (int)tags[i - 1] : -1);
        var nt = FeatureHash.Of(i + 1 < w.Length ? (int)tags[i + 1] : -1);
        var n = 0;
        f[n++] = FeatureHash.F(300, 0);
        f[n++] = FeatureHash.F(301, x.Lower);
        f[n++] = FeatureHash.F(302, x.Suffix1);
        f[n++] = FeatureHash.F(303, x.Suffix2);
        f[n++] = FeatureHash.F(304, x.Suffix3);
        f[n++] = FeatureHash.F(305, x.Suffix4);
        f[n++] = FeatureHash.F(306, p.Lower);
        f[n++] = FeatureHash.F(307, nx.Lower);
        f[n++] = FeatureHash.F(308, pt);
        f[n++] = FeatureHash.F(309, nt);
        f[n++] = FeatureHash.F(310, x.Classes);
        f[n++] = FeatureHash.F(311, x.Shape);
        f[n++] = FeatureHash.F(312, pt, x.Suffix2);
        f[n++] = FeatureHash.F(313, p.Lower, x.Suffix3);
        return n;
    }

    /// <summary>Trains one classifier per part of speech.</summary>
    public static FeatsTagger Train(IReadOnlyList<(WordAtoms[] Words, Upos[] Tags, string[] Feats)> sentences, int epochs, int seed, float prune)
    {
        var values = new string[Tagger.ClassCount][];
        var index = new Dictionary<string, int>[Tagger.ClassCount];
        for (var t = 0; t < Tagger.ClassCount; t++)
        {
            var seen = sentences.SelectMany(s => s.Tags.Zip(s.Feats)).Where(x => (int)x.First == t).Select(x => x.Second)
                .GroupBy(x => x, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToArray();
            values[t] = seen;
            index[t] = seen.Select((v, k) => (v, k)).ToDictionary(x => x.v, x => x.k, StringComparer.Ordinal);
        }
        var trainers = values.Select(v => v.Length > 1 ? new PerceptronTrainer(v.Length) : null).ToArray();
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(seed);
        var features = new ulong[MaxFeatures];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var s in order)
            {
                var (words, tags, feats) = sentences[s];
                for (var i = 0; i < words.Length; i++)
                {
                    var t = (int)tags[i];
                    var trainer = trainers[t];
                    if (trainer is null || !index[t].TryGetValue(feats[i], out var gold)) continue;
                    var n = Features(words, tags, i, features);
                    var scores = new float[trainer.Classes];
                    trainer.Score(features.AsSpan(0, n), scores);
                    var guess = 0;
                    for (var k = 1; k < scores.Length; k++) if (scores[k] > scores[guess]) guess = k;
                    trainer.Update(features.AsSpan(0, n), gold, guess);
                    trainer.Tick();
                }
            }
        }
        return new FeatsTagger(trainers.Select(t => t?.Average(prune)).ToArray(), values);
    }
}

/// <summary>A lemma guesser: the treebank's lemma of a (form, tag) pair when it has one, else the most frequent
/// suffix rewrite for the longest suffix seen with that tag (<c>-aient</c> → <c>-er</c>…), else the form itself.</summary>
internal sealed class Lemmatizer
{
    public const int MaxSuffix = 6;

    private readonly Dictionary<(string, Upos), string> _known;
    private readonly Dictionary<(string, Upos), (int Strip, string Append)> _rules;
    // The rules again, one table per tag, read by suffix span: the guess tries up to six suffixes per unknown word.
    private readonly Dictionary<string, (int Strip, string Append)>.AlternateLookup<ReadOnlySpan<char>>[] _rulesByTag;

    public Lemmatizer(Dictionary<(string, Upos), string> known, Dictionary<(string, Upos), (int Strip, string Append)> rules)
    {
        _known = known;
        _rules = rules;
        var byTag = new Dictionary<string, (int, string)>[Tagger.ClassCount];
        for (var t = 0; t < byTag.Length; t++) byTag[t] = new Dictionary<string, (int, string)>(StringComparer.Ordinal);
        foreach (var ((suffix, tag), rule) in rules)
            if ((int)tag < byTag.Length) byTag[(int)tag][suffix] = rule;
        _rulesByTag = [.. byTag.Select(d => d.GetAlternateLookup<ReadOnlySpan<char>>())];
    }

    public IReadOnlyDictionary<(string, Upos), string> Known => _known;

    public IReadOnlyDictionary<(string, Upos), (int Strip, string Append)> Rules => _rules;

    /// <summary>The lemma of a tagged form: the treebank's, else the lexicon's for that class, else a suffix rewrite.</summary>
    public string Lemma(string form, Upos tag, IWordClasses lexicon) => Lemma(form, WordAtoms.LowerForm(form), tag, lexicon);

    /// <summary>The lemma of a tagged form whose <see cref="WordAtoms.LowerForm"/> is already known.</summary>
    public string Lemma(string form, string lower, Upos tag, IWordClasses lexicon)
    {
        if (tag is Upos.PROPN) return form;
        if (_known.TryGetValue((lower, tag), out var lemma)) return lemma;
        if (tag is Upos.NUM or Upos.PUNCT or Upos.SYM or Upos.X) return lower;
        if (lexicon.LemmaOf(lower, tag) is { } fromLexicon) return fromLexicon;
        if ((uint)tag >= (uint)_rulesByTag.Length) return lower;
        var rules = _rulesByTag[(int)tag];
        for (var k = Math.Min(MaxSuffix, lower.Length - 1); k >= 1; k--)
        {
            if (rules.TryGetValue(lower.AsSpan(lower.Length - k), out var rule) && rule.Strip < lower.Length)
                return string.Concat(lower.AsSpan(0, lower.Length - rule.Strip), rule.Append);
        }
        return lower;
    }

    public static Lemmatizer Train(IEnumerable<(string Form, Upos Tag, string Lemma)> words)
    {
        var pairs = new Dictionary<(string, Upos), Dictionary<string, int>>();
        foreach (var (form, tag, lemma) in words)
        {
            if (lemma == "_" || tag is Upos.PROPN) continue;
            var key = (WordAtoms.LowerForm(form), tag);
            if (!pairs.TryGetValue(key, out var counts)) pairs[key] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
            counts[lemma] = counts.GetValueOrDefault(lemma) + 1;
        }
        var known = new Dictionary<(string, Upos), string>();
        var ruleCounts = new Dictionary<(string, Upos), Dictionary<(int, string), int>>();
        foreach (var (key, counts) in pairs.OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2))
        {
            var lemma = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key;
            var lower = key.Item1;
            known[key] = lemma;
            var common = 0;
            while (common < lower.Length && common < lemma.Length && lower[common] == lemma[common]) common++;
            var rule = (lower.Length - common, lemma[common..]);
            for (var k = 1; k <= Math.Min(MaxSuffix, lower.Length - 1); k++)
            {
                var rk = (lower[^k..], key.Item2);
                if (!ruleCounts.TryGetValue(rk, out var rc)) ruleCounts[rk] = rc = [];
                rc[rule] = rc.GetValueOrDefault(rule) + 1;
            }
        }
        var rules = new Dictionary<(string, Upos), (int, string)>();
        foreach (var (key, rc) in ruleCounts)
        {
            var best = rc.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Item1).ThenBy(c => c.Key.Item2, StringComparer.Ordinal).First();
            // A suffix seen once says little; the identity is kept, so that it stops the search for a shorter suffix.
            if (best.Value >= 2) rules[key] = best.Key;
        }
        return new Lemmatizer(known, rules);
    }
}
