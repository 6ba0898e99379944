using Vigie.Core;
using Vigie.Testing;

namespace Vigie.Text.Tests;

/// <summary>Every number and date of the two seed samples (read from ../shared at test time).</summary>
public sealed class SampleTests
{
    private static (string Text, PartialDate Date) ReadSample(string relative)
    {
        // Seed format: optional blanks, "date", a blank, the date, a blank, then the article.
        var raw = File.ReadAllText(SharedFiles.PathOf(relative)).TrimStart();
        Assert.StartsWith("date ", raw, StringComparison.Ordinal);
        var rest = raw[5..];
        var blank = rest.IndexOf(' ', StringComparison.Ordinal);
        return (rest[(blank + 1)..], PartialDate.Parse(rest[..blank]));
    }

    private static readonly string[] FrenchNumbers =
    [
        "150 km=150-150 unit=km",
        "8 000=8000-8000 approximate unit=troops",
        "3 000=3000-3000 unit=troops",
        "millier=1000-1000 approximate unit=troops",
        "3 500 à 4 000=3500-4000 unit=troops",
        "vingt=20-20 unit=years",
        "183=183-183 lower_bound unit=fatalities",
    ];

    private static readonly string[] EnglishNumbers =
    [
        "150 km=150-150 unit=km",
        "8,000=8000-8000 approximate unit=troops",
        "3,000=3000-3000 unit=troops",
        "thousand=1000-1000 approximate unit=troops",
        "3,500 to 4,000=3500-4000 unit=troops",
        "twenty=20-20 unit=years",
        "183=183-183 lower_bound unit=fatalities",
    ];

    private static readonly string[] FrenchDates =
    [
        "une semaine=2021-08 month end=2021-08",
        "vendredi=2021-08 month friday",
        "jeudi=2021-08 month thursday",
        "mai=2021-05 month",
        "31 août=2021-08-31 day",
        "jeudi=2021-08 month thursday",
        "11 septembre 2001=2001-09-11 day",
        "jeudi=2021-08 month thursday",
        "un mois=2021-07 month end=2021-08",
    ];

    private static readonly string[] EnglishDates =
    [
        "a week=2021-08 month end=2021-08",
        "Friday=2021-08 month friday",
        "Thursday=2021-08 month thursday",
        "May=2021-05 month",
        "31 August=2021-08-31 day",
        "Thursday=2021-08 month thursday",
        "11 September 2001=2001-09-11 day",
        "Thursday=2021-08 month thursday",
        "a month=2021-07 month end=2021-08",
    ];

    [SharedTheory]
    [InlineData("fr", "samples/fr/2021-08-afghanistan-talibans.txt")]
    [InlineData("en", "samples/en/2021-08-afghanistan-taliban.txt")]
    public void Every_number_of_the_sample(string language, string file)
    {
        var (text, date) = ReadSample(file);
        var a = TestData.Layer.Analyze(text, language, date);
        var expected = language == "fr" ? FrenchNumbers : EnglishNumbers;
        var actual = a.Numbers.Select(n =>
        {
            var q = n.Quantity;
            var flags = (q.Approximate ? " approximate" : "") + (q.LowerBound ? " lower_bound" : "") + (q.UpperBound ? " upper_bound" : "");
            return $"{q.Low}-{q.High}{flags} unit={q.Kind}";
        }).ToList();
        Assert.Equal(expected.Select(e => e[(e.IndexOf('=', StringComparison.Ordinal) + 1)..]), actual);
        for (var k = 0; k < expected.Length; k++)
        {
            var fragment = expected[k][..expected[k].IndexOf('=', StringComparison.Ordinal)];
            var around = text[Math.Max(0, a.Numbers[k].Start - 5)..Math.Min(text.Length, a.Numbers[k].End + 5)];
            Assert.Contains(fragment, around, StringComparison.Ordinal);
        }
    }

    [SharedTheory]
    [InlineData("fr", "samples/fr/2021-08-afghanistan-talibans.txt")]
    [InlineData("en", "samples/en/2021-08-afghanistan-taliban.txt")]
    public void Every_date_of_the_sample(string language, string file)
    {
        var (text, date) = ReadSample(file);
        var a = TestData.Layer.Analyze(text, language, date);
        var expected = language == "fr" ? FrenchDates : EnglishDates;
        var actual = a.Dates.Select(d =>
        {
            var precision = d.Date.Precision.ToString().ToLowerInvariant();
            return $"{d.Date.Value} {precision}" + (d.Date.Weekday is { } w ? " " + w : "") + (d.Date.End is { } e ? " end=" + e : "");
        }).ToList();
        Assert.Equal(expected.Select(e => e[(e.IndexOf('=', StringComparison.Ordinal) + 1)..]), actual);
        for (var k = 0; k < expected.Length; k++)
            Assert.Contains(expected[k][..expected[k].IndexOf('=', StringComparison.Ordinal)], a.Dates[k].Text, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Headline_questions_are_their_own_sentences_and_paragraphs_are_lines()
    {
        var (text, date) = ReadSample("samples/fr/2021-08-afghanistan-talibans.txt");
        var a = TestData.Layer.Analyze(text, "fr", date);
        Assert.EndsWith("?", text[a.Sentences[0].Start..a.Sentences[0].End], StringComparison.Ordinal);
        Assert.Equal(1, a.Sentences[1].Paragraph);
        var lines = text.Split('\n');
        foreach (var s in a.Sentences)
            Assert.Contains(text[s.Start..s.End], lines[s.Paragraph - 1], StringComparison.Ordinal);
    }
}
