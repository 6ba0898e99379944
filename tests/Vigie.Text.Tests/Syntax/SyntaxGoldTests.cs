using System.Text.Json.Nodes;
using Vigie.Text.Syntax;

namespace Vigie.Text.Tests.Syntax;

/// <summary>Runs every case of <c>data/lang/&lt;code&gt;/gold/syntax.jsonl</c> (sentences whose trees were checked by
/// hand) through the committed model: words, parts of speech and arcs. An arc names its words by form, <c>form#2</c>
/// for the second word of that form; a relation without a subtype is compared on its universal part. A case marked
/// <c>"strict": false</c> is one the model is known to get partly wrong: it counts in the per-language arc accuracy
/// (which must stay at or above 0.85) but is not asserted alone.</summary>
public sealed class SyntaxGoldTests
{
    private static readonly Lazy<LanguagePacks> Packs = new(() => LanguagePacks.Load(DataPaths.Root));

    internal static ISentenceParser ParserFor(string language)
    {
        var pack = Packs.Value.Find(language)!;
        Assert.NotNull(pack.SyntaxModel);
        return pack.Parser;
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var dir in Directory.EnumerateDirectories(TestData.LangRoot).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(dir, "gold", "syntax.jsonl");
            if (!File.Exists(file)) continue;
            foreach (var json in File.ReadLines(file).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!))
                if (json["strict"] is not JsonValue strict || (bool)strict)
                    data.Add(Path.GetFileName(dir), (string)json["name"]!);
        }
        return data;
    }

    [Fact]
    public void Every_language_with_a_syntax_model_has_syntax_gold()
    {
        foreach (var dir in Directory.EnumerateDirectories(TestData.LangRoot))
            if (SyntaxSettings.Load(dir) is not null)
                Assert.True(File.Exists(Path.Combine(dir, "gold", "syntax.jsonl")), $"{dir}: a syntax model without gold/syntax.jsonl");
    }

    private static List<JsonObject> Load(string language) =>
        [.. File.ReadLines(Path.Combine(TestData.LangRoot, language, "gold", "syntax.jsonl")).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject())];

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void Hand_checked_arcs_are_right_at_least_85_percent_of_the_time(string language)
    {
        int right = 0, total = 0;
        foreach (var json in Load(language))
        {
            var words = Parse(language, (string)json["text"]!);
            foreach (var arc in json["arcs"]!.AsArray())
            {
                total++;
                if (Check(words, arc!.AsArray()) is null) right++;
            }
        }
        Assert.True(right >= 0.85 * total, $"{right} of {total} hand-checked arcs right");
    }

    [Theory]
    [InlineData("en", "On 12 May 2021, an attack was carried out in Tessit (Gao region) by an armed group.")]
    [InlineData("en", "On 4 June 2021, members of a jihadist group and the army clashed near Boni.")]
    [InlineData("en", "Around 10 March 2021 (between 9 - 11 March), members of a gang abducted between 3 and 5 traders in Kaduna.")]
    [InlineData("fr", "Le 3 octobre 2020, des membres d'une milice ont incendié des maisons à Dori.")]
    [InlineData("fr", "Dans la nuit du 12 au 13 mars, des hommes armés ont attaqué le poste de Diafarabé.")]
    public void A_sentence_that_opens_on_a_date_parses_to_one_tree_not_rooted_in_the_date(string language, string text)
    {
        var words = Parse(language, text);
        Assert.Single(words, w => w.Head == 0);
        for (var i = 0; i < words.Count; i++)
        {
            var (w, steps) = (i + 1, 0);
            while (w != 0 && steps++ <= words.Count) w = words[w - 1].Head;
            Assert.True(w == 0, $"word {i + 1} '{words[i].Form}' does not reach the root");
        }
        var root = words.Find(w => w.Head == 0);
        Assert.False(char.IsDigit(root.Form[0]) || root.Upos is Upos.PUNCT or Upos.ADP or Upos.DET, $"the root is '{root.Form}'");
    }

    private static List<Word> Parse(string language, string text)
    {
        // A document date, as news has one: dates without a year ("On Aug 26th") are read, and the parse keeps them whole.
        var analysis = TestData.Layer.Analyze(text, language, new Vigie.Core.PartialDate(2020, 10, 5));
        return [.. analysis.Sentences.SelectMany(s => ParserFor(language).Parse(analysis, s).Words)];
    }

    /// <summary>Null when the arc is in the tree, else what is wrong.</summary>
    private static string? Check(List<Word> words, JsonArray arc)
    {
        var dependent = Find(words, (string)arc[0]!);
        var relation = (string)arc[1]!;
        var headName = (string)arc[2]!;
        var head = headName == "ROOT" ? 0 : Find(words, headName) + 1;
        var actual = words[dependent];
        var sameRelation = relation.Contains(':', StringComparison.Ordinal) ? actual.Relation == relation : TreebankScore.Universal(actual.Relation) == relation;
        return actual.Head == head && sameRelation ? null : $"expected {arc[0]} --{relation}--> {headName}";
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string language, string name)
    {
        var json = Load(language).Single(j => (string)j["name"]! == name);
        var text = (string)json["text"]!;
        var words = Parse(language, text);
        var shown = string.Join(" ", words.Select((w, i) => $"{i + 1}:{w.Form}/{w.Upos}/{w.Relation}>{w.Head}"));
        if (json["words"] is JsonArray expectedWords)
            Assert.Equal(expectedWords.Select(w => (string)w!), words.Select(w => w.Form));
        foreach (var pair in json["upos"]?.AsArray() ?? [])
        {
            var index = Find(words, (string)pair![0]!);
            Assert.True(words[index].Upos.ToString() == (string)pair[1]!, $"{name}: '{pair[0]}' should be {pair[1]}: {shown}");
        }
        foreach (var arc in json["arcs"]!.AsArray())
            if (Check(words, arc!.AsArray()) is { } wrong) Assert.Fail($"{name}: {wrong}: {shown}");
    }

    private static int Find(List<Word> words, string name)
    {
        var hash = name.LastIndexOf('#');
        var nth = hash > 0 && int.TryParse(name.AsSpan(hash + 1), out var k) ? k : 1;
        var form = hash > 0 && nth > 0 && name.Length > hash + 1 && char.IsDigit(name[hash + 1]) ? name[..hash] : name;
        var seen = 0;
        for (var i = 0; i < words.Count; i++)
            if (words[i].Form == form && ++seen == nth) return i;
        throw new KeyNotFoundException($"no word '{name}' in: {string.Join(" ", words.Select(w => w.Form))}");
    }
}
