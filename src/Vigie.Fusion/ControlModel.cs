using System.Text.Json.Serialization;
using Vigie.Core;

namespace Vigie.Fusion;

/// <summary>How sure the timeline is of who controls a place on a date.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ControlStatus>))]
public enum ControlStatus
{
    /// <summary>A source states it.</summary>
    [JsonStringEnumMemberName("asserted")] Asserted,

    /// <summary>Only claims say so.</summary>
    [JsonStringEnumMemberName("claimed")] Claimed,

    /// <summary>Sources disagree, or the date of the change does not settle it.</summary>
    [JsonStringEnumMemberName("contested")] Contested,
}

/// <summary>A place whose control the events speak of (CONTRACT §3 <c>place</c>).</summary>
/// <param name="Name">The place's name as the events' location gives it.</param>
/// <param name="Country">Its ISO 3166 alpha-2 country code, when known.</param>
/// <param name="Admin1">Its first-level administrative division, when known.</param>
/// <param name="Lat">Latitude in degrees.</param>
/// <param name="Lon">Longitude in degrees.</param>
/// <param name="GeonamesId">Its GeoNames id, when the gazetteer resolved it.</param>
/// <param name="Feature">What the place is: the gazetteer's feature when known, else the location precision.</param>
public sealed record ControlPlace(string Name, string? Country, string? Admin1, double Lat, double Lon, long? GeonamesId, string? Feature)
{
    /// <summary>The place of a location.</summary>
    public static ControlPlace Of(Location l, string? feature = null) =>
        new(l.Name, l.Country, l.Admin1, l.Lat, l.Lon, l.GeonamesId, feature ?? l.Precision);
}

/// <summary>The date a controller took a place (CONTRACT §3 <c>since</c>).</summary>
public sealed record ControlSince(string Value, DatePrecision Precision)
{
    /// <summary>The <c>since</c> of a date value.</summary>
    public static ControlSince Of(DateValue d) => new(d.Value, d.Precision);
}

/// <summary>One element of <c>control --format json</c> (CONTRACT §3); serialise with <see cref="VigieJson"/>.</summary>
public sealed record ControlEntry(ControlPlace Place, Actor Controller, ControlSince Since, ControlStatus Status, IReadOnlyList<string> Events);

/// <summary>One actor's control of one place, from a change of hands (or a first statement that it holds it) to the next.</summary>
/// <param name="Controller">Who controls the place.</param>
/// <param name="Since">The date it took the place, as precise as the sources give it (or the first date it is said to hold it).</param>
/// <param name="PossibleFrom">The first day the change may have happened.</param>
/// <param name="KnownFrom">The first day by which the change had certainly happened: before it, the period is contested.</param>
/// <param name="Until">The date the next controller took it, or null while it lasts.</param>
/// <param name="Status">Asserted, claimed, or contested when sources disagree.</param>
/// <param name="SupportStatus">Asserted or claimed, from the supporting statements alone (before any conflict is dated).</param>
/// <param name="StartsWithChange">Whether the period starts with a change of hands (<c>true</c>) or only a statement that the actor holds it.</param>
/// <param name="EventIds">The events this period rests on, and those that contradict it.</param>
/// <param name="Conflicts">The statements that contradict it.</param>
public sealed record ControlPeriod(
    Actor Controller,
    DateValue Since,
    DateOnly PossibleFrom,
    DateOnly KnownFrom,
    DateValue? Until,
    ControlStatus Status,
    ControlStatus SupportStatus,
    bool StartsWithChange,
    IReadOnlyList<string> EventIds,
    IReadOnlyList<ControlConflict> Conflicts);

/// <summary>A statement at odds with a control period: another controller on overlapping dates, or a denial.</summary>
/// <param name="Kind"><c>controller</c> or <c>denial</c>.</param>
/// <param name="Actor">The other actor said to control it (or the actor whose taking is denied).</param>
/// <param name="Date">The date of the statement.</param>
/// <param name="EventIds">The events that say it.</param>
public sealed record ControlConflict(string Kind, Actor Actor, DateValue Date, IReadOnlyList<string> EventIds);

/// <summary>The control periods of one place, in time order.</summary>
public sealed record PlaceTimeline(string Key, ControlPlace Place, IReadOnlyList<ControlPeriod> Periods);

/// <summary>How many places, and provincial capitals, one actor holds on a date.</summary>
public sealed record ActorHoldings(Actor Actor, int Places, int Capitals, int Contested);

/// <summary>Who holds how much on a date: "12 of the 34 provincial capitals".</summary>
public sealed record ControlSummary(DateOnly Date, string? Country, int Places, int Capitals, IReadOnlyList<ActorHoldings> Actors)
{
    /// <summary>The holdings of one actor (by id), or zero counts.</summary>
    public ActorHoldings For(string actorId) =>
        Actors.FirstOrDefault(a => a.Actor.Id == actorId) ?? new ActorHoldings(new Actor(actorId, actorId, null, null), 0, 0, 0);
}
