using System.Collections.Frozen;
using System.Globalization;

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
    /// <summary>Every word a number mention may start with: number words, qualifiers, "entre"/"between".</summary>
    public FrozenSet<string> Triggers { get; private set; } = FrozenSet<string>.Empty;
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
        lexicon.Triggers = triggers.Concat(lexicon.Qualifiers.FirstAtoms).Concat(lexicon.RangeBetween).ToFrozenSet(StringComparer.Ordinal);
        return lexicon;
    }

    /// <summary>Reads a number starting at atom <paramref name="i"/>: digits (with groups split by spaces, "8 000"),
    /// optionally followed by a scale word ("1,5 million"), or number words ("vingt-deux", "un millier", "des centaines").</summary>
    /// <param name="allowWeak">Whether an article alone counts as one ("une semaine" in a date; not in running text).</param>
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

    private bool TryParseWords(Atom[] atoms, int i, bool allowWeak, out NumberParse result)
    {
        result = default;
        var w = Words.Match(atoms, i, out var e);
        if (w is null) return false;
        // "des centaines", "plusieurs milliers", "several hundred", "thousands": a vague range of 2 to 9 times the base.
        if (w.Indefinite || (w.PluralGroup is not null && w.Cardinal is null))
        {
            var baseValue = w.PluralGroup;
            var end = e;
            if (w.Indefinite)
            {
                var w2 = Words.Match(atoms, e, out var e2);
                baseValue = w2?.PluralGroup ?? w2?.Group ?? w2?.Hundred ?? w2?.Scale;
                end = e2;
            }
            if (baseValue is not { } b) return TryWeak(w, i, e, allowWeak, out result);
            decimal low = 2 * b, high = 9 * b;
            // "des dizaines de milliers", "tens of thousands", "several hundred thousand"
            var k = end;
            if (k < atoms.Length && Of.Contains(atoms[k].Text)) k++;
            if (Words.Match(atoms, k, out var e3) is { } w3 && (w3.PluralGroup ?? w3.Scale) is { } m && m > b)
            {
                low *= m;
                high *= m;
                end = e3;
            }
            result = new NumberParse(end, low, high, true, true, 1);
            return true;
        }
        return TryCardinalWords(atoms, i, allowWeak, out result);
    }

    private bool TryWeak(NumberWord w, int i, int e, bool allowWeak, out NumberParse result)
    {
        result = default;
        if (!w.Weak) return false;
        _ = i;
        result = new NumberParse(e, 1, 1, false, true, 1);
        return allowWeak;
    }

    private bool TryCardinalWords(Atom[] atoms, int i, bool allowWeak, out NumberParse result)
    {
        result = default;
        decimal total = 0, current = 0, lastCardinal = decimal.MaxValue, lastScale = decimal.MaxValue;
        var any = false;
        var approximate = false;
        var end = i;
        while (end < atoms.Length)
        {
            var w = Words.Match(atoms, end, out var e);
            if (w is null) break;
            if (!any && w.Weak)
            {
                // "un millier", "une centaine", "a dozen": approximate; "un million", "a thousand", "a hundred": exact.
                var next = Words.Match(atoms, e, out var e2);
                if (next?.Group is { } g)
                {
                    // "une dizaine de milliers", "a couple of hundred": the round noun counts a larger unit.
                    var k = e2 < atoms.Length && Of.Contains(atoms[e2].Text) ? e2 + 1 : e2;
                    if (Words.Match(atoms, k, out var e3) is { } unit && (unit.PluralGroup ?? unit.Scale ?? unit.Hundred) is { } u && u > g)
                    {
                        result = new NumberParse(e3, g * u, g * u, true, true, 1);
                        return true;
                    }
                    result = new NumberParse(e2, g, g, true, true, 1);
                    return true;
                }
                if (next?.Scale is not null || next?.Hundred is not null) { current = 1; any = true; end = e; continue; }
                // "une demi-douzaine", "a half-dozen".
                if (next?.Cardinal is { } f && f < 1 && Words.Match(atoms, e2, out var e4) is { Group: { } half } hw)
                {
                    result = new NumberParse(e4, f * half, f * half, !hw.ExactGroup, true, 1);
                    return true;
                }
                if (!allowWeak) return false;
                result = new NumberParse(e, 1, 1, false, true, 1);
                return true;
            }
            if (w.Cardinal is { } c)
            {
                // "un million et demi", "a million and a half": a fraction after a scale is a fraction of it.
                if (c < 1 && current == 0 && lastScale != decimal.MaxValue)
                {
                    total += c * lastScale;
                    lastCardinal = c;
                    end = e;
                    continue;
                }
                if (c >= lastCardinal) break;
                current += c;
                lastCardinal = c;
                any = true;
                end = e;
                continue;
            }
            if (w.Hundred is { } h && (any || current == 0) && current < h)
            {
                current = (current == 0 ? 1 : current) * h;
                lastCardinal = decimal.MaxValue;
                any = true;
                end = e;
                continue;
            }
            if (w.Scale is { } s && (any || (current == 0 && total == 0 && w.PluralGroup is null)) && s < lastScale)
            {
                total += (current == 0 ? 1 : current) * s;
                current = 0;
                lastScale = s;
                lastCardinal = decimal.MaxValue;
                any = true;
                end = e;
                continue;
            }
            if ((w.Group ?? w.PluralGroup) is { } group && any && total == 0 && current is > 0 and < 100)
            {
                // "deux centaines": approximately two hundred; "cinq douzaines": sixty.
                current *= group;
                approximate = !w.ExactGroup;
                end = e;
                break;
            }
            if (w.Conjunction && any && Words.Match(atoms, e, out _) is { Cardinal: not null } or { Hundred: not null })
            {
                end = e;
                continue;
            }
            break;
        }
        if (!any) return false;
        var value = total + current;
        var scale = lastScale == decimal.MaxValue ? 1 : lastScale;
        if (!approximate && Words.Match(atoms, end, out var pe) is { DecimalPoint: true } && TryFraction(atoms, pe, out var fraction, out var fe))
        {
            // "trois cent virgule cinq", "two point five million": the decimals, then maybe a scale for the whole.
            value += fraction;
            end = fe;
            if (Words.Match(atoms, end, out var se) is { Scale: { } s } && s > 1 && (scale == 1 || s < scale) && value < 1000)
            {
                value *= s;
                scale = s;
                end = se;
            }
        }
        result = new NumberParse(end, value, value, approximate, true, scale);
        return true;
    }

    /// <summary>The decimals after a spoken decimal point: digit by digit ("point one four", "virgule zéro cinq") or
    /// as one number ("virgule vingt-cinq" = .25).</summary>
    private bool TryFraction(Atom[] atoms, int i, out decimal fraction, out int end)
    {
        fraction = 0;
        end = i;
        var digits = new System.Text.StringBuilder();
        var k = i;
        while (Words.Match(atoms, k, out var e) is { Cardinal: { } c } && c is >= 0 and <= 9 && c == decimal.Truncate(c))
        {
            digits.Append((int)c);
            k = e;
        }
        if (digits.Length >= 2 || (digits.Length == 1 && digits[0] == '0'))
        {
            fraction = decimal.Parse("0." + digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            end = k;
            return true;
        }
        // One number of tens and units, no scale: the scale after it scales the whole ("deux virgule cinq milliards").
        decimal whole = 0, last = decimal.MaxValue;
        k = i;
        while (Words.Match(atoms, k, out var e) is { } w)
        {
            if (w.Cardinal is { } c && c >= 1 && c == decimal.Truncate(c) && c < last) { whole += c; last = c; k = e; continue; }
            if (w.Conjunction && whole > 0 && Words.Match(atoms, e, out _) is { Cardinal: not null }) { k = e; continue; }
            break;
        }
        if (whole == 0) return false;
        var scaleDown = 1m;
        while (scaleDown <= whole) scaleDown *= 10;
        fraction = whole / scaleDown;
        end = k;
        return true;
    }
}
