using System.Collections.Frozen;
using Vigie.Core;
using Vigie.Extraction.Engine;
using Vigie.Text;
using YamlDotNet.RepresentationModel;

namespace Vigie.Extraction.Patterns;

/// <summary>One event rule: a construction (one or more patterns) that yields events of one type.</summary>
public sealed record EventRule(
    string Id,
    string Type,
    IReadOnlyList<CompiledPattern> Patterns,
    double Confidence,
    Modality? Modality,
    bool? PerPlace,
    string? QuantityKind,
    IReadOnlyList<string> Requires,
    bool Distribute,
    bool Passive,
    int Priority,
    string Where)
{
    /// <summary>The rule's constructions over the dependency tree (<c>predicate:</c>): a predicate and its roles.</summary>
    public IReadOnlyList<PredicatePattern> Predicates { get; init; } = [];

    /// <summary>The type a toll of this rule takes when no other event of its document holds it and it names its own
    /// occasion (a day and a place finer than a country): "4 civilians were killed in Anga on 7 July" is an attack,
    /// "183 civilians killed in a month" stays a toll (<c>alone_as</c>).</summary>
    public string? AloneAs { get; init; }
}

/// <summary>A fixed sequence of words (each position a set of forms or lemmas), such as a modality marker.</summary>
public sealed record WordSequence(FrozenSet<string>[] Words, string Source)
{
    /// <summary>Parses "pour qu'" or "s' il|ils" into folded word sets.</summary>
    public static WordSequence Parse(string s) =>
        new([.. s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Split('|').Select(x => Folding.Fold(x)).ToFrozenSet(StringComparer.Ordinal))], s);

    /// <summary>True when the sequence starts at token <paramref name="pos"/>.</summary>
    public bool MatchesAt(IReadOnlyList<WordToken> tokens, int pos)
    {
        if (pos < 0 || pos + Words.Length > tokens.Count) return false;
        for (var k = 0; k < Words.Length; k++)
            if (!tokens[pos + k].Is(Words[k])) return false;
        return true;
    }
}

/// <summary>Several word sequences, indexed by their first word so that most tokens are rejected by one lookup.</summary>
public sealed class WordSequenceSet
{
    private readonly FrozenSet<string> _first;

    /// <summary>Indexes the sequences.</summary>
    public WordSequenceSet(IEnumerable<WordSequence> sequences)
    {
        Sequences = [.. sequences];
        _first = Sequences.SelectMany(s => s.Words[0]).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The sequences.</summary>
    public IReadOnlyList<WordSequence> Sequences { get; }

    /// <summary>The sequence starting at <paramref name="pos"/>, or null.</summary>
    public WordSequence? MatchAt(IReadOnlyList<WordToken> tokens, int pos)
    {
        if (pos < 0 || pos >= tokens.Count || !tokens[pos].Is(_first)) return null;
        foreach (var s in Sequences)
            if (s.MatchesAt(tokens, pos)) return s;
        return null;
    }
}

/// <summary>Words the engine needs to read the structure of a sentence.</summary>
public sealed record Grammar(
    WordSequenceSet ClauseBreaks,
    FrozenSet<string> Coordination,
    FrozenSet<string> ListPrepositions,
    FrozenSet<string> PlacePrepositions,
    FrozenSet<string> Determiners,
    FrozenSet<string> AgentMarkers,
    FrozenSet<string> PassiveAuxiliaries,
    FrozenSet<string> ReflexivePronouns,
    FrozenSet<string> ActiveWithPassiveAuxiliary,
    IReadOnlyList<WordSequence> ReferenceMarkers,
    IReadOnlyList<(string Kind, FrozenSet<string> Words)> QuantityKinds,
    FrozenSet<string> NonCountUnits,
    FrozenSet<string> AnaphoricDeterminers);

/// <summary>Modality markers (<c>modality.yaml</c>).</summary>
public sealed record ModalityMarkers(
    FrozenSet<string> QuestionMarks,
    WordSequenceSet Purpose,
    WordSequenceSet Conditional,
    WordSequenceSet Negation,
    int NegationWindow,
    WordSequenceSet NegationAfter,
    int NegationAfterWindow,
    WordSequenceSet Denial,
    WordSequenceSet StrongClaim,
    WordSequenceSet WeakClaim,
    WordSequenceSet PlannedBefore,
    WordSequenceSet PlannedAfter,
    int PlannedWindow,
    bool FutureTenseIsPlanned,
    WordSequenceSet Habitual,
    WordSequenceSet Background);

/// <summary>Everything one language needs to build events: lexicon, grammar words, modality markers and rules,
/// with the rules indexed by trigger word.</summary>
public sealed class LanguageData
{
    private readonly FrozenDictionary<string, (EventRule Rule, CompiledPattern Pattern)[]> _byTrigger;
    private readonly FrozenDictionary<string, (EventRule Rule, PredicatePattern Predicate)[]> _byPredicate;
    private readonly FrozenDictionary<string, EventRule> _byId;

    private LanguageData(string code, Lexicon lexicon, Grammar grammar, ModalityMarkers modality, ClauseCues clauses, IReadOnlyList<EventRule> rules)
    {
        Code = code;
        Clauses = clauses;
        Lexicon = lexicon;
        Grammar = grammar;
        Modality = modality;
        Rules = rules;
        Words = new WordReader(lexicon);
        var index = new Dictionary<string, List<(EventRule, CompiledPattern)>>(StringComparer.Ordinal);
        foreach (var r in rules)
            foreach (var p in r.Patterns)
                foreach (var w in p.Elements[p.TriggerIndex].Words)
                {
                    if (!index.TryGetValue(w, out var l)) index[w] = l = [];
                    l.Add((r, p));
                }
        _byTrigger = index.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        var byPredicate = new Dictionary<string, List<(EventRule, PredicatePattern)>>(StringComparer.Ordinal);
        foreach (var r in rules)
            foreach (var p in r.Predicates)
                foreach (var w in p.Lemmas)
                {
                    if (!byPredicate.TryGetValue(w, out var l)) byPredicate[w] = l = [];
                    l.Add((r, p));
                }
        _byPredicate = byPredicate.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _byId = rules.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>The language code.</summary>
    public string Code { get; }

    /// <summary>The form→lemma lexicon.</summary>
    public Lexicon Lexicon { get; }

    /// <summary>Structure words.</summary>
    public Grammar Grammar { get; }

    /// <summary>Modality markers.</summary>
    public ModalityMarkers Modality { get; }

    /// <summary>The words that give a clause its modality and arguments in the dependency tree.</summary>
    public ClauseCues Clauses { get; }

    /// <summary>Every rule, in file order.</summary>
    public IReadOnlyList<EventRule> Rules { get; }

    /// <summary>The lexical reader of the language's tokens.</summary>
    public WordReader Words { get; }

    /// <summary>The rules whose trigger may be this form or lemma.</summary>
    public ReadOnlySpan<(EventRule Rule, CompiledPattern Pattern)> RulesTriggeredBy(string lemma) =>
        _byTrigger.TryGetValue(lemma, out var r) ? r : [];

    /// <summary>The predicate rules whose predicate may have this lemma.</summary>
    public ReadOnlySpan<(EventRule Rule, PredicatePattern Predicate)> PredicatesOf(string lemma) =>
        _byPredicate.TryGetValue(lemma, out var r) ? r : [];

    /// <summary>The rule with this id, or null.</summary>
    public EventRule? RuleById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>True when some predicate rule has this lemma.</summary>
    public bool HasPredicate(string lemma) => _byPredicate.ContainsKey(lemma);

    /// <summary>Loads and validates the engine's files of a language pack (<c>modality.yaml</c>, <c>patterns*.yaml</c>,
    /// each inherited from a parent language when the language has none of its own); errors read <c>file:line: what is wrong</c>.</summary>
    public static LanguageData Load(LanguagePack pack, EventTypeCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var code = pack.Code;
        Grammar? grammar = null;
        ModalityMarkers? modality = null;
        var clauses = ClauseCues.None;
        var rules = new List<EventRule>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in pack.FindAll("*.yaml"))
        {
            var name = Path.GetFileName(file);
            var rel = pack.Relative(file);
            if (name.StartsWith("modality", StringComparison.Ordinal))
                modality = ReadModality(Root(file, rel), rel);
            else if (name.StartsWith("clauses", StringComparison.Ordinal))
                clauses = ClauseCues.Read(Root(file, rel), rel);
            else if (name.StartsWith("patterns", StringComparison.Ordinal))
            {
                var root = Root(file, rel);
                if (Child(root, "grammar") is YamlMappingNode g) grammar = ReadGrammar(g, rel);
                if (Child(root, "rules") is YamlSequenceNode seq)
                    foreach (var node in seq)
                    {
                        var rule = ReadRule(node, rel, catalog);
                        if (ids.TryGetValue(rule.Id, out var first)) throw new FormatException($"{rule.Where}: duplicate rule id '{rule.Id}' (first at {first}).");
                        ids[rule.Id] = rule.Where;
                        rules.Add(rule);
                    }
            }
        }
        if (grammar is null) throw new FormatException($"lang/{code}: no patterns*.yaml has a 'grammar' section.");
        if (modality is null) throw new FormatException($"lang/{code}/modality.yaml is missing.");
        return new LanguageData(code, pack.Lexicon, grammar, modality, clauses, rules);
    }

    private static YamlMappingNode Root(string file, string rel)
    {
        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            yaml.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new FormatException($"{rel}:{e.Start.Line}: {e.Message}", e);
        }
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode m)
            throw new FormatException($"{rel}:1: expected a mapping at the top.");
        return m;
    }

    private static YamlNode? Child(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private static string At(string rel, YamlNode n) => $"{rel}:{n.Start.Line}";

    private static List<string> Strings(YamlNode? n, string rel)
    {
        var list = new List<string>();
        switch (n)
        {
            case null: break;
            case YamlScalarNode s: list.Add(s.Value ?? ""); break;
            case YamlSequenceNode seq:
                foreach (var item in seq)
                    list.Add(item is YamlScalarNode sc ? sc.Value ?? "" : throw new FormatException($"{At(rel, item)}: expected a word or phrase."));
                break;
            default: throw new FormatException($"{At(rel, n)}: expected a list of words.");
        }
        return list;
    }

    private static FrozenSet<string> Set(YamlNode? n, string rel) =>
        Strings(n, rel).Select(w => Folding.Fold(w)).ToFrozenSet(StringComparer.Ordinal);

    private static List<WordSequence> Seqs(YamlNode? n, string rel) => [.. Strings(n, rel).Select(WordSequence.Parse)];

    private static Grammar ReadGrammar(YamlMappingNode g, string rel)
    {
        var kinds = new List<(string, FrozenSet<string>)>();
        if (Child(g, "quantity_kinds") is YamlMappingNode qk)
            foreach (var (k, v) in qk.Children)
                kinds.Add((((YamlScalarNode)k).Value ?? "", Set(v, rel)));
        return new Grammar(
            new WordSequenceSet(Seqs(Child(g, "clause_breaks"), rel)),
            Set(Child(g, "coordination"), rel),
            Set(Child(g, "list_prepositions"), rel),
            Set(Child(g, "place_prepositions"), rel),
            Set(Child(g, "determiners"), rel),
            Set(Child(g, "agent_markers"), rel),
            Set(Child(g, "passive_auxiliaries"), rel),
            Set(Child(g, "reflexive_pronouns"), rel),
            Set(Child(g, "active_with_passive_auxiliary"), rel),
            Seqs(Child(g, "reference_markers"), rel),
            kinds,
            Set(Child(g, "non_count_units"), rel),
            Set(Child(g, "anaphoric_determiners"), rel));
    }

    private static ModalityMarkers ReadModality(YamlMappingNode m, string rel)
    {
        static int Int(YamlNode? n, int dflt) => n is YamlScalarNode s && int.TryParse(s.Value, out var v) ? v : dflt;
        var neg = Child(m, "negation") as YamlMappingNode;
        var claim = Child(m, "claim") as YamlMappingNode;
        var planned = Child(m, "planned") as YamlMappingNode;
        static WordSequenceSet W(List<WordSequence> l) => new(l);
        return new ModalityMarkers(
            Set(Child(m, "question"), rel),
            W(Seqs(Child(m, "purpose"), rel)),
            W(Seqs(Child(m, "conditional"), rel)),
            W(neg is null ? [] : Seqs(Child(neg, "before"), rel)),
            neg is null ? 3 : Int(Child(neg, "window"), 3),
            W(neg is null ? [] : Seqs(Child(neg, "after"), rel)),
            neg is null ? 2 : Int(Child(neg, "after_window"), 2),
            W(Seqs(Child(m, "denial"), rel)),
            W(claim is null ? [] : Seqs(Child(claim, "strong"), rel)),
            W(claim is null ? [] : Seqs(Child(claim, "weak"), rel)),
            W(planned is null ? [] : Seqs(Child(planned, "before"), rel)),
            W(planned is null ? [] : Seqs(Child(planned, "after"), rel)),
            planned is null ? 6 : Int(Child(planned, "window"), 6),
            planned is not null && Child(planned, "future_tense") is YamlScalarNode { Value: "true" },
            W(Seqs(Child(m, "habitual"), rel)),
            W(Seqs(Child(m, "background"), rel)));
    }

    private static readonly FrozenSet<string> RuleKeys = new[]
    {
        "id", "type", "pattern", "predicate", "alone_as", "confidence", "modality", "per_place", "quantity", "requires", "distribute", "voice", "priority", "note",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static EventRule ReadRule(YamlNode node, string rel, EventTypeCatalog catalog)
    {
        var where = At(rel, node);
        if (node is not YamlMappingNode m) throw new FormatException($"{where}: a rule is a mapping with id, type and pattern.");
        foreach (var k in m.Children.Keys)
            if (!RuleKeys.Contains(((YamlScalarNode)k).Value ?? ""))
                throw new FormatException($"{At(rel, k)}: unknown key '{k}' (keys: {string.Join(", ", RuleKeys)}).");
        string Req(string key) => Child(m, key) is YamlScalarNode { Value: { Length: > 0 } v } ? v : throw new FormatException($"{where}: the rule needs '{key}'.");
        var id = Req("id");
        var type = Req("type");
        if (catalog.Find(type) is null) throw new FormatException($"{where}: rule '{id}' has unknown event type '{type}'.");
        var patterns = new List<CompiledPattern>();
        foreach (var p in Strings(Child(m, "pattern"), rel))
        {
            try { patterns.Add(PatternParser.Parse(p)); }
            catch (FormatException e) { throw new FormatException($"{where}: rule '{id}': {e.Message}", e); }
        }
        var predicates = new List<PredicatePattern>();
        foreach (var p in Strings(Child(m, "predicate"), rel))
        {
            try { predicates.Add(PredicateParser.Parse(p)); }
            catch (FormatException e) { throw new FormatException($"{where}: rule '{id}': {e.Message}", e); }
        }
        if (patterns.Count == 0 && predicates.Count == 0) throw new FormatException($"{where}: rule '{id}' has neither pattern nor predicate.");
        var aloneAs = Child(m, "alone_as") is YamlScalarNode al ? al.Value : null;
        if (aloneAs is not null && catalog.Find(aloneAs) is null) throw new FormatException($"{where}: rule '{id}' has unknown alone_as type '{aloneAs}'.");
        var conf = Child(m, "confidence") is YamlScalarNode cs && double.TryParse(cs.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : 0.7;
        Modality? modality = null;
        if (Child(m, "modality") is YamlScalarNode ms)
            modality = Enum.TryParse<Modality>(ms.Value, true, out var mv) ? mv : throw new FormatException($"{where}: rule '{id}' has unknown modality '{ms.Value}'.");
        bool? perPlace = Child(m, "per_place") is YamlScalarNode pp ? pp.Value == "true" : null;
        var requires = Strings(Child(m, "requires"), rel);
        foreach (var r in requires)
            if (r is not ("actor1" or "actor2" or "place" or "quantity" or "any" or "actor"))
                throw new FormatException($"{where}: rule '{id}' requires unknown argument '{r}'.");
        return new EventRule(id, type, patterns, conf, modality, perPlace,
            Child(m, "quantity") is YamlScalarNode q ? q.Value : null,
            requires,
            Child(m, "distribute") is YamlScalarNode { Value: "true" },
            Child(m, "voice") is YamlScalarNode { Value: "passive" },
            Child(m, "priority") is YamlScalarNode pr && int.TryParse(pr.Value, out var prio) ? prio : 0,
            where) { Predicates = predicates, AloneAs = aloneAs };
    }
}
