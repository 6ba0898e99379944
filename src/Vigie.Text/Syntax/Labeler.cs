namespace Vigie.Text.Syntax;

/// <summary>Names the arcs of a finished tree (<c>nsubj</c>, <c>obl:agent</c>…) with an averaged perceptron that sees
/// the whole tree: the dependent, its head, the head's head, and the function words hanging from either.</summary>
internal sealed class Labeler
{
    public const int MaxFeatures = 64;

    private readonly WeightTable _weights;
    // Per label: whether UD lets it go only from a head to a dependent on its right (conj, flat, fixed, appos,
    // goeswith: the validator refuses them leftwards), and whether it links clauses (parataxis).
    private readonly bool[] _rightwardOnly;
    private readonly bool[] _clausal;

    public Labeler(WeightTable weights, IReadOnlyList<string> labels)
    {
        _weights = weights;
        Labels = labels;
        _rightwardOnly = new bool[labels.Count];
        _clausal = new bool[labels.Count];
        for (var k = 0; k < labels.Count; k++)
        {
            var universal = labels[k].Split(':')[0];
            _rightwardOnly[k] = universal is "conj" or "flat" or "fixed" or "appos" or "goeswith";
            _clausal[k] = universal == "parataxis";
        }
    }

    public WeightTable Weights => _weights;

    /// <summary>The relation names, by class index.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Labels every word of a tree (index 0 is the root and gets no label).</summary>
    public int[] Label(ReadOnlySpan<WordAtoms> words, ReadOnlySpan<int> tags, ReadOnlySpan<ulong> feats, ReadOnlySpan<int> heads)
    {
        var labels = new int[words.Length];
        var children = Children(heads);
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<int> scores = stackalloc int[Labels.Count];
        for (var d = 1; d < words.Length; d++)
        {
            var n = Features(words, tags, feats, heads, children, d, features);
            _weights.Score(features[..n], scores);
            labels[d] = Best(scores, d, heads[d], tags, children);
        }
        return labels;
    }

    // The best label the tree allows: none of the rightward-only ones on a dependent left of its head, and no parataxis
    // leftwards from a word that is no predicate (neither verb nor adjective, and no copula of its own): in "On 11 June,
    // Kenyan police clashed", "police" is a subject, whatever the fronted date did to the scores.
    private int Best(ReadOnlySpan<int> scores, int d, int h, ReadOnlySpan<int> tags, ChildLists children)
    {
        var leftward = d < h;
        var predicate = (Upos)tags[d] is Upos.VERB or Upos.AUX or Upos.ADJ;
        foreach (var c in children[d])
            predicate |= (Upos)tags[c] == Upos.AUX;
        var best = -1;
        for (var k = 0; k < Labels.Count; k++)
        {
            if (leftward && (_rightwardOnly[k] || !predicate && _clausal[k])) continue;
            if (best < 0 || scores[k] > scores[best]) best = k;
        }
        return best < 0 ? WeightTable.Best(scores, Labels.Count) : best;
    }


    /// <summary>Each word's children, in order.</summary>
    public static ChildLists Children(ReadOnlySpan<int> heads)
    {
        var starts = new int[heads.Length + 1];
        for (var d = 1; d < heads.Length; d++) if (heads[d] >= 0) starts[heads[d] + 1]++;
        for (var i = 0; i < heads.Length; i++) starts[i + 1] += starts[i];
        var items = new int[starts[heads.Length]];
        var next = starts.AsSpan(0, heads.Length).ToArray();
        for (var d = 1; d < heads.Length; d++) if (heads[d] >= 0) items[next[heads[d]]++] = d;
        return new ChildLists(starts, items);
    }

    /// <summary>Whether a tag marks a function word whose form tells a relation (a preposition, an auxiliary…).</summary>
    private static bool IsMarker(int tag) => (Upos)tag is Upos.ADP or Upos.AUX or Upos.SCONJ or Upos.PART or Upos.PRON or Upos.DET or Upos.PUNCT or Upos.CCONJ;

    public static int Features(ReadOnlySpan<WordAtoms> w, ReadOnlySpan<int> tags, ReadOnlySpan<ulong> feats, ReadOnlySpan<int> heads, ChildLists children, int d, Span<ulong> f)
    {
        var h = heads[d];
        var hh = h > 0 ? heads[h] : -1;
        var dw = w[d].Lower;
        var dp = FeatureHash.Of(tags[d]);
        var hw = w[h].Lower;
        var hp = FeatureHash.Of(tags[h]);
        var hhp = hh >= 0 ? FeatureHash.Of(tags[hh]) : FeatureHash.None;
        var dir = FeatureHash.Of(h == 0 ? 2 : d < h ? 0 : 1);
        var dist = FeatureHash.Of(h == 0 ? 0 : Math.Min(Math.Abs(d - h), 6));
        var df = feats[d];
        var hf = feats[h];
        var prev = d > 1 ? FeatureHash.Of(tags[d - 1]) : FeatureHash.None;
        var next = d + 1 < w.Length ? FeatureHash.Of(tags[d + 1]) : FeatureHash.None;
        var n = 0;
        f[n++] = FeatureHash.F(200, 0);
        f[n++] = FeatureHash.F(201, dw);
        f[n++] = FeatureHash.F(202, dp);
        f[n++] = FeatureHash.F(203, hw);
        f[n++] = FeatureHash.F(204, hp);
        f[n++] = FeatureHash.F(205, dp, hp, dir);
        f[n++] = FeatureHash.F(206, dw, hp, dir);
        f[n++] = FeatureHash.F(207, dp, hw, dir);
        f[n++] = FeatureHash.F(208, dw, hw);
        f[n++] = FeatureHash.F(209, dp, hp, dist);
        f[n++] = FeatureHash.F(210, hhp, hp, dp);
        f[n++] = FeatureHash.F(211, w[d].Suffix3, dp);
        f[n++] = FeatureHash.F(212, df, dp);
        f[n++] = FeatureHash.F(213, hf, hp, dp);
        f[n++] = FeatureHash.F(214, df, hp, dir);
        f[n++] = FeatureHash.F(215, prev, dp, next);
        f[n++] = FeatureHash.F(216, dp, hp, FeatureHash.Of(children[d].Length == 0 ? 0 : 1));
        f[n++] = FeatureHash.F(217, dw, dp, dir);
        var siblingsBetween = 0;
        foreach (var c in children[h])
        {
            if (c == d) continue;
            if (c > Math.Min(d, h) && c < Math.Max(d, h)) siblingsBetween++;
            if (n < MaxFeatures - 8 && IsMarker(tags[c]))
                f[n++] = FeatureHash.F(218, w[c].Lower, dp, FeatureHash.Of((c < d ? 0 : 1) + (c < h ? 0 : 2)));
        }
        f[n++] = FeatureHash.F(219, dp, hp, FeatureHash.Of(Math.Min(siblingsBetween, 3) + (d < h ? 0 : 10)));
        var first = true;
        foreach (var c in children[d])
        {
            if (n >= MaxFeatures - 4) break;
            if (IsMarker(tags[c]))
            {
                f[n++] = FeatureHash.F(220, w[c].Lower, dp, hp);
                f[n++] = FeatureHash.F(221, FeatureHash.Of(tags[c]), w[c].Lower, dp);
            }
            else if (first)
            {
                f[n++] = FeatureHash.F(222, FeatureHash.Of(tags[c]), dp, hp);
                first = false;
            }
        }
        f[n++] = FeatureHash.F(223, FeatureHash.Of(h == 0 ? 1 : 0), dp);
        return n;
    }

    /// <summary>Trains the labeler on trees with gold heads and predicted tags.</summary>
    public static Labeler Train(IReadOnlyList<(WordAtoms[] Words, int[] Tags, ulong[] Feats, int[] Heads, int[] Labels)> sentences, IReadOnlyList<string> labels, int epochs, int seed, float prune, Action<string>? log = null)
    {
        var trainer = new PerceptronTrainer(labels.Count);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(seed);
        var features = new ulong[MaxFeatures];
        var scores = new float[labels.Count];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var s in order)
            {
                var (words, tags, feats, heads, gold) = sentences[s];
                var children = Children(heads);
                for (var d = 1; d < words.Length; d++)
                {
                    if (heads[d] == 0) continue;
                    var n = Features(words, tags, feats, heads, children, d, features);
                    trainer.Score(features.AsSpan(0, n), scores);
                    var guess = 0;
                    for (var k = 1; k < labels.Count; k++) if (scores[k] > scores[guess]) guess = k;
                    trainer.Update(features.AsSpan(0, n), gold[d], guess);
                    trainer.Tick();
                    total++;
                    if (guess == gold[d]) correct++;
                }
            }
            log?.Invoke($"labeler epoch {epoch + 1}: {(double)correct / Math.Max(1, total):0.0000} on training");
        }
        return new Labeler(trainer.Average(prune), labels);
    }
}

/// <summary>Each word's children in order, as one array cut by word (no list per word).</summary>
internal readonly struct ChildLists(int[] starts, int[] items)
{
    public ReadOnlySpan<int> this[int word] => items.AsSpan(starts[word], starts[word + 1] - starts[word]);
}
