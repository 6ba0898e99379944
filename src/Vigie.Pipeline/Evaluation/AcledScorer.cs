using Vigie.Core;
using Vigie.Fusion;

namespace Vigie.Pipeline.Evaluation;

/// <summary>How Vigie's reading of one ACLED note compares with ACLED's coding of it.</summary>
/// <param name="Row">The ACLED row.</param>
/// <param name="Text">The cleaned notes Vigie read.</param>
/// <param name="Main">The main event (<see cref="AcledScorer.MainEvent"/>), or null when Vigie found none.</param>
/// <param name="All">Every event Vigie found in the note, in text order.</param>
/// <param name="PredictedEventType">The ACLED event type of the main event's codes (<see cref="AcledScorer.None"/> without one).</param>
/// <param name="PredictedSubEventType">The ACLED sub-event type of the main event's codes (<see cref="AcledScorer.None"/> without one).</param>
/// <param name="DistanceKm">From the row's point to the main event's nearest location; null without either.</param>
/// <param name="Named">Whether the notes name the row's location.</param>
/// <param name="DateRight">Whether the main event's date is the row's day, to the day.</param>
/// <param name="Fatalities">The main event's fatalities (the sum of its toll quantities' lower bounds).</param>
/// <param name="Actor1Right">Whether the main event's actor is of the class the row's <c>inter1</c> gives.</param>
public sealed record AcledOutcome(
    AcledRow Row,
    string Text,
    Event? Main,
    IReadOnlyList<Event> All,
    string PredictedEventType,
    string PredictedSubEventType,
    double? DistanceKm,
    bool Named,
    bool DateRight,
    int Fatalities,
    bool Actor1Right)
{
    /// <summary>How many events Vigie found in the note.</summary>
    public int Events => All.Count;

    /// <summary>The row's event type is the main event's.</summary>
    public bool TypeRight => PredictedEventType == Row.EventType;

    /// <summary>The row's sub-event type is the main event's.</summary>
    public bool SubRight => PredictedSubEventType == Row.SubEventType;

    /// <summary>The main event lies within <paramref name="km"/> of the row's point.</summary>
    public bool Within(double km) => DistanceKm is { } d && d <= km;

    /// <summary>Every check that applies to the row passed.</summary>
    public bool AllRight => SubRight && TypeRight && (Row.Lat is null || Within(50)) && DateRight && (Row.Fatalities <= 0 || Fatalities == Row.Fatalities) && Actor1Right;
}

/// <summary>The figures of <c>eval --acled</c> (CONTRACT §4): accuracies are shares of the rows each check applies to.</summary>
public sealed record AcledScore(
    int Rows,
    double SubAccuracy,
    double SubWeightedF1,
    double TypeAccuracy,
    double TypeWeightedF1,
    int Located,
    double Loc25,
    double Loc50,
    int NamedRows,
    double Loc50Named,
    double Date,
    int FatalRows,
    double FatPos,
    double Actor1,
    double EventsPerDoc,
    IReadOnlyList<LabelScore> SubTypes);

/// <summary>Scores Vigie's events against ACLED's codings of the same notes.</summary>
public static class AcledScorer
{
    /// <summary>The label of a note for which Vigie gives no ACLED type.</summary>
    public const string None = "(none)";

    /// <summary>How the main event of a note is picked, as <c>--help</c> states it.</summary>
    public const string MainEventRule =
        "the main event of a note is its highest-confidence event that has an ACLED sub-event type (the earliest in the text on a tie); " +
        "when none has one, its highest-confidence event of any type, whose type then counts as wrong";

    /// <summary>How actor1 is compared, as <c>--help</c> states it.</summary>
    public const string ActorRule =
        "actor1 is right when the main event's actor1 is of the row's actor type (inter1): state forces; rebels, political or identity militias " +
        "(one class: Vigie's roles do not split them as ACLED's codebook does); rioters or protesters; civilians; external forces";

    /// <summary>The note's main event (see <see cref="MainEventRule"/>), or null when there is no event.</summary>
    public static Event? MainEvent(IReadOnlyList<Event> events, EventTypeCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(catalog);
        Event? best = null, bestAny = null;
        foreach (var e in events)
        {
            if (Better(e, bestAny)) bestAny = e;
            if (catalog.Find(e.Type)?.AcledSubEventType is not null && Better(e, best)) best = e;
        }
        return best ?? bestAny;

        static bool Better(Event e, Event? than) =>
            than is null || e.Confidence > than.Confidence || (e.Confidence == than.Confidence && Start(e) < Start(than));
        static int Start(Event e) => e.Evidence.Count > 0 ? e.Evidence[0].Start : int.MaxValue;
    }

    /// <summary>Compares the events Vigie read in a row's cleaned notes with the row.</summary>
    public static AcledOutcome Judge(AcledRow row, string text, IReadOnlyList<Event> events, EventTypeCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(events);
        var main = MainEvent(events, catalog);
        var codes = main is null ? null : catalog.Find(main.Type)?.CodesFor(main.Actor1?.Role);
        double? distance = null;
        if (main is not null && row.Lat is { } lat && row.Lon is { } lon)
            foreach (var l in main.Locations)
            {
                var d = GeoMath.DistanceKm(lat, lon, l.Lat, l.Lon);
                if (distance is null || d < distance) distance = d;
            }
        var dateRight = main?.Date is { Precision: DatePrecision.Day } date && date.FirstDay == row.Date;
        var fatalities = main is null ? 0 : (int)main.Quantities.Where(q => q.Kind == "fatalities").Sum(q => q.Low);
        var actorRight = row.Inter1 is { } inter && ActorClass(inter) is { } want && ActorClassOfRole(main?.Actor1?.Role) == want;
        return new AcledOutcome(row, text, main, events, codes?.AcledEventType ?? None, codes?.AcledSubEventType ?? None,
            distance, AcledNotes.Names(text, row.Location), dateRight, fatalities, actorRight);
    }

    /// <summary>Aggregates the outcomes of every row.</summary>
    public static AcledScore Score(IReadOnlyList<AcledOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var subs = LabelTally.Score([], outcomes.Select(o => (o.Row.SubEventType, o.PredictedSubEventType)).ToList());
        var types = LabelTally.Score([], outcomes.Select(o => (o.Row.EventType, o.PredictedEventType)).ToList());
        var located = outcomes.Where(o => o.Row.Lat is not null && o.Row.Lon is not null).ToList();
        var named = located.Where(o => o.Named).ToList();
        var fatal = outcomes.Where(o => o.Row.Fatalities > 0).ToList();
        return new AcledScore(
            outcomes.Count,
            Share(outcomes, o => o.SubRight), LabelTally.Weighted(subs),
            Share(outcomes, o => o.TypeRight), LabelTally.Weighted(types),
            located.Count, Share(located, o => o.Within(25)), Share(located, o => o.Within(50)),
            named.Count, Share(named, o => o.Within(50)),
            Share(outcomes, o => o.DateRight),
            fatal.Count, Share(fatal, o => o.Fatalities == o.Row.Fatalities),
            Share(outcomes, o => o.Actor1Right),
            outcomes.Count == 0 ? 0 : (double)outcomes.Sum(o => o.Events) / outcomes.Count,
            subs.Where(l => l.Support > 0 || l.Predicted > 0).OrderByDescending(l => l.Support).ThenBy(l => l.Label, StringComparer.Ordinal).ToList());
    }

    private static double Share(IReadOnlyList<AcledOutcome> rows, Func<AcledOutcome, bool> right) =>
        rows.Count == 0 ? 0 : (double)rows.Count(right) / rows.Count;

    /// <summary>The class of an ACLED actor type code (see <see cref="ActorRule"/>), or null for an unknown code.</summary>
    public static int? ActorClass(int inter) => inter switch
    {
        1 => 1,
        2 or 3 or 4 => 2,
        5 or 6 => 5,
        7 => 7,
        8 => 8,
        _ => null,
    };

    /// <summary>The ACLED actor class of a Vigie role (data/actors/roles.tsv), or null when it has none.</summary>
    public static int? ActorClassOfRole(string? role) => role switch
    {
        "GOV" or "MIL" or "COP" or "POL" or "SPY" => 1,
        "REB" or "INS" or "UAF" or "PMC" or "CRM" => 2,
        "OPP" => 5,
        "CVL" or "REF" or "MED" or "BUS" or "REL" or "HLH" or "EDU" or "LAB" or "ELI" or "NGO" or "PTY" or "LEG" or "JUD" => 7,
        "IGO" => 8,
        _ => null,
    };
}
