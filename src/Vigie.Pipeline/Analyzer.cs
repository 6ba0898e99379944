using Vigie.Core;
using Vigie.Extraction;
using Vigie.Extraction.Actors;
using Vigie.Extraction.Engine;
using Vigie.Geo;
using Vigie.Text;

namespace Vigie.Pipeline;

/// <summary>Everything Vigie read in one document: the recognised mentions and the events built from them.</summary>
/// <remarks>Each event carries the spans of its fields (<see cref="Event.Spans"/>), which the stores keep.</remarks>
public sealed record Analysis(Document Document, IReadOnlyList<Mention> Mentions, IReadOnlyList<Event> Events);

/// <summary>Runs the whole flow on one document: normalise, segment, recognise, match, build events.</summary>
/// <remarks>Thread-safe: language data is loaded once and shared by every document.</remarks>
public sealed class Analyzer
{
    private readonly TextLayer _text;
    private readonly PlaceRecognizer _places;
    private readonly ActorRecognizer _actors;
    private readonly EventEngine _engine;
    private readonly LanguageIdentifier _identifier;

    private Analyzer(TextLayer text, PlaceRecognizer places, ActorRecognizer actors, EventEngine engine, LanguageIdentifier identifier)
    {
        _text = text;
        _places = places;
        _actors = actors;
        _engine = engine;
        _identifier = identifier;
    }

    /// <summary>The language identifier, over the same packs.</summary>
    public LanguageIdentifier Identifier => _identifier;

    /// <summary>The text layer and its language packs.</summary>
    public TextLayer Text => _text;

    /// <summary>The event engine (patterns and their language data).</summary>
    public EventEngine Engine => _engine;

    /// <summary>The actor id that a name or alias of any language stands for ("talibans" → <c>taliban</c>), or null.</summary>
    public string? ActorIdOf(string nameOrAlias) => _actors.Find(nameOrAlias)?.Id;

    /// <summary>Loads every language's data (validated) once, from <see cref="DataPaths.Root"/>.</summary>
    public static Analyzer Create() => Create(DataPaths.Root);

    /// <summary>Loads every language's data (validated) once, from a data folder.</summary>
    public static Analyzer Create(string dataRoot)
    {
        // One scan of data/lang: every part reads the same packs.
        // The gazetteer needs no pack: it loads while the packs do.
        var gazetteer = Task.Run(() => Gazetteer.Load(Path.Combine(dataRoot, "geo", "gazetteer.bin")));
        var packs = LanguagePacks.Load(dataRoot);
        var places = Task.Run(() => PlaceRecognizer.Load(gazetteer.GetAwaiter().GetResult(), packs));
        var actors = Task.Run(() => ActorRecognizer.Load(dataRoot, packs));
        var engine = Task.Run(() => EventEngine.Load(packs));
        var identifier = LanguageIdentifier.Load(dataRoot, packs);
        return new Analyzer(new TextLayer(packs), places.GetAwaiter().GetResult(), actors.GetAwaiter().GetResult(),
            engine.GetAwaiter().GetResult(), identifier);
    }

    /// <summary>Analyses one document.</summary>
    public Analysis Analyze(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var language = document.Language;
        if (string.IsNullOrEmpty(language) || !_text.Languages.Contains(language)) language = _identifier.Identify(document.Text);
        if (!_text.Languages.Contains(language)) return new Analysis(document, [], []);
        // One reading of the text; every recogniser reads it and hangs its mentions on it.
        var read = _text.Read(document.Text, language, document.Date);
        // Actors first: the states they belong to help the places pick the document's country.
        var actors = _actors.Recognize(read);
        var places = _places.Recognize(read.WithMentions(actors));
        var analysis = read.WithMentions(places, actors);
        var mentions = analysis.Mentions;
        var doc = document.Language == language ? document : document with { Language = language };
        var events = _engine.Extract(new ExtractionInput(doc, analysis, m => _text.ResolveAsFuture(m, doc.Date)));
        return new Analysis(doc, mentions, events);
    }
}
