namespace Vigie.Text.Syntax;

/// <summary>How a syntax model is trained: epochs per part, the seed, the folds used to give the parser the tagger's
/// own mistakes (jackknifing) rather than gold tags, and whether the tagger gets a second pass that reads the first
/// pass's (jackknifed) tags on the right; <c>HeadlineEvery</c> adds a headline copy of every n-th sentence
/// (<see cref="Headlines"/>; 0: none).</summary>
/// <remarks>Features whose averaged weights all stay below the prune thresholds are dropped: scoring is bound by
/// memory latency, and a smaller table stays in cache. Measured on EWT dev: pruning at 0.5 costs nothing; at 2, 0.4 UAS
/// and 0.5 UPOS for a quarter of the features.</remarks>
public sealed record SyntaxTrainingOptions(int TaggerEpochs = 10, int ParserEpochs = 15, int LabelerEpochs = 10, int FeatsEpochs = 6, int Folds = 4, int Seed = 1,
    float TaggerPrune = 0.5f, float FeatsPrune = 0.5f, float ParserPrune = 1.0f, float LabelerPrune = 1.0f, bool SecondPass = true, int HeadlineEvery = 0);

/// <summary>Trains a <see cref="SyntaxAnalyzer"/> from treebank sentences; the same sentences, options and lexicon
/// give the same model, byte for byte.</summary>
public static class SyntaxTrainer
{
    /// <summary>Trains every part of the model.</summary>
    public static SyntaxAnalyzer Train(string language, string trainedOn, IReadOnlyList<ConlluSentence> sentences, IWordClasses classes, SyntaxTrainingOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(options);
        if (sentences.Count == 0) throw new ArgumentException("no training sentences", nameof(sentences));
        sentences = Headlines.Augment(sentences, options.HeadlineEvery, out var origins);
        var atoms = sentences.Select(s => s.Words.Select(w => WordAtoms.Of(w.Form, classes)).ToArray()).ToArray();
        var goldTags = sentences.Select(s => s.Words.Select(w => (int)w.Upos).ToArray()).ToArray();
        var tagData = atoms.Zip(goldTags, (a, t) => (a, t)).ToList();

        // Jackknifing: each fold is tagged by a tagger trained on the other folds.
        var predicted = new int[sentences.Count][];
        var folds = Math.Max(2, options.Folds);
        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, fold =>
        {
            var train = tagData.Where((_, i) => origins[i] % folds != fold).ToList();
            var tagger = Tagger.Train(train, options.TaggerEpochs, options.Seed + fold, options.TaggerPrune);
            for (var i = 0; i < sentences.Count; i++)
            {
                if (origins[i] % folds != fold) continue;
                var tags = new Upos[atoms[i].Length];
                tagger.Tag(atoms[i], tags);
                predicted[i] = tags.Select(t => (int)t).ToArray();
            }
        });
        var jackknifed = predicted.SelectMany(p => p).Zip(goldTags.SelectMany(g => g)).Count(x => x.First == x.Second) / (double)goldTags.Sum(g => g.Length);
        log?.Invoke($"jackknifed tagging accuracy: {jackknifed:0.0000}");

        Tagger finalTagger = null!;
        Tagger? retagger = null;
        Parser parser = null!;
        FeatsTagger feats = null!;
        var withRoot = atoms.Select(a => new[] { WordAtoms.Root }.Concat(a).ToArray()).ToArray();
        var parserTags = predicted.Select(p => Parser.TagsWithRoot(p.Select(t => (Upos)t).ToArray())).ToArray();
        var heads = sentences.Select(s => new[] { -1 }.Concat(s.Words.Select(w => w.Head)).ToArray()).ToArray();
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => finalTagger = Tagger.Train(tagData, options.TaggerEpochs, options.Seed, options.TaggerPrune, log),
            () => retagger = options.SecondPass ? Tagger.Train(tagData, options.TaggerEpochs, options.Seed, options.TaggerPrune, log, predicted) : null,
            () => parser = Parser.Train(withRoot.Select((a, i) => (a, parserTags[i], heads[i])).ToList(), options.ParserEpochs, options.Seed, options.ParserPrune, log),
            () => feats = FeatsTagger.Train(atoms.Select((a, i) => (a, predicted[i].Select(t => (Upos)t).ToArray(), sentences[i].Words.Select(w => w.Feats).ToArray())).ToList(), options.FeatsEpochs, options.Seed, options.FeatsPrune));

        var labels = sentences.SelectMany(s => s.Words).Select(w => w.Relation).Where(r => r != "root").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var labelData = sentences.Select((s, i) =>
        {
            var predictedFeats = feats.Predict(atoms[i], predicted[i].Select(t => (Upos)t).ToArray());
            var gold = s.Words.Select(w => labelIndex.GetValueOrDefault(w.Relation)).Prepend(0).ToArray();
            return (withRoot[i], parserTags[i], SyntaxAnalyzer.FeatAtoms(predictedFeats), heads[i], gold);
        }).ToList();
        var labeler = Labeler.Train(labelData, labels, options.LabelerEpochs, options.Seed, options.LabelerPrune, log);
        var lemmatizer = Lemmatizer.Train(sentences.SelectMany(s => s.Words).Select(w => (w.Form, w.Upos, w.Lemma)));
        var multiwords = MultiwordSplitter.Train(sentences, classes, 5, options.Seed);
        return new SyntaxAnalyzer(language, trainedOn, finalTagger, retagger, feats, lemmatizer, parser, labeler, multiwords, classes);
    }
}
