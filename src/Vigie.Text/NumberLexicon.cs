using System.Collections.Frozen;

namespace Vigie.Text;

/// <summary>What a number word can do; one word may do several things ("millions": scale after a number, plural group after "des").</summary>
internal sealed class NumberWord
{
    public decimal? Cardinal;
    public bool Weak;
    public decimal? Hundred;
    public decimal? Scale;
    public bool Conjunction;
    public decimal? Group;
    public decimal? PluralGroup;
    public bool Indefinite;
    public int? Ordinal;
    /// <summary>Says the decimal point in a number said in words: "virgule", "point".</summary>
    public bool DecimalPoint;
    /// <summary>A round noun whose multiples are exact: "cinq douzaines" = 60.</summary>
    public bool ExactGroup;
}

/// <summary>Which bound a qualifier sets.</summary>
internal enum Qualifier { Approximate, LowerBound, UpperBound }

/// <summary>What a word that may start a number mention is.</summary>
[Flags]
internal enum NumberStart : byte
{
    /// <summary>Not a start.</summary>
    None = 0,
    /// <summary>A number word, a qualifier ("about", "plus de") or "between"/"entre".</summary>
    Word = 1,
    /// <summary>A currency sign or unit written before the number ("$3 million").</summary>
    PrefixUnit = 2,
}

/// <summary>A parsed number: <c>End</c> is the atom after it.</summary>
internal readonly record struct NumberParse(int End, decimal Low, decimal High, bool Approximate, bool FromWords, decimal Scale);

/// <summary>A language's number words, separators, qualifiers and counted nouns (<c>numbers.yaml</c>, <c>quantities.tsv</c>,
/// <c>quantity-verbs.tsv</c>), and the scale-words engine that reads numbers with them.</summary>
internal sealed partial class NumberLexicon
{
    public required PhraseTrie<NumberWord> Words { get; init; }
    public required FrozenSet<string> Of { get; init; }
    public required PhraseTrie<Qualifier[]> Qualifiers { get; init; }
    public required PhraseTrie<Qualifier[]> PostQualifiers { get; init; }
    public required FrozenSet<string> RangeInfix { get; init; }
    public required FrozenSet<string> RangeBetween { get; init; }
    public required FrozenSet<string> RangeAnd { get; init; }
    public required PhraseTrie<string> Nouns { get; init; }
    public required PhraseTrie<HarmVerb> Verbs { get; init; }
    public required Voice Voice { get; init; }
    public required FrozenSet<string> HumanKinds { get; init; }
    public required FrozenSet<string> Ellipsis { get; init; }
    public required FrozenSet<string> NeedsNoun { get; init; }
    /// <summary>Articles that make one of the person they introduce when harm befalls it: "a soldier was killed", "killed a civilian".</summary>
    public required FrozenSet<string> SingularArticles { get; init; }
    public required FrozenDictionary<string, decimal> ScaleSuffixes { get; init; }
    public required FrozenDictionary<string, string> PrefixUnits { get; init; }
    /// <summary>Every word a number mention may start with (number words, qualifiers, "entre"/"between") and every
    /// prefix unit ("$"), with which of the two it is: one lookup per atom tells whether a mention may start there.</summary>
    public FrozenDictionary<string, NumberStart> Starters { get; private set; } = FrozenDictionary<string, NumberStart>.Empty;
    public required FrozenSet<string> Stopwords { get; init; }
    /// <summary>Signs that make the digits glued after them negative: "-3".</summary>
    public required FrozenSet<string> Minus { get; init; }
    /// <summary>Words that end an ordinal ("vingt et unième"): a number said with one is a rank, not a count.</summary>
    public required string[] OrdinalWordSuffixes { get; init; }
    /// <summary>Words that make the number before them a fraction, not a count: "trois quarts", "two thirds".</summary>
    public required FrozenSet<string> FractionWords { get; init; }
    /// <summary>Words for a toll that a bare number after them counts: "le bilan s'élève à 45", "the death toll rose to 45".</summary>
    public required PhraseTrie<string> Tolls { get; init; }
    /// <summary>Nouns of harm whose complement the number is: "la mort de 12 civils", "the arrest of 40 protesters".</summary>
    public required PhraseTrie<string> HarmNouns { get; init; }
    /// <summary>Where a number names, dates or ages something instead of counting it ("route 7", "14 h 30", "45 ans").</summary>
    public required NotCounts NotCounts { get; init; }
    public required FrozenSet<string> OrdinalSuffixes { get; init; }
    public required FrozenSet<string> DaySuffixes { get; init; }
    public required char DecimalSeparator { get; init; }
    public required string GroupSeparators { get; init; }
    public required string NumericDateOrder { get; init; }

    public static NumberLexicon? Load(YamlFile lang, LanguageProfile.Files files, Func<string, string[]> phrase, IEnumerable<string> stopwords, DataProblems problems)
    {
        var format = lang.Mapping(lang.Root, "numbers", required: true) ?? new();
        var decimalSep = lang.Scalar(format, "decimal", required: true) ?? ".";
        var groups = string.Concat(lang.Strings(format, "group").Select(g => g.Value));
        var order = lang.Scalar(format, "numeric_dates") ?? "dmy";
        if (order is not ("dmy" or "mdy")) lang.Problem(format, "numeric_dates must be dmy or mdy");
        if (decimalSep.Length != 1) lang.Problem(format, "decimal must be one character");

        var path = files.Require("numbers.yaml", problems);
        var y = File.Exists(path) ? YamlFile.Load(path, problems) : null;
        if (y is null) return null;
        var r = y.Root;
        var words = new Dictionary<string, (NumberWord Word, string[] Atoms)>(StringComparer.Ordinal);
        NumberWord Word(string key)
        {
            var atoms = phrase(key);
            var k = string.Join(' ', atoms);
            if (!words.TryGetValue(k, out var w)) words[k] = w = (new NumberWord(), atoms);
            return w.Word;
        }
        void Values(string key, Action<NumberWord, decimal> set, bool required = false)
        {
            foreach (var (k, v, node) in y.Numbers(r, key, required))
            {
                if (v < 0) y.Problem(node, $"'{k}': value must not be negative");
                set(Word(k), v);
            }
        }
        Values("cardinals", (w, v) => w.Cardinal = v, required: true);
        Values("hundreds", (w, v) => w.Hundred = v);
        Values("scales", (w, v) => w.Scale = v, required: true);
        Values("groups", (w, v) => w.Group = v);
        Values("plural_groups", (w, v) => w.PluralGroup = v);
        Values("ordinals", (w, v) => w.Ordinal = (int)v);
        foreach (var (k, _) in y.Strings(r, "weak")) Word(k).Weak = true;
        foreach (var (k, _) in y.Strings(r, "conjunctions")) Word(k).Conjunction = true;
        foreach (var (k, _) in y.Strings(r, "indefinites")) Word(k).Indefinite = true;
        foreach (var (k, _) in y.Strings(r, "decimal_words")) Word(k).DecimalPoint = true;
        foreach (var (k, node) in y.Strings(r, "exact_groups"))
        {
            var w = Word(k);
            if (w.Group is null && w.PluralGroup is null) y.Problem(node, $"'{k}' is not a group or plural group");
            w.ExactGroup = true;
        }
        var trie = new PhraseTrie<NumberWord>();
        foreach (var (w, atoms) in words.Values) trie.Add(atoms, w);

        FrozenSet<string> Set(YamlDotNet.RepresentationModel.YamlMappingNode map, string key, bool required = false) =>
            y.Strings(map, key, required).SelectMany(s => phrase(s.Value)).ToFrozenSet(StringComparer.Ordinal);

        PhraseTrie<Qualifier[]> Qualifiers(string key)
        {
            var byPhrase = new Dictionary<string, (string[] Atoms, List<Qualifier> Q)>(StringComparer.Ordinal);
            var map = y.Mapping(r, key);
            if (map is null) return new();
            foreach (var (name, node) in YamlFile.Entries(map))
            {
                Qualifier? q = name switch { "approximate" => Qualifier.Approximate, "lower_bound" => Qualifier.LowerBound, "upper_bound" => Qualifier.UpperBound, _ => null };
                if (q is null) { y.Problem(node, $"unknown qualifier '{name}' (approximate, lower_bound, upper_bound)"); continue; }
                foreach (var (p, pn) in y.Strings(map, name))
                {
                    var atoms = phrase(p);
                    if (atoms.Length == 0) { y.Problem(pn, "empty phrase"); continue; }
                    var k = string.Join(' ', atoms);
                    if (!byPhrase.TryGetValue(k, out var e)) byPhrase[k] = e = (atoms, []);
                    e.Q.Add(q.Value);
                }
            }
            var t = new PhraseTrie<Qualifier[]>();
            foreach (var (atoms, qs) in byPhrase.Values) t.Add(atoms, [.. qs]);
            return t;
        }

        PhraseTrie<string> KindPhrases(string key)
        {
            var t = new PhraseTrie<string>();
            if (y.Mapping(r, key) is not { } map) return t;
            foreach (var (kind, _) in YamlFile.Entries(map))
                foreach (var (p, pn) in y.Strings(map, kind))
                    if (!t.Add(phrase(p), kind)) y.Problem(pn, $"duplicate phrase '{p}' in {key}");
            return t;
        }

        var ranges = y.Mapping(r, "ranges", required: true) ?? new();
        var nouns = new PhraseTrie<string>();
        var nounFile = files.Require("quantities.tsv", problems);
        if (File.Exists(nounFile))
            foreach (var (line, cols) in TsvFile.Read(nounFile, 2, problems))
                if (!nouns.Add(phrase(cols[0]), cols[1])) problems.Add(nounFile, line, $"duplicate noun '{cols[0]}'");
        var verbs = new PhraseTrie<HarmVerb>();
        var verbFile = files.Require("quantity-verbs.tsv", problems);
        if (File.Exists(verbFile))
            foreach (var (line, cols) in TsvFile.Read(verbFile, 2, problems))
            {
                HarmForm? form = cols.Length < 3 || cols[2].Length == 0 ? HarmForm.Participle
                    : cols[2] switch { "active" => HarmForm.Active, "undergone" => HarmForm.Undergone, _ => null };
                if (form is null) { problems.Add(verbFile, line, $"third column '{cols[2]}' must be empty, active or undergone"); continue; }
                var atoms = phrase(cols[0]);
                if (atoms.Length == 0) { problems.Add(verbFile, line, "empty phrase"); continue; }
                if (!verbs.Add(atoms, new HarmVerb(cols[1], form.Value))) problems.Add(verbFile, line, $"duplicate phrase '{cols[0]}'");
            }

        var lexicon = new NumberLexicon
        {
            Words = trie,
            Of = Set(r, "of"),
            Qualifiers = Qualifiers("qualifiers"),
            PostQualifiers = Qualifiers("post_qualifiers"),
            RangeInfix = Set(ranges, "infix", required: true),
            RangeBetween = Set(ranges, "between"),
            RangeAnd = Set(ranges, "and"),
            Nouns = nouns,
            Verbs = verbs,
            Voice = Voice.Load(y, phrase),
            HumanKinds = y.Strings(r, "human_kinds").Select(s => s.Value).ToFrozenSet(StringComparer.Ordinal),
            Ellipsis = Set(r, "ellipsis"),
            NeedsNoun = Set(r, "needs_noun"),
            SingularArticles = Set(r, "singular_articles"),
            ScaleSuffixes = y.Numbers(r, "scale_suffixes").ToFrozenDictionary(x => Folding.Fold(x.Key), x => x.Value, StringComparer.Ordinal),
            PrefixUnits = (y.Mapping(r, "prefix_units") is { } pu ? YamlFile.Entries(pu).Select(e => (e.Key, (e.Value as YamlDotNet.RepresentationModel.YamlScalarNode)?.Value ?? "")) : [])
                .ToFrozenDictionary(x => Folding.Fold(x.Key), x => x.Item2, StringComparer.Ordinal),
            Stopwords = stopwords.ToFrozenSet(StringComparer.Ordinal),
            Minus = y.Strings(r, "minus").Select(s => Folding.Fold(s.Value)).ToFrozenSet(StringComparer.Ordinal),
            OrdinalWordSuffixes = [.. y.Strings(r, "ordinal_word_suffixes").Select(s => Folding.Fold(s.Value))],
            NotCounts = NotCounts.Load(y, phrase),
            FractionWords = Set(r, "fraction_words"),
            Tolls = KindPhrases("tolls"),
            HarmNouns = KindPhrases("harm_nouns"),
            OrdinalSuffixes = y.Strings(r, "ordinal_suffixes").Select(s => Folding.Fold(s.Value)).ToFrozenSet(StringComparer.Ordinal),
            DaySuffixes = y.Strings(r, "day_suffixes").Select(s => Folding.Fold(s.Value)).ToFrozenSet(StringComparer.Ordinal),
            DecimalSeparator = decimalSep.Length == 1 ? decimalSep[0] : '.',
            GroupSeparators = groups,
            NumericDateOrder = order,
        };
        // A spoken decimal point ("point", "virgule") never starts a number.
        var triggers = words.Values.Where(w => !(w.Word.DecimalPoint && w.Word.Cardinal is null && w.Word.Scale is null && w.Word.Group is null)).Select(w => w.Atoms[0]);
        var starters = new Dictionary<string, NumberStart>(StringComparer.Ordinal);
        foreach (var w in triggers.Concat(lexicon.Qualifiers.FirstAtoms).Concat(lexicon.RangeBetween)) starters[w] = NumberStart.Word;
        foreach (var u in lexicon.PrefixUnits.Keys) starters[u] = starters.GetValueOrDefault(u) | NumberStart.PrefixUnit;
        lexicon.Starters = starters.ToFrozenDictionary(StringComparer.Ordinal);
        return lexicon;
    }

    /// <summary>Reads a number starting at atom <paramref name="i"/>: digits (with groups split by spaces, "8 000"),
    /// optionally followed by a scale word ("1,5 million"), or number words ("vingt-deux", "un millier", "des centaines").</summary>
    /// <param name="text">The text the atoms are offsets into.</param>
    /// <param name="atoms">The text's atoms (<see cref="HyphenAtoms.Build"/>).</param>
    /// <param name="i">The atom the number would start at.</param>
    /// <param name="allowWeak">Whether an article alone counts as one ("une semaine" in a date; not in running text).</param>
    /// <param name="result">The number read, when there is one.</param>
    public bool TryParse(string text, Atom[] atoms, int i, bool allowWeak, out NumberParse result)
    {
        try
        {
            return TryParseUnchecked(text, atoms, i, allowWeak, out result);
        }
        catch (OverflowException)
        {
            // Beyond a decimal's range: not a count anyone reports.
            result = default;
            return false;
        }
    }

    /// <summary>Whether an ordinal word or a fraction ("trois quarts", "two thirds") starts at <paramref name="i"/>, maybe after a conjunction ("et unième", "first").</summary>
    public bool IsOrdinalAt(Atom[] atoms, int i)
    {
        if (i < atoms.Length && Words.Match(atoms, i, out var e) is { Conjunction: true }) i = e;
        if (i >= atoms.Length || !atoms[i].IsWord) return false;
        if (Words.Match(atoms, i, out _) is { Ordinal: not null } || FractionWords.Contains(atoms[i].Text)) return true;
        foreach (var suffix in OrdinalWordSuffixes)
            if (atoms[i].Text.EndsWith(suffix, StringComparison.Ordinal) && atoms[i].Text.Length >= suffix.Length + 2) return true;
        return false;
    }

    private bool TryParseUnchecked(string text, Atom[] atoms, int i, bool allowWeak, out NumberParse result)
    {
        result = default;
        if (i >= atoms.Length) return false;
        var a = atoms[i];
        if (a.Shape == TokenShape.Number) return TryParseDigitsAt(text, atoms, i, out result);
        if (a.Shape is TokenShape.Punct or TokenShape.Symbol) return TryParseSigned(text, atoms, i, out result);
        if (a.Shape == TokenShape.NumberWithSuffix) return TryParseSuffixed(a, i, out result);
        if (!a.IsWord) return false;
        return TryParseWords(atoms, i, allowWeak, out result);
    }
}
