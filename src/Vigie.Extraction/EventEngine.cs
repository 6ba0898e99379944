using System.Collections.Frozen;
using Vigie.Core;
using Vigie.Extraction.Engine;
using Vigie.Extraction.Patterns;
using Vigie.Text;

namespace Vigie.Extraction;

/// <summary>Builds events from recognised mentions with each language's patterns (DESIGN.md "Language data").</summary>
/// <remarks>Thread-safe once loaded: the language data is immutable and shared by every document.</remarks>
public sealed class EventEngine
{
    private readonly FrozenDictionary<string, (LanguageData Data, Matcher Matcher)> _languages;
    private readonly EventTypeCatalog _catalog;

    private EventEngine(IEnumerable<LanguageData> languages, EventTypeCatalog catalog)
    {
        _languages = languages.ToFrozenDictionary(l => l.Code, l => (l, new Matcher(l)), StringComparer.Ordinal);
        _catalog = catalog;
    }

    /// <summary>The languages that have patterns.</summary>
    public IReadOnlyCollection<string> Languages => _languages.Keys;

    /// <summary>The data of a language, or null.</summary>
    public LanguageData? Language(string code) => _languages.TryGetValue(code, out var l) ? l.Data : null;

    /// <summary>Loads and validates the patterns of every language pack under a data root.</summary>
    public static EventEngine Load(string dataRoot, EventTypeCatalog? catalog = null) => Load(LanguagePacks.Load(dataRoot), catalog);

    /// <summary>Loads and validates the patterns of every language pack that has some (its own or a parent's).</summary>
    public static EventEngine Load(LanguagePacks packs, EventTypeCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(packs);
        catalog ??= EventTypeCatalog.Default;
        var langs = new List<LanguageData>();
        foreach (var pack in packs.All)
            if (pack.FindAll("patterns*.yaml").Count > 0)
                langs.Add(LanguageData.Load(pack, catalog));
        return new EventEngine(langs, catalog);
    }

    /// <summary>The events of one document, each with the spans its fields were read from (<see cref="Event.Spans"/>).</summary>
    public IReadOnlyList<Event> Extract(ExtractionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!_languages.TryGetValue(input.Language, out var lang)) return [];
        var builder = new EventBuilder(input, lang.Data, lang.Matcher, _catalog);
        var events = builder.Build();
        var text = input.Document.Text;
        return [.. events.Select(e => e with { Spans = EventSpans.Of(e, text, input.Mentions, builder.Triggers.TryGetValue(e.Id, out var t) ? t : null) })];
    }
}

/// <summary>Where the word that triggered an event's rule stands in the document text.</summary>
public readonly record struct TriggerSpan(int Start, int End);
