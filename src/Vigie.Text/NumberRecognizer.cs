using Vigie.Core;

namespace Vigie.Text;

/// <summary>Finds numbers and quantities: digits and number words, ranges, qualifiers, and the counted noun's kind.</summary>
internal sealed partial class NumberRecognizer
{
    private readonly NumberLexicon _lex;
    private readonly string _rulePrefix;

    public NumberRecognizer(string code, NumberLexicon lexicon)
    {
        _lex = lexicon;
        _rulePrefix = code + "/number/";
    }

    public IReadOnlyList<NumberMention> Recognize(string text, Atom[] atoms, List<Token> tokens, IReadOnlyList<DateMention> dates)
    {
        List<NumberMention>? result = null;
        var dateIndex = 0;
        string? lastKind = null;
        var lastSentence = -1;
        for (var i = 0; i < atoms.Length; i++)
        {
            var a = atoms[i];
            // Skip atoms inside dates.
            while (dateIndex < dates.Count && dates[dateIndex].End <= a.Start) dateIndex++;
            if (dateIndex < dates.Count && dates[dateIndex].Start <= a.Start) continue;
            var starts = _lex.Starters.GetValueOrDefault(a.Text);
            if (starts == NumberStart.None && a.Shape is not (TokenShape.Number or TokenShape.NumberWithSuffix) && !_lex.StartsSignedNumber(atoms, i)) continue;
            // A currency sign before the number is its unit: "$3 million".
            string? prefixUnit = null;
            var first = i;
            if ((starts & NumberStart.PrefixUnit) != 0 && _lex.PrefixUnits.TryGetValue(a.Text, out var pu))
            {
                if (i + 1 >= atoms.Length || atoms[i + 1].Start > a.End + 1) continue;
                prefixUnit = pu;
                i++;
            }
            if (!SafeRead(text, atoms, i, dates, dateIndex, out var m, out var end))
            {
                if (prefixUnit is null && Singular(text, atoms, tokens, i) is { } one) (result ??= []).Add(one);
                i = first;
                continue;
            }
            // A number word that ends inside a hyphenated word is part of something else ("two-thirds", "trois-quarts").
            if (end < atoms.Length && atoms[end].Token == atoms[end - 1].Token && atoms[end].IsWord) { i = end - 1; continue; }
            // "vingt et unième", "twenty first": the number words begin an ordinal, a rank and not a count.
            if (m.Rule == "words" && _lex.IsOrdinalAt(atoms, end)) { i = end; continue; }
            var sentence = tokens[a.Token].Sentence;
            if (sentence != lastSentence) { lastKind = null; lastSentence = sentence; }
            var kind = CountedKind(atoms, tokens, first, m.NumberStart, end, out var human, out var nounEnd, out var nounStart);
            kind ??= prefixUnit;
            // A bare year-like number with nothing counted ("en 2020 et 2021") is a year, not a count.
            if (kind is null && nounEnd < 0 && m.Rule == "digits" && end - m.NumberStart == 1 && IsYearLike(atoms[m.NumberStart].Text)) { i = end - 1; continue; }
            // A number standing for the previous counted noun ("3 000 soldats …, un millier au Qatar") is followed by
            // punctuation, a function word or "autres"/"others", not by a noun of its own ("deux fois").
            if (kind is null && lastKind is not null && ElidesNoun(atoms, end)) kind = lastKind;
            if (human) lastKind = kind;
            // "one" alone is a pronoun ("one of them"), unless harm makes it a count ("killing one and injuring three").
            var partitive = end < atoms.Length && _lex.Of.Contains(atoms[end].Text);
            if (nounEnd < 0 && (kind is null || partitive) && m.Rule == "words" && end - m.NumberStart == 1 && _lex.NeedsNoun.Contains(atoms[m.NumberStart].Text)) { i = end - 1; continue; }
            // Only a noun right after the number ("route 7, 12 civils") keeps a count after a label; "Route 5 left many wounded" counts nothing.
            if (_lex.NotCounts.Applies(atoms, first, m.NumberStart, end, m.High, kind is not null && nounEnd >= 0 && nounStart <= end + 1, _lex.Of)) { i = end - 1; continue; }
            var q = new Quantity(kind, Normalize(m.Low), Normalize(m.High), m.Approximate, m.LowerBound, m.UpperBound, text[atoms[first].Start..atoms[end - 1].End]);
            (result ??= []).Add(new NumberMention(atoms[first].Start, atoms[end - 1].End, q.Text, _rulePrefix + m.Rule, q));
            // A noun of several words ("pour cent") is not read again as numbers.
            i = nounEnd > end + 1 ? nounEnd - 1 : end - 1;
        }
        return result ?? (IReadOnlyList<NumberMention>)[];
    }

    /// <summary>One person harm befalls, told with an article: "a civilian was killed", "beheaded a man", "un soldat a été
    /// blessé" (an article only counts a person whose clause has a word of harm they suffer; "a man said" counts nothing).</summary>
    private NumberMention? Singular(string text, Atom[] atoms, List<Token> tokens, int i)
    {
        if (!_lex.SingularArticles.Contains(atoms[i].Text)) return null;
        // "un million" is no article; "un et" ("tuant un et blessant trois") may be, though "et" is a number word too.
        if (i + 1 < atoms.Length && _lex.Words.Match(atoms, i + 1, out _) is not null && !_lex.Voice.Coordinators.Contains(atoms[i + 1].Text)) return null;
        var kind = CountedKind(atoms, tokens, i, i, i + 1, out var human, out var nounEnd, out _);
        if (kind is null || _lex.HumanKinds.Contains(kind)) return null;
        if (nounEnd < 0)
        {
            // An article standing for its noun, object of a word of harm: "tuant un et blessant trois", "blessant un autre".
            if (!StandsAlone(atoms, i) || !HarmBefore(atoms, tokens, i)) return null;
            var last = i + 1 < atoms.Length && _lex.Ellipsis.Contains(atoms[i + 1].Text) ? i + 1 : i;
            var alone = new Quantity(kind, 1, 1, false, false, false, text[atoms[i].Start..atoms[last].End]);
            return new NumberMention(atoms[i].Start, atoms[last].End, alone.Text, _rulePrefix + "singular", alone);
        }
        if (!human) return null;
        var q = new Quantity(kind, 1, 1, false, false, false, text[atoms[i].Start..atoms[nounEnd - 1].End]);
        return new NumberMention(atoms[i].Start, atoms[nounEnd - 1].End, q.Text, _rulePrefix + "singular", q);
    }

    /// <summary>Whether the article at <paramref name="i"/> has no noun of its own: punctuation, a coordinator or
    /// "autre"/"other" follows it.</summary>
    private bool StandsAlone(Atom[] atoms, int i) =>
        i + 1 >= atoms.Length || !atoms[i + 1].IsWord || _lex.Voice.Coordinators.Contains(atoms[i + 1].Text) || _lex.Ellipsis.Contains(atoms[i + 1].Text);

    /// <summary>Whether a word of harm ends right before atom <paramref name="i"/> (a clitic or an adverb may come between:
    /// "en a tué un", "killing only one").</summary>
    private bool HarmBefore(Atom[] atoms, List<Token> tokens, int i)
    {
        var sentence = tokens[atoms[i].Token].Sentence;
        for (var v = i - 1; v >= 0 && v >= i - 3 && tokens[atoms[v].Token].Sentence == sentence; v--)
            if (_lex.Verbs.Match(atoms, v, out var end) is not null && end == i) return true;
        return false;
    }

    /// <summary>Drops trailing zeros that scaling leaves (1,5 × 1 000 000 = 1500000.0 → 1500000).</summary>
    private static decimal Normalize(decimal d) => d / 1.000000000000000000000000000000000m;

    private readonly record struct Read(int NumberStart, decimal Low, decimal High, bool Approximate, bool LowerBound, bool UpperBound, string Rule);

    private static bool InDate(Atom[] atoms, int i, IReadOnlyList<DateMention> dates, int dateIndex) =>
        i < atoms.Length && dateIndex < dates.Count && dates[dateIndex].Start <= atoms[i].Start && atoms[i].Start < dates[dateIndex].End
        || (i < atoms.Length && dateIndex + 1 < dates.Count && dates[dateIndex + 1].Start <= atoms[i].Start && atoms[i].Start < dates[dateIndex + 1].End);

    /// <summary>Reads a number, or nothing when its value overflows a decimal ("10^30 milliards").</summary>
    private bool SafeRead(string text, Atom[] atoms, int i, IReadOnlyList<DateMention> dates, int dateIndex, out Read read, out int end)
    {
        try
        {
            return TryRead(text, atoms, i, dates, dateIndex, out read, out end);
        }
        catch (OverflowException)
        {
            read = default;
            end = i;
            return false;
        }
    }

    private bool TryRead(string text, Atom[] atoms, int i, IReadOnlyList<DateMention> dates, int dateIndex, out Read read, out int end)
    {
        read = default;
        end = i;
        bool approx = false, lower = false, upper = false;
        var k = i;
        // Qualifiers before the number: "près de", "au moins", "up to"; several may chain ("pas moins de").
        while (_lex.Qualifiers.Match(atoms, k, out var qe) is { } qs)
        {
            foreach (var q in qs) Set(q, ref approx, ref lower, ref upper);
            k = qe;
        }
        var between = k < atoms.Length && _lex.RangeBetween.Contains(atoms[k].Text);
        var numberStart = between ? k + 1 : k;
        if (InDate(atoms, numberStart, dates, dateIndex)) return false;
        if (!_lex.TryParse(text, atoms, numberStart, allowWeak: false, out var a)) return false;
        if (!a.FromWords && IsPartOfWord(text, atoms, numberStart)) return false;
        var low = a.Low;
        var high = a.High;
        approx |= a.Approximate;
        var rule = a.FromWords ? (a.Low != a.High ? "vague" : "words") : "digits";
        end = a.End;
        // Ranges: "3 500 à 4 000", "3,500-4,000", "entre 3 et 5", "between 3 and 5".
        if (end + 1 < atoms.Length && !InDate(atoms, end + 1, dates, dateIndex))
        {
            var link = atoms[end].Text;
            var ok = between ? _lex.RangeAnd.Contains(link) : _lex.RangeInfix.Contains(link);
            if (ok && _lex.TryParse(text, atoms, end + 1, allowWeak: false, out var b) && (a.FromWords == b.FromWords || !IsDash(link)))
            {
                var bLow = b.Low;
                if (a.Scale == 1 && b.Scale > 1 && low < b.Scale) { low *= b.Scale; high *= b.Scale; }
                if (bLow > low || b.High > high)
                {
                    high = Math.Max(high, b.High);
                    approx |= b.Approximate;
                    end = b.End;
                    rule = "range";
                }
            }
        }
        if (between && rule != "range") return false;
        // Qualifiers after the number: "8 000 environ", "100 or more".
        if (_lex.PostQualifiers.Match(atoms, end, out var pe) is { } post)
        {
            foreach (var q in post) Set(q, ref approx, ref lower, ref upper);
            end = pe;
        }
        read = new Read(numberStart, low, high, approx, lower, upper, rule);
        return true;
    }

    private static bool IsYearLike(string s) => s.Length == 4 && s[0] is '1' or '2' && int.TryParse(s, out var y) && y is >= 1900 and <= 2100;

    private static bool IsDash(string s) => s is "-" or "\u2013" or "\u2014";

    /// <summary>Digits glued to a word by a hyphen ("COVID-19", "F-16") are part of a name, not a count.</summary>
    private static bool IsPartOfWord(string text, Atom[] atoms, int i) =>
        i > 0 && atoms[i - 1].End == atoms[i].Start && atoms[i - 1].Text is "-" && i > 1 && atoms[i - 2].End == atoms[i - 1].Start && atoms[i - 2].IsWord
        && text.Length > 0;

    private static void Set(Qualifier q, ref bool approx, ref bool lower, ref bool upper)
    {
        switch (q)
        {
            case Qualifier.Approximate: approx = true; break;
            case Qualifier.LowerBound: lower = true; break;
            case Qualifier.UpperBound: upper = true; break;
        }
    }

    private bool ElidesNoun(Atom[] atoms, int end) =>
        end >= atoms.Length || !atoms[end].IsWord || _lex.Stopwords.Contains(atoms[end].Text) || _lex.Ellipsis.Contains(atoms[end].Text)
        || _lex.Of.Contains(atoms[end].Text) || _lex.Verbs.Starts(atoms[end].Text);

}
