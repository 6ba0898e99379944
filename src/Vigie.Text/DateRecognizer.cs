using System.Globalization;
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
    }

    private struct Capture
    {
        public Slot Slot;
        public int Value;
        public int Month;
        public int Year;
    }

    private sealed class MatchState
    {
        public readonly Capture[] Captures = new Capture[MaxCaptures];
        public readonly Capture[] Best = new Capture[MaxCaptures];
        public int BestCount;
        public int BestEnd;
        public (DateRule Rule, int Lead)? BestRule;
        public int Sentence;
    }

    public IReadOnlyList<DateMention> Recognize(string text, Atom[] atoms, List<Token> tokens, PartialDate? documentDate, List<DateMention> spans)
    {
        List<DateMention>? result = null;
        MatchState? state = null;
        for (var i = 0; i < atoms.Length; i++)
        {
            if (!CanStart(atoms[i])) continue;
            state ??= new MatchState();
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
            while (state.BestEnd - 1 > i && atoms[state.BestEnd - 1].Text == ",") state.BestEnd--;
            var startAtom = Math.Min(i + found.Lead, state.BestEnd - 1);
            while (startAtom < state.BestEnd - 1 && atoms[startAtom].Text == ",") startAtom++;
            var value = SafeResolve(found.Rule, state.Best.AsSpan(0, state.BestCount), documentDate);
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

    private bool CanStart(in Atom a) =>
        a.Shape is TokenShape.Number or TokenShape.NumberWithSuffix ? _lex.Root.Slots is not null : _lex.Triggers.Contains(a.Text);

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
            if (!TrySlot(text, atoms, i, slot, out var end, out var capture)) continue;
            state.Captures[captures] = capture;
            Walk(text, atoms, tokens, child, end, captures + 1, state);
        }
    }

    private bool NameCaseOk(in Atom a) => !_lex.CapitalizedNames || a.IsCapitalized;

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

    private bool TrySlot(string text, Atom[] atoms, int i, Slot slot, out int end, out Capture capture)
    {
        end = i + 1;
        capture = new Capture { Slot = slot };
        var a = atoms[i];
        switch (slot)
        {
            case Slot.Day:
                if (a.Shape == TokenShape.Number) return TryDigits(a.Text, 2, out capture.Value) && capture.Value is >= 1 and <= 31;
                if (a.Shape == TokenShape.NumberWithSuffix) return TryNth(a.Text, out capture.Value);
                return a.IsWord && TryDayWords(text, atoms, i, out end, out capture.Value);
            case Slot.Nth:
                return a.Shape == TokenShape.NumberWithSuffix && TryNth(a.Text, out capture.Value);
            case Slot.Month:
                if (!_lex.Months.TryGetValue(a.Text, out capture.Value) || !NameCaseOk(a)) return false;
                if (i + 1 < atoms.Length && atoms[i + 1].Text == "." && atoms[i + 1].Start == a.End && _lex.Abbreviations.Contains(a.Text)) end = i + 2;
                return true;
            case Slot.MonthNumber:
                return a.Shape == TokenShape.Number && TryDigits(a.Text, 2, out capture.Value) && capture.Value is >= 1 and <= 12;
            case Slot.Year:
                // "2000 soldats" is a count, not a year.
                return a.Shape == TokenShape.Number && a.Text.Length == 4 && TryDigits(a.Text, 4, out capture.Value) && capture.Value is >= 1000 and <= 2999
                    && _numbers.Nouns.Match(atoms, i + 1, out _) is null;
            case Slot.Weekday:
                if (!_lex.Weekdays.TryGetValue(a.Text, out var wd) || !NameCaseOk(a)) return false;
                if (i + 1 < atoms.Length && atoms[i + 1].Text == "." && atoms[i + 1].Start == a.End && _lex.Abbreviations.Contains(a.Text)) end = i + 2;
                capture.Value = (int)wd;
                return true;
            case Slot.Count:
                if (!_numbers.TryParse(text, atoms, i, allowWeak: true, out var n) || n.Low != n.High || n.Low < 1 || n.Low > 10_000 || n.Low != decimal.Truncate(n.Low)) return false;
                capture.Value = (int)n.Low;
                end = n.End;
                return true;
            case Slot.Unit:
                if (_lex.Units.Match(atoms, i, out end) is not { } u) return false;
                capture.Value = (int)u.Value;
                return true;
            case Slot.Numeric:
                return a.Shape == TokenShape.Number && TryNumeric(a.Text, out capture);
            case Slot.Decade:
                {
                    var digits = a.Shape == TokenShape.NumberWithSuffix && a.Text.Length == 5 && a.Text[4] == 's' ? a.Text[..4] : a.Shape == TokenShape.Number ? a.Text : "";
                    return digits.Length == 4 && TryDigits(digits, 4, out capture.Value) && capture.Value % 10 == 0 && capture.Value is >= 1000 and <= 2990;
                }
            default:
                return false;
        }
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

    private bool TryDayWords(string text, Atom[] atoms, int i, out int end, out int day)
    {
        end = i + 1;
        day = 0;
        var w = _numbers.Words.Match(atoms, i, out var e);
        if (w is null) return false;
        if (w.Ordinal is { } o) { day = o; end = e; return day is >= 1 and <= 31; }
        // "twenty-first": tens then an ordinal unit.
        if (w.Cardinal is { } tens && _numbers.Words.Match(atoms, e, out var e2) is { Ordinal: { } unit } && unit < 10 && tens is 20 or 30)
        {
            day = (int)tens + unit;
            end = e2;
            return day <= 31;
        }
        if (!_numbers.TryParse(text, atoms, i, allowWeak: false, out var n) || !n.FromWords || n.Low != n.High || n.Low is < 1 or > 31) return false;
        day = (int)n.Low;
        end = n.End;
        return true;
    }

    private bool TryNumeric(string s, out Capture capture)
    {
        capture = new Capture { Slot = Slot.Numeric };
        var sep = s.Contains('/', StringComparison.Ordinal) ? '/' : s.Contains('.', StringComparison.Ordinal) ? '.' : '\0';
        if (sep == '\0') return false;
        var parts = s.Split(sep);
        if (parts.Length != 3 || parts.Any(p => p.Length is 0 or > 4)) return false;
        var v = new int[3];
        for (var k = 0; k < 3; k++) if (!TryDigits(parts[k], 4, out v[k])) return false;
        int d, m, y;
        if (parts[0].Length == 4) (y, m, d) = (v[0], v[1], v[2]);
        else
        {
            if (parts[2].Length is not (2 or 4)) return false;
            y = parts[2].Length == 2 ? 2000 + v[2] : v[2];
            (d, m) = _numbers.NumericDateOrder == "mdy" ? (v[1], v[0]) : (v[0], v[1]);
            if (m > 12 && d <= 12) (d, m) = (m, d);
        }
        if (m is < 1 or > 12 || d < 1 || y < 1000 || d > DateTime.DaysInMonth(y, m)) return false;
        capture.Value = d;
        capture.Month = m;
        capture.Year = y;
        return true;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Name(DayOfWeek d) => d.ToString().ToLowerInvariant();

    /// <summary>Resolves, or gives nothing for dates outside the calendar ("il y a 5000 ans", "depuis 9999 ans").</summary>
    private DateValue? SafeResolve(DateRule rule, ReadOnlySpan<Capture> caps, PartialDate? doc)
    {
        try
        {
            var value = Resolve(rule, caps, doc);
            return value is null || value.Value.StartsWith('-') || value.Value.Length < 4 ? null : value;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private DateValue? Resolve(DateRule rule, ReadOnlySpan<Capture> caps, PartialDate? doc)
    {
        int? weekday = null, count = null;
        TimeUnit? unit = null;
        Span<int> days = stackalloc int[4], months = stackalloc int[4], years = stackalloc int[4];
        int nd = 0, nm = 0, ny = 0;
        foreach (var c in caps)
        {
            switch (c.Slot)
            {
                case Slot.Day or Slot.Nth: if (nd < 4) days[nd++] = c.Value; break;
                case Slot.Month or Slot.MonthNumber: if (nm < 4) months[nm++] = c.Value; break;
                case Slot.Year: if (ny < 4) years[ny++] = c.Value; break;
                case Slot.Weekday: weekday = c.Value; break;
                case Slot.Count: count = c.Value; break;
                case Slot.Unit: unit = (TimeUnit)c.Value; break;
                case Slot.Decade: if (ny < 4) years[ny++] = c.Value; break;
                case Slot.Numeric:
                    if (nd < 4) days[nd++] = c.Value;
                    if (nm < 4) months[nm++] = c.Month;
                    if (ny < 4) years[ny++] = c.Year;
                    break;
            }
        }
        unit = rule.Unit ?? unit;
        count = rule.Count ?? count ?? 1;
        var weekdayName = weekday is { } w ? Name((DayOfWeek)w) : null;
        switch (rule.Resolve)
        {
            case Resolution.Date:
                return Absolute(nd > 0 ? days[0] : null, nm > 0 ? months[0] : null, ny > 0 ? years[ny - 1] : null, weekdayName, doc);
            case Resolution.Decade:
                return ny > 0 ? new DateValue(years[0].ToString("D4", CultureInfo.InvariantCulture), DatePrecision.Decade) : null;
            case Resolution.Weekday:
                return weekday is { } wd ? ResolveWeekday((DayOfWeek)wd, rule.Direction, doc, future: false) : null;
            case Resolution.Relative:
                return unit is { } ru ? Relative(ru, count.Value * rule.Direction, rule.Calendar, doc) : null;
            case Resolution.Period:
                return unit is { } pu ? Period(pu, count.Value, doc) : null;
            case Resolution.Since:
                {
                    if (nd + nm + ny == 0) return null;
                    var start = Absolute(nd > 0 ? days[0] : null, nm > 0 ? months[0] : null, ny > 0 ? years[ny - 1] : null, null, doc);
                    return start is null ? null : start with { End = doc?.ToString() };
                }
            case Resolution.Range:
                {
                    int? lastYear = ny > 0 ? years[ny - 1] : null;
                    var start = Absolute(nd > 0 ? days[0] : null, nm > 0 ? months[0] : null, ny > 1 ? years[0] : lastYear, null, doc);
                    var end = Absolute(nd > 0 ? days[nd - 1] : null, nm > 0 ? months[nm - 1] : null, lastYear, null, doc);
                    if (start is null || end is null || string.CompareOrdinal(start.Value, end.Value) >= 0) return null;
                    return start with { End = end.Value };
                }
            default:
                return null;
        }
    }

    private static DateValue? Absolute(int? day, int? month, int? year, string? weekday, PartialDate? doc)
    {
        if (month is null && day is not null)
        {
            if (doc?.Month is not { } dm) return null;
            month = dm;
            year ??= doc.Value.Year;
        }
        if (year is null)
        {
            if (doc is null) return null;
            year = doc.Value.Year;
        }
        if (month is null) return day is null ? DateValue.OfYear(year.Value) : null;
        if (day is null) return DateValue.OfMonth(year.Value, month.Value, weekday);
        if (day > DateTime.DaysInMonth(year.Value, month.Value)) return null;
        return DateValue.OfDay(new DateOnly(year.Value, month.Value, day.Value), weekday);
    }

    /// <summary>A weekday against the document date: month or year precision keeps the weekday; against a day, the
    /// last such day on or before it (<paramref name="future"/>: the coming one on or after it); "last" is the most
    /// recent one strictly before, "next" the first one strictly after (docs/decisions/last-weekday.md).</summary>
    internal static DateValue? ResolveWeekday(DayOfWeek weekday, int direction, PartialDate? doc, bool future)
    {
        if (doc is not { } d) return null;
        var name = Name(weekday);
        if (d.Day is null)
            return d.Month is { } m ? DateValue.OfMonth(d.Year, m, name) : new DateValue(d.Year.ToString("D4", CultureInfo.InvariantCulture), DatePrecision.Year, name);
        var day = d.FirstDay;
        var back = ((int)day.DayOfWeek - (int)weekday + 7) % 7;
        var ahead = ((int)weekday - (int)day.DayOfWeek + 7) % 7;
        var result = direction switch
        {
            < 0 => day.AddDays(back == 0 ? -7 : -back),
            > 0 => day.AddDays(ahead == 0 ? 7 : ahead),
            _ => future ? day.AddDays(ahead) : day.AddDays(-back),
        };
        return DateValue.OfDay(result, name);
    }

    private static DateValue? Relative(TimeUnit unit, int shift, bool calendar, PartialDate? doc)
    {
        if (doc is not { } d) return null;
        switch (unit)
        {
            case TimeUnit.Hour or TimeUnit.Day or TimeUnit.Week or TimeUnit.Weekend when d.Day is null:
                return d.ToDateValue();
            case TimeUnit.Hour:
                // "il y a 48 heures": whole days back; times of day are not kept.
                return DateValue.OfDay(d.FirstDay.AddDays(shift / 24));
            case TimeUnit.Day:
                return DateValue.OfDay(d.FirstDay.AddDays(shift));
            case TimeUnit.Week when !calendar:
                return DateValue.OfDay(d.FirstDay.AddDays(7 * shift));
            case TimeUnit.Week:
                {
                    var monday = Monday(d.FirstDay).AddDays(7 * shift);
                    return new DateValue(Day(monday), DatePrecision.Week, null, Day(monday.AddDays(6)));
                }
            case TimeUnit.Weekend:
                {
                    var saturday = Monday(d.FirstDay).AddDays(5 + 7 * Math.Sign(shift));
                    return new DateValue(Day(saturday), DatePrecision.Day, null, Day(saturday.AddDays(1)));
                }
            case TimeUnit.Month:
                if (d.Month is not { } m) return DateValue.OfYear(d.Year);
                var first = new DateOnly(d.Year, m, 1).AddMonths(shift);
                if (!calendar && d.Day is not null) return DateValue.OfMonth(first.Year, first.Month);
                return DateValue.OfMonth(first.Year, first.Month);
            default:
                return DateValue.OfYear(d.Year + shift);
        }
    }

    private static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static DateValue? Period(TimeUnit unit, int count, PartialDate? doc)
    {
        if (doc is not { } d) return null;
        var end = d.ToString();
        if (d.Day is not null)
        {
            var day = d.FirstDay;
            var start = unit switch
            {
                TimeUnit.Hour => day.AddDays(-(count + 23) / 24),
                TimeUnit.Day => day.AddDays(-count),
                TimeUnit.Week or TimeUnit.Weekend => day.AddDays(-7 * count),
                TimeUnit.Month => day.AddMonths(-count),
                _ => day.AddYears(-count),
            };
            return new DateValue(Day(start), DatePrecision.Day, null, end);
        }
        if (d.Month is { } m)
        {
            var months = unit switch { TimeUnit.Month => count, TimeUnit.Year => 12 * count, _ => 0 };
            var first = new DateOnly(d.Year, m, 1).AddMonths(-months);
            return DateValue.OfMonth(first.Year, first.Month) with { End = end };
        }
        return DateValue.OfYear(unit == TimeUnit.Year ? d.Year - count : d.Year) with { End = end };
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
        return ResolveWeekday(wd, 0, doc, future: true) ?? mention.Date;
    }
}
