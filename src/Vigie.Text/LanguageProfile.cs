using System.Collections.Frozen;

namespace Vigie.Text;

/// <summary>Everything one language folder defines, loaded and validated once.</summary>
internal sealed class LanguageProfile
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required Tokenizer Tokenizer { get; init; }
    public required NumberRecognizer Numbers { get; init; }
    public required DateRecognizer Dates { get; init; }

    /// <summary>Segments a text and recognises its numbers and dates.</summary>
    public TextAnalysis Analyze(string text, Vigie.Core.PartialDate? documentDate)
    {
        var tokens = new List<Token>(text.Length / 5 + 8);
        var sentences = new List<Sentence>(text.Length / 100 + 2);
        Tokenizer.Run(text, tokens, sentences);
        var atoms = HyphenAtoms.Build(text, tokens);
        var dateSpans = new List<Vigie.Core.DateMention>();
        var dates = Dates.Recognize(text, atoms, tokens, documentDate, dateSpans);
        var numbers = Numbers.Recognize(text, atoms, tokens, dateSpans);
        return new TextAnalysis(text, Code, sentences, tokens, numbers, dates);
    }

    /// <summary>Finds a data file in the language folder, else in its parent's (a child overrides only what differs).</summary>
    internal sealed class Files(string langRoot, IReadOnlyList<string> chain)
    {
        public IReadOnlyList<string> Chain => chain;

        public string? Find(string name)
        {
            foreach (var code in chain)
            {
                var p = Path.Combine(langRoot, code, name);
                if (File.Exists(p)) return p;
            }
            return null;
        }

        /// <summary>Every file matching a pattern in the chain, one per name (the child's first), in ordinal order of names.</summary>
        public IReadOnlyList<string> FindAll(string pattern)
        {
            var byName = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var code in chain)
            {
                var dir = Path.Combine(langRoot, code);
                if (!Directory.Exists(dir)) continue;
                foreach (var file in Directory.EnumerateFiles(dir, pattern))
                    byName.TryAdd(Path.GetFileName(file), file);
            }
            return [.. byName.Values];
        }

        public string Require(string name, DataProblems problems)
        {
            var p = Find(name);
            if (p is null) problems.Add(Path.Combine(langRoot, chain[0], name), 0, "missing file");
            return p ?? Path.Combine(langRoot, chain[0], name);
        }
    }

    /// <summary>Reads the text layer's part of a language pack: tokens, numbers and dates.</summary>
    public static LanguageProfile? Load(YamlFile lang, string code, string name, Files files, Lexicon lexicon, DataProblems problems)
    {
        var before = problems.Count;
        var features = lang.Mapping(lang.Root, "features", required: true);
        if (features is not null)
        {
            foreach (var (feature, value) in YamlFile.Entries(features))
            {
                var engine = value is YamlDotNet.RepresentationModel.YamlMappingNode m ? lang.Scalar(m, "engine", required: true) : null;
                var known = feature switch
                {
                    "tokens" => engine is "latin",
                    "numbers" => engine is "scale-words",
                    "dates" => engine is "calendar-patterns",
                    _ => false,
                };
                if (!known) lang.Problem(value, $"unknown feature or engine '{feature}: {engine}' (known: tokens: latin, numbers: scale-words, dates: calendar-patterns)");
            }
        }

        var tokens = lang.Mapping(lang.Root, "tokens", required: true) ?? new YamlDotNet.RepresentationModel.YamlMappingNode();
        var elisions = lang.Strings(tokens, "elision").Select(e => Folding.Fold(e.Value.TrimEnd('\'', '\u2019'))).ToFrozenSet(StringComparer.Ordinal);
        var clitics = lang.Strings(tokens, "clitics").Select(e => Folding.Fold(e.Value)).ToFrozenSet(StringComparer.Ordinal);
        var negation = lang.Scalar(tokens, "negation_clitic");
        var capitalizedNames = lang.Scalar(tokens, "capitalized_names") is "true";

        var abbreviations = new Dictionary<string, AbbreviationKind>(StringComparer.Ordinal);
        var abbreviationFile = files.Require("abbreviations.tsv", problems);
        if (File.Exists(abbreviationFile))
            foreach (var (line, cols) in TsvFile.Read(abbreviationFile, 2, problems))
            {
                var kind = cols[1] switch { "title" => AbbreviationKind.Title, "other" => AbbreviationKind.Other, _ => (AbbreviationKind?)null };
                if (kind is null) { problems.Add(abbreviationFile, line, $"kind must be 'title' or 'other', not '{cols[1]}'"); continue; }
                if (!abbreviations.TryAdd(Folding.Fold(cols[0].TrimEnd('.')), kind.Value)) problems.Add(abbreviationFile, line, $"duplicate abbreviation '{cols[0]}'");
            }

        var stopFile = files.Find("stopwords.txt");
        var stopwords = stopFile is null ? [] : File.ReadLines(stopFile).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').Select(l => Folding.Fold(l)).ToList();

        TokenRules Rules(IEnumerable<string> words) => new()
        {
            Elisions = elisions,
            Clitics = clitics,
            NegationClitic = negation is null ? null : Folding.Fold(negation),
            Abbreviations = abbreviations.ToFrozenDictionary(StringComparer.Ordinal),
            Vocabulary = new Vocabulary(words),
        };
        var bootstrap = new Tokenizer(Rules(stopwords));
        var words = new HashSet<string>(stopwords, StringComparer.Ordinal);
        string[] Phrase(string phrase)
        {
            var atoms = HyphenAtoms.OfPhrase(bootstrap, phrase);
            words.UnionWith(atoms);
            return atoms;
        }

        var numbers = NumberLexicon.Load(lang, files, Phrase, stopwords, problems);
        var dates = DateLexicon.Load(files, Phrase, numbers, capitalizedNames, abbreviations.Keys, problems);
        if (problems.Count > before || numbers is null || dates is null) return null;

        var tokenizer = new Tokenizer(Rules(words));
        return new LanguageProfile
        {
            Code = code,
            Name = name,
            Tokenizer = tokenizer,
            Numbers = new NumberRecognizer(code, numbers),
            Dates = new DateRecognizer(code, dates, numbers, lexicon),
        };
    }
}
