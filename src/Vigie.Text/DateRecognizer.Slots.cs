using System.Globalization;
using Vigie.Core;

namespace Vigie.Text;

/// <summary>Reading one slot of a date pattern at a token: days, ordinals, years in digits or words, month and weekday
/// names, counts and units, dates in digits ("03/08/2021", "20190412"), named days and a nested date.</summary>
internal sealed partial class DateRecognizer
{
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
        // The walk calls this only for the slots the atom's mask allows (SlotMask): number slots read only words that
        // start a number or are ordinals, names only the words of their tables.
        var a = atoms[i];
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
                if (!_lex.Months.TryGetValue(a.Text, out capture.Value)) return false;
                if (i + 1 < atoms.Length && atoms[i + 1].Text == "." && atoms[i + 1].Start == a.End && _lex.Abbreviations.Contains(a.Text)) end = i + 2;
                // "may 5", "march 3rd", "august 2021": a day or a year after the name makes it a month in any case.
                if (!(NameCaseOk(a) || IsGlued(atoms, i) || end < atoms.Length && atoms[end].Shape is TokenShape.Number or TokenShape.NumberWithSuffix && atoms[end].Text.Length <= 4
                    && _numbers.Nouns.Match(atoms, end + 1, out _) is null)) return false;
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
                    // Most words after "de", "from", "since" start no date: no walk for them.
                    if (state.Depth > 0 || (state.Masks[i] & DateBit) == 0) return false;
                    var inner = state.Inner ??= new MatchState(state.DocumentDate, state.Depth + 1, state.Masks);
                    inner.Sentence = state.Sentence;
                    inner.BestEnd = i;
                    inner.BestRule = null;
                    Walk(text, atoms, tokens, _lex.Root, i, 0, inner);
                    // The inner date's leading context words ("à la fin de l'année") belong to no outer pattern.
                    if (inner.BestRule is not { Lead: 0 } r) return false;
                    // A named day takes the tense of its sentence ("reopened the day after Christmas", "since Christmas").
                    var past = (r.Rule.PastPeriod || r.Rule.Resolve == Resolution.Holiday) && IsPastClause(atoms, tokens, i, inner.BestEnd);
                    capture.Date = DateResolver.SafeResolve(r.Rule, inner.Best.AsSpan(0, inner.BestCount), state.DocumentDate, past);
                    end = inner.BestEnd - Math.Min(r.Tail, inner.BestEnd - i - 1);
                    // A calendar week may be read whole ("since last week", "the beginning of next week"); other spans may not.
                    return capture.Date is not null && (capture.Date.End is null || capture.Date.Precision == DatePrecision.Week);
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
            // "08/2021": a month and its year.
            if (parts.Length == 2 && parts[0].Length is 1 or 2 && parts[1].Length == 4)
            {
                if (!TryDigits(parts[0], 2, out var mm) || mm is < 1 or > 12 || !TryDigits(parts[1], 4, out var yyyy) || yyyy is < 1900 or > 2099) return false;
                capture.Month = mm;
                capture.Year = yyyy;
                capture.MonthOnly = true;
                return true;
            }
            // "23/04", "8/15": two digits after the slash, and one before only where the second is no month ("8/15"; "1/10" is a fraction).
            if (parts.Length == 2 && (parts[0].Length is not (1 or 2) || parts[1].Length != 2 || parts[0].Length == 1 && !(TryDigits(parts[1], 2, out var second) && second > 12))) return false;
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
}
