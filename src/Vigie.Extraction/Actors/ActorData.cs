using System.Collections.Frozen;
using System.Globalization;
using Vigie.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Vigie.Extraction.Actors;

/// <summary>One language's actor words: the alias trie and the cue lists of the metonymy, demonym and coreference rules.</summary>
internal sealed class ActorLexicon
{
    public required string Language { get; init; }
    public required AliasTrie Trie { get; init; }
    public required FrozenDictionary<string, AliasEntry> NamesByAlias { get; init; }
    public required FrozenSet<string> ActorVerbs { get; init; }
    public required FrozenSet<string> PassiveMarkers { get; init; }
    public required FrozenSet<string> PlaceBefore { get; init; }
    public required FrozenSet<string> Articles { get; init; }
    public required FrozenSet<string> QualifierLinks { get; init; }
    public required FrozenSet<string> PossessiveMarks { get; init; }
    /// <summary>Nouns of a party's people ("official", "membre"): a party named with one is that person, not its arms.</summary>
    public required FrozenSet<string> MemberNouns { get; init; }
    public required FrozenSet<string> NonSubjectBefore { get; init; }
    public required FrozenSet<string> PeopleDeterminers { get; init; }
    public required bool DemonymAfterNoun { get; init; }
    public required bool DemonymNounNeedsCapital { get; init; }
    public required int CoreferenceWindow { get; init; }
}

/// <summary>Everything the actor recogniser reads from <c>data/</c>, validated.</summary>
internal sealed record ActorData(
    FrozenDictionary<string, ActorDefinition> Actors,
    FrozenDictionary<string, GenericActor> Generics,
    FrozenSet<string> Roles,
    FrozenDictionary<string, ActorLexicon> Languages);

/// <summary>Reads and validates the actor registry (<c>data/actors/</c>) and every language's actor files.</summary>
/// <remarks>Collects every problem as <c>file:line: problem</c> and throws them together, so one run shows them all.</remarks>
internal sealed class ActorDataLoader
{
    private static readonly string[] Kinds = ["group", "igo", "ngo", "party", "person"];
    private readonly List<string> _errors = [];
    private readonly string _root;

    private ActorDataLoader(string dataRoot) => _root = Path.GetFullPath(dataRoot);

    public static ActorData Load(string dataRoot, LanguagePacks packs)
    {
        var loader = new ActorDataLoader(dataRoot);
        var data = loader.LoadAll(packs);
        if (loader._errors.Count > 0) throw new ActorDataException(loader._errors);
        return data;
    }

    private string Rel(string path) => Path.GetRelativePath(Path.GetDirectoryName(_root) ?? _root, path).Replace('\\', '/');

    private void Error(string file, long line, string problem) => _errors.Add($"{Rel(file)}:{line}: {problem}");

    private ActorData LoadAll(LanguagePacks packs)
    {
        var actorsDir = Path.Combine(_root, "actors");
        var roles = LoadRoles(Path.Combine(actorsDir, "roles.tsv"));
        var actors = new Dictionary<string, ActorDefinition>(StringComparer.Ordinal);
        var states = LoadStates(Path.Combine(actorsDir, "states.tsv"), actors);
        LoadActors(Path.Combine(actorsDir, "actors.yaml"), actors, roles, states);
        var generics = LoadGenerics(Path.Combine(actorsDir, "generic.yaml"), roles, actors);
        var languages = new Dictionary<string, ActorLexicon>(StringComparer.Ordinal);
        foreach (var pack in packs.All)
        {
            if (pack.Find("actors-cues.yaml") is null) continue;
            var lexicon = LoadLanguage(pack, actors, generics);
            if (lexicon is not null) languages[lexicon.Language] = lexicon;
        }
        return new ActorData(actors.ToFrozenDictionary(StringComparer.Ordinal), generics.ToFrozenDictionary(StringComparer.Ordinal),
            roles.ToFrozenSet(StringComparer.Ordinal), languages.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private IEnumerable<(int Line, string[] Cells)> ReadTsv(string file)
    {
        if (!File.Exists(file)) { Error(file, 0, "file is missing"); yield break; }
        var n = 0;
        foreach (var raw in File.ReadLines(file))
        {
            n++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.TrimStart().StartsWith('#')) continue;
            yield return (n, line.Split('\t'));
        }
    }

    private HashSet<string> LoadRoles(string file)
    {
        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, cells) in ReadTsv(file))
        {
            var code = cells[0].Trim();
            if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper)) Error(file, line, $"role code '{code}' is not three capital letters");
            else if (!roles.Add(code)) Error(file, line, $"duplicate role '{code}'");
        }
        return roles;
    }

    private HashSet<string> LoadStates(string file, Dictionary<string, ActorDefinition> actors)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, cells) in ReadTsv(file))
        {
            var code = cells[0].Trim();
            if (cells.Length != 2 || cells[1].Trim().Length == 0) { Error(file, line, "expected two columns: ISO alpha-3 code, name"); continue; }
            if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper)) { Error(file, line, $"'{code}' is not an ISO 3166 alpha-3 code"); continue; }
            if (!codes.Add(code)) { Error(file, line, $"duplicate state '{code}'"); continue; }
            var id = code.ToLowerInvariant();
            actors[id] = new ActorDefinition(id, cells[1].Trim(), ActorKind.State, code, [new ActorRole("GOV", null, null, null)]);
        }
        return codes;
    }

    private YamlSequenceNode? ReadYamlSequence(string file)
    {
        if (!File.Exists(file)) { Error(file, 0, "file is missing"); return null; }
        try
        {
            var stream = new YamlStream();
            using var reader = new StringReader(File.ReadAllText(file));
            stream.Load(reader);
            if (stream.Documents.Count == 0) return new YamlSequenceNode();
            if (stream.Documents[0].RootNode is YamlSequenceNode seq) return seq;
            Error(file, stream.Documents[0].RootNode.Start.Line, "expected a list");
        }
        catch (YamlException ex)
        {
            Error(file, ex.Start.Line, ex.Message);
        }
        return null;
    }

    private YamlMappingNode? ReadYamlMapping(string file)
    {
        try
        {
            var stream = new YamlStream();
            using var reader = new StringReader(File.ReadAllText(file));
            stream.Load(reader);
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map) return map;
            Error(file, 1, "expected a mapping");
        }
        catch (YamlException ex)
        {
            Error(file, ex.Start.Line, ex.Message);
        }
        return null;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key)
    {
        if (Child(map, key) is not YamlScalarNode s) return null;
        var v = s.Value;
        return string.IsNullOrWhiteSpace(v) || v is "null" or "~" ? null : v.Trim();
    }

    private void CheckKeys(string file, YamlMappingNode map, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
            if (key is not YamlScalarNode { Value: { } k } || !allowed.Contains(k))
                Error(file, key.Start.Line, $"unknown key '{key}' (expected {string.Join(", ", allowed)})");
    }

    private static bool IsId(string? id) =>
        !string.IsNullOrEmpty(id) && id[0] != '-' && id[^1] != '-' && !id.Contains("--", StringComparison.Ordinal)
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private DateOnly? Date(string file, YamlMappingNode map, string key)
    {
        var v = Scalar(map, key);
        if (v is null) return null;
        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Error(file, Child(map, key)!.Start.Line, $"'{v}' is not a date (YYYY-MM-DD)");
        return null;
    }

    private void LoadActors(string file, Dictionary<string, ActorDefinition> actors, HashSet<string> roles, HashSet<string> states)
    {
        var seq = ReadYamlSequence(file);
        if (seq is null) return;
        foreach (var node in seq.Children)
        {
            var line = node.Start.Line;
            if (node is not YamlMappingNode map) { Error(file, line, "expected a mapping with id, name, kind, country, roles"); continue; }
            CheckKeys(file, map, "id", "name", "kind", "country", "roles");
            var id = Scalar(map, "id");
            var name = Scalar(map, "name");
            var kindText = Scalar(map, "kind");
            var country = Scalar(map, "country");
            if (!IsId(id)) { Error(file, line, $"id '{id}' must be lower-case letters, digits and single hyphens"); continue; }
            if (actors.ContainsKey(id!)) { Error(file, line, $"duplicate actor id '{id}'"); continue; }
            if (name is null) Error(file, line, $"actor '{id}' has no name");
            if (kindText is null || !Kinds.Contains(kindText)) Error(file, line, $"actor '{id}': kind '{kindText}' is not one of {string.Join(", ", Kinds)}");
            if (country is not null && !states.Contains(country)) Error(file, line, $"actor '{id}': country '{country}' is not an ISO alpha-3 code of data/actors/states.tsv");
            var spans = new List<ActorRole>();
            if (Child(map, "roles") is not YamlSequenceNode roleNodes || roleNodes.Children.Count == 0)
                Error(file, line, $"actor '{id}' has no roles");
            else
            {
                foreach (var rn in roleNodes.Children)
                {
                    if (rn is not YamlMappingNode rm) { Error(file, rn.Start.Line, "expected a role mapping {role, from, until, country}"); continue; }
                    CheckKeys(file, rm, "role", "from", "until", "country");
                    var role = Scalar(rm, "role");
                    var roleCountry = Scalar(rm, "country");
                    if (role is null || !roles.Contains(role)) Error(file, rm.Start.Line, $"actor '{id}': role '{role}' is not in data/actors/roles.tsv");
                    if (roleCountry is not null && !states.Contains(roleCountry)) Error(file, rm.Start.Line, $"actor '{id}': country '{roleCountry}' is not an ISO alpha-3 code of data/actors/states.tsv");
                    var from = Date(file, rm, "from");
                    var until = Date(file, rm, "until");
                    if (from is not null && until is not null && from > until) Error(file, rm.Start.Line, $"actor '{id}': role '{role}' ends before it starts");
                    var span = new ActorRole(role ?? "", roleCountry, from, until);
                    foreach (var other in spans)
                        if ((span.From ?? DateOnly.MinValue) <= (other.Until ?? DateOnly.MaxValue) && (other.From ?? DateOnly.MinValue) <= (span.Until ?? DateOnly.MaxValue))
                            Error(file, rm.Start.Line, $"actor '{id}': role spans overlap ({other.Role} and {span.Role})");
                    spans.Add(span);
                }
            }
            var kind = kindText switch
            {
                "igo" => ActorKind.Igo,
                "ngo" => ActorKind.Ngo,
                "party" => ActorKind.Party,
                "person" => ActorKind.Person,
                _ => ActorKind.Group,
            };
            actors[id!] = new ActorDefinition(id!, name ?? id!, kind, country, spans);
        }
    }

    private Dictionary<string, GenericActor> LoadGenerics(string file, HashSet<string> roles, Dictionary<string, ActorDefinition> actors)
    {
        var generics = new Dictionary<string, GenericActor>(StringComparer.Ordinal);
        var seq = ReadYamlSequence(file);
        if (seq is null) return generics;
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var node in seq.Children)
        {
            var line = node.Start.Line;
            if (node is not YamlMappingNode map) { Error(file, line, "expected a mapping with id, name, role"); continue; }
            CheckKeys(file, map, "id", "name", "role", "qualified", "corefer", "group");
            var id = Scalar(map, "id");
            var role = Scalar(map, "role");
            if (!IsId(id)) { Error(file, line, $"id '{id}' must be lower-case letters, digits and single hyphens"); continue; }
            if (generics.ContainsKey(id!) || actors.ContainsKey(id!)) { Error(file, line, $"duplicate id '{id}'"); continue; }
            if (role is null || !roles.Contains(role)) Error(file, line, $"generic '{id}': role '{role}' is not in data/actors/roles.tsv");
            var corefer = new List<string>();
            if (Child(map, "corefer") is YamlSequenceNode cs)
                foreach (var c in cs.Children.OfType<YamlScalarNode>())
                {
                    if (c.Value is null || !roles.Contains(c.Value)) Error(file, c.Start.Line, $"generic '{id}': corefer role '{c.Value}' is not in data/actors/roles.tsv");
                    else corefer.Add(c.Value);
                }
            var group = Scalar(map, "group");
            if (group is not null and not ("true" or "false")) Error(file, line, $"generic '{id}': group must be true or false");
            generics[id!] = new GenericActor(id!, Scalar(map, "name") ?? id!, role ?? "", Scalar(map, "qualified"), corefer, group == "true");
            lines[id!] = line;
        }
        foreach (var g in generics.Values)
            if (g.Qualified is not null && !generics.ContainsKey(g.Qualified))
                Error(file, lines[g.Id], $"generic '{g.Id}': qualified '{g.Qualified}' is not a generic id");
        return generics;
    }

    /// <summary>The folded words of an alias, read as the language's text is read; empty when it has none or holds punctuation.</summary>
    private static string[] AliasWords(LanguagePack pack, string alias, out bool allUpper)
    {
        var parts = pack.PartsOf(alias);
        allUpper = parts.Count > 0;
        var words = new string[parts.Count];
        for (var k = 0; k < parts.Count; k++)
        {
            if (!parts[k].IsWord) return [];
            words[k] = parts[k].Folded;
            allUpper &= parts[k].Upper;
        }
        return words;
    }

    private ActorLexicon? LoadLanguage(LanguagePack pack, Dictionary<string, ActorDefinition> actors, Dictionary<string, GenericActor> generics)
    {
        var code = pack.Code;
        // Each file from the language's folder, else its nearest parent's.
        string File(string name) => pack.Find(name) ?? Path.Combine(_root, "lang", code, name);
        var trie = new AliasTrie();
        var seen = new Dictionary<string, (AliasEntry Entry, string Where)>(StringComparer.Ordinal);
        var names = new Dictionary<string, AliasEntry>(StringComparer.Ordinal);

        void AddAlias(string file, int line, string alias, AliasEntry entry)
        {
            var words = AliasWords(pack, alias, out var allUpper);
            if (words.Length == 0) { Error(file, line, $"alias '{alias}' has no words or holds punctuation"); return; }
            entry = entry with { CaseSensitive = allUpper && entry.Kind is not (AliasKind.Generic or AliasKind.Anaphor) };
            var key = string.Join(' ', words);
            var where = $"{Rel(file)}:{line}";
            if (seen.TryGetValue(key, out var first))
            {
                if (first.Entry.Kind == entry.Kind && first.Entry.Target == entry.Target && first.Entry.CaseSensitive == entry.CaseSensitive)
                { Error(file, line, $"duplicate alias '{alias}' (first at {first.Where})"); return; }
                var sameState = first.Entry.IsState && entry.IsState && first.Entry.Target == entry.Target;
                var sameName = first.Entry.Target == entry.Target && first.Entry.Kind == entry.Kind;
                if (!sameState && !sameName)
                { Error(file, line, $"alias '{alias}' already names '{first.Entry.Target}' at {first.Where}"); return; }
            }
            else seen[key] = (entry, where);
            trie.Add(words, entry);
            if (entry.Kind is AliasKind.Name or AliasKind.StateName) names.TryAdd(key, entry);
        }

        void LoadAliasFile(string file, bool required)
        {
            if (!required && !System.IO.File.Exists(file)) return;
            foreach (var (line, cells) in ReadTsv(file))
            {
                if (cells.Length is < 2 or > 3) { Error(file, line, "expected alias, actor id and an optional kind separated by tabs"); continue; }
                var alias = cells[0].Trim();
                var id = cells[1].Trim();
                var kindText = cells.Length == 3 ? cells[2].Trim() : "name";
                if (!actors.TryGetValue(id, out var actor)) { Error(file, line, $"unknown actor id '{id}'"); continue; }
                AliasKind? kind = (kindText, actor.Kind == ActorKind.State) switch
                {
                    ("name", true) => AliasKind.StateName,
                    ("name", false) => AliasKind.Name,
                    ("demonym", true) => AliasKind.Demonym,
                    ("demonym-plural", true) => AliasKind.DemonymPlural,
                    ("capital", true) => AliasKind.Capital,
                    _ => null,
                };
                if (kind is null) { Error(file, line, $"kind '{kindText}' does not fit actor '{id}' (states: name, demonym, demonym-plural, capital; others: name)"); continue; }
                AddAlias(file, line, alias, new AliasEntry(kind.Value, id, false, $"{Rel(file)}:{line}"));
            }
        }

        LoadAliasFile(File("actors-states.tsv"), required: false);
        LoadAliasFile(File("actors.tsv"), required: true);
        var genericFile = File("actors-generic.tsv");
        foreach (var (line, cells) in ReadTsv(genericFile))
        {
            if (cells.Length != 2) { Error(genericFile, line, "expected phrase and generic id separated by a tab"); continue; }
            var id = cells[1].Trim();
            if (!generics.ContainsKey(id)) { Error(genericFile, line, $"unknown generic actor id '{id}'"); continue; }
            AddAlias(genericFile, line, cells[0].Trim(), new AliasEntry(AliasKind.Generic, id, false, $"{Rel(genericFile)}:{line}"));
        }

        var cueFile = File("actors-cues.yaml");
        var cues = ReadYamlMapping(cueFile);
        if (cues is null) return null;
        CheckKeys(cueFile, cues, "actor_verbs", "passive_markers", "place_before", "articles", "qualifier_links", "possessive_marks",
            "member_nouns", "demonym_position", "demonym_noun_needs_capital", "people_determiners", "non_subject_before", "anaphors", "coreference_window");
        FrozenSet<string> Words(string key)
        {
            if (Child(cues, key) is not YamlSequenceNode seq) { Error(cueFile, cues.Start.Line, $"'{key}' is missing or not a list"); return FrozenSet<string>.Empty; }
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var n in seq.Children)
            {
                if (n is not YamlScalarNode { Value: { } v } || v.Trim().Length == 0) { Error(cueFile, n.Start.Line, $"'{key}': expected a word"); continue; }
                var folded = Folding.Fold(v.Trim());
                if (!set.Add(folded)) Error(cueFile, n.Start.Line, $"'{key}': duplicate word '{v}'");
            }
            return set.ToFrozenSet(StringComparer.Ordinal);
        }
        var position = Scalar(cues, "demonym_position");
        if (position is not ("before" or "after")) Error(cueFile, cues.Start.Line, "demonym_position must be before or after");
        var needsCapital = Scalar(cues, "demonym_noun_needs_capital");
        if (needsCapital is not ("true" or "false")) Error(cueFile, cues.Start.Line, "demonym_noun_needs_capital must be true or false");
        var window = Scalar(cues, "coreference_window");
        if (!int.TryParse(window, NumberStyles.None, CultureInfo.InvariantCulture, out var windowValue) || windowValue is < 0 or > 10)
            Error(cueFile, cues.Start.Line, "coreference_window must be a whole number from 0 to 10");
        if (Child(cues, "anaphors") is YamlSequenceNode anaphors)
        {
            foreach (var n in anaphors.Children)
            {
                var line = (int)n.Start.Line;
                if (n is not YamlMappingNode am) { Error(cueFile, line, "expected {phrase, class}"); continue; }
                CheckKeys(cueFile, am, "phrase", "class");
                var phrase = Scalar(am, "phrase");
                var cls = Scalar(am, "class");
                if (phrase is null) { Error(cueFile, line, "anaphor without phrase"); continue; }
                if (cls is not ("group" or "armed")) { Error(cueFile, line, $"anaphor class '{cls}' is not group or armed"); continue; }
                AddAlias(cueFile, line, phrase, new AliasEntry(AliasKind.Anaphor, cls, false, $"{Rel(cueFile)}:{line}"));
            }
        }
        else Error(cueFile, cues.Start.Line, "'anaphors' is missing or not a list");

        return new ActorLexicon
        {
            Language = code,
            Trie = trie,
            NamesByAlias = names.ToFrozenDictionary(StringComparer.Ordinal),
            ActorVerbs = Words("actor_verbs"),
            PassiveMarkers = Words("passive_markers"),
            PlaceBefore = Words("place_before"),
            Articles = Words("articles"),
            QualifierLinks = Words("qualifier_links"),
            PossessiveMarks = Words("possessive_marks"),
            MemberNouns = Words("member_nouns"),
            NonSubjectBefore = Words("non_subject_before"),
            PeopleDeterminers = Words("people_determiners"),
            DemonymAfterNoun = position == "after",
            DemonymNounNeedsCapital = needsCapital == "true",
            CoreferenceWindow = windowValue,
        };
    }
}
