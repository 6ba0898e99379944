namespace Vigie.Text.Syntax;

/// <summary>Tagging and parsing scores in the CoNLL 2018 shared task's sense: UPOS, UAS and LAS (universal relation
/// only, punctuation included) over words; with a tokenisation of one's own, F1 over aligned words.</summary>
public sealed record TreebankScore(int Sentences, int GoldWords, int SystemWords, int AlignedWords, int UposCorrect, int HeadCorrect, int LabelCorrect)
{
    /// <summary>Word segmentation F1 (1 with gold tokenisation).</summary>
    public double Words => F1(AlignedWords);

    /// <summary>UPOS F1 (accuracy with gold tokenisation).</summary>
    public double Upos => F1(UposCorrect);

    /// <summary>Unlabelled attachment F1.</summary>
    public double Uas => F1(HeadCorrect);

    /// <summary>Labelled attachment F1.</summary>
    public double Las => F1(LabelCorrect);

    private double F1(int correct) => GoldWords + SystemWords == 0 ? 0 : 2.0 * correct / (GoldWords + SystemWords);

    /// <summary>Adds two scores.</summary>
    public static TreebankScore operator +(TreebankScore a, TreebankScore b) => new(
        a.Sentences + b.Sentences, a.GoldWords + b.GoldWords, a.SystemWords + b.SystemWords, a.AlignedWords + b.AlignedWords,
        a.UposCorrect + b.UposCorrect, a.HeadCorrect + b.HeadCorrect, a.LabelCorrect + b.LabelCorrect);

    /// <summary>Nothing scored.</summary>
    public static TreebankScore Zero { get; } = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>The universal part of a relation (<c>nsubj:pass</c> → <c>nsubj</c>).</summary>
    public static string Universal(string relation)
    {
        var colon = relation.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? relation : relation[..colon];
    }
}

/// <summary>Scores a <see cref="SyntaxAnalyzer"/> on treebank sentences.</summary>
public static class TreebankScorer
{
    /// <summary>Scores with the treebank's own words (gold tokenisation).</summary>
    public static TreebankScore ScoreGoldTokens(SyntaxAnalyzer analyzer, IReadOnlyList<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var results = new TreebankScore[sentences.Count];
        Parallel.For(0, sentences.Count, i => results[i] = Score(sentences[i], analyzer.Analyze(sentences[i].Words.Select(w => w.Form).ToArray())));
        return results.Aggregate(TreebankScore.Zero, (x, y) => x + y);
    }

    /// <summary>Scores one analysis of a sentence's gold words against the gold tree.</summary>
    public static TreebankScore Score(ConlluSentence sentence, WordAnalysis system)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(system);
        var gold = sentence.Words;
        if (system.Tags.Length != gold.Count) throw new ArgumentException("the analysis must have the gold sentence's words", nameof(system));
        int upos = 0, head = 0, label = 0;
        for (var k = 0; k < gold.Count; k++)
        {
            if (system.Tags[k] == gold[k].Upos) upos++;
            if (system.Heads[k] != gold[k].Head) continue;
            head++;
            if (TreebankScore.Universal(system.Relations[k]) == TreebankScore.Universal(gold[k].Relation)) label++;
        }
        return new TreebankScore(1, gold.Count, gold.Count, gold.Count, upos, head, label);
    }

    /// <summary>A word of either side located in the sentence text: its token's span and its place among that token's words.</summary>
    private readonly record struct Located(int Start, int End, int Part);

    /// <summary>Scores from the raw <c># text</c>, tokenised by <paramref name="tokenize"/> (which returns the tokens'
    /// spans in the text); words are aligned by span, as the CoNLL 2018 script does.</summary>
    public static TreebankScore ScoreRaw(SyntaxAnalyzer analyzer, IReadOnlyList<ConlluSentence> sentences, Func<string, IReadOnlyList<(int Start, int End)>> tokenize)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(tokenize);
        var total = TreebankScore.Zero;
        foreach (var sentence in sentences)
        {
            var text = sentence.Text ?? string.Join(' ', sentence.Words.Select(w => w.Form));
            var gold = LocateGold(sentence, text);
            if (gold is null) continue;
            var spans = tokenize(text);
            var tokens = spans.Select(s => text[s.Start..s.End]).ToArray();
            var words = analyzer.Words(tokens);
            var a = analyzer.Analyze(words.Select(w => w.Form).ToArray());
            var system = new Located[words.Count];
            for (var k = 0; k < words.Count; k++)
            {
                var part = k > 0 && words[k - 1].Token == words[k].Token ? system[k - 1].Part + 1 : 0;
                var span = spans[words[k].Token];
                system[k] = new Located(span.Start, span.End, part);
            }
            var goldIndex = new Dictionary<Located, int>();
            for (var k = 0; k < gold.Length; k++) goldIndex.TryAdd(gold[k], k);
            var toGold = new int[words.Count];
            int aligned = 0, upos = 0, head = 0, label = 0;
            for (var k = 0; k < words.Count; k++) toGold[k] = goldIndex.TryGetValue(system[k], out var g) ? g : -1;
            for (var k = 0; k < words.Count; k++)
            {
                var g = toGold[k];
                if (g < 0) continue;
                aligned++;
                var gw = sentence.Words[g];
                if (a.Tags[k] == gw.Upos) upos++;
                var sh = a.Heads[k];
                var headAligned = sh == 0 ? gw.Head == 0 : toGold[sh - 1] >= 0 && toGold[sh - 1] + 1 == gw.Head;
                if (!headAligned) continue;
                head++;
                if (TreebankScore.Universal(a.Relations[k]) == TreebankScore.Universal(gw.Relation)) label++;
            }
            total += new TreebankScore(1, gold.Length, words.Count, aligned, upos, head, label);
        }
        return total;
    }

    /// <summary>Finds each gold word's token in the text (multiword tokens' parts share their token's span).</summary>
    private static Located[]? LocateGold(ConlluSentence sentence, string text)
    {
        var result = new Located[sentence.Words.Count];
        var at = 0;
        var mwt = 0;
        for (var i = 1; i <= sentence.Words.Count; i++)
        {
            while (mwt < sentence.Multiwords.Count && sentence.Multiwords[mwt].Last < i) mwt++;
            var isMulti = mwt < sentence.Multiwords.Count && sentence.Multiwords[mwt].First == i;
            var form = isMulti ? sentence.Multiwords[mwt].Form : sentence.Words[i - 1].Form;
            while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
            var found = text.IndexOf(form, at, StringComparison.Ordinal);
            if (found < 0) return null;
            var span = (found, found + form.Length);
            at = span.Item2;
            if (isMulti)
            {
                var m = sentence.Multiwords[mwt];
                for (var k = m.First; k <= m.Last; k++) result[k - 1] = new Located(span.found, span.Item2, k - m.First);
                i = m.Last;
            }
            else result[i - 1] = new Located(span.found, span.Item2, 0);
        }
        return result;
    }
}
