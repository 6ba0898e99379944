using Vigie.Text.Syntax;

namespace Vigie.Text.Tests.Syntax;

public class HeadlinesTests
{
    private static ConlluSentence Sentence(int i) => TinyTreebank.Sentences()[i];

    [Fact]
    public void A_sentence_loses_its_articles_and_stop_keeps_its_auxiliary_and_its_tree()
    {
        var h = Headlines.Of(Sentence(3))!;
        Assert.Equal(["Village", "was", "attacked", "by", "gunmen"], h.Words.Select(w => w.Form));
        Assert.Equal([3, 3, 0, 5, 3], h.Words.Select(w => w.Head));
        Assert.Equal(["nsubj:pass", "aux:pass", "root", "case", "obl"], h.Words.Select(w => w.Relation));
    }

    [Fact]
    public void A_multiword_token_keeps_its_words_renumbered()
    {
        var h = Headlines.Of(Sentence(4))!;
        Assert.Equal(["Soldiers", "can", "not", "leave", "base"], h.Words.Select(w => w.Form));
        Assert.Equal(new MultiwordToken(2, 3, "cannot"), Assert.Single(h.Multiwords));
        Assert.Equal(4, h.Words[4].Head);
    }

    [Fact]
    public void A_word_with_dependents_is_never_dropped_and_a_sentence_with_nothing_to_drop_gives_no_copy()
    {
        var noArticle = new ConlluSentence(null,
            [new ConlluWord("Police", "police", Upos.NOUN, "_", 2, "nsubj"), new ConlluWord("left", "leave", Upos.VERB, "_", 0, "root")], []);
        Assert.Null(Headlines.Of(noArticle));
        var all = TinyTreebank.Sentences();
        var augmented = Headlines.Augment(all, 2, out var origins);
        // Every sentence here has something to drop: copies of the first, third and fifth, each beside its original.
        Assert.Equal(all.Count + 3, augmented.Count);
        Assert.Equal([0, 0, 1, 2, 2, 3, 4, 4], origins);
        Assert.Equal(all, Headlines.Augment(all, 0, out _));
    }
}
