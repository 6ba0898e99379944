namespace Vigie.Text.Syntax;

/// <summary>A greedy arc-eager dependency parser with an averaged perceptron over the feature set of Zhang and Nivre
/// (2011), trained with the dynamic oracle and exploration of Goldberg and Nivre (2012). Arcs are unlabelled here;
/// <see cref="Labeler"/> names them once the tree is built.</summary>
internal sealed class Parser
{
    public const int MaxFeatures = 72;
    private const int RootTag = 17;

    private readonly WeightTable _weights;

    public Parser(WeightTable weights) => _weights = weights;

    public WeightTable Weights => _weights;

    /// <summary>Parses one sentence: <paramref name="words"/>[0] and <paramref name="tags"/>[0] stand for the root.
    /// <paramref name="closed"/>, when given (indexed like <paramref name="words"/>), marks closed phrases the text layer
    /// recognised (a date): words sharing a non-zero number form a phrase that no content word outside it depends on,
    /// and that holds the root only when the sentence has nothing else ("On 3 October, the mayor of … was killed":
    /// "mayor" is not an apposition of the date). A negative number marks a phrase that opens the sentence and a
    /// comma closes: an adverbial of the clause, which depends on no noun after it ("On 4 June, members of …": "4" is
    /// not a compound of "members"); it hangs from a verb or, failing one, from the root.</summary>
    public int[] Parse(ReadOnlySpan<WordAtoms> words, ReadOnlySpan<int> tags, ReadOnlySpan<int> closed = default)
    {
        var state = new ParserState(words.Length - 1);
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<int> scores = stackalloc int[ParserState.TransitionCount];
        var constrained = !closed.IsEmpty && closed.ContainsAnyExcept(0);
        if (constrained) closed = WithMarkers(closed, tags);
        while (!state.Done)
        {
            var n = Features(state, words, tags, features);
            _weights.Score(features[..n], scores);
            var best = -1;
            for (var t = 0; t < ParserState.TransitionCount; t++)
                if (state.IsValid(t) && (best < 0 || scores[t] > scores[best]) && (!constrained || Keeps(state, t, tags, closed))) best = t;
            // Shift and reduce never cross a phrase, so a constraint cannot leave no transition; stay safe anyway.
            if (best < 0)
                for (var t = 0; t < ParserState.TransitionCount; t++)
                    if (state.IsValid(t) && (best < 0 || scores[t] > scores[best])) best = t;
            state.Apply(best);
        }
        state.Finish(constrained ? closed : default, tags);
        LiftFromPunctuation(state.Heads, tags, constrained ? closed : default);
        if (constrained) SingleExits(state.Heads, closed, tags);
        return state.Heads;
    }

    // A closed phrase hangs by one word: the greedy parse may have hung two ("11" and "June" of "On 11 June 2019"
    // both on the verb, "June" as its subject); the others then depend on the one that heads most of the phrase, its
    // preposition included (<see cref="WithMarkers"/>). Every re-attachment is checked for a loop.
    private static void SingleExits(int[] heads, ReadOnlySpan<int> closed, ReadOnlySpan<int> tags)
    {
        for (var start = 1; start < closed.Length;)
        {
            if (closed[start] == 0) { start++; continue; }
            var end = start;
            while (end + 1 < closed.Length && closed[end + 1] == closed[start]) end++;
            int main = -1, exits = 0, mainSize = -1;
            for (var w = start; w <= end; w++)
            {
                if (heads[w] >= start && heads[w] <= end) continue;
                exits++;
                var size = 0;
                for (var x = start; x <= end; x++)
                {
                    var a = x;
                    for (var steps = 0; a >= start && a <= end && a != w && steps <= end - start; steps++) a = heads[a];
                    if (a == w) size++;
                }
                if (size > mainSize) (main, mainSize) = (w, size);
            }
            if (exits > 1)
                for (var w = start; w <= end; w++)
                    if (w != main && (heads[w] < start || heads[w] > end) && !Cycles(heads, w, main)) heads[w] = main;
            // The comma that closes an opening adverbial is its own, as the treebanks have it ("On Monday ," → "Monday"):
            // hung on the next word, it reads to the labeler as the comma of a vocative ("John, call me").
            if (closed[start] < 0 && end + 1 < heads.Length && (Upos)tags[end + 1] == Upos.PUNCT && !Cycles(heads, end + 1, main)) heads[end + 1] = main;
            start = end + 1;
        }
    }

    // Punctuation is a leaf in UD: what the greedy parse hung on a mark hangs on the mark's own head, and a mark that
    // heads the sentence gives its place to its first verb, else content word, dependent outside the closed phrases.
    private static void LiftFromPunctuation(int[] heads, ReadOnlySpan<int> tags, ReadOnlySpan<int> closed)
    {
        var root = Array.IndexOf(heads, 0, 1);
        if (root > 0 && (Upos)tags[root] == Upos.PUNCT)
        {
            var best = -1;
            for (var d = 1; d < heads.Length; d++)
                if (heads[d] == root && (Upos)tags[d] != Upos.PUNCT && (closed.IsEmpty || closed[d] == 0) && (best < 0 || ParserState.HeadRank(tags[d]) < ParserState.HeadRank(tags[best]))) best = d;
            if (best > 0) (heads[best], heads[root]) = (0, best);
        }
        for (var d = 1; d < heads.Length; d++)
        {
            var h = heads[d];
            for (var steps = 0; h > 0 && (Upos)tags[h] == Upos.PUNCT && steps < heads.Length; steps++) h = heads[h];
            if (h > 0 && h != d) heads[d] = h;
        }
    }

    // A preposition or article just before a phrase is its own ("On 9 August", "Le 3 octobre"): it joins the phrase, so
    // that it can neither head the sentence nor take the phrase under it.
    private static int[] WithMarkers(ReadOnlySpan<int> closed, ReadOnlySpan<int> tags)
    {
        var result = closed.ToArray();
        for (var i = result.Length - 2; i >= 1; i--)
            if (result[i] == 0 && result[i + 1] != 0 && (Upos)tags[i] is Upos.ADP or Upos.DET) result[i] = result[i + 1];
        return result;
    }

    // Whether hanging the dependent on the head would close a loop: the head stands under the dependent.
    private static bool Cycles(int[] heads, int dependent, int head)
    {
        for (var (w, steps) = (head, 0); w > 0 && steps < heads.Length; w = heads[w], steps++)
            if (w == dependent) return true;
        return false;
    }

    // Whether a transition keeps the closed phrases closed: no arc from a word inside one to a content word outside it,
    // no phrase word hung on a function word ("On 5 August 2020 ," with "5" under the comma) nor from the root while words
    // outside it remain to head the sentence.
    private static bool Keeps(ParserState state, int transition, ReadOnlySpan<int> tags, ReadOnlySpan<int> closed)
    {
        var s0 = state.Stack(0);
        var b = state.Buffer;
        return transition switch
        {
            ParserState.RightArc => s0 == 0 ? closed[b] == 0 || !HasContentOutside(closed, tags, closed[b])
                : !Breaks(closed, tags, s0, b) && !(closed[b] != 0 && closed[s0] != closed[b] && !IsContent(tags[s0])),
            ParserState.LeftArc => !Breaks(closed, tags, b, s0) && !(closed[s0] != 0 && closed[b] != closed[s0] && !IsContent(tags[b]))
                && !(closed[s0] < 0 && closed[b] != closed[s0] && IsNominal(tags[b])),
            _ => true,
        };
    }

    // A word outside a phrase may depend inside it only as a function word next to it: its preposition or article
    // ("On", "Le", "dans la nuit du"), or the comma that closes it.
    private static bool Breaks(ReadOnlySpan<int> closed, ReadOnlySpan<int> tags, int head, int dependent)
    {
        var phrase = closed[head];
        if (phrase == 0 || closed[dependent] == phrase) return false;
        if (IsContent(tags[dependent])) return true;
        var next = dependent + 1 < closed.Length && closed[dependent + 1] == phrase || dependent + 2 < closed.Length && closed[dependent + 2] == phrase;
        return !next && closed[dependent - 1] != phrase;
    }

    private static bool HasContentOutside(ReadOnlySpan<int> closed, ReadOnlySpan<int> tags, int phrase)
    {
        for (var i = 1; i < closed.Length; i++)
            if (closed[i] != phrase && IsContent(tags[i])) return true;
        return false;
    }

    private static bool IsNominal(int tag) => (Upos)tag is Upos.NOUN or Upos.PROPN or Upos.PRON or Upos.NUM;

    // Function words (a preposition, a determiner, punctuation) may lean on a phrase ("On 3 October"); content may not.
    private static bool IsContent(int tag) => ParserState.HeadRank(tag) <= 1;

    /// <summary>Tags for the parser: UPOS codes with the root's own.</summary>
    public static int[] TagsWithRoot(ReadOnlySpan<Upos> tags)
    {
        var t = new int[tags.Length + 1];
        t[0] = RootTag;
        for (var i = 0; i < tags.Length; i++) t[i + 1] = (int)tags[i];
        return t;
    }

    /// <summary>Trains the parser; <paramref name="sentences"/> hold atoms and tags with the root at 0 and gold heads.</summary>
    public static Parser Train(IReadOnlyList<(WordAtoms[] Words, int[] Tags, int[] Heads)> sentences, int epochs, int seed, float prune, Action<string>? log = null)
    {
        var trainer = new PerceptronTrainer(ParserState.TransitionCount);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(seed);
        var features = new ulong[MaxFeatures];
        var scores = new float[ParserState.TransitionCount];
        var costs = new int[ParserState.TransitionCount];
        var golds = sentences.Select(s => ParserState.Projectivize(s.Heads)).ToArray();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var s in order)
            {
                var (words, tags, _) = sentences[s];
                var gold = golds[s];
                gold[0] = -1;
                var state = new ParserState(words.Length - 1);
                while (!state.Done)
                {
                    var n = Features(state, words, tags, features);
                    trainer.Score(features.AsSpan(0, n), scores);
                    state.Costs(gold, costs);
                    int guess = -1, best = -1;
                    for (var t = 0; t < ParserState.TransitionCount; t++)
                    {
                        if (costs[t] == int.MaxValue) continue;
                        if (guess < 0 || scores[t] > scores[guess]) guess = t;
                        if (costs[t] == 0 && (best < 0 || scores[t] > scores[best])) best = t;
                    }
                    if (best < 0) best = guess;
                    if (costs[guess] > 0) trainer.Update(features.AsSpan(0, n), best, guess);
                    trainer.Tick();
                    // Explore from the second epoch on: follow the model's own choice most of the time.
                    var next = epoch > 0 && costs[guess] != int.MaxValue && random.NextDouble() < 0.9 ? guess : best;
                    state.Apply(next);
                }
                state.Finish();
                for (var i = 1; i < words.Length; i++) { total++; if (state.Heads[i] == sentences[s].Heads[i]) correct++; }
            }
            log?.Invoke($"parser epoch {epoch + 1}: UAS {(double)correct / Math.Max(1, total):0.0000} on training (explored)");
        }
        return new Parser(trainer.Average(prune));
    }

    /// <summary>The features of a configuration.</summary>
    public static int Features(ParserState state, ReadOnlySpan<WordAtoms> words, ReadOnlySpan<int> tags, Span<ulong> f)
    {
        var s0 = state.Stack(0);
        var s1 = state.Stack(1);
        var n0 = state.Input(0);
        var n1 = state.Input(1);
        var n2 = state.Input(2);
        var s0h = s0 > 0 ? state.Heads[s0] : -1;
        var s0h2 = s0h > 0 ? state.Heads[s0h] : -1;
        var s0l = s0 >= 0 ? Child(state.LeftMost[s0]) : -1;
        var s0r = s0 >= 0 ? Child(state.RightMost[s0]) : -1;
        var s0l2 = s0 >= 0 ? Child(state.LeftSecond[s0]) : -1;
        var s0r2 = s0 >= 0 ? Child(state.RightSecond[s0]) : -1;
        var n0l = n0 >= 0 ? Child(state.LeftMost[n0]) : -1;
        var n0l2 = n0 >= 0 ? Child(state.LeftSecond[n0]) : -1;


        ulong s0w = W(words, s0), s0p = P(tags, s0), n0w = W(words, n0), n0p = P(tags, n0), n1w = W(words, n1), n1p = P(tags, n1), n2w = W(words, n2), n2p = P(tags, n2);
        var s0wp = FeatureHash.F(0, s0w, s0p);
        var n0wp = FeatureHash.F(0, n0w, n0p);
        var dist = FeatureHash.Of(s0 >= 0 && n0 >= 0 ? Math.Min(n0 - s0, 10) : -1);
        var s0vl = FeatureHash.Of(s0 >= 0 ? Math.Min(state.LeftCount[s0], 5) : -1);
        var s0vr = FeatureHash.Of(s0 >= 0 ? Math.Min(state.RightCount[s0], 5) : -1);
        var n0vl = FeatureHash.Of(n0 >= 0 ? Math.Min(state.LeftCount[n0], 5) : -1);
        var s0headed = FeatureHash.Of(s0 > 0 && state.Heads[s0] >= 0 ? 1 : 0);

        var n = 0;
        f[n++] = FeatureHash.F(100, s0wp);
        f[n++] = FeatureHash.F(101, s0w);
        f[n++] = FeatureHash.F(102, s0p);
        f[n++] = FeatureHash.F(103, n0wp);
        f[n++] = FeatureHash.F(104, n0w);
        f[n++] = FeatureHash.F(105, n0p);
        f[n++] = FeatureHash.F(106, n1w, n1p);
        f[n++] = FeatureHash.F(107, n1w);
        f[n++] = FeatureHash.F(108, n1p);
        f[n++] = FeatureHash.F(109, n2w, n2p);
        f[n++] = FeatureHash.F(110, n2w);
        f[n++] = FeatureHash.F(111, n2p);
        f[n++] = FeatureHash.F(112, s0wp, n0wp);
        f[n++] = FeatureHash.F(113, s0wp, n0w);
        f[n++] = FeatureHash.F(114, s0w, n0wp);
        f[n++] = FeatureHash.F(115, s0wp, n0p);
        f[n++] = FeatureHash.F(116, s0p, n0wp);
        f[n++] = FeatureHash.F(117, s0w, n0w);
        f[n++] = FeatureHash.F(118, s0p, n0p);
        f[n++] = FeatureHash.F(119, n0p, n1p);
        f[n++] = FeatureHash.F(120, n0p, n1p, n2p);
        f[n++] = FeatureHash.F(121, s0p, n0p, n1p);
        f[n++] = FeatureHash.F(122, P(tags, s0h), s0p, n0p);
        f[n++] = FeatureHash.F(123, s0p, P(tags, s0l), n0p);
        f[n++] = FeatureHash.F(124, s0p, P(tags, s0r), n0p);
        f[n++] = FeatureHash.F(125, s0p, n0p, P(tags, n0l));
        f[n++] = FeatureHash.F(126, s0w, dist);
        f[n++] = FeatureHash.F(127, s0p, dist);
        f[n++] = FeatureHash.F(128, n0w, dist);
        f[n++] = FeatureHash.F(129, n0p, dist);
        f[n++] = FeatureHash.F(130, s0w, n0w, dist);
        f[n++] = FeatureHash.F(131, s0p, n0p, dist);
        f[n++] = FeatureHash.F(132, s0w, s0vr);
        f[n++] = FeatureHash.F(133, s0p, s0vr);
        f[n++] = FeatureHash.F(134, s0w, s0vl);
        f[n++] = FeatureHash.F(135, s0p, s0vl);
        f[n++] = FeatureHash.F(136, n0w, n0vl);
        f[n++] = FeatureHash.F(137, n0p, n0vl);
        f[n++] = FeatureHash.F(138, W(words, s0h));
        f[n++] = FeatureHash.F(139, P(tags, s0h));
        f[n++] = FeatureHash.F(140, W(words, s0l));
        f[n++] = FeatureHash.F(141, P(tags, s0l));
        f[n++] = FeatureHash.F(142, W(words, s0r));
        f[n++] = FeatureHash.F(143, P(tags, s0r));
        f[n++] = FeatureHash.F(144, W(words, n0l));
        f[n++] = FeatureHash.F(145, P(tags, n0l));
        f[n++] = FeatureHash.F(146, W(words, s0h2));
        f[n++] = FeatureHash.F(147, P(tags, s0h2));
        f[n++] = FeatureHash.F(148, W(words, s0l2));
        f[n++] = FeatureHash.F(149, P(tags, s0l2));
        f[n++] = FeatureHash.F(150, W(words, s0r2));
        f[n++] = FeatureHash.F(151, P(tags, s0r2));
        f[n++] = FeatureHash.F(152, W(words, n0l2));
        f[n++] = FeatureHash.F(153, P(tags, n0l2));
        f[n++] = FeatureHash.F(154, s0p, P(tags, s0l), P(tags, s0l2));
        f[n++] = FeatureHash.F(155, s0p, P(tags, s0r), P(tags, s0r2));
        f[n++] = FeatureHash.F(156, s0p, P(tags, s0h), P(tags, s0h2));
        f[n++] = FeatureHash.F(157, n0p, P(tags, n0l), P(tags, n0l2));
        f[n++] = FeatureHash.F(158, s0headed, s0p, n0p);
        f[n++] = FeatureHash.F(159, P(tags, s1), s0p, n0p);
        f[n++] = FeatureHash.F(160, P(tags, s1), s0p);
        f[n++] = FeatureHash.F(161, s0headed, s0wp);
        f[n++] = FeatureHash.F(162, n0p, n0 >= 0 ? words[n0].Suffix3 : FeatureHash.None, s0p);
        f[n++] = FeatureHash.F(163, n0w, n1w);
        f[n++] = FeatureHash.F(164, s0w, n0p, n1p);
        f[n++] = FeatureHash.F(165, s0p, n0w, n1p);
        f[n++] = FeatureHash.F(166, s0 >= 0 ? words[s0].Suffix3 : FeatureHash.None, s0p, n0p);
        f[n++] = FeatureHash.F(167, FeatureHash.F(0, P(tags, state.Input(3)), n0p), n1p, n2p);
        f[n++] = FeatureHash.F(168, W(words, s1), s0p, n0p);
        return n;
    }

    private static int Child(int i) => i > 0 ? i : -1;

    private static ulong W(ReadOnlySpan<WordAtoms> words, int i) => i < 0 ? FeatureHash.None : words[i].Lower;

    private static ulong P(ReadOnlySpan<int> tags, int i) => i < 0 ? FeatureHash.None : FeatureHash.Of(tags[i]);
}
