using System.Text.Json;
using Vigie.Core;

namespace Vigie.Pipeline.Tests;

/// <summary>Runs every case of <c>data/lang/*/gold/events*.jsonl</c> through the whole pipeline, one named test each.</summary>
public sealed class EventGoldTests
{
    private static readonly Dictionary<string, JsonElement> Cases = Load();

    private static Dictionary<string, JsonElement> Load()
    {
        var cases = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(TestData.DataRoot, "lang")).Order(StringComparer.Ordinal))
        {
            var gold = Path.Combine(dir, "gold");
            if (!Directory.Exists(gold)) continue;
            foreach (var file in Directory.EnumerateFiles(gold, "events*.jsonl").Order(StringComparer.Ordinal))
            {
            var lang = Path.GetFileName(dir);
            var n = 0;
            foreach (var line in File.ReadLines(file))
            {
                n++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                var e = JsonDocument.Parse(line).RootElement.Clone();
                if (!e.TryGetProperty("id", out var id)) continue;
                var key = id.GetString()!;
                if (!cases.TryAdd(key, e)) throw new InvalidOperationException($"{file}:{n}: duplicate case id '{key}'.");
                _ = lang;
            }
            }
        }
        return cases;
    }

    /// <summary>Every case id.</summary>
    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in Cases.Keys) data.Add(id);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case(string id)
    {
        var c = Cases[id];
        var lang = id[..id.IndexOf('/', StringComparison.Ordinal)];
        var text = c.GetProperty("text").GetString()!;
        var date = c.TryGetProperty("date", out var d) ? PartialDate.Parse(d.GetString()!) : (PartialDate?)null;
        var events = TestData.Analyzer.Analyze(new Document(id, text, date, lang)).Events;
        var seen = string.Join("; ", events.Select(e => $"{e.Type}/{e.Modality} a1={e.Actor1?.Id} cl={e.Claimant?.Id} src={e.AttributedTo?.Name} loc={string.Join("+", e.Locations.Select(l => l.Name))} q={string.Join("+", e.Quantities.Select(q => $"{q.Kind} {q.Low}-{q.High}"))} rule={e.Evidence[0].Rule}"));
        var used = new HashSet<Event>();
        var missing = new List<string>();
        foreach (var x in c.GetProperty("expect").EnumerateArray())
        {
            var found = events.FirstOrDefault(e => !used.Contains(e) && Fits(e, x));
            if (found is null) missing.Add(x.ToString());
            else used.Add(found);
        }
        // A known failure says why Vigie misses it; once it passes, the mark must go.
        if (c.TryGetProperty("known_failure", out var why))
        {
            Assert.True(missing.Count > 0, $"{id}: now passes; remove its known_failure ({why.GetString()}).");
            return;
        }
        Assert.True(missing.Count == 0, $"{id}: expected {string.Join(", ", missing)} in \"{text}\"; got: {seen}");
        if (c.TryGetProperty("forbid", out var forbid))
            foreach (var t in forbid.EnumerateArray())
                Assert.DoesNotContain(events, e => e.Type == t.GetString());
    }

    private static bool Fits(Event e, JsonElement x)
    {
        if (e.Type != x.GetProperty("type").GetString()) return false;
        if (x.TryGetProperty("modality", out var m) && !e.Modality.ToString().Equals(m.GetString(), StringComparison.OrdinalIgnoreCase)) return false;
        if (x.TryGetProperty("actor1", out var a) && (e.Actor1 is null || !e.Actor1.Id.Contains(a.GetString()!, StringComparison.OrdinalIgnoreCase))) return false;
        if (x.TryGetProperty("claimant", out var cl) && (e.Claimant is null || !e.Claimant.Id.Contains(cl.GetString()!, StringComparison.OrdinalIgnoreCase))) return false;
        // "attributed_to": the source the text names, by a word of its name or id ("witnesses", "Nations unies").
        if (x.TryGetProperty("attributed_to", out var src)
            && (e.AttributedTo is not { } at || !(at.Name.Contains(src.GetString()!, StringComparison.OrdinalIgnoreCase) || (at.Id?.Contains(src.GetString()!, StringComparison.OrdinalIgnoreCase) ?? false)))) return false;
        if (x.TryGetProperty("place", out var p) && !e.Locations.Any(l => l.Name.Contains(p.GetString()!, StringComparison.OrdinalIgnoreCase))) return false;
        // "quantities": exactly these kinds and values, no other ("21 injured", and no fatalities).
        if (x.TryGetProperty("quantities", out var qs))
        {
            var expected = qs.EnumerateArray().Select(q => $"{q.GetProperty("kind").GetString()} {q.GetProperty("low").GetDecimal()}-{q.GetProperty("high").GetDecimal()}").Order(StringComparer.Ordinal);
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
            var known = ids.Count(k => Cases[k].TryGetProperty("known_failure", out _));
            Assert.True(known * 100 <= ids.Count * 15, $"{lang}: {known} of {ids.Count} modality cases are known failures");
            foreach (var m in Enum.GetValues<Modality>())
                Assert.Contains(ids, k => Cases[k].GetProperty("expect")[0].GetProperty("modality").GetString()!.Equals(m.ToString(), StringComparison.OrdinalIgnoreCase));
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
