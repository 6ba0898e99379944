using System.Text.Json;
using Vigie.Core;
using Vigie.Testing;

namespace Vigie.Pipeline.Tests;

/// <summary>Runs every case of <c>data/lang/*/gold/events.jsonl</c> through the whole pipeline, one named test each.</summary>
/// <remarks>Each expected event names its <c>type</c> and may name <c>modality</c>, <c>actor1</c>, <c>actor2</c> and
/// <c>claimant</c> (actor ids), <c>attributed_to</c> (a word of the source's name or id), <c>place</c> (a location's name), <c>date</c> (the event date's value, e.g. <c>2021-08-13</c>
/// or <c>2021-08</c>) and <c>quantities</c> (exactly these kinds and values): an event fits when every field named is
/// equal. <c>forbid</c> lists types that must not appear; <c>known_failure</c> says why Vigie misses a case (it must
/// still fail; once it passes, the mark goes).</remarks>
public sealed class EventGoldTests
{
    private static readonly IReadOnlyDictionary<string, GoldCase> Cases = GoldCases.Load(Path.Combine(TestData.DataRoot, "lang"), "events");

    /// <summary>Every case id.</summary>
    public static TheoryData<string> CaseIds() => GoldCases.Ids(Cases);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case(string id)
    {
        var c = Cases[id];
        var events = TestData.Analyzer.Analyze(new Document(id, c.Text, c.Date, c.Language)).Events;
        var seen = string.Join("; ", events.Select(e => $"{e.Type}/{e.Modality} a1={e.Actor1?.Id} a2={e.Actor2?.Id} cl={e.Claimant?.Id} src={e.AttributedTo?.Name} loc={string.Join("+", e.Locations.Select(l => l.Name))} date={e.Date?.Value} q={string.Join("+", e.Quantities.Select(q => $"{q.Kind} {q.Low}-{q.High}"))} rule={e.Evidence[0].Rule}"));
        var used = new HashSet<Event>();
        var missing = new List<string>();
        foreach (var x in c.Expect)
        {
            var found = events.FirstOrDefault(e => !used.Contains(e) && Fits(e, x));
            if (found is null) missing.Add(x.ToString());
            else used.Add(found);
        }
        if (c.Case.TryGetProperty("known_failure", out var why))
        {
            Assert.True(missing.Count > 0, $"{c.Where}: now passes; remove its known_failure ({why.GetString()}).");
            return;
        }
        Assert.True(missing.Count == 0, $"{c.Where}: expected {string.Join(", ", missing)} in \"{c.Text}\"; got: {seen}");
        if (c.Case.TryGetProperty("forbid", out var forbid))
            foreach (var t in forbid.EnumerateArray())
                Assert.True(events.All(e => e.Type != t.GetString()), $"{c.Where}: {t} is forbidden; got: {seen}");
    }

    private static bool Fits(Event e, JsonElement x)
    {
        if (e.Type != x.GetProperty("type").GetString()) return false;
        if (x.TryGetProperty("modality", out var m) && !e.Modality.ToString().Equals(m.GetString(), StringComparison.OrdinalIgnoreCase)) return false;
        if (x.TryGetProperty("actor1", out var a1) && e.Actor1?.Id != a1.GetString()) return false;
        if (x.TryGetProperty("actor2", out var a2) && e.Actor2?.Id != a2.GetString()) return false;
        if (x.TryGetProperty("claimant", out var cl) && e.Claimant?.Id != cl.GetString()) return false;
        if (x.TryGetProperty("attributed_to", out var src)
            && (e.AttributedTo is not { } at || !(at.Name.Contains(src.GetString()!, StringComparison.OrdinalIgnoreCase) || (at.Id?.Contains(src.GetString()!, StringComparison.OrdinalIgnoreCase) ?? false)))) return false;
        if (x.TryGetProperty("place", out var p) && !e.Locations.Any(l => string.Equals(l.Name, p.GetString(), StringComparison.OrdinalIgnoreCase))) return false;
        if (x.TryGetProperty("date", out var d) && e.Date?.Value != d.GetString()) return false;
        // "quantities": exactly these kinds and values, no other ("21 injured", and no fatalities).
        if (x.TryGetProperty("quantities", out var qs))
        {
            var expected = qs.EnumerateArray().Select(q => $"{q.GetProperty("kind").GetString()} {GoldCases.DecimalOf(q.GetProperty("low"))}-{GoldCases.DecimalOf(q.GetProperty("high"))}").Order(StringComparer.Ordinal);
            var actual = e.Quantities.Select(q => $"{q.Kind} {q.Low}-{q.High}").Order(StringComparer.Ordinal);
            if (!expected.SequenceEqual(actual)) return false;
        }
        return true;
    }

    [Fact]
    public void Every_language_has_sixty_modality_cases_covering_every_modality()
    {
        foreach (var lang in new[] { "fr", "en" })
        {
            var ids = Cases.Keys.Where(k => k.StartsWith($"{lang}/modality/", StringComparison.Ordinal)).ToList();
            Assert.True(ids.Count >= 60, $"{lang}: {ids.Count} modality cases");
            var known = ids.Count(k => Cases[k].Case.TryGetProperty("known_failure", out _));
            Assert.True(known * 100 <= ids.Count * 15, $"{lang}: {known} of {ids.Count} modality cases are known failures");
            foreach (var m in Enum.GetValues<Modality>())
                Assert.Contains(ids, k => Cases[k].Case.GetProperty("expect")[0].GetProperty("modality").GetString()!.Equals(m.ToString(), StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void Every_event_type_has_five_cases_per_language()
    {
        foreach (var lang in new[] { "fr", "en" })
            foreach (var t in EventTypeCatalog.Default.All)
                Assert.True(Cases.Keys.Count(k => k.StartsWith($"{lang}/{t.Type}/", StringComparison.Ordinal)) >= 5, $"{lang}: fewer than 5 cases for {t.Type}");
    }
}
