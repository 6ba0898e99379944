using Vigie.Text.Syntax;

namespace Vigie.Text.Tests.Syntax;

public sealed class TrainingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigie-syntax-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly SyntaxTrainingOptions Quick = new(TaggerEpochs: 5, ParserEpochs: 8, LabelerEpochs: 5, FeatsEpochs: 3, Folds: 2, Seed: 7,
        TaggerPrune: 0, FeatsPrune: 0, ParserPrune: 0, LabelerPrune: 0);

    private static SyntaxAnalyzer Train() => SyntaxTrainer.Train("en", "tiny.conllu", TinyTreebank.Sentences(), NoWordClasses.Instance, Quick);

    [Fact]
    public void Training_twice_with_one_seed_writes_the_same_model_byte_for_byte()
    {
        var a = Path.Combine(_dir, "a.model");
        var b = Path.Combine(_dir, "b.model");
        Train().Save(a);
        Train().Save(b);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void A_model_trained_on_a_tiny_treebank_reads_its_sentences_back_and_survives_saving()
    {
        var model = Train();
        var sentences = TinyTreebank.Sentences();
        var score = TreebankScorer.ScoreGoldTokens(model, sentences);
        Assert.Equal(5, score.Sentences);
        Assert.True(score.Upos >= 0.9, $"UPOS {score.Upos}");
        Assert.True(score.Uas >= 0.8, $"UAS {score.Uas}");
        var path = Path.Combine(_dir, "tiny.model");
        model.Save(path);
        var loaded = SyntaxAnalyzer.Load(path, NoWordClasses.Instance);
        Assert.Equal(score, TreebankScorer.ScoreGoldTokens(loaded, sentences));
        Assert.Equal("en", loaded.Language);
    }

    [Fact]
    public void A_loaded_model_saves_back_to_the_same_bytes_and_analyses_as_the_trained_one()
    {
        // The weight tables are laid out for scoring once loaded; writing them must give back the file's format.
        var model = Train();
        var first = Path.Combine(_dir, "first.model");
        var second = Path.Combine(_dir, "second.model");
        model.Save(first);
        var loaded = SyntaxAnalyzer.Load(first, NoWordClasses.Instance);
        loaded.Save(second);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        foreach (var sentence in TinyTreebank.Sentences())
        {
            var forms = sentence.Words.Select(w => w.Form).ToArray();
            var a = model.Analyze(forms);
            var b = loaded.Analyze(forms);
            Assert.Equal(a.Tags, b.Tags);
            Assert.Equal(a.Feats, b.Feats);
            Assert.Equal(a.Lemmas, b.Lemmas);
            Assert.Equal(a.Heads, b.Heads);
            Assert.Equal(a.Relations, b.Relations);
        }
    }

    [Fact]
    public void The_multiword_tokens_of_the_treebank_are_split_as_it_splits_them()
    {
        var model = Train();
        Assert.Equal(["Soldiers", "can", "not", "leave"], model.Words(["Soldiers", "cannot", "leave"]).Select(w => w.Form));
        Assert.Equal([0, 1, 1, 2], model.Words(["Soldiers", "cannot", "leave"]).Select(w => w.Token));
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused_with_its_name()
    {
        var path = Path.Combine(_dir, "bad.model");
        File.WriteAllText(path, "not a model");
        var e = Assert.ThrowsAny<Exception>(() => SyntaxAnalyzer.Load(path, NoWordClasses.Instance));
        Assert.True(e is InvalidDataException, e.GetType().Name);
        Assert.Contains("bad.model", e.Message, StringComparison.Ordinal);
    }
}

public sealed class TreebankScorerTests
{
    [Fact]
    public void Scores_count_tags_heads_and_universal_relations_as_the_conll_2018_script_does()
    {
        var gold = TinyTreebank.Sentences()[3]; // The village was attacked by gunmen .
        var system = new WordAnalysis(
            [Upos.DET, Upos.NOUN, Upos.AUX, Upos.VERB, Upos.ADP, Upos.PROPN, Upos.PUNCT],
            ["", "", "", "", "", "", ""],
            ["the", "village", "be", "attack", "by", "gunmen", "."],
            [2, 4, 4, 0, 6, 4, 6],
            ["det", "nsubj", "aux:pass", "root", "case", "obl:agent", "punct"]);
        var score = TreebankScorer.Score(gold, system);
        Assert.Equal(7, score.GoldWords);
        Assert.Equal(6, score.UposCorrect);          // gunmen tagged PROPN
        Assert.Equal(6, score.HeadCorrect);          // the full stop hangs from gunmen
        Assert.Equal(6, score.LabelCorrect);         // nsubj for nsubj:pass and obl:agent for obl count: universal parts agree
        Assert.Equal(6.0 / 7, score.Uas, 6);
        Assert.Equal(1.0, score.Words, 6);
    }

    [Fact]
    public void Conllu_reader_names_the_file_and_line_of_a_broken_line()
    {
        var e = Assert.Throws<FormatException>(() => Conllu.Read(new StringReader("# text = a\n1\ta\ta\tX\n"), "broken.conllu"));
        Assert.StartsWith("broken.conllu:2:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Conllu_reader_keeps_multiword_tokens_apart_from_words()
    {
        var s = TinyTreebank.Sentences()[4];
        Assert.Equal(7, s.Words.Count);
        Assert.Equal(new MultiwordToken(2, 3, "cannot"), Assert.Single(s.Multiwords));
    }
}
