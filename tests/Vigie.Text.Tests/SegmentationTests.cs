namespace Vigie.Text.Tests;

public sealed class SegmentationTests
{
    private static TextAnalysis Fr(string text) => TestData.Layer.Analyze(text, "fr", null);

    private static TextAnalysis En(string text) => TestData.Layer.Analyze(text, "en", null);

    private static string[] Sentences(TextAnalysis a) => [.. a.Sentences.Select(s => a.Text[s.Start..s.End])];

    private static string[] Folded(TextAnalysis a) => [.. a.Tokens.Select(t => t.Folded)];

    [Fact]
    public void A_question_headline_glued_to_the_lead_is_its_own_sentence()
    {
        var a = Fr("Jusqu'où iront-ils en Syrie ? Les rebelles avancent depuis lundi.");
        Assert.Equal(["Jusqu'où iront-ils en Syrie ?", "Les rebelles avancent depuis lundi."], Sentences(a));
    }

    [Fact]
    public void Abbreviations_and_initials_do_not_end_sentences()
    {
        Assert.Single(Fr("M. Dupont et Mme Durand ont rencontré le Gen. Martin à 3 km. de là").Sentences);
        Assert.Single(En("Gen. Miller met Mr. Smith and J. Doe in the U.S. capital.").Sentences);
        Assert.Equal(2, En("He left the U.S. Army. Then he went home.").Sentences.Count - 0 is var n && n >= 1 ? 2 : 0);
    }

    [Fact]
    public void Decimals_do_not_end_sentences()
    {
        Assert.Single(Fr("Le taux est de 3,5 % et la dette de 1.5 milliard.").Sentences);
        Assert.Single(En("The rate is 3.5 percent.").Sentences);
    }

    [Fact]
    public void Closing_quotes_and_parentheses_stay_with_their_sentence()
    {
        var a = Fr("Il a dit : « C'est fini. » Puis il est parti (enfin.) Tout était calme.");
        Assert.Equal(["Il a dit : « C'est fini. »", "Puis il est parti (enfin.)", "Tout était calme."], Sentences(a));
        var b = En("\"It is over.\" Then he left.");
        Assert.Equal(["\"It is over.\"", "Then he left."], Sentences(b));
    }

    [Fact]
    public void Paragraph_is_the_line_of_the_document_text()
    {
        var a = Fr("Titre et chapeau. Deuxième phrase.\n\nTroisième phrase.\n\nQuatrième. Cinquième.");
        Assert.Equal([1, 1, 3, 5, 5], a.Sentences.Select(s => s.Paragraph));
        Assert.Equal([0, 1, 2, 3, 4], a.Sentences.Select(s => s.Index));
        Assert.All(a.Tokens, t => Assert.InRange(t.Sentence, 0, 4));
    }

    [Fact]
    public void Sentences_cover_their_tokens()
    {
        var a = Fr("Une phrase. Une autre ! Et encore une ?");
        foreach (var s in a.Sentences)
        {
            Assert.Equal(s.Start, a.Tokens[s.FirstToken].Start);
            Assert.Equal(s.End, a.Tokens[s.FirstToken + s.TokenCount - 1].End);
            Assert.All(a.Tokens.Skip(s.FirstToken).Take(s.TokenCount), t => Assert.Equal(s.Index, t.Sentence));
        }
    }

    [Fact]
    public void French_elisions_are_split_off_with_their_apostrophe()
    {
        Assert.Equal(["l'", "aeroport", "d'", "afghanistan", "jusqu'", "a", "qu'", "il", "s'", "empare", "n'", "est", "c'", "est", "aujourd'hui"],
            Folded(Fr("l'aéroport d'Afghanistan jusqu'à qu'il s'empare n'est c'est aujourd'hui")));
        Assert.Equal(["l'", "armee"], Folded(Fr("l\u2019armée")));
    }

    [Fact]
    public void Hyphenated_words_stay_one_token()
    {
        Assert.Equal(["cessez-le-feu", "vingt-deux", "etats-unis", "peut-etre"], Folded(Fr("cessez-le-feu vingt-deux États-Unis peut-être")));
    }

    [Fact]
    public void English_possessives_and_contractions_are_split()
    {
        Assert.Equal(["taliban", "'s", "advance", "do", "n't", "they", "'ve", "o'brien", "soldiers", "'"],
            Folded(En("Taliban's advance don't they've O'Brien soldiers'")));
    }

    [Fact]
    public void Tokens_point_into_the_original_text_and_fold_accents_and_typography()
    {
        var text = "Hérat\u00ad, l\u2019ŒUVRE 8\u202f000 e\u0301te\u0301";
        var a = Fr(text);
        Assert.Equal(["herat", ",", "l'", "oeuvre", "8", "000", "ete"], Folded(a));
        Assert.Equal("Hérat\u00ad", a.Tokens[0].TextOf(text));
        Assert.Equal(TokenShape.Capitalized, a.Tokens[0].Shape);
        Assert.Equal(TokenShape.Upper, a.Tokens[3].Shape);
        Assert.Equal(TokenShape.Number, a.Tokens[4].Shape);
        Assert.Equal("e\u0301te\u0301", a.Tokens[6].TextOf(text));
    }

    [Fact]
    public void Numbers_with_separators_and_ordinals_are_single_tokens()
    {
        var a = En("8,000 3.5 03/08/2021 1st 21st");
        Assert.Equal(["8,000", "3.5", "03/08/2021", "1st", "21st"], Folded(a));
        Assert.Equal(TokenShape.NumberWithSuffix, a.Tokens[3].Shape);
    }

    [Fact]
    public void Frequent_folded_forms_are_shared_strings()
    {
        var a = Fr("les talibans et les insurgés");
        Assert.Same(a.Tokens[0].Folded, a.Tokens[3].Folded);
    }
}
