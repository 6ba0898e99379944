using Vigie.Core;

namespace Vigie.Text;

/// <summary>Named days (<c>holidays.tsv</c>) resolved against the document date.</summary>
internal static partial class DateResolver
{
    /// <summary>A named day: in the year the text gives, else its occurrence nearest the document date (told in the
    /// past, the nearest one not after it: "the truce began on New Year's Day").</summary>
    private static DateValue? OfHoliday(Holiday holiday, int? year, PartialDate? doc, bool past)
    {
        if (holiday.Start is not { } rule) return null;
        DateOnly? best = null;
        if (rule.Calendar == HolidayCalendar.Fixed)
            best = rule.In(rule.Year).First();
        else if (year is { } y)
            foreach (var d in rule.In(y)) { best = d; break; }
        else if (doc is { } dd)
        {
            var anchor = dd.Day is null && dd.Month is null ? new DateOnly(dd.Year, 7, 1) : dd.FirstDay;
            for (var k = dd.Year - 1; k <= dd.Year + 1; k++)
                foreach (var d in rule.In(k))
                    if ((!past || d <= (dd.Day is null ? dd.LastDay : anchor))
                        && (best is null || Math.Abs(d.DayNumber - anchor.DayNumber) < Math.Abs(best.Value.DayNumber - anchor.DayNumber))) best = d;
        }
        if (best is not { } start) return null;
        var value = DateValue.OfDay(start);
        if (holiday.End is null) return value;
        foreach (var k in new[] { start.Year, start.Year + 1 })
            foreach (var e in holiday.End.In(k))
                if (e > start) return value with { End = Day(e) };
        return value;
    }
}
