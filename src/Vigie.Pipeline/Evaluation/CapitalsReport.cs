using System.Globalization;
using System.Text;
using Vigie.Core;

using Vigie.Fusion;

namespace Vigie.Pipeline.Evaluation;

/// <summary>How the timeline's date of a capital's fall compares with the reference.</summary>
public enum CapitalMatch
{
    /// <summary>A day-precise date within ±1 day of the reference.</summary>
    RightDay,

    /// <summary>A month (or week) precise date whose period holds the reference day.</summary>
    RightMonthOnly,

    /// <summary>A date that is neither: another day or month, or a year only.</summary>
    WrongDate,

    /// <summary>The timeline never gives the capital to the taker.</summary>
    None,
}

/// <summary>One capital's outcome.</summary>
/// <param name="Capital">The reference row.</param>
/// <param name="Match">How the dates compare.</param>
/// <param name="Since">The timeline's date of the taking, when any.</param>
/// <param name="DaysOff">Days between the timeline's first possible day and the reference, for day-precise dates.</param>
/// <param name="FromChange">False when the period starts only with a statement that the taker holds it.</param>
/// <param name="EventIds">The events of the period.</param>
public sealed record CapitalOutcome(ReferenceCapital Capital, CapitalMatch Match, DateValue? Since, int? DaysOff, bool FromChange, IReadOnlyList<string> EventIds);

/// <summary>The outcomes of every capital, and their counts.</summary>
public sealed record CapitalsReportResult(IReadOnlyList<CapitalOutcome> Capitals)
{
    /// <summary>Capitals with the right day (±1).</summary>
    public int RightDay => Capitals.Count(c => c.Match == CapitalMatch.RightDay);

    /// <summary>Capitals with the right month only.</summary>
    public int RightMonthOnly => Capitals.Count(c => c.Match == CapitalMatch.RightMonthOnly);

    /// <summary>Capitals with a wrong date.</summary>
    public int WrongDate => Capitals.Count(c => c.Match == CapitalMatch.WrongDate);

    /// <summary>Capitals the timeline never gives to the taker.</summary>
    public int None => Capitals.Count(c => c.Match == CapitalMatch.None);

    /// <summary>A plain-text table, one capital a line, then the counts.</summary>
    public string ToTable()
    {
        var sb = new StringBuilder();
        sb.AppendLine("capital\treference\ttimeline\tmatch\tevents");
        foreach (var c in Capitals)
            sb.Append(c.Capital.Capital).Append('\t')
              .Append(c.Capital.FellOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\t')
              .Append(c.Since?.Value ?? "-").Append(c.FromChange || c.Since is null ? "" : " (held)").Append('\t')
              .Append(c.Match).Append('\t')
              .Append(c.EventIds.Count).AppendLine();
        sb.Append("right day (±1): ").Append(RightDay)
          .Append(", right month only: ").Append(RightMonthOnly)
          .Append(", wrong date: ").Append(WrongDate)
          .Append(", none: ").Append(None)
          .Append(" (of ").Append(Capitals.Count).AppendLine(")");
        return sb.ToString();
    }
}

/// <summary>Scores a control timeline against a reference of when capitals fell.</summary>
public static class CapitalsReport
{
    /// <summary>Builds the timeline of the events, then scores it.</summary>
    public static CapitalsReportResult Evaluate(IEnumerable<Event> events, CapitalsReference reference, Func<Actor, bool>? isTaker = null, DateOnly? asOf = null) =>
        Evaluate(ControlTimeline.Rebuild(events), reference, isTaker, asOf);

    /// <summary>Scores a timeline: for each capital, the taker's period in force on <paramref name="asOf"/>, and its date.</summary>
    /// <param name="timeline">The timeline.</param>
    /// <param name="reference">The reference capitals.</param>
    /// <param name="isTaker">Who takes the capitals; by default the reference file's taker.</param>
    /// <param name="asOf">The day after all falls; by default 30 days after the last reference date.</param>
    public static CapitalsReportResult Evaluate(ControlTimeline timeline, CapitalsReference reference, Func<Actor, bool>? isTaker = null, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        isTaker ??= reference.IsTaker;
        var day = asOf ?? reference.Capitals.Max(c => c.FellOn).AddDays(30);
        var byCapital = timeline.Timelines()
            .Select(t => (Timeline: t, Capital: reference.Match(t.Place)))
            .Where(x => x.Capital is not null)
            .ToLookup(x => x.Capital!, x => x.Timeline);

        var outcomes = new List<CapitalOutcome>();
        foreach (var capital in reference.Capitals)
        {
            // The taker's latest period that had begun by the as-of day, over every place taken for this capital.
            var period = byCapital[capital]
                .SelectMany(t => t.Periods)
                .Where(p => isTaker(p.Controller) && p.PossibleFrom <= day)
                .OrderBy(p => p.StartsWithChange ? 0 : 1)
                .ThenByDescending(p => p.PossibleFrom)
                .FirstOrDefault();
            outcomes.Add(period is null
                ? new CapitalOutcome(capital, CapitalMatch.None, null, null, false, [])
                : Classify(capital, period));
        }
        return new CapitalsReportResult(outcomes);
    }

    private static CapitalOutcome Classify(ReferenceCapital capital, ControlPeriod period)
    {
        var since = period.Since;
        var window = DateWindow.Of(since);
        CapitalMatch match;
        int? off = null;
        if (window is null) match = CapitalMatch.WrongDate;
        else if (since.Precision == DatePrecision.Day)
        {
            off = window.Value.First.DayNumber - capital.FellOn.DayNumber;
            match = Math.Abs(off.Value) <= 1 ? CapitalMatch.RightDay : CapitalMatch.WrongDate;
        }
        else if (since.Precision is DatePrecision.Month or DatePrecision.Week)
            match = window.Value.Contains(capital.FellOn) ? CapitalMatch.RightMonthOnly : CapitalMatch.WrongDate;
        else match = CapitalMatch.WrongDate;
        return new CapitalOutcome(capital, match, since, off, period.StartsWithChange, period.EventIds);
    }
}
