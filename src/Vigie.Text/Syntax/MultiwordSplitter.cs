namespace Vigie.Text.Syntax;

/// <summary>Splits tokens that Universal Dependencies writes as several words (French <c>du</c> = <c>de le</c>,
/// <c>aux</c> = <c>à les</c>; English <c>cannot</c> = <c>can not</c>), learned from a treebank's multiword tokens. A
/// form that the treebank also leaves whole (French <c>des</c>: an article, or <c>de les</c>) is split when a small
/// perceptron, reading the neighbouring words, says so.</summary>
internal sealed class MultiwordSplitter
{
    private const int MaxFeatures = 12;

    private readonly Dictionary<string, string[]> _expansions;
    private readonly HashSet<string> _ambiguous;
    private readonly WeightTable? _weights;

    public MultiwordSplitter(Dictionary<string, string[]> expansions, HashSet<string> ambiguous, WeightTable? weights)
    {
        _expansions = expansions;
        _ambiguous = ambiguous;
        _weights = weights;
    }

    public IReadOnlyDictionary<string, string[]> Expansions => _expansions;

    public IReadOnlySet<string> Ambiguous => _ambiguous;

    public WeightTable? Weights => _weights;

    /// <summary>The words of token <paramref name="i"/>, or null when it is one word.</summary>
    public string[]? Split(IReadOnlyList<string> tokens, int i, IWordClasses classes)
    {
        var lower = tokens[i].ToLowerInvariant();
        if (!_expansions.TryGetValue(lower, out var parts)) return null;
        if (_ambiguous.Contains(lower))
        {
            if (_weights is null) return null;
            Span<ulong> f = stackalloc ulong[MaxFeatures];
            Span<int> scores = stackalloc int[2];
            var n = Features(tokens, i, classes, f);
            _weights.Score(f[..n], scores);
            if (scores[1] <= scores[0]) return null;
        }
        var result = (string[])parts.Clone();
        var surface = tokens[i];
        if (surface.Length > 0 && char.IsUpper(surface[0]) && result[0].Length > 0)
            result[0] = surface.All(c => !char.IsLower(c)) && surface.Length > 1 ? result[0].ToUpperInvariant() : char.ToUpperInvariant(result[0][0]) + result[0][1..];
        return result;
    }

    private static int Features(IReadOnlyList<string> tokens, int i, IWordClasses classes, Span<ulong> f)
    {
        ulong At(int k) => k >= 0 && k < tokens.Count ? FeatureHash.Of(WordAtoms.Normalize(tokens[k])) : FeatureHash.None;
        // What kind of word precedes and follows ("brûlé des pneus": a verb, so an article; "la prise des villes": a
        // noun, so "de les"): the lexicon's classes and the suffix generalise beyond the words the treebank shows.
        ulong Kind(int k) => k >= 0 && k < tokens.Count && classes.ClassesOf(tokens[k].ToLowerInvariant()) is { } c ? FeatureHash.Of(c) : FeatureHash.None;
        ulong Suffix(int k) => k >= 0 && k < tokens.Count ? FeatureHash.Of(WordAtoms.Normalize(tokens[k]) is var w && w.Length > 3 ? w[^3..] : w) : FeatureHash.None;
        var self = At(i);
        var n = 0;
        f[n++] = FeatureHash.F(406, self, Kind(i - 1));
        f[n++] = FeatureHash.F(407, self, Suffix(i - 1));
        f[n++] = FeatureHash.F(408, self, Kind(i + 1));
        f[n++] = FeatureHash.F(400, self);
        f[n++] = FeatureHash.F(401, self, At(i - 1));
        f[n++] = FeatureHash.F(402, self, At(i + 1));
        f[n++] = FeatureHash.F(403, self, At(i - 2), At(i - 1));
        f[n++] = FeatureHash.F(404, self, At(i + 1), At(i + 2));
        f[n++] = FeatureHash.F(405, self, At(i - 1), At(i + 1));
        return n;
    }

    /// <summary>Learns the expansions and the split decisions from treebank sentences.</summary>
    public static MultiwordSplitter Train(IReadOnlyList<ConlluSentence> sentences, IWordClasses classes, int epochs, int seed)
    {
        var expansions = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var tokenized = sentences.Select(Tokens).ToList();
        foreach (var sentence in tokenized)
            foreach (var (form, parts) in sentence)
                if (parts is not null)
                {
                    var lower = form.ToLowerInvariant();
                    if (!expansions.TryGetValue(lower, out var counts)) expansions[lower] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
                    var key = string.Join(' ', parts).ToLowerInvariant();
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
        var best = expansions.ToDictionary(e => e.Key,
            e => e.Value.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key.Split(' '), StringComparer.Ordinal);
        var whole = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in tokenized)
            foreach (var (form, parts) in sentence)
                if (parts is null && best.ContainsKey(form.ToLowerInvariant()))
                    whole[form.ToLowerInvariant()] = whole.GetValueOrDefault(form.ToLowerInvariant()) + 1;
        var ambiguous = new HashSet<string>(whole.Where(w => w.Value >= 2).Select(w => w.Key), StringComparer.Ordinal);
        WeightTable? weights = null;
        if (ambiguous.Count > 0)
        {
            var trainer = new PerceptronTrainer(2);
            var random = new Random(seed);
            var order = Enumerable.Range(0, tokenized.Count).ToArray();
            var f = new ulong[MaxFeatures];
            var scores = new float[2];
            for (var epoch = 0; epoch < epochs; epoch++)
            {
                random.Shuffle(order);
                foreach (var s in order)
                {
                    var tokens = tokenized[s].Select(t => t.Form).ToList();
                    for (var i = 0; i < tokens.Count; i++)
                    {
                        if (!ambiguous.Contains(tokens[i].ToLowerInvariant())) continue;
                        var n = Features(tokens, i, classes, f);
                        trainer.Score(f.AsSpan(0, n), scores);
                        var guess = scores[1] > scores[0] ? 1 : 0;
                        trainer.Update(f.AsSpan(0, n), tokenized[s][i].Parts is null ? 0 : 1, guess);
                        trainer.Tick();
                    }
                }
            }
            weights = trainer.Average(0.01f);
        }
        return new MultiwordSplitter(best, ambiguous, weights);
    }

    /// <summary>A treebank sentence's surface tokens: each multiword token with its parts, each other word alone.</summary>
    public static List<(string Form, string[]? Parts)> Tokens(ConlluSentence sentence)
    {
        var result = new List<(string, string[]?)>();
        var mwt = 0;
        for (var i = 1; i <= sentence.Words.Count; i++)
        {
            while (mwt < sentence.Multiwords.Count && sentence.Multiwords[mwt].Last < i) mwt++;
            if (mwt < sentence.Multiwords.Count && sentence.Multiwords[mwt].First == i)
            {
                var m = sentence.Multiwords[mwt];
                result.Add((m.Form, sentence.Words.Skip(m.First - 1).Take(m.Last - m.First + 1).Select(w => w.Form).ToArray()));
                i = m.Last;
                continue;
            }
            result.Add((sentence.Words[i - 1].Form, null));
        }
        return result;
    }
}
