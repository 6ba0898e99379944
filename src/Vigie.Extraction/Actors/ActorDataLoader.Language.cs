using System.Collections.Frozen;
using System.Globalization;
using Vigie.Text;
using YamlDotNet.RepresentationModel;

namespace Vigie.Extraction.Actors;

// One language's actor files: aliases (names, states, generics, anaphors) and the cue lists.
internal sealed partial class ActorDataLoader
{
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
