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

    private static readonly IReadOnlyDictionary<string, GoldCase> Numbers = GoldCases.Samples(TestData.LangRoot, "numbers");
    private static readonly IReadOnlyDictionary<string, GoldCase> Dates = GoldCases.Samples(TestData.LangRoot, "dates");

    public static TheoryData<string> NumberSamples() => GoldCases.Ids(Numbers);

    public static TheoryData<string> DateSamples() => GoldCases.Ids(Dates);

    [SharedTheory]
    [MemberData(nameof(NumberSamples))]
    public void Every_number_of_the_sample(string id)
    {
        var c = Numbers[id];
        var (text, date) = ReadSample(c.Field("sample")!);
        var a = TestData.Layer.Analyze(text, c.Language, date);
        var expected = c.Expect;
        static string Flags(bool approximate, bool lower, bool upper) =>
            (approximate ? " approximate" : "") + (lower ? " lower_bound" : "") + (upper ? " upper_bound" : "");
        var actual = a.Numbers.Select(n =>
        {
            var q = n.Quantity;
            return $"{q.Low}-{q.High}{Flags(q.Approximate, q.LowerBound, q.UpperBound)} unit={q.Kind}";
        }).ToList();
        Assert.Equal(expected.Select(e =>
            $"{GoldCases.DecimalOf(e.GetProperty("low"))}-{GoldCases.DecimalOf(e.GetProperty("high"))}"
            + Flags(e.GetProperty("approximate").GetBoolean(), e.GetProperty("lower_bound").GetBoolean(), e.GetProperty("upper_bound").GetBoolean())
            + $" unit={e.GetProperty("unit").GetString()}"), actual);
        for (var k = 0; k < expected.Count; k++)
        {
            var around = text[Math.Max(0, a.Numbers[k].Start - 5)..Math.Min(text.Length, a.Numbers[k].End + 5)];
            Assert.Contains(expected[k].GetProperty("at").GetString()!, around, StringComparison.Ordinal);
        }
    }

    [SharedTheory]
    [MemberData(nameof(DateSamples))]
    public void Every_date_of_the_sample(string id)
    {
        var c = Dates[id];
        var (text, date) = ReadSample(c.Field("sample")!);
        var a = TestData.Layer.Analyze(text, c.Language, date);
        var expected = c.Expect;
        static string Show(string value, string precision, string? weekday, string? end) =>
            $"{value} {precision}" + (weekday is { } w ? " " + w : "") + (end is { } e ? " end=" + e : "");
        var actual = a.Dates.Select(d => Show(d.Date.Value, d.Date.Precision.ToString().ToLowerInvariant(), d.Date.Weekday, d.Date.End)).ToList();
        static string? Opt(System.Text.Json.JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;
        Assert.Equal(expected.Select(e => Show(e.GetProperty("value").GetString()!, e.GetProperty("precision").GetString()!, Opt(e, "weekday"), Opt(e, "end"))), actual);
        for (var k = 0; k < expected.Count; k++)
            Assert.Contains(expected[k].GetProperty("at").GetString()!, a.Dates[k].Text, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Every_language_has_sample_gold_for_numbers_and_dates() =>
        Assert.All(TestData.Layer.Languages, l => Assert.Contains(Numbers.Values, c => c.Language == l));

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
