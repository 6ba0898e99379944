using System.Globalization;

namespace Vigie.Text;

/// <summary>Which calendar a holiday rule counts in.</summary>
internal enum HolidayCalendar : byte { Gregorian, Fixed, Easter, OrthodoxEaster, Hijri, Persian, Hebrew, NthWeekday }

/// <summary>A holiday's date rule from <c>holidays.tsv</c>: "12-25", "2001-09-11", "easter +1", "orthodox-easter",
/// "hijri:10-01", "persian:01-01", "hebrew:01-10", "nth:11:thursday:4" (-1: the last), each with an optional blank and "+N"/"-N" days.</summary>
internal sealed record HolidayRule(HolidayCalendar Calendar, int Year, int Month, int Day, int Offset, DayOfWeek Weekday = DayOfWeek.Sunday)
{
    private static readonly UmAlQuraCalendar UmAlQura = new();
    private static readonly PersianCalendar Persian = new();
    private static readonly HebrewCalendar Hebrew = new();

    /// <summary>Parses a rule; null when it is not one.</summary>
    public static HolidayRule? Parse(string s)
    {
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var offset = 0;
        if (words.Length is 0 or > 2) return null;
        if (words.Length == 2 && !int.TryParse(words[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out offset)) return null;
        s = words[0];
        if (s == "easter") return new(HolidayCalendar.Easter, 0, 0, 0, offset);
        if (s == "orthodox-easter") return new(HolidayCalendar.OrthodoxEaster, 0, 0, 0, offset);
        var parts = s.Split(':');
        if (parts.Length == 4 && parts[0] == "nth" && int.TryParse(parts[1], out var nm) && nm is >= 1 and <= 12
            && Enum.TryParse<DayOfWeek>(parts[2], true, out var wd) && int.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var k) && k is >= -1 and <= 5 and not 0)
            return new(HolidayCalendar.NthWeekday, 0, nm, k, offset, wd);
        var calendar = parts.Length == 2 ? parts[0] switch
        {
            "hijri" => HolidayCalendar.Hijri,
            "persian" => HolidayCalendar.Persian,
            "hebrew" => HolidayCalendar.Hebrew,
            _ => (HolidayCalendar?)null,
        } : HolidayCalendar.Gregorian;
        if (calendar is not { } cal) return null;
        var md = parts[^1].Split('-');
        if (md.Length == 3 && cal == HolidayCalendar.Gregorian && int.TryParse(md[0], out var y) && int.TryParse(md[1], out var fm) && int.TryParse(md[2], out var fd)
            && fm is >= 1 and <= 12 && fd >= 1 && fd <= DateTime.DaysInMonth(y, fm))
            return new(HolidayCalendar.Fixed, y, fm, fd, offset);
        if (md.Length != 2 || !int.TryParse(md[0], out var m) || !int.TryParse(md[1], out var d) || m is < 1 or > 13 || d is < 1 or > 31) return null;
        return new(cal, 0, m, d, offset);
    }

    /// <summary>The days the holiday falls on in a Gregorian year (none, one or, for lunar calendars, two).</summary>
    public IEnumerable<DateOnly> In(int year)
    {
        switch (Calendar)
        {
            case HolidayCalendar.Fixed:
                if (Year == year) yield return new DateOnly(Year, Month, Day).AddDays(Offset);
                yield break;
            case HolidayCalendar.Gregorian:
                if (Day <= DateTime.DaysInMonth(year, Month)) yield return new DateOnly(year, Month, Day).AddDays(Offset);
                yield break;
            case HolidayCalendar.Easter:
                yield return GregorianEaster(year).AddDays(Offset);
                yield break;
            case HolidayCalendar.OrthodoxEaster:
                yield return OrthodoxEasterOf(year).AddDays(Offset);
                yield break;
            case HolidayCalendar.NthWeekday:
                {
                    var first = new DateOnly(year, Month, 1);
                    DateOnly day;
                    if (Day > 0) day = first.AddDays((((int)Weekday - (int)first.DayOfWeek + 7) % 7) + 7 * (Day - 1));
                    else
                    {
                        var last = first.AddMonths(1).AddDays(-1);
                        day = last.AddDays(-(((int)last.DayOfWeek - (int)Weekday + 7) % 7));
                    }
                    if (day.Month == Month) yield return day.AddDays(Offset);
                    yield break;
                }
            default:
                {
                    Calendar cal = Calendar switch { HolidayCalendar.Hijri => UmAlQura, HolidayCalendar.Persian => Persian, _ => Hebrew };
                    var min = cal.MinSupportedDateTime;
                    var max = cal.MaxSupportedDateTime;
                    var jan = new DateTime(year, 1, 1);
                    var dec = new DateTime(year, 12, 31);
                    if (jan < min || dec > max) yield break;
                    for (var y = cal.GetYear(jan) - 1; y <= cal.GetYear(dec); y++)
                    {
                        if (Month > cal.GetMonthsInYear(y) || Day > cal.GetDaysInMonth(y, Month)) continue;
                        var g = DateOnly.FromDateTime(cal.ToDateTime(y, Month, Day, 0, 0, 0, 0)).AddDays(Offset);
                        if (g.Year == year) yield return g;
                    }
                    yield break;
                }
        }
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly GregorianEaster(int y)
    {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(y, month, day);
    }

    /// <summary>Orthodox Easter: Meeus's Julian algorithm, moved to the Gregorian calendar.</summary>
    public static DateOnly OrthodoxEasterOf(int y)
    {
        int a = y % 4, b = y % 7, c = y % 19, d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
        var month = (d + e + 114) / 31;
        var day = (d + e + 114) % 31 + 1;
        var julian = new DateOnly(y, month, day);
        return julian.AddDays(y / 100 - y / 400 - 2);
    }
}

/// <summary>A named day: its rule (none for a phrase that only looks like one: "père Noël") and, for periods such as
/// Ramadan, the rule of its last day.</summary>
internal sealed record Holiday(string Id, HolidayRule? Start, HolidayRule? End);
