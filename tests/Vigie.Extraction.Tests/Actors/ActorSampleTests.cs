using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace Vigie.Extraction.Tests.Actors;

/// <summary>Every actor the gold files of the seed samples name (actor1, actor2, claimant) is recognised on its paragraph.</summary>
/// <remarks>Reads <c>../shared</c> at test time (its texts are not the project's to copy) and passes with a message when it is absent.</remarks>
public sealed class ActorSampleTests(ITestOutputHelper output)
{
    public static TheoryData<string> GoldFiles()
    {
        var data = new TheoryData<string>();
        var shared = ActorFixture.SharedRoot;
        if (shared is null) { data.Add(""); return data; }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(shared, "gold"), "*.gold.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(shared, file).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void Every_gold_actor_of_the_sample_is_recognised_on_its_paragraph(string goldFile)
    {
        var shared = ActorFixture.SharedRoot;
        if (shared is null || goldFile.Length == 0)
        {
            output.WriteLine("Skipped: ../shared (the seed samples and their gold files) is not beside this checkout.");
            return;
        }
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(shared, goldFile)));
        var root = gold.RootElement;
        var language = root.GetProperty("language").GetString()!;
        var date = PartialDateFirstDay(root.GetProperty("document_date").GetProperty("value").GetString()!);
        var raw = File.ReadAllText(Path.Combine(shared, root.GetProperty("document").GetString()!));
        var text = StripDateHeader(raw);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++) if (text[i] == '\n') lineStarts.Add(i + 1);

        var mentions = ActorFixture.Recognizer.Recognize(text, language, date);
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var ev in root.GetProperty("events").EnumerateArray())
        {
            var paragraph = ev.GetProperty("paragraph").GetInt32();
            var from = lineStarts[paragraph - 1];
            var to = paragraph < lineStarts.Count ? lineStarts[paragraph] : text.Length;
            var onLine = mentions.Where(m => m.Start >= from && m.End <= to).ToList();
            foreach (var slot in new[] { "actor1", "actor2", "claimant" })
            {
                if (!ev.TryGetProperty(slot, out var aliases) || aliases.ValueKind != JsonValueKind.Array) continue;
                var wanted = aliases.EnumerateArray().Select(a => ActorFixture.Loose(a.GetString()!)).ToList();
                checkedCount++;
                var ok = onLine.Any(m => wanted.Any(w => ActorFixture.Loose(m.Actor.Name).Contains(w, StringComparison.Ordinal)
                                                      || ActorFixture.Loose(m.Actor.Id).Contains(w, StringComparison.Ordinal)));
                if (!ok)
                    failures.Add($"{goldFile}: event {ev.GetProperty("id").GetString()} {slot} [{string.Join(", ", wanted)}] not among paragraph {paragraph}'s actors: "
                        + string.Join(", ", onLine.Select(m => $"'{m.Text}'={m.Actor.Name}")));
            }
        }
        output.WriteLine($"{goldFile}: {checkedCount} gold actors checked, {mentions.Count} mentions.");
        foreach (var m in mentions) output.WriteLine($"  {m.Start}-{m.End} '{m.Text}' {m.Actor.Id} {m.Actor.Role} {m.Rule}");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static DateOnly PartialDateFirstDay(string value) =>
        DateOnly.ParseExact(value.Length switch { 4 => value + "-01-01", 7 => value + "-01", _ => value }, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Removes the seed format's "date YYYY-MM " header (CONTRACT §1), keeping the line structure.</summary>
    private static string StripDateHeader(string raw)
    {
        var s = raw.TrimStart();
        if (!s.StartsWith("date ", StringComparison.Ordinal)) return raw;
        var afterDate = s.IndexOf(' ', 5);
        return afterDate < 0 ? s : s[(afterDate + 1)..];
    }
}
