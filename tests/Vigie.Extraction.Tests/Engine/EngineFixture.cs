using Vigie.Core;

namespace Vigie.Extraction.Tests.Engine;

/// <summary>The engine loaded once from the repository's data, and helpers that build mentions by hand.</summary>
public static class EngineFixture
{
    /// <summary>The repository's data folder.</summary>
    public static string DataRoot { get; } = FindData();

    private static readonly Lazy<Vigie.Text.LanguagePacks> LazyPacks = new(() => Vigie.Text.LanguagePacks.Load(DataRoot));
    private static readonly Lazy<EventEngine> LazyEngine = new(() => EventEngine.Load(LazyPacks.Value));

    /// <summary>The repository's language packs, loaded once.</summary>
    public static Vigie.Text.LanguagePacks Packs => LazyPacks.Value;

    /// <summary>The engine.</summary>
    public static EventEngine Engine => LazyEngine.Value;

    private static string FindData()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Vigie.slnx"))) return Path.Combine(d.FullName, "data");
        throw new DirectoryNotFoundException("Vigie.slnx not found.");
    }

    private static (int Start, int End) Find(string text, string part, int occurrence)
    {
        var at = -1;
        for (var k = 0; k <= occurrence; k++) at = text.IndexOf(part, at + 1, StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException($"'{part}' not in text");
        return (at, at + part.Length);
    }

    public static ActorMention Actor(string text, string part, string id, string role, int occurrence = 0)
    {
        var (s, e) = Find(text, part, occurrence);
        return new ActorMention(s, e, part, "test", new Actor(id, id, null, role));
    }

    public static PlaceMention Place(string text, string part, string country, double lat, double lon, string precision = "city", int occurrence = 0)
    {
        var (s, e) = Find(text, part, occurrence);
        return new PlaceMention(s, e, part, "test", new Location(part, country, null, lat, lon, precision, null));
    }

    public static NumberMention Number(string text, string part, decimal low, decimal high, bool approximate = false, string? unit = null)
    {
        var (s, e) = Find(text, part, 0);
        return new NumberMention(s, e, part, "test", new Quantity(unit, low, high, approximate, false, false, part));
    }

    public static DateMention Date(string text, string part, DateValue value)
    {
        var (s, e) = Find(text, part, 0);
        return new DateMention(s, e, part, "test", value);
    }

    /// <summary>The events the engine reads in a text read by the language's pack, with the given mentions only
    /// (the text layer's own numbers and dates are left out, so that a test says every mention it relies on).</summary>
    public static IReadOnlyList<Event> Extract(string language, string text, PartialDate? date, params Mention[] mentions)
    {
        var read = Packs.Find(language)!.Read(text, date);
        var analysis = read.WithoutMentions().WithMentions([.. mentions]);
        return Engine.Extract(new ExtractionInput(new Document("doc", text, date, language), analysis));
    }
}
