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
}

/// <summary>Which bound a qualifier sets.</summary>
internal enum Qualifier { Approximate, LowerBound, UpperBound }

/// <summary>A parsed number: <c>End</c> is the atom after it.</summary>
internal readonly record struct NumberParse(int End, decimal Low, decimal High, bool Approximate, bool FromWords, decimal Scale);

/// <summary>A language's number words, separators, qualifiers and counted nouns (<c>numbers.yaml</c>, <c>quantities.tsv</c>,
/// <c>quantity-verbs.tsv</c>), and the scale-words engine that reads numbers with them.</summary>
internal sealed class NumberLexicon
{
    public required PhraseTrie<NumberWord> Words { get; init; }
    public required FrozenSet<string> Of { get; init; }
    public required PhraseTrie<Qualifier[]> Qualifiers { get; init; }
    public required PhraseTrie<Qualifier[]> PostQualifiers { get; init; }
    public required FrozenSet<string> RangeInfix { get; init; }
    public required FrozenSet<string> RangeBetween { get; init; }
    public required FrozenSet<string> RangeAnd { get; init; }
    public required PhraseTrie<string> Nouns { get; init; }
    public required FrozenDictionary<string, string> Verbs { get; init; }
    public required FrozenSet<string> HumanKinds { get; init; }
    public required FrozenSet<string> Ellipsis { get; init; }
    public required FrozenSet<string> NeedsNoun { get; init; }
    public required FrozenDictionary<string, decimal> ScaleSuffixes { get; init; }
    public required FrozenDictionary<string, string> PrefixUnits { get; init; }
    /// <summary>Every word a number mention may start with: number words, qualifiers, "entre"/"between".</summary>
    public FrozenSet<string> Triggers { get; private set; } = FrozenSet<string>.Empty;
    public required FrozenSet<string> Stopwords { get; init; }
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

        var ranges = y.Mapping(r, "ranges", required: true) ?? new();
        var nouns = new PhraseTrie<string>();
        var nounFile = files.Require("quantities.tsv", problems);
        if (File.Exists(nounFile))
            foreach (var (line, cols) in TsvFile.Read(nounFile, 2, problems))
                if (!nouns.Add(phrase(cols[0]), cols[1])) problems.Add(nounFile, line, $"duplicate noun '{cols[0]}'");
        var verbs = new Dictionary<string, string>(StringComparer.Ordinal);
        var verbFile = files.Require("quantity-verbs.tsv", problems);
        if (File.Exists(verbFile))
            foreach (var (line, cols) in TsvFile.Read(verbFile, 2, problems))
            {
                var atoms = phrase(cols[0]);
                if (atoms.Length != 1) { problems.Add(verbFile, line, $"'{cols[0]}' must be one word"); continue; }
                if (!verbs.TryAdd(atoms[0], cols[1])) problems.Add(verbFile, line, $"duplicate word '{cols[0]}'");
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
            Verbs = verbs.ToFrozenDictionary(StringComparer.Ordinal),
            HumanKinds = y.Strings(r, "human_kinds").Select(s => s.Value).ToFrozenSet(StringComparer.Ordinal),
            Ellipsis = Set(r, "ellipsis"),
            NeedsNoun = Set(r, "needs_noun"),
            ScaleSuffixes = y.Numbers(r, "scale_suffixes").ToFrozenDictionary(x => Folding.Fold(x.Key), x => x.Value, StringComparer.Ordinal),
            PrefixUnits = (y.Mapping(r, "prefix_units") is { } pu ? YamlFile.Entries(pu).Select(e => (e.Key, (e.Value as YamlDotNet.RepresentationModel.YamlScalarNode)?.Value ?? "")) : [])
                .ToFrozenDictionary(x => Folding.Fold(x.Key), x => x.Item2, StringComparer.Ordinal),
            Stopwords = stopwords.ToFrozenSet(StringComparer.Ordinal),
            OrdinalSuffixes = y.Strings(r, "ordinal_suffixes").Select(s => Folding.Fold(s.Value)).ToFrozenSet(StringComparer.Ordinal),
            DaySuffixes = y.Strings(r, "day_suffixes").Select(s => Folding.Fold(s.Value)).ToFrozenSet(StringComparer.Ordinal),
            DecimalSeparator = decimalSep.Length == 1 ? decimalSep[0] : '.',
            GroupSeparators = groups,
            NumericDateOrder = order,
        };
        lexicon.Triggers = lexicon.Words.FirstAtoms.Concat(lexicon.Qualifiers.FirstAtoms).Concat(lexicon.RangeBetween).ToFrozenSet(StringComparer.Ordinal);
        return lexicon;
    }

    /// <summary>Parses a token of digits with this language's separators ("8,000", "1,5", "2.000", "3.5").</summary>
    public bool TryParseDigits(string s, out decimal value)
    {
        value = 0;
        var seps = 0;
        foreach (var c in s)
        {
            if (c is '.' or ',') seps++;
            else if (c is < '0' or > '9') return false;
        }
        if (seps == 0) return decimal.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        var parts = s.Split('.', ',');
        var sepChars = new List<char>(seps);
        foreach (var c in s) if (c is '.' or ',') sepChars.Add(c);
        var allGroups = sepChars.TrueForAll(c => c == sepChars[0]) && GroupSeparators.Contains(sepChars[0], StringComparison.Ordinal)
                        && parts.Skip(1).All(p => p.Length == 3) && parts[0].Length is >= 1 and <= 3;
        if (allGroups && !(seps == 1 && sepChars[0] == DecimalSeparator))
            return decimal.TryParse(string.Concat(parts), NumberStyles.None, CultureInfo.InvariantCulture, out value);
        // A last separator that is not a well-formed group is the decimal point.
        var intParts = parts[..^1];
        if (intParts.Length > 1 && (intParts[0].Length > 3 || intParts.Skip(1).Any(p => p.Length != 3))) return false;
        if (seps == 1 && sepChars[0] != DecimalSeparator && parts[1].Length == 3 && GroupSeparators.Contains(sepChars[0], StringComparison.Ordinal))
            return decimal.TryParse(string.Concat(parts), NumberStyles.None, CultureInfo.InvariantCulture, out value);
        return decimal.TryParse(string.Concat(intParts) + "." + parts[^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsPlainDigits(string s, int min, int max)
    {
        if (s.Length < min || s.Length > max) return false;
        foreach (var c in s) if (c is < '0' or > '9') return false;
        return true;
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

    private bool TryParseUnchecked(string text, Atom[] atoms, int i, bool allowWeak, out NumberParse result)
    {
        result = default;
        if (i >= atoms.Length) return false;
        var a = atoms[i];
        if (a.Shape == TokenShape.Number) return TryParseDigitsAt(text, atoms, i, out result);
        if (a.Shape == TokenShape.NumberWithSuffix) return TryParseSuffixed(a, i, out result);
        if (!a.IsWord) return false;
        return TryParseWords(atoms, i, allowWeak, out result);
    }

    /// <summary>Digits glued to a scale abbreviation: "2.5bn", "1.2m", "10k".</summary>
    private bool TryParseSuffixed(in Atom a, int i, out NumberParse result)
    {
        result = default;
        var k = 0;
        while (k < a.Text.Length && a.Text[k] is (>= '0' and <= '9') or '.' or ',') k++;
        if (k == 0 || !ScaleSuffixes.TryGetValue(a.Text[k..], out var scale) || !TryParseDigits(a.Text[..k], out var value)) return false;
        value *= scale;
        result = new NumberParse(i + 1, value, value, false, false, scale);
        return true;
    }

    private bool TryParseDigitsAt(string text, Atom[] atoms, int i, out NumberParse result)
    {
        result = default;
        var a = atoms[i];
        if (!TryParseDigits(a.Text, out var value)) return false;
        var end = i + 1;
        if (GroupSeparators.Length > 0 && IsPlainDigits(a.Text, 1, 3))
        {
            while (end < atoms.Length && atoms[end].Shape == TokenShape.Number && IsPlainDigits(atoms[end].Text, 3, 3)
                   && atoms[end].Start == atoms[end - 1].End + 1 && GroupSeparators.Contains(text[atoms[end - 1].End], StringComparison.Ordinal))
            {
                value = value * 1000 + decimal.Parse(atoms[end].Text, CultureInfo.InvariantCulture);
                end++;
            }
        }
        decimal scale = 1;
        if (end < atoms.Length && Words.Match(atoms, end, out var e) is { } w && (w.Scale ?? w.Hundred) is { } s && s > 1)
        {
            scale = s;
            value *= s;
            end = e;
        }
        result = new NumberParse(end, value, value, false, false, scale);
        return true;
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
                if (next?.Group is { } g) { result = new NumberParse(e2, g, g, true, true, 1); return true; }
                if (next?.Scale is not null || next?.Hundred is not null) { current = 1; any = true; end = e; continue; }
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
            if (w.Group is { } group && any && total == 0 && current is > 0 and < 10)
            {
                // "deux centaines": approximately two hundred.
                current *= group;
                approximate = true;
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
        result = new NumberParse(end, value, value, approximate, true, lastScale == decimal.MaxValue ? 1 : lastScale);
        return true;
    }
}
