namespace Vigie.Core;

/// <summary>The days a date value may stand for: a month-precise date covers every day of its month.</summary>
public readonly record struct DateWindow(DateOnly First, DateOnly Last)
{
    /// <summary>The window of a date value, or null when it is missing or malformed.</summary>
    /// <remarks>A week-precise value given as a day is read as the seven days from that day.</remarks>
    public static DateWindow? Of(DateValue? date)
    {
        if (date is null) return null;
        var start = PartialDate.TryParse(date.Value);
        if (start is null) return null;
        var first = start.Value.FirstDay;
        var last = start.Value.LastDay;
        if (date.End is not null && PartialDate.TryParse(date.End) is { } end && end.LastDay >= first) last = end.LastDay;
        if (date.Precision == DatePrecision.Week && start.Value.Day is not null) last = first.AddDays(6) > last ? first.AddDays(6) : last;
        return new DateWindow(first, last);
    }

    /// <summary>The number of days covered.</summary>
    public int Days => Last.DayNumber - First.DayNumber + 1;

    /// <summary>This window grown by <paramref name="days"/> on each side.</summary>
    public DateWindow Widen(int days) => days == 0 ? this : new(First.AddDays(-days), Last.AddDays(days));

    /// <summary>True when the two windows share at least one day.</summary>
    public bool Overlaps(DateWindow other) => First <= other.Last && other.First <= Last;

    /// <summary>True when the day lies in the window.</summary>
    public bool Contains(DateOnly day) => First <= day && day <= Last;
}
