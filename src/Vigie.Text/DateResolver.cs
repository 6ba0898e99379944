using System.Globalization;
using Vigie.Core;

namespace Vigie.Text;

/// <summary>What one slot of a matched date pattern read.</summary>
internal struct DateCapture
{
    public Slot Slot;
    public int Value;
    public int Month;
    /// <summary>The year; 0 and not <see cref="ShortYear"/> when the text gave none ("23/04").</summary>
    public int Year;
    /// <summary>The year was written in two digits ("12/05/81", "june of 91").</summary>
    public bool ShortYear;
    /// <summary>A date in digits gave a month and year only ("08/2021").</summary>
    public bool MonthOnly;
    public DateValue? Date;
    public Holiday? Holiday;
}

/// <summary>Resolves a matched date pattern against the document date (CONTRACT §2).</summary>
internal static partial class DateResolver
{
    /// <summary>Resolves, or gives nothing for dates outside the calendar ("il y a 5000 ans", "depuis 9999 ans").</summary>
    public static DateValue? SafeResolve(DateRule rule, ReadOnlySpan<DateCapture> caps, PartialDate? doc, bool past)
    {
        try
        {
            var value = Resolve(rule, caps, doc, past);
            return value is null || value.Value.StartsWith('-') || value.Value.Length < 4 ? null : value;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>A two-digit year in the latest century that does not put it after the document's year.</summary>
    public static int FullYear(int yy, PartialDate? doc)
    {
        var pivot = doc?.Year ?? 2000 + 49;
        var year = pivot / 100 * 100 + yy;
        return year > pivot ? year - 100 : year;
    }

    private static DateValue? Resolve(DateRule rule, ReadOnlySpan<DateCapture> caps, PartialDate? doc, bool past)
    {
        int? weekday = null, count = null, ordinal = null;
        TimeUnit? unit = null;
        var factor = 1;
        DateValue? inner = null, firstInner = null;
        var inners = 0;
        Holiday? holiday = null;
        Span<int> days = stackalloc int[4], months = stackalloc int[4], years = stackalloc int[4];
        int nd = 0, nm = 0, ny = 0;
        foreach (var c in caps)
        {
            switch (c.Slot)
            {
                case Slot.Day or Slot.Nth: if (nd < 4) days[nd++] = c.Value; break;
                case Slot.Month or Slot.MonthNumber: if (nm < 4) months[nm++] = c.Value; break;
                case Slot.Year or Slot.Decade or Slot.DecadeNumber: if (ny < 4) years[ny++] = c.Value; break;
                // "2019-21": a two-digit year after a year is the first one after it that ends so.
                case Slot.ShortYear when ny > 0 && ny < 4: years[ny] = years[ny - 1] / 100 * 100 + c.Value; if (years[ny] <= years[ny - 1]) years[ny] += 100; ny++; break;
                case Slot.ShortYear: if (ny < 4) years[ny++] = FullYear(c.Value, doc); break;
                case Slot.Weekday: weekday = c.Value; break;
                case Slot.Count: count = c.Value; break;
                case Slot.Ordinal: ordinal = c.Value; break;
                case Slot.Unit: unit = (TimeUnit)c.Value; factor = c.Month; break;
                case Slot.Date: firstInner ??= c.Date; inner = c.Date; inners++; break;
                case Slot.Holiday: holiday = c.Holiday; break;
                case Slot.Numeric:
                    if (nd < 4 && !c.MonthOnly) days[nd++] = c.Value;
                    if (nm < 4) months[nm++] = c.Month;
                    if ((c.Year != 0 || c.ShortYear) && ny < 4) years[ny++] = c.ShortYear ? FullYear(c.Year, doc) : c.Year;
                    break;
            }
        }
        if (rule.Unit is { } ruleUnit) { unit = ruleUnit; factor = 1; }
        var n = (rule.Count ?? count ?? 1) * factor;
        var weekdayName = weekday is { } w ? Name((DayOfWeek)w) : null;
        int? Last(Span<int> v, int k) => k > 0 ? v[k - 1] : null;
        switch (rule.Resolve)
        {
            case Resolution.None:
                return null;
            case Resolution.Date:
                return Absolute(nd > 0 ? days[0] : null, nm > 0 ? months[0] : null, Last(years, ny), weekdayName, doc);
            case Resolution.Decade:
                return ny > 0 ? new DateValue(years[0].ToString("D4", CultureInfo.InvariantCulture), DatePrecision.Decade) : null;
            case Resolution.Weekday:
                {
                    if (weekday is not { } wd) return null;
                    var value = ResolveWeekday((DayOfWeek)wd, rule.Direction, doc, future: false);
                    return rule.Skip == 0 || value is not { Precision: DatePrecision.Day } ? value
                        : DateValue.OfDay(value.FirstDay.AddDays(7 * rule.Skip * Math.Sign(rule.Direction)), value.Weekday);
                }
            case Resolution.WeekWeekday:
                return weekday is { } ww ? WeekWeekday((DayOfWeek)ww, rule.Direction * (rule.Count ?? 1), doc) : null;
            case Resolution.Relative or Resolution.Period when rule.PastPeriod && past:
                // "killed 50 in two days": with a past verb, the window before the document date.
                return unit is { } pp ? Period(pp, n, -1, doc) : null;
            case Resolution.Period:
                return unit is { } pu ? Period(pu, n, rule.Direction, doc) : null;
            case Resolution.Relative:
                if (unit is not { } ru) return null;
                if (rule.Base != 0 && doc is { Day: not null } bd)
                    return Shift(DateValue.OfDay(bd.FirstDay.AddDays(rule.Base)), ru, n * rule.Direction);
                return Relative(ru, n * rule.Direction, rule.Calendar, doc);
            case Resolution.Shift:
                if (unit is not { } su) return null;
                return inner is null ? null : Shift(inner, su, n * rule.Direction);
            case Resolution.Holiday:
                return holiday is null ? null : OfHoliday(holiday, Last(years, ny), doc, past);
            case Resolution.NthPart:
                {
                    // "the first quarter of 2020", "le second semestre de l'année prochaine".
                    int? year = ny > 0 ? years[ny - 1] : inner is { Precision: DatePrecision.Year } iy ? PartialDate.Parse(iy.Value).Year : null;
                    var k = rule.Count ?? ordinal ?? 1;
                    var parts = 12 / rule.Months;
                    if (year is not { } py || k == 0 || k > parts || k < -1) return null;
                    if (k == -1) k = parts;
                    var firstMonth = (k - 1) * rule.Months + 1;
                    return DateValue.OfMonth(py, firstMonth) with { End = $"{py:D4}-{firstMonth + rule.Months - 1:D2}" };
                }
            case Resolution.NthWeekday or Resolution.NthDay or Resolution.NthWeek:
                {
                    var k = rule.Count ?? ordinal ?? count ?? (nd > 0 ? days[0] : 1);
                    PartialDate? month = null;
                    if (inner is { Precision: DatePrecision.Month }) month = PartialDate.Parse(inner.Value);
                    else if (nm > 0) { if (Absolute(null, months[0], Last(years, ny), null, doc) is { } mv) month = PartialDate.Parse(mv.Value); }
                    else if (inner is null && doc is { Month: { } dm } dd)
                    {
                        // "le 20 du mois prochain": the document's month, moved by the rule's direction.
                        var first = new DateOnly(dd.Year, dm, 1).AddMonths(rule.Direction);
                        month = new PartialDate(first.Year, first.Month, null);
                    }
                    if (month is not { Month: not null } pm) return null;
                    return rule.Resolve switch
                    {
                        Resolution.NthWeekday => weekday is { } nw ? NthWeekday(pm, (DayOfWeek)nw, k) : null,
                        Resolution.NthDay => NthDay(pm, k),
                        _ => NthWeek(pm, k),
                    };
                }
            case Resolution.Since:
                {
                    // "since last Monday", "depuis hier": from a date another pattern read.
                    if (inner is { } sinceDate) return sinceDate with { Weekday = null, End = doc?.ToString() };
                    if (nd + nm + ny == 0) return null;
                    var start = Absolute(nd > 0 ? days[0] : null, nm > 0 ? months[0] : null, Last(years, ny), null, doc);
                    return start is null ? null : start with { End = doc?.ToString() };
                }
            case Resolution.Range when inners == 2 && firstInner is { } rangeStart && inner is { } rangeEnd:
                    // "from mid-July to early August": two dates read by other patterns.
                    return string.CompareOrdinal(rangeStart.Value, rangeEnd.Value) < 0 ? rangeStart with { Weekday = null, End = rangeEnd.Value } : null;
            case Resolution.Range:
                {
                    int? lastYear = Last(years, ny);
                    var start = Absolute(nd > 0 ? days[0] : null, nm > 0 ? months[0] : null, ny > 1 ? years[0] : lastYear, null, doc);
                    var end = Absolute(nd > 0 ? days[nd - 1] : null, nm > 0 ? months[nm - 1] : null, lastYear, null, doc);
                    // "du 28 décembre au 3 janvier": a range that runs over the new year starts in the year before.
                    if (start is not null && end is not null && ny < 2 && nm == 2 && months[0] > months[1])
                        start = Absolute(nd > 0 ? days[0] : null, months[0], (lastYear ?? doc?.Year ?? 1) - 1, null, doc);
                    if (start is null || end is null || string.CompareOrdinal(start.Value, end.Value) >= 0) return null;
                    return start with { End = end.Value };
                }
            default:
                return null;
        }
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Name(DayOfWeek d) => d.ToString().ToLowerInvariant();

    /// <summary>A date from its parts, the missing ones taken from the document date. A weekday with a day but no month
    /// ("samedi 9") takes the nearest month where that day is that weekday; with a month but no year, the nearest year.</summary>
    private static DateValue? Absolute(int? day, int? month, int? year, string? weekday, PartialDate? doc)
    {
        if (weekday is not null && day is not null && year is null && doc is { } wd
            && Enum.TryParse<DayOfWeek>(weekday, true, out var dow) && Agreeing(day.Value, month, dow, wd) is { } agreed)
            return DateValue.OfDay(agreed, weekday);
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

    /// <summary>The day nearest the document date that has this day of month (and month, when given) and weekday.</summary>
    private static DateOnly? Agreeing(int day, int? month, DayOfWeek weekday, PartialDate doc)
    {
        var anchor = doc.Day is null && doc.Month is null ? new DateOnly(doc.Year, 7, 1) : doc.FirstDay;
        DateOnly? best = null;
        var span = month is null ? 6 : 18;
        for (var k = -span; k <= span; k++)
        {
            var first = new DateOnly(anchor.Year, anchor.Month, 1).AddMonths(k);
            if (month is { } m && first.Month != m) continue;
            if (day > DateTime.DaysInMonth(first.Year, first.Month)) continue;
            var d = new DateOnly(first.Year, first.Month, day);
            if (d.DayOfWeek != weekday) continue;
            if (best is null || Math.Abs(d.DayNumber - anchor.DayNumber) < Math.Abs(best.Value.DayNumber - anchor.DayNumber)) best = d;
        }
        return best;
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

    /// <summary>A weekday of the calendar week before, of or after the document's ("Monday of last week").</summary>
    private static DateValue? WeekWeekday(DayOfWeek weekday, int shift, PartialDate? doc)
    {
        if (doc is not { Day: not null } d) return ResolveWeekday(weekday, 0, doc, false);
        var monday = Monday(d.FirstDay).AddDays(7 * shift);
        return DateValue.OfDay(monday.AddDays(((int)weekday + 6) % 7), Name(weekday));
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
                {
                    if (d.Month is not { } m) return DateValue.OfYear(d.Year);
                    var first = new DateOnly(d.Year, m, 1).AddMonths(shift);
                    return DateValue.OfMonth(first.Year, first.Month);
                }
            default:
                return DateValue.OfYear(d.Year + shift);
        }
    }

    /// <summary>A date moved by a count of units, keeping its precision ("three days after 2 June", "a month after March").</summary>
    private static DateValue? Shift(DateValue origin, TimeUnit unit, int shift)
    {
        if (shift == 0) return origin;
        var d = PartialDate.Parse(origin.Value);
        if (d.Day is not null)
        {
            var day = d.FirstDay;
            var moved = unit switch
            {
                TimeUnit.Hour => day.AddDays(shift / 24),
                TimeUnit.Day => day.AddDays(shift),
                TimeUnit.Week or TimeUnit.Weekend => day.AddDays(7 * shift),
                TimeUnit.Month => day.AddMonths(shift),
                _ => day.AddYears(shift),
            };
            return DateValue.OfDay(moved);
        }
        if (d.Month is { } m)
        {
            if (unit is not (TimeUnit.Month or TimeUnit.Year)) return null;
            var first = new DateOnly(d.Year, m, 1).AddMonths(unit == TimeUnit.Month ? shift : 12 * shift);
            return DateValue.OfMonth(first.Year, first.Month);
        }
        return unit == TimeUnit.Year ? DateValue.OfYear(d.Year + shift) : null;
    }

    private static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>The span of <paramref name="count"/> units up to the document date (<paramref name="direction"/> &lt; 0)
    /// or from it onwards (&gt; 0): "ces trois dernières semaines", "the next five days".</summary>
    private static DateValue? Period(TimeUnit unit, int count, int direction, PartialDate? doc)
    {
        if (doc is not { } d) return null;
        var sign = direction > 0 ? 1 : -1;
        if (d.Day is not null)
        {
            var day = d.FirstDay;
            var other = unit switch
            {
                TimeUnit.Hour => day.AddDays(sign * ((count + 23) / 24)),
                TimeUnit.Day => day.AddDays(sign * count),
                TimeUnit.Week or TimeUnit.Weekend => day.AddDays(sign * 7 * count),
                TimeUnit.Month => day.AddMonths(sign * count),
                _ => day.AddYears(sign * count),
            };
            return sign < 0 ? new DateValue(Day(other), DatePrecision.Day, null, d.ToString()) : new DateValue(d.ToString(), DatePrecision.Day, null, Day(other));
        }
        if (d.Month is { } m)
        {
            var months = unit switch { TimeUnit.Month => count, TimeUnit.Year => 12 * count, _ => 0 };
            var first = new DateOnly(d.Year, m, 1).AddMonths(sign * months);
            return sign < 0 ? DateValue.OfMonth(first.Year, first.Month) with { End = d.ToString() }
                : d.ToDateValue() with { End = months == 0 ? null : $"{first.Year:D4}-{first.Month:D2}" };
        }
        var years = unit == TimeUnit.Year ? count : 0;
        return sign < 0 ? DateValue.OfYear(d.Year - years) with { End = d.ToString() }
            : DateValue.OfYear(d.Year) with { End = years == 0 ? null : $"{d.Year + years:D4}" };
    }

    /// <summary>The k-th (−1: last) such weekday of a month.</summary>
    private static DateValue? NthWeekday(PartialDate month, DayOfWeek weekday, int k)
    {
        var first = month.FirstDay;
        DateOnly day;
        if (k > 0) day = first.AddDays((((int)weekday - (int)first.DayOfWeek + 7) % 7) + 7 * (k - 1));
        else if (k == -1)
        {
            var last = month.LastDay;
            day = last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
        }
        else return null;
        return day.Month == first.Month ? DateValue.OfDay(day, Name(weekday)) : null;
    }

    /// <summary>The k-th (−1: last) day of a month.</summary>
    private static DateValue? NthDay(PartialDate month, int k)
    {
        var days = DateTime.DaysInMonth(month.Year, month.Month!.Value);
        if (k == -1) k = days;
        return k >= 1 && k <= days ? DateValue.OfDay(new DateOnly(month.Year, month.Month.Value, k)) : null;
    }

    /// <summary>The k-th (−1: last) week of a month: days 1–7, 8–14…, the last being its last seven days.</summary>
    private static DateValue? NthWeek(PartialDate month, int k)
    {
        var last = month.LastDay;
        DateOnly start;
        if (k == -1) start = last.AddDays(-6);
        else if (k is >= 1 and <= 5) start = month.FirstDay.AddDays(7 * (k - 1));
        else return null;
        if (start > last) return null;
        var end = start.AddDays(6) > last ? last : start.AddDays(6);
        return new DateValue(Day(start), DatePrecision.Week, null, Day(end));
    }
}
