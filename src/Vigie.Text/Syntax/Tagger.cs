namespace Vigie.Text.Syntax;

/// <summary>A greedy left-to-right averaged-perceptron part-of-speech tagger (UPOS), in the manner of Collins (2002)
/// with the feature set of Ratnaparkhi and Honnibal's tagger, plus the lexicon's classes for words the treebank lacks.</summary>
/// <remarks>A second pass (<see cref="Retag"/>) sees the first pass's tags on the right as well, which a left-to-right
/// tagger cannot otherwise know ("that" before a verb or a noun).</remarks>
internal sealed class Tagger
{
    public const int ClassCount = 17;
    public const int MaxFeatures = 48;
    private const int Start = -1;
    private const int Start2 = -2;

    private readonly WeightTable _weights;

    public Tagger(WeightTable weights) => _weights = weights;

    public WeightTable Weights => _weights;

    /// <summary>Tags a sentence in place.</summary>
    public void Tag(ReadOnlySpan<WordAtoms> words, Span<Upos> tags) => Retag(words, [], tags);

    /// <summary>Tags a sentence in place, seeing <paramref name="first"/> (a first pass's tags, or empty) on the right.</summary>
    public void Retag(ReadOnlySpan<WordAtoms> words, ReadOnlySpan<int> first, Span<Upos> tags)
    {
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<int> scores = stackalloc int[ClassCount];
        Span<int> history = stackalloc int[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var n = Features(words, i, history, first, features);
            _weights.Score(features[..n], scores);
            var best = 1;
            for (var k = 2; k < ClassCount; k++) if (scores[k] > scores[best]) best = k;
            history[i] = best;
            tags[i] = (Upos)best;
        }
    }

    /// <summary>The features of word <paramref name="i"/> given the tags already chosen to its left.</summary>
    public static int Features(ReadOnlySpan<WordAtoms> w, int i, ReadOnlySpan<int> tags, ReadOnlySpan<int> firstPass, Span<ulong> f)
    {
        var n = 0;
        var x = w[i];
        var p1 = i > 0 ? w[i - 1] : WordAtoms.Missing;
        var p2 = i > 1 ? w[i - 2] : WordAtoms.Missing;
        var n1 = i + 1 < w.Length ? w[i + 1] : WordAtoms.Missing;
        var n2 = i + 2 < w.Length ? w[i + 2] : WordAtoms.Missing;
        var t1 = FeatureHash.Of(i > 0 ? tags[i - 1] : Start);
        var t2 = FeatureHash.Of(i > 1 ? tags[i - 2] : Start2);
        var first = FeatureHash.Of(i == 0 ? 1 : 0);
        f[n++] = FeatureHash.F(1, 0);
        f[n++] = FeatureHash.F(2, x.Lower);
        f[n++] = FeatureHash.F(3, x.Suffix3);
        f[n++] = FeatureHash.F(4, x.Prefix1);
        f[n++] = FeatureHash.F(5, t1);
        f[n++] = FeatureHash.F(6, t2, t1);
        f[n++] = FeatureHash.F(7, t1, x.Lower);
        f[n++] = FeatureHash.F(8, p1.Lower);
        f[n++] = FeatureHash.F(9, p1.Suffix3);
        f[n++] = FeatureHash.F(10, p2.Lower);
        f[n++] = FeatureHash.F(11, n1.Lower);
        f[n++] = FeatureHash.F(12, n1.Suffix3);
        f[n++] = FeatureHash.F(13, n2.Lower);
        f[n++] = FeatureHash.F(14, x.Suffix1);
        f[n++] = FeatureHash.F(15, x.Suffix2);
        f[n++] = FeatureHash.F(16, x.Suffix4);
        f[n++] = FeatureHash.F(17, x.Shape, first);
        f[n++] = FeatureHash.F(18, x.Classes);
        f[n++] = FeatureHash.F(19, n1.Classes);
        f[n++] = FeatureHash.F(20, t1, x.Classes);
        f[n++] = FeatureHash.F(21, x.Lower, n1.Lower);
        f[n++] = FeatureHash.F(22, p1.Lower, x.Lower);
        f[n++] = FeatureHash.F(23, t1, n1.Lower);
        f[n++] = FeatureHash.F(24, x.Prefix2);
        f[n++] = FeatureHash.F(25, x.Shape, x.Suffix3);
        f[n++] = FeatureHash.F(26, x.Lower, x.Shape, first);
        f[n++] = FeatureHash.F(27, t1, x.Suffix3);
        f[n++] = FeatureHash.F(28, x.Classes, x.Suffix3);
        f[n++] = FeatureHash.F(29, p1.Classes, x.Classes);
        f[n++] = FeatureHash.F(30, n2.Classes);
        f[n++] = FeatureHash.F(31, n1.Suffix2);
        f[n++] = FeatureHash.F(32, t1, x.Shape);
        f[n++] = FeatureHash.F(33, x.Lower, n1.Classes);
        f[n++] = FeatureHash.F(34, x.Prefix3);
        f[n++] = FeatureHash.F(35, n1.Shape, x.Shape);
        f[n++] = FeatureHash.F(36, p1.Lower, x.Lower, n1.Lower);
        f[n++] = FeatureHash.F(37, x.Lower, n2.Lower);
        if (firstPass.Length == 0) return n;
        // The first pass's tags to the right (and its tag of this word) are known here.
        var r0 = FeatureHash.Of(firstPass[i]);
        var r1 = FeatureHash.Of(i + 1 < firstPass.Length ? firstPass[i + 1] : Start);
        var r2 = FeatureHash.Of(i + 2 < firstPass.Length ? firstPass[i + 2] : Start2);
        f[n++] = FeatureHash.F(40, r1);
        f[n++] = FeatureHash.F(41, r1, r2);
        f[n++] = FeatureHash.F(42, r1, x.Lower);
        f[n++] = FeatureHash.F(43, t1, r1);
        f[n++] = FeatureHash.F(44, r0);
        f[n++] = FeatureHash.F(45, r0, x.Lower);
        f[n++] = FeatureHash.F(46, t1, r1, x.Suffix3);
        f[n++] = FeatureHash.F(47, r1, x.Classes);
        return n;
    }

    /// <summary>Trains a tagger on sentences of atoms with their gold tags, deterministically for a seed.</summary>
    /// <param name="sentences">The training sentences: each word's atoms and its gold tag.</param>
    /// <param name="epochs">Passes over the shuffled sentences.</param>
    /// <param name="seed">The seed of the shuffle.</param>
    /// <param name="prune">Averaged weights smaller than this in magnitude are dropped from the table.</param>
    /// <param name="log">Receives each epoch's accuracy on the training sentences.</param>
    /// <param name="first">For a second pass, each sentence's first-pass tags (jackknifed), else null.</param>
    public static Tagger Train(IReadOnlyList<(WordAtoms[] Words, int[] Tags)> sentences, int epochs, int seed, float prune, Action<string>? log = null, IReadOnlyList<int[]>? first = null)
    {
        var trainer = new PerceptronTrainer(ClassCount);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(seed);
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        var scores = new float[ClassCount];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var s in order)
            {
                var (words, gold) = sentences[s];
                var history = new int[words.Length];
                var right = first is null ? [] : first[s];
                for (var i = 0; i < words.Length; i++)
                {
                    var n = Features(words, i, history, right, features);
                    trainer.Score(features[..n], scores);
                    var guess = 1;
                    for (var k = 2; k < ClassCount; k++) if (scores[k] > scores[guess]) guess = k;
                    trainer.Update(features[..n], gold[i], guess);
                    trainer.Tick();
                    history[i] = guess;
                    if (guess == gold[i]) correct++;
                    total++;
                }
            }
            log?.Invoke($"tagger {(first is null ? "" : "second pass ")}epoch {epoch + 1}: {(double)correct / Math.Max(1, total):0.0000} on training");
        }
        return new Tagger(trainer.Average(prune));
    }
}
