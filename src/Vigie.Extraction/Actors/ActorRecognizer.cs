using Vigie.Core;
using Vigie.Text;

namespace Vigie.Extraction.Actors;

/// <summary>Finds actors in a text: names, states and their demonyms, capitals standing for governments, generic
/// actors, and pronouns or generic phrases that refer back to an actor of the preceding sentences.</summary>
/// <remarks>Thread-safe: built once from <c>data/</c>, then only read. Every word it knows comes from the data;
/// the rules are the same for every language. Each mention's <c>Rule</c> says how it was read: <c>alias</c> (a name),
/// <c>demonym</c> ("les Américains", "American troops"), <c>metonymy</c> ("Washington va mobiliser", "le gouvernement
/// de Kaboul"), <c>coref</c> ("ils", "the insurgents" resolved to an earlier actor) or <c>generic</c> ("civilians").</remarks>
public sealed partial class ActorRecognizer
{
    /// <summary>Rule of a mention read by one of the actor's aliases.</summary>
    public const string AliasRule = "alias";
    /// <summary>Rule of a state read from its demonym.</summary>
    public const string DemonymRule = "demonym";
    /// <summary>Rule of a capital read as its government.</summary>
    public const string MetonymyRule = "metonymy";
    /// <summary>Rule of a pronoun or generic phrase resolved to an earlier actor.</summary>
    public const string CoreferenceRule = "coref";
    /// <summary>Rule of a generic actor that no earlier actor resolves.</summary>
    public const string GenericRule = "generic";
    /// <summary>Rule of a capital or state read as a place (see <see cref="ActorRecognition.MetonymyCandidates"/>).</summary>
    public const string CandidateRule = "metonymy-candidate";

    private const string GovernmentGeneric = "government";

    private readonly ActorData _data;
    private readonly TextLayer _text;

    private ActorRecognizer(ActorData data, TextLayer text)
    {
        _data = data;
        _text = text;
    }

    /// <summary>Loads and validates the actor data under <paramref name="dataRoot"/> (the folder holding <c>actors/</c> and <c>lang/</c>).</summary>
    /// <exception cref="ActorDataException">The data has problems; each reads <c>file:line: problem</c>.</exception>
    public static ActorRecognizer Load(string dataRoot) => Load(dataRoot, LanguagePacks.Load(dataRoot));

    /// <summary>Loads and validates the actor registry under <paramref name="dataRoot"/> and the actor files of every language pack.</summary>
    /// <exception cref="ActorDataException">The data has problems; each reads <c>file:line: problem</c>.</exception>
    public static ActorRecognizer Load(string dataRoot, LanguagePacks packs) => new(ActorDataLoader.Load(dataRoot, packs), new TextLayer(packs));

    /// <summary>The languages with actor data.</summary>
    public IReadOnlyCollection<string> Languages => _data.Languages.Keys;

    /// <summary>Every actor of the registry (states, groups, bodies, people).</summary>
    public IReadOnlyCollection<ActorDefinition> Definitions => _data.Actors.Values;

    /// <summary>Actor mentions of a text in text order, with the roles of <paramref name="documentDate"/>.</summary>
    public IReadOnlyList<ActorMention> Recognize(string text, string language, DateOnly? documentDate) =>
        RecognizeDetailed(text, language, documentDate).Mentions;

    /// <summary>The registry entry of an actor id (a state, group, body or person; not a generic).</summary>
    public ActorDefinition? Definition(string id) => _data.Actors.GetValueOrDefault(id);

    /// <summary>The role an actor holds on a date (the latest one when the date is unknown).</summary>
    public string? RoleOn(string id, DateOnly? date) => Find(id, date)?.Role;

    /// <summary>An actor by id ("taliban", "afg", "afg-military", "civilians") or by an alias of any language ("Talibans", "Kaboul"), with its current role.</summary>
    public Actor? Find(string idOrAlias) => Find(idOrAlias, null);

    /// <summary>An actor by id or alias, with the country and role it has on <paramref name="date"/>.</summary>
    public Actor? Find(string idOrAlias, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(idOrAlias);
        var key = idOrAlias.Trim();
        if (_data.Actors.TryGetValue(key, out var def)) return def.ToActor(date);
        if (_data.Generics.TryGetValue(key, out var generic)) return GenericActorOf(generic);
        var dash = key.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && _data.Actors.TryGetValue(key[..dash], out var state) && state.Kind == ActorKind.State
            && _data.Generics.TryGetValue(key[(dash + 1)..], out var qualified))
            return Qualified(qualified, state);
        var folded = Folding.FoldWords(key);
        if (folded.Length == 0) return null;
        foreach (var lexicon in _data.Languages.Values)
        {
            if (lexicon.NamesByAlias.TryGetValue(folded, out var entry) && _data.Actors.TryGetValue(entry.Target, out var named))
                return named.ToActor(date);
        }
        return null;
    }

    /// <summary>Actor mentions, and the capitals and states read as places, of a text (read by the language's pack, or
    /// by its parent's for a regional code such as <c>fr-CA</c> that has none).</summary>
    public ActorRecognition RecognizeDetailed(string text, string language, DateOnly? documentDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(language);
        var lexicon = LexiconOf(language);
        if (lexicon is null || text.Length == 0) return new ActorRecognition([], []);
        var reader = _text.Languages.Contains(language) ? language : lexicon.Language;
        if (!_text.Languages.Contains(reader)) return new ActorRecognition([], []);
        return Recognize(_text.Read(text, reader, null), lexicon, documentDate);
    }

    /// <summary>Actor mentions of a document read by the text layer, with the roles of its date (its sentences decide coreference windows).</summary>
    public IReadOnlyList<ActorMention> Recognize(DocumentAnalysis document) => RecognizeDetailed(document).Mentions;

    /// <summary>Actor mentions and metonymy candidates of a document read by the text layer.</summary>
    public ActorRecognition RecognizeDetailed(DocumentAnalysis document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var lexicon = LexiconOf(document.Language);
        if (lexicon is null || document.Text.Length == 0) return new ActorRecognition([], []);
        return Recognize(document, lexicon, document.DocumentDate?.FirstDay);
    }

    private ActorRecognition Recognize(DocumentAnalysis document, ActorLexicon lexicon, DateOnly? documentDate)
    {
        var parts = document.Parts;
        var tokens = new List<ActorToken>(parts.Count);
        foreach (var p in parts) tokens.Add(new ActorToken(p.Start, p.End, p.Folded, p.IsWord, p.Capitalized, p.Upper, p.Sentence));
        var run = new Run(this, lexicon, document.Text, documentDate, tokens);
        run.Execute();
        return new ActorRecognition(run.Mentions, run.Candidates);
    }

    private ActorLexicon? LexiconOf(string language)
    {
        if (_data.Languages.TryGetValue(language, out var lexicon)) return lexicon;
        var dash = language.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && _data.Languages.TryGetValue(language[..dash], out lexicon) ? lexicon : null;
    }

    private static Actor GenericActorOf(GenericActor g) => new(g.Id, g.Name, null, g.Role);

    private Actor Qualified(GenericActor g, ActorDefinition state)
    {
        var target = g.Qualified is not null && _data.Generics.TryGetValue(g.Qualified, out var q) ? q : g;
        return new Actor($"{state.Id}-{target.Id}", $"{state.Name} {target.Name}", state.Country, target.Role);
    }
}
