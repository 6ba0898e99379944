using System.Text.Json.Serialization;

namespace Vigie.Core;

/// <summary>How precise a date is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DatePrecision>))]
public enum DatePrecision
{
    /// <summary>One day: <c>Value</c> is <c>YYYY-MM-DD</c>.</summary>
    [JsonStringEnumMemberName("day")] Day,
    /// <summary>A week: <c>Value</c> is its first day, <c>End</c> its last.</summary>
    [JsonStringEnumMemberName("week")] Week,
    /// <summary>One month: <c>Value</c> is <c>YYYY-MM</c>.</summary>
    [JsonStringEnumMemberName("month")] Month,
    /// <summary>One year: <c>Value</c> is <c>YYYY</c>.</summary>
    [JsonStringEnumMemberName("year")] Year,
    /// <summary>A decade ("the 1990s"): <c>Value</c> is its first year.</summary>
    [JsonStringEnumMemberName("decade")] Decade,
}

/// <summary>How sure the text is that an event happened (CONTRACT §2).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Modality>))]
public enum Modality
{
    /// <summary>Told as having happened.</summary>
    [JsonStringEnumMemberName("asserted")] Asserted,
    /// <summary>Told by a party to the event (its actor or target, or their side): it rests on their word.</summary>
    [JsonStringEnumMemberName("claimed")] Claimed,
    /// <summary>Announced, threatened or vowed: not yet happened.</summary>
    [JsonStringEnumMemberName("planned")] Planned,
    /// <summary>Would happen if something else did ("if the talks fail, …").</summary>
    [JsonStringEnumMemberName("conditional")] Conditional,
    /// <summary>Said not to have happened ("did not attack", "failed to").</summary>
    [JsonStringEnumMemberName("negated")] Negated,
    /// <summary>Denied by someone ("the army denied shelling the town").</summary>
    [JsonStringEnumMemberName("denied")] Denied,
    /// <summary>Asked, not told ("Did the army shell the town?").</summary>
    [JsonStringEnumMemberName("question")] Question,
}

/// <summary>A date as precise as the text allows; <c>Value</c> is <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
public sealed record DateValue(
    string Value,
    DatePrecision Precision,
    string? Weekday = null,
    string? End = null)
{
    /// <summary>A day-precise value.</summary>
    public static DateValue OfDay(DateOnly day, string? weekday = null) =>
        new(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), DatePrecision.Day, weekday);

    /// <summary>A month-precise value.</summary>
    public static DateValue OfMonth(int year, int month, string? weekday = null) =>
        new($"{year:D4}-{month:D2}", DatePrecision.Month, weekday);

    /// <summary>A year-precise value.</summary>
    public static DateValue OfYear(int year) => new($"{year:D4}", DatePrecision.Year);

    /// <summary>The first day the value covers.</summary>
    [JsonIgnore]
    public DateOnly FirstDay => PartialDate.Parse(Value).FirstDay;

    /// <summary>The last day the value (or its <c>End</c>) covers.</summary>
    [JsonIgnore]
    public DateOnly LastDay => PartialDate.Parse(End ?? Value).LastDay;
}

/// <summary>A calendar date that may lack its day or month, as document headers give it.</summary>
[JsonConverter(typeof(PartialDateJsonConverter))]
public readonly record struct PartialDate(int Year, int? Month, int? Day)
{
    /// <summary>The precision the parts give.</summary>
    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The first day covered.</summary>
    public DateOnly FirstDay => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last day covered.</summary>
    public DateOnly LastDay => Day is not null ? new(Year, Month!.Value, Day.Value)
        : Month is not null ? new(Year, Month.Value, DateTime.DaysInMonth(Year, Month.Value))
        : new(Year, 12, 31);

    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>; null when it is none of them or not a real date.</summary>
    public static PartialDate? TryParse(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        if (s.Length is not (4 or 7 or 10)) return null;
        if (!int.TryParse(s[..4], System.Globalization.NumberStyles.None, null, out var y) || y < 1) return null;
        if (s.Length == 4) return new PartialDate(y, null, null);
        if (s[4] != '-' || !int.TryParse(s.Slice(5, 2), System.Globalization.NumberStyles.None, null, out var m) || m is < 1 or > 12) return null;
        if (s.Length == 7) return new PartialDate(y, m, null);
        if (s[7] != '-' || !int.TryParse(s.Slice(8, 2), System.Globalization.NumberStyles.None, null, out var d) || d < 1 || d > DateTime.DaysInMonth(y, m)) return null;
        return new PartialDate(y, m, d);
    }

    /// <summary>Parses a value known to be well formed.</summary>
    public static PartialDate Parse(string s) => TryParse(s) ?? throw new FormatException($"Not a date: '{s}'.");

    /// <summary>The date as a <see cref="DateValue"/>.</summary>
    public DateValue ToDateValue() => Day is not null ? DateValue.OfDay(FirstDay) : Month is not null ? DateValue.OfMonth(Year, Month.Value) : DateValue.OfYear(Year);

    /// <inheritdoc/>
    public override string ToString() => Day is not null ? $"{Year:D4}-{Month:D2}-{Day:D2}" : Month is not null ? $"{Year:D4}-{Month:D2}" : $"{Year:D4}";
}

/// <summary>A dated news document as ingested.</summary>
public sealed record Document(
    string Id,
    string Text,
    PartialDate? Date,
    string Language,
    string? Title = null,
    string? Source = null,
    string? Url = null);

/// <summary>A counted amount: troops, dead, displaced…</summary>
public sealed record Quantity(
    string? Kind,
    decimal Low,
    decimal High,
    bool Approximate,
    bool LowerBound,
    bool UpperBound,
    string Text);

/// <summary>A resolved place (CONTRACT §2 <c>locations</c> element).</summary>
public sealed record Location(
    string Name,
    string? Country,
    string? Admin1,
    double Lat,
    double Lon,
    string Precision,
    long? GeonamesId);

/// <summary>Who acts or is acted upon.</summary>
public sealed record Actor(string Id, string Name, string? Country, string? Role);

/// <summary>Who the text says reports an event (CONTRACT §2 <c>attributed_to</c>): an actor, or a source that is no
/// actor ("local officials", "des témoins"), which has a name only.</summary>
public sealed record Source(
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Country = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role = null)
{
    /// <summary>The source that is this actor.</summary>
    public static Source Of(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new Source(actor.Name, actor.Id, actor.Country, actor.Role);
    }
}

/// <summary>Where a field of an event was read.</summary>
public sealed record Evidence(string Document, int Sentence, int Start, int End, string Text, string Rule);

/// <summary>Where in its document one field of an event was read: the trigger word, an actor, a place, the date or a
/// quantity. The event view highlights these as stored; nothing re-reads the text to find them.</summary>
/// <param name="Role"><c>trigger</c>, <c>actor1</c>, <c>actor2</c>, <c>claimant</c>, <c>attributed_to</c>, <c>place</c>,
/// <c>date</c> or <c>quantity</c>.</param>
/// <param name="Start">Character offset into the event's document text.</param>
/// <param name="End">Exclusive end offset.</param>
/// <param name="Text">The text between the offsets.</param>
public sealed record EventSpan(string Role, int Start, int End, string Text)
{
    /// <summary>Every role a span may have, in the order the event's fields are listed.</summary>
    public static readonly IReadOnlyList<string> Roles = ["trigger", "actor1", "actor2", "claimant", "attributed_to", "place", "date", "quantity"];
}

/// <summary>The event's codes in the public schemes.</summary>
public sealed record EventCodes(
    string? Cameo,
    string? Plover,
    [property: JsonPropertyName("acled_event_type")] string? AcledEventType,
    [property: JsonPropertyName("acled_sub_event_type")] string? AcledSubEventType);

/// <summary>One extracted event (CONTRACT §2).</summary>
public sealed record Event(
    string Id,
    string Document,
    string Language,
    string Type,
    EventCodes Codes,
    Actor? Actor1,
    Actor? Actor2,
    Actor? Claimant,
    IReadOnlyList<Location> Locations,
    DateValue? Date,
    IReadOnlyList<Quantity> Quantities,
    Modality Modality,
    double Confidence,
    IReadOnlyList<Evidence> Evidence)
{
    /// <summary>Who the text says reports the event; null when the text speaks in its own voice.</summary>
    [JsonPropertyOrder(1)]
    public Source? AttributedTo { get; init; }

    /// <summary>Where each field was read in the document, in text order; empty when unknown (an event stored before
    /// spans were kept). Not part of the event's JSON (CONTRACT §2): stores keep it beside the event.</summary>
    [JsonIgnore]
    public IReadOnlyList<EventSpan> Spans { get; init; } = [];
}

/// <summary>Writes a <see cref="PartialDate"/> as its <c>YYYY[-MM[-DD]]</c> string.</summary>
public sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    /// <inheritdoc/>
    public override PartialDate Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        PartialDate.TryParse(reader.GetString()) ?? throw new System.Text.Json.JsonException("Expected a date YYYY, YYYY-MM or YYYY-MM-DD.");

    /// <inheritdoc/>
    public override void Write(System.Text.Json.Utf8JsonWriter writer, PartialDate value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
