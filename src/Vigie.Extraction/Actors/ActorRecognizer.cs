using Vigie.Core;
using Vigie.Text;

namespace Vigie.Extraction.Actors;

/// <summary>Finds actors in a text: names, states and their demonyms, capitals standing for governments, generic
/// actors, and pronouns or generic phrases that refer back to an actor of the preceding sentences.</summary>
/// <remarks>Thread-safe: built once from <c>data/</c>, then only read. Every word it knows comes from the data;
/// the rules are the same for every language. Each mention's <c>Rule</c> says how it was read: <c>alias</c> (a name),
/// <c>demonym</c> ("les Américains", "American troops"), <c>metonymy</c> ("Washington va mobiliser", "le gouvernement
/// de Kaboul"), <c>coref</c> ("ils", "the insurgents" resolved to an earlier actor) or <c>generic</c> ("civilians").</remarks>
public sealed class ActorRecognizer : IRecognizer<ActorMention>
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

    /// <summary>A match the recogniser kept: token range and readings.</summary>
    private sealed record Span(int Start, int End, IReadOnlyList<AliasEntry> Entries)
    {
        /// <summary>The best (lowest) priority of the readings, which orders overlapping matches of one length.</summary>
        public int Priority { get; } = MinPriority(Entries);

        private static int MinPriority(IReadOnlyList<AliasEntry> entries)
        {
            var min = int.MaxValue;
            foreach (var e in entries) min = Math.Min(min, e.Priority);
            return min;
        }

        public AliasEntry? Get(AliasKind kind)
        {
            foreach (var e in Entries) if (e.Kind == kind) return e;
            return null;
        }

        public bool Has(AliasKind kind) => Get(kind) is not null;

        public AliasEntry? State
        {
            get
            {
                foreach (var e in Entries) if (e.IsState) return e;
                return null;
            }
        }
    }

    /// <summary>An actor already mentioned, as coreference sees it.</summary>
    private sealed record Salient(Actor Actor, ActorDefinition? Definition, int Sentence, bool Subject, bool Group, bool Armed);

    /// <summary>One recognition: the state of a single pass over a text.</summary>
    private sealed class Run(ActorRecognizer owner, ActorLexicon lexicon, string text, DateOnly? date, List<ActorToken> tokens)
    {
        private readonly List<ActorToken> _tokens = tokens;
        private readonly List<Salient> _history = [];

        public List<ActorMention> Mentions { get; } = [];
        public List<ActorMention> Candidates { get; } = [];

        public void Execute()
        {
            var spans = SelectSpans();
            for (var s = 0; s < spans.Count; s++)
            {
                var span = spans[s];
                var next = s + 1 < spans.Count ? spans[s + 1] : null;
                if (Compose(span, s > 0 ? spans[s - 1] : null, next)) s++;
            }
        }

        private List<Span> SelectSpans()
        {
            var candidates = new List<Span>();
            var matches = new List<(int End, List<AliasEntry> Entries)>();
            for (var i = 0; i < _tokens.Count; i++)
            {
                if (!_tokens[i].IsWord) continue;
                lexicon.Trie.MatchesAt(_tokens, i, matches);
                foreach (var (end, entries) in matches)
                {
                    List<AliasEntry>? kept = null;
                    foreach (var e in entries)
                    {
                        if (!Accepts(e, i, end)) continue;
                        (kept ??= []).Add(e);
                    }
                    if (kept is not null) candidates.Add(new Span(i, end, kept));
                }
            }
            candidates.Sort((a, b) =>
            {
                var c = (b.End - b.Start).CompareTo(a.End - a.Start);
                if (c != 0) return c;
                c = a.Priority.CompareTo(b.Priority);
                return c != 0 ? c : a.Start.CompareTo(b.Start);
            });
            var taken = new bool[_tokens.Count];
            var chosen = new List<Span>();
            foreach (var c in candidates)
            {
                var free = true;
                for (var k = c.Start; k < c.End && free; k++) free = !taken[k];
                if (!free) continue;
                for (var k = c.Start; k < c.End; k++) taken[k] = true;
                chosen.Add(c);
            }
            chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
            return chosen;
        }

        private bool Accepts(AliasEntry e, int start, int end)
        {
            if (e.CaseSensitive)
                for (var k = start; k < end; k++)
                    if (!_tokens[k].IsUpper && !char.IsDigit(text[_tokens[k].Start])) return false;
            return e.Kind is not (AliasKind.StateName or AliasKind.Capital) || _tokens[start].IsCapitalized;
        }

        /// <summary>Reads one span, possibly with the next one; true when it used the next one too.</summary>
        private bool Compose(Span span, Span? previous, Span? next)
        {
            var adjacentNext = next is not null && next.Start == span.End;
            if (span.Get(AliasKind.Generic) is { } genericEntry)
            {
                var generic = owner._data.Generics[genericEntry.Target];
                if (lexicon.DemonymAfterNoun && adjacentNext && next!.State is { Kind: AliasKind.Demonym or AliasKind.DemonymPlural } dem)
                {
                    EmitQualified(span.Start, next.End, generic, dem.Target, DemonymRule);
                    return true;
                }
                var k = span.End;
                if (k < _tokens.Count && _tokens[k].IsWord && lexicon.QualifierLinks.Contains(_tokens[k].Folded))
                {
                    k++;
                    while (k < _tokens.Count && _tokens[k].IsWord && lexicon.Articles.Contains(_tokens[k].Folded)) k++;
                    if (next is not null && next.Start == k && next.State is { Kind: AliasKind.StateName or AliasKind.Capital } st)
                    {
                        EmitQualified(span.Start, next.End, generic, st.Target, st.Kind == AliasKind.Capital ? MetonymyRule : AliasRule);
                        return true;
                    }
                    if (next is not null && next.Start == k && next.Get(AliasKind.Name) is { } groupName
                        && owner._data.Actors[groupName.Target] is { Kind: ActorKind.Group } group)
                    {
                        // "les rebelles du M23", "fighters of the Islamic State": the phrase names the group.
                        Emit(span.Start, next.End, AliasRule, group.ToActor(date), group, true, true);
                        return true;
                    }
                }
                if (generic.Corefer.Count > 0 && Resolve(span.Start, s => FitsRoles(s, generic.Corefer)) is { } antecedent)
                    Emit(span.Start, span.End, CoreferenceRule, antecedent.Actor, antecedent.Definition, antecedent.Group, antecedent.Armed);
                else
                    Emit(span.Start, span.End, GenericRule, GenericActorOf(generic), null, generic.Group, false);
                return false;
            }
            if (span.Get(AliasKind.Name) is { } name)
            {
                var def = owner._data.Actors[name.Target];
                var armed = def.Kind == ActorKind.Group;
                var actor = def.ToActor(date);
                // "a Renamo official", "un membre du Frelimo": a party's member is one of its people, whatever arms
                // the party bears.
                if (def.Kind == ActorKind.Party && NamesMember(span)) actor = actor with { Role = PartyRole };
                Emit(span.Start, span.End, AliasRule, actor, def, armed, armed);
                return false;
            }
            if (span.State is { } stateEntry)
            {
                var state = owner._data.Actors[stateEntry.Target];
                if (!lexicon.DemonymAfterNoun && adjacentNext && next!.Get(AliasKind.Generic) is { } g
                    && (span.Has(AliasKind.Demonym) || span.Has(AliasKind.DemonymPlural) || span.Has(AliasKind.StateName)))
                {
                    EmitQualified(span.Start, next.End, owner._data.Generics[g.Target], state.Id, span.Has(AliasKind.StateName) ? AliasRule : DemonymRule);
                    return true;
                }
                if (span.End < _tokens.Count && _tokens[span.End].IsWord && lexicon.PossessiveMarks.Contains(_tokens[span.End].Folded)
                    && next is not null && next.Start == span.End + 1 && next.Get(AliasKind.Generic) is { } pg
                    && (span.Has(AliasKind.StateName) || span.Has(AliasKind.Capital)))
                {
                    EmitQualified(span.Start, next.End, owner._data.Generics[pg.Target], state.Id, span.Has(AliasKind.Capital) ? MetonymyRule : AliasRule);
                    return true;
                }
                if (span.Has(AliasKind.StateName))
                {
                    // "Doha, Qatar": a state right after a capital and a comma only places it.
                    var afterCapital = previous is not null && previous.End == span.Start - 1 && previous.Has(AliasKind.Capital)
                        && _tokens[span.Start - 1].Folded == ",";
                    if (afterCapital || PlaceBefore(span.Start)) Candidate(span, state.ToActor(date));
                    else Emit(span.Start, span.End, AliasRule, state.ToActor(date), state, false, false);
                    return false;
                }
                if (span.Has(AliasKind.Capital))
                {
                    var government = owner.Qualified(owner._data.Generics[GovernmentGeneric], state);
                    if (!PlaceBefore(span.Start) && ActorVerbAfter(span.End))
                        Emit(span.Start, span.End, MetonymyRule, government, state, false, false);
                    else Candidate(span, government);
                    return false;
                }
                if (span.Has(AliasKind.DemonymPlural) && (!lexicon.DemonymNounNeedsCapital || _tokens[span.Start].IsCapitalized)
                    && span.Start > 0 && _tokens[span.Start - 1].IsWord && lexicon.PeopleDeterminers.Contains(_tokens[span.Start - 1].Folded))
                    Emit(span.Start, span.End, DemonymRule, state.ToActor(date), state, true, false);
                return false;
            }
            if (span.Get(AliasKind.Anaphor) is { } anaphor)
            {
                var armedOnly = anaphor.Target == "armed";
                if (Resolve(span.Start, s => armedOnly ? s.Armed : s.Group) is { } antecedent)
                    Emit(span.Start, span.End, CoreferenceRule, antecedent.Actor, antecedent.Definition, antecedent.Group, antecedent.Armed);
            }
            return false;
        }

        // A group phrase ("the insurgents") refers back to a group or state, never to a person.
        private static bool FitsRoles(Salient s, IReadOnlyList<string> roles) =>
            s.Definition is { Kind: not ActorKind.Person } && (roles.Contains(s.Actor.Role ?? "") || s.Definition.EverHeld(roles));

        /// <summary>The most salient earlier actor that fits: the nearest in the same sentence, else per earlier
        /// sentence the subject, else that sentence's last fitting actor.</summary>
        private Salient? Resolve(int tokenIndex, Func<Salient, bool> fits)
        {
            var sentence = _tokens[tokenIndex].Sentence;
            for (var h = _history.Count - 1; h >= 0; h--)
                if (_history[h].Sentence == sentence && fits(_history[h])) return _history[h];
            for (var d = 1; d <= lexicon.CoreferenceWindow; d++)
            {
                Salient? last = null;
                foreach (var s in _history)
                {
                    if (s.Sentence != sentence - d || !fits(s)) continue;
                    if (s.Subject) return s;
                    last = s;
                }
                if (last is not null) return last;
            }
            return null;
        }

        private int PreviousWordSkippingArticles(int index)
        {
            var k = index - 1;
            while (k >= 0 && _tokens[k].IsWord && lexicon.Articles.Contains(_tokens[k].Folded)) k--;
            return k >= 0 && _tokens[k].IsWord ? k : -1;
        }

        private bool PlaceBefore(int index)
        {
            var k = PreviousWordSkippingArticles(index);
            return k >= 0 && lexicon.PlaceBefore.Contains(_tokens[k].Folded);
        }

        private bool ActorVerbAfter(int index)
        {
            if (index >= _tokens.Count || !_tokens[index].IsWord || !lexicon.ActorVerbs.Contains(_tokens[index].Folded)) return false;
            var after = index + 1;
            return !(after < _tokens.Count && _tokens[after].IsWord && lexicon.PassiveMarkers.Contains(_tokens[after].Folded));
        }

        private void EmitQualified(int start, int end, GenericActor generic, string stateId, string rule)
        {
            var state = owner._data.Actors[stateId];
            Emit(start, end, rule, owner.Qualified(generic, state), state, generic.Group, false);
        }

        private const string PartyRole = "PTY";

        // A member noun right after the name ("Renamo official") or before it across a link and articles ("membre de la
        // Renamo").
        private bool NamesMember(Span span)
        {
            if (span.End < _tokens.Count && _tokens[span.End].IsWord && lexicon.MemberNouns.Contains(_tokens[span.End].Folded)) return true;
            var k = span.Start - 1;
            while (k >= 0 && _tokens[k].IsWord && lexicon.Articles.Contains(_tokens[k].Folded)) k--;
            if (k < 0 || !_tokens[k].IsWord || !lexicon.QualifierLinks.Contains(_tokens[k].Folded)) return false;
            k--;
            return k >= 0 && _tokens[k].IsWord && lexicon.MemberNouns.Contains(_tokens[k].Folded);
        }

        private void Emit(int startToken, int endToken, string rule, Actor actor, ActorDefinition? definition, bool group, bool armed)
        {
            var start = _tokens[startToken].Start;
            var end = _tokens[endToken - 1].End;
            Mentions.Add(new ActorMention(start, end, text[start..end], rule, actor));
            var sentence = _tokens[startToken].Sentence;
            var first = true;
            foreach (var s in _history) if (s.Sentence == sentence) { first = false; break; }
            var before = PreviousWordSkippingArticles(startToken);
            var subject = first && (before < 0 || !lexicon.NonSubjectBefore.Contains(_tokens[before].Folded));
            _history.Add(new Salient(actor, definition, sentence, subject, group, armed));
        }

        private void Candidate(Span span, Actor actor)
        {
            var start = _tokens[span.Start].Start;
            var end = _tokens[span.End - 1].End;
            Candidates.Add(new ActorMention(start, end, text[start..end], CandidateRule, actor));
        }
    }
}
