using System.Globalization;
using System.Collections.Frozen;
using Vigie.Core;

namespace Vigie.Text;

/// <summary>Finds dates with the language's patterns and resolves them against the document date (CONTRACT §2).</summary>
internal sealed class DateRecognizer
{
    private const int MaxCaptures = 12;
    private readonly DateLexicon _lex;
    private readonly NumberLexicon _numbers;
    private readonly string _rulePrefix;

    public DateRecognizer(string code, DateLexicon lexicon, NumberLexicon numbers)
    {
        _lex = lexicon;
        _numbers = numbers;
        _rulePrefix = code + "/date/";
        _ordinalWords = OrdinalWords(numbers);
    }

    /// <summary>Ordinal words the number table does not list, made of a cardinal and an ordinal suffix ("dixième",
    /// "quinzième": "dix", "quinze" + "ième"), built once.</summary>
    private readonly FrozenDictionary<string, int> _ordinalWords;

    private static FrozenDictionary<string, int> OrdinalWords(NumberLexicon numbers)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in numbers.Words.FirstAtoms)
        {
            if (numbers.Words.Match([new Atom(0, 0, word, 0, TokenShape.Word)], 0, out _) is not { Cardinal: { } c } || c is < 1 or > 31) continue;
            foreach (var suffix in numbers.OrdinalSuffixes.Where(x => x.Length >= 3))
            {
                result.TryAdd(word + suffix, (int)c);
                if (word.EndsWith('e')) result.TryAdd(word[..^1] + suffix, (int)c);
            }
        }
        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed class MatchState(PartialDate? documentDate, int depth)
    {
        public readonly DateCapture[] Captures = new DateCapture[MaxCaptures];
        public readonly DateCapture[] Best = new DateCapture[MaxCaptures];
        public int BestCount;
        public int BestEnd;
        public (DateRule Rule, int Lead, int Tail)? BestRule;
        public int Sentence;
        public readonly PartialDate? DocumentDate = documentDate;
        /// <summary>0 for a match in the text, 1 inside a <c>&lt;date&gt;</c> slot (which holds no other).</summary>
        public readonly int Depth = depth;
        /// <summary>The state a <c>&lt;date&gt;</c> slot matches with, made once.</summary>
        public MatchState? Inner;
    }

    public IReadOnlyList<DateMention> Recognize(string text, Atom[] atoms, List<Token> tokens, PartialDate? documentDate, List<DateMention> spans)
    {
        List<DateMention>? result = null;
        MatchState? state = null;
        for (var i = 0; i < atoms.Length; i++)
        {
            if (!CanStart(atoms[i])) continue;
            state ??= new MatchState(documentDate, 0);
            state.BestRule = null;
            state.BestEnd = i;
            state.Sentence = tokens[atoms[i].Token].Sentence;
            Walk(text, atoms, tokens, _lex.Root, i, 0, state);
            if (state.BestRule is { Lead: > 0 } led)
            {
                // A match led by context words ("on Friday") may hide a longer one that starts after them ("on Friday, August 13").
                var first = (Rule: led, End: state.BestEnd, Count: state.BestCount);
                var saved = state.Best.AsSpan(0, state.BestCount).ToArray();
                state.BestRule = null;
                state.BestEnd = i + led.Lead;
                Walk(text, atoms, tokens, _lex.Root, i + led.Lead, 0, state);
                if (state.BestRule is not { } inner || state.BestEnd <= first.End)
                {
                    state.BestRule = first.Rule;
                    state.BestEnd = first.End;
                    state.BestCount = first.Count;
                    saved.CopyTo(state.Best, 0);
                }
                else
                {
                    state.BestRule = inner with { Lead = inner.Lead + led.Lead };
                }
            }
            if (state.BestRule is not { } found) continue;
            state.BestEnd -= Math.Min(found.Tail, state.BestEnd - i - found.Lead - 1);
            while (state.BestEnd - 1 > i && atoms[state.BestEnd - 1].Text == ",") state.BestEnd--;
            var startAtom = Math.Min(i + found.Lead, state.BestEnd - 1);
            while (startAtom < state.BestEnd - 1 && atoms[startAtom].Text == ",") startAtom++;
            var value = DateResolver.SafeResolve(found.Rule, state.Best.AsSpan(0, state.BestCount), documentDate,
                found.Rule.PastPeriod && IsPastClause(atoms, tokens, startAtom, state.BestEnd));
            {
                var start = atoms[startAtom].Start;
                var end = atoms[state.BestEnd - 1].End;
                // Every match blocks numbers, even one that cannot be resolved without a document date ("en dix ans").
                var mention = new DateMention(start, end, text[start..end], _rulePrefix + found.Rule.Id, value ?? Unresolved);
                spans.Add(mention);
                if (value is not null) (result ??= []).Add(mention);
            }
            i = state.BestEnd - 1;
        }
        return result ?? (IReadOnlyList<DateMention>)[];
    }

    private static readonly DateValue Unresolved = new("0000", DatePrecision.Year);

    // A comma only opens a pattern when an optional weekday before it is missing; starting there would hide a longer
    // match that starts after it.
    private bool CanStart(in Atom a) =>
        a.Shape is TokenShape.Number or TokenShape.NumberWithSuffix ? _lex.Root.Slots is not null : a.Text != "," && _lex.Triggers.Contains(a.Text);

    private void Walk(string text, Atom[] atoms, List<Token> tokens, DateLexicon.Node node, int i, int captures, MatchState state)
    {
        if (node.Rule is { } rule && (state.BestRule is null || i > state.BestEnd))
        {
            state.BestRule = rule;
            state.BestEnd = i;
            state.BestCount = captures;
            state.Captures.AsSpan(0, captures).CopyTo(state.Best);
        }
        if (i >= atoms.Length || tokens[atoms[i].Token].Sentence != state.Sentence) return;
        if (node.Words is not null && node.Words.TryGetValue(atoms[i].Text, out var next))
            Walk(text, atoms, tokens, next, i + 1, captures, state);
        if (node.Slots is null || captures >= MaxCaptures) return;
        foreach (var (slot, child) in node.Slots)
        {
            if (!TrySlot(text, atoms, tokens, i, slot, state, out var end, out var capture)) continue;
            state.Captures[captures] = capture;
            Walk(text, atoms, tokens, child, end, captures + 1, state);
        }
    }

    private bool NameCaseOk(in Atom a) => a.IsCapitalized || !_lex.CapitalOnly.Contains(a.Text);

    /// <summary>Whether a name is glued to a slash or hyphen of a date in digits ("2020/mar/15"), where case tells nothing.</summary>
    private static bool IsGlued(Atom[] atoms, int i) =>
        (i > 0 && atoms[i - 1].End == atoms[i].Start && atoms[i - 1].Text is "/" or "-")
        || (i + 1 < atoms.Length && atoms[i + 1].Start == atoms[i].End && atoms[i + 1].Text is "/" or "-");

    /// <summary>Whether a name that counts only with its full stop has it and a number beside it, and one that counts only next to a day ("mer 12",
    /// "Wed., Aug. 11", "5 Jan") has a day number or a month name after it, or a number before it.</summary>
    private bool BeforeDayOk(Atom[] atoms, int i, int end)
    {
        var nextToDay = IsDayOrMonth(atoms, end < atoms.Length && atoms[end].Text == "," ? end + 1 : end)
            || i > 0 && atoms[i - 1].Shape is TokenShape.Number or TokenShape.NumberWithSuffix && atoms[i - 1].Text.Length <= 4;
        // "sept." alone ends a sentence ("Ils étaient sept."): a dotted-only name needs its dot and a number beside it.
        return (!_lex.DottedOnly.Contains(atoms[i].Text) || end > i + 1 && nextToDay)
            && (!_lex.BeforeDayOnly.Contains(atoms[i].Text) || nextToDay);
    }

    private bool IsDayOrMonth(Atom[] atoms, int k) =>
        k < atoms.Length && (atoms[k].Shape is TokenShape.Number or TokenShape.NumberWithSuffix && atoms[k].Text.Length <= 4 || _lex.Months.ContainsKey(atoms[k].Text));

    /// <summary>Whether the clause around a date is told in the past: a past word or ending and no future or modal word
    /// in its sentence ("killed 50 in two days" against "will withdraw in ten days").</summary>
    private bool IsPastClause(Atom[] atoms, List<Token> tokens, int start, int end)
    {
        var sentence = tokens[atoms[start].Token].Sentence;
        var past = false;
        for (var k = start - 1; k >= 0 && tokens[atoms[k].Token].Sentence == sentence; k--)
            if (Cue(atoms[k], ref past)) return false;
        for (var k = end; k < atoms.Length && tokens[atoms[k].Token].Sentence == sentence; k++)
            if (Cue(atoms[k], ref past)) return false;
        return past;
    }

    /// <summary>True for a future or modal word; sets <paramref name="past"/> for a past one.</summary>
    private bool Cue(in Atom a, ref bool past)
    {
        if (!a.IsWord) return false;
        if (_lex.FutureCues.Contains(a.Text)) return true;
        if (past) return false;
        if (_lex.PastCues.Contains(a.Text)) past = true;
        else foreach (var suffix in _lex.PastSuffixes)
                if (a.Text.Length > suffix.Length + 2 && a.Text.EndsWith(suffix, StringComparison.Ordinal)) { past = true; break; }
        return false;
    }

    private static bool TryDigits(string s, int maxLength, out int value)
    {
        value = 0;
        if (s.Length == 0 || s.Length > maxLength) return false;
        foreach (var c in s)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    private bool TrySlot(string text, Atom[] atoms, List<Token> tokens, int i, Slot slot, MatchState state, out int end, out DateCapture capture)
    {
        end = i + 1;
        capture = new DateCapture { Slot = slot };
        var a = atoms[i];
        // Most words are no number: the number slots read only words that start a number or are ordinals.
        if (a.IsWord && slot is Slot.Day or Slot.Ordinal or Slot.Year or Slot.Count && !_numbers.Words.Starts(a.Text) && !_ordinalWords.ContainsKey(a.Text))
            return false;
        switch (slot)
        {
            case Slot.Day:
                if (a.Shape == TokenShape.Number) return TryDigits(a.Text, 2, out capture.Value) && capture.Value is >= 1 and <= 31;
                if (a.Shape == TokenShape.NumberWithSuffix) return TryNth(a.Text, out capture.Value);
                return a.IsWord && TryDayWords(text, atoms, i, out end, out capture.Value);
            case Slot.Nth:
                return a.Shape == TokenShape.NumberWithSuffix && TryNth(a.Text, out capture.Value);
            case Slot.Ordinal:
                if (a.Shape == TokenShape.NumberWithSuffix) return TryOrdinalDigits(a.Text, out capture.Value);
                return a.IsWord && TryDayWords(text, atoms, i, out end, out capture.Value, ordinalOnly: true);
            case Slot.Month:
                if (!_lex.Months.TryGetValue(a.Text, out capture.Value) || !(NameCaseOk(a) || IsGlued(atoms, i))) return false;
                if (i + 1 < atoms.Length && atoms[i + 1].Text == "." && atoms[i + 1].Start == a.End && _lex.Abbreviations.Contains(a.Text)) end = i + 2;
                return BeforeDayOk(atoms, i, end);
            case Slot.MonthNumber:
                return a.Shape == TokenShape.Number && TryDigits(a.Text, 2, out capture.Value) && capture.Value is >= 1 and <= 12;
            case Slot.Year:
                // "2000 soldats" is a count, not a year.
                if (a.IsWord) return TryYearWords(text, atoms, i, out end, out capture.Value) && _numbers.Nouns.Match(atoms, end, out _) is null;
                return a.Shape == TokenShape.Number && a.Text.Length == 4 && TryDigits(a.Text, 4, out capture.Value) && capture.Value is >= 1000 and <= 2999
                    && _numbers.Nouns.Match(atoms, i + 1, out _) is null;
            case Slot.ShortYear:
                // "'91" or "91"; the apostrophe, straight or typographic, is folded to "'".
                if (a.Text == "'" && i + 1 < atoms.Length && atoms[i + 1].Start == a.End) { a = atoms[i + 1]; end = i + 2; }
                return a.Shape == TokenShape.Number && a.Text.Length == 2 && TryDigits(a.Text, 2, out capture.Value);
            case Slot.Weekday:
                if (!_lex.Weekdays.TryGetValue(a.Text, out var wd) || !NameCaseOk(a)) return false;
                if (i + 1 < atoms.Length && atoms[i + 1].Text == "." && atoms[i + 1].Start == a.End && _lex.Abbreviations.Contains(a.Text)) end = i + 2;
                capture.Value = (int)wd;
                return BeforeDayOk(atoms, i, end);
            case Slot.Count:
                if (!_numbers.TryParse(text, atoms, i, allowWeak: true, out var n) || n.Low != n.High || n.Low < 1 || n.Low > 10_000 || n.Low != decimal.Truncate(n.Low)) return false;
                capture.Value = (int)n.Low;
                end = n.End;
                return true;
            case Slot.Unit:
                if (_lex.Units.Match(atoms, i, out end) is not { } u) return false;
                capture.Value = (int)u.Unit;
                capture.Month = u.Factor;
                return true;
            case Slot.Numeric:
                return a.Shape == TokenShape.Number && TryNumeric(a.Text, out capture);
            case Slot.Decade or Slot.DecadeNumber:
                {
                    // "1990s", "1990"; "90s", "'90s", "90" (after "années") in the latest century not after the document.
                    if (a.Text == "'" && i + 1 < atoms.Length && atoms[i + 1].Start == a.End) { a = atoms[i + 1]; end = i + 2; }
                    // Bare digits ("the 40 injured") are a decade only where the rule's own words say so.
                    var digits = a.Shape == TokenShape.NumberWithSuffix && a.Text.Length is 3 or 5 && a.Text[^1] == 's' ? a.Text[..^1]
                        : a.Shape == TokenShape.Number && slot == Slot.DecadeNumber ? a.Text : "";
                    if (digits.Length == 2 && TryDigits(digits, 2, out var yy) && yy % 10 == 0)
                    {
                        capture.Value = DateResolver.FullYear(yy, state.DocumentDate);
                        return true;
                    }
                    return digits.Length == 4 && TryDigits(digits, 4, out capture.Value) && capture.Value % 10 == 0 && capture.Value is >= 1000 and <= 2990;
                }
            case Slot.Holiday:
                if (_lex.Holidays.Match(atoms, i, out end) is not { } h) return false;
                capture.Holiday = h;
                return true;
            case Slot.Date:
                {
                    if (state.Depth > 0) return false;
                    var inner = state.Inner ??= new MatchState(state.DocumentDate, state.Depth + 1);
                    inner.Sentence = state.Sentence;
                    inner.BestEnd = i;
                    inner.BestRule = null;
                    Walk(text, atoms, tokens, _lex.Root, i, 0, inner);
                    // The inner date's leading context words ("à la fin de l'année") belong to no outer pattern.
                    if (inner.BestRule is not { Lead: 0 } r) return false;
                    capture.Date = DateResolver.SafeResolve(r.Rule, inner.Best.AsSpan(0, inner.BestCount), state.DocumentDate, past: false);
                    end = inner.BestEnd - Math.Min(r.Tail, inner.BestEnd - i - 1);
                    return capture.Date is not null && capture.Date.End is null;
                }
            default:
                return false;
        }
    }

    private bool TryOrdinalWord(in Atom a, out int value) => _ordinalWords.TryGetValue(a.Text, out value);

    private bool TryOrdinalDigits(string s, out int value)
    {
        value = 0;
        var k = 0;
        while (k < s.Length && s[k] is >= '0' and <= '9') k++;
        if (k is 0 or > 2 || !(_numbers.OrdinalSuffixes.Contains(s[k..]) || _numbers.DaySuffixes.Contains(s[k..]))) return false;
        value = int.Parse(s.AsSpan(0, k), CultureInfo.InvariantCulture);
        return value is >= 1 and <= 31;
    }

    /// <summary>A year in words: "deux mille dix-neuf", "two thousand and nineteen", or two numbers of hundreds and units
    /// ("nineteen eighty-four", "twenty twenty").</summary>
    private bool TryYearWords(string text, Atom[] atoms, int i, out int end, out int year)
    {
        end = i + 1;
        year = 0;
        if (!_numbers.Words.Starts(atoms[i].Text) || !_numbers.TryParse(text, atoms, i, allowWeak: false, out var n) || !n.FromWords || n.Low != n.High) return false;
        if (n.Low is >= 1100 and <= 2999) { year = (int)n.Low; end = n.End; return true; }
        if (n.Low is < 11 or > 29 || n.End >= atoms.Length || !atoms[n.End].IsWord) return false;
        if (!_numbers.TryParse(text, atoms, n.End, allowWeak: false, out var rest) || !rest.FromWords || rest.Low != rest.High || rest.Low is < 1 or > 99) return false;
        year = (int)n.Low * 100 + (int)rest.Low;
        end = rest.End;
        return true;
    }

    private bool TryNth(string s, out int day)
    {
        day = 0;
        var k = 0;
        while (k < s.Length && s[k] is >= '0' and <= '9') k++;
        if (k is 0 or > 2 || !_numbers.DaySuffixes.Contains(s[k..])) return false;
        day = int.Parse(s.AsSpan(0, k), CultureInfo.InvariantCulture);
        return day is >= 1 and <= 31;
    }

    private bool TryDayWords(string text, Atom[] atoms, int i, out int end, out int day, bool ordinalOnly = false)
    {
        end = i + 1;
        day = 0;
        var w = _numbers.Words.Match(atoms, i, out var e);
        if (w is null) return TryOrdinalWord(atoms[i], out day);
        if (w.Ordinal is { } o) { day = o; end = e; return day is >= 1 and <= 31; }
        // "twenty-first": tens then an ordinal unit.
        if (w.Cardinal is { } tens && _numbers.Words.Match(atoms, e, out var e2) is { Ordinal: { } unit } && unit < 10 && tens is 20 or 30)
        {
            day = (int)tens + unit;
            end = e2;
            return day <= 31;
        }
        if (ordinalOnly || !_numbers.TryParse(text, atoms, i, allowWeak: false, out var n) || !n.FromWords || n.Low != n.High || n.Low is < 1 or > 31) return false;
        day = (int)n.Low;
        end = n.End;
        return true;
    }

    /// <summary>A date in digits in one token: "03/08/2021", "12.05.81", "2021/08/03", "23/04" (two digits each,
    /// no year), "20190412". Day and month follow the language's order unless only the other one is a date.</summary>
    private bool TryNumeric(string s, out DateCapture capture)
    {
        capture = new DateCapture { Slot = Slot.Numeric };
        int d, m, y = 0;
        if (s.Length == 8 && TryDigits(s, 8, out var compact))
        {
            (y, m, d) = (compact / 10000, compact / 100 % 100, compact % 100);
            if (y is < 1900 or > 2099) return false;
        }
        else
        {
            var sep = s.Contains('/', StringComparison.Ordinal) ? '/' : s.Contains('.', StringComparison.Ordinal) ? '.' : '\0';
            if (sep == '\0') return false;
            var parts = s.Split(sep);
            if (parts.Length is not (2 or 3) || parts.Any(p => p.Length is 0 or > 4)) return false;
            if (parts.Length == 2 && (parts[0].Length != 2 || parts[1].Length != 2)) return false;
            var v = new int[parts.Length];
            for (var k = 0; k < parts.Length; k++) if (!TryDigits(parts[k], 4, out v[k])) return false;
            if (parts[0].Length == 4)
            {
                if (parts.Length != 3) return false;
                (y, m, d) = (v[0], v[1], v[2]);
            }
            else
            {
                if (parts.Length == 3)
                {
                    if (parts[2].Length is not (2 or 4)) return false;
                    y = v[2];
                    capture.ShortYear = parts[2].Length == 2;
                }
                (d, m) = _numbers.NumericDateOrder == "mdy" ? (v[1], v[0]) : (v[0], v[1]);
                if (m > 12 && d <= 12) (d, m) = (m, d);
            }
        }
        // Two-digit and missing years are placed later; 2000 stands in for the check (a leap year, so "29/02" passes).
        var check = y == 0 || capture.ShortYear ? 2000 : y;
        if (m is < 1 or > 12 || d < 1 || check < 1000 || d > DateTime.DaysInMonth(check, m)) return false;
        capture.Value = d;
        capture.Month = m;
        capture.Year = y;
        return true;
    }

    /// <summary>Whether the rule reads a weekday whose day depends on the verb's tense ("jeudi", "ce jeudi", "on Thursday").</summary>
    public bool IsTenseDependent(string rule) =>
        rule.StartsWith(_rulePrefix, StringComparison.Ordinal)
        && _lex.RulesById.TryGetValue(rule[_rulePrefix.Length..], out var r) && r.TenseDependent;

    /// <summary>The value of a tense-dependent weekday mention read as future; other mentions keep theirs.</summary>
    public DateValue ResolveAsFuture(DateMention mention, PartialDate? doc)
    {
        if (!IsTenseDependent(mention.Rule) || mention.Date.Weekday is not { } name || !Enum.TryParse<DayOfWeek>(name, true, out var wd))
            return mention.Date;
        return DateResolver.ResolveWeekday(wd, 0, doc, future: true) ?? mention.Date;
    }
}
