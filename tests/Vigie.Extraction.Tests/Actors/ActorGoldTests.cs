using Vigie.Testing;
using Vigie.Text;

namespace Vigie.Extraction.Tests.Actors;

/// <summary>Runs every case of <c>data/lang/&lt;code&gt;/gold/actors.jsonl</c> as its own named test.</summary>
/// <remarks>A case lists every actor mention the text must give, in order (<c>"expect": []</c> for none): the mention's
/// text and actor id, and where given its role, country and rule.</remarks>
public sealed class ActorGoldTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, GoldCase>> AllCases = new(() => GoldCases.Load(Path.Combine(DataPaths.Root, "lang"), "actors"));

    public static TheoryData<string> Cases() => GoldCases.Ids(AllCases.Value);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gold_case_gives_exactly_its_mentions(string name)
    {
        var c = AllCases.Value[name];
        var found = ActorFixture.Recognizer.Recognize(c.Text, c.Language, GoldCases.Day(c.Date));
        var expected = c.Expect;
        var where = c.Where;
        var got = string.Join("; ", found.Select(m => $"'{m.Text}'={m.Actor.Id}/{m.Actor.Role}/{m.Actor.Country}/{m.Rule}"));
        Assert.True(expected.Count == found.Count, $"{where}: expected {expected.Count} mentions, got {found.Count}: {got}");
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var m = found[i];
            Assert.True(e.GetProperty("text").GetString() == m.Text, $"{where}: mention {i + 1} should read '{e.GetProperty("text").GetString()}'; got {got}");
            Assert.True(e.GetProperty("id").GetString() == m.Actor.Id, $"{where}: '{m.Text}' should be {e.GetProperty("id").GetString()}; got {got}");
            Assert.Equal(m.Text, c.Text[m.Start..m.End]);
            if (e.TryGetProperty("role", out var role)) Assert.True(role.GetString() == m.Actor.Role, $"{where}: '{m.Text}' should have role {role.GetString()}; got {got}");
            if (e.TryGetProperty("country", out var country)) Assert.True(country.GetString() == m.Actor.Country, $"{where}: '{m.Text}' should have country {country.GetString() ?? "null"}; got {got}");
            if (e.TryGetProperty("rule", out var rule)) Assert.True(rule.GetString() == m.Rule, $"{where}: '{m.Text}' should be read by rule {rule.GetString()}; got {got}");
        }
    }

    [Fact]
    public void Every_language_with_actor_data_has_gold_and_together_they_hold_150_mentions()
    {
        var languages = ActorFixture.Recognizer.Languages;
        foreach (var language in languages)
            Assert.True(AllCases.Value.Values.Count(c => c.Language == language) >= 30, $"language '{language}' needs at least 30 actor gold cases");
        var mentions = AllCases.Value.Values.Sum(c => c.Expect.Count);
        var negatives = AllCases.Value.Values.Count(c => c.Expect.Count == 0);
        Assert.True(mentions >= 150, $"the actor gold holds {mentions} expected mentions; at least 150 are needed");
        Assert.True(negatives >= 10, $"the actor gold holds {negatives} negative cases; at least 10 are needed");
    }
}
