using System.Text.Json.Serialization;

namespace Vigie.Core;

/// <summary>What a recognised mention is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MentionKind>))]
public enum MentionKind
{
    /// <summary>A count or a quantity ("twelve soldiers", "at least 30").</summary>
    [JsonStringEnumMemberName("number")] Number,
    /// <summary>A date, a weekday or a range the text gives for something.</summary>
    [JsonStringEnumMemberName("date")] Date,
    /// <summary>A place name resolved to a location.</summary>
    [JsonStringEnumMemberName("place")] Place,
    /// <summary>A named or generic actor, or a phrase that refers back to one.</summary>
    [JsonStringEnumMemberName("actor")] Actor,
}

/// <summary>A span of the original document text that a recogniser read, with its value.</summary>
/// <remarks><c>Start</c>/<c>End</c> are character offsets into the original text, <c>End</c> exclusive.</remarks>
public abstract record Mention(int Start, int End, string Text, string Rule)
{
    /// <summary>The mention's kind.</summary>
    public abstract MentionKind Kind { get; }

    /// <summary>The mention's value as CONTRACT §3 prints it.</summary>
    public abstract object Value { get; }
}

/// <summary>A number, possibly with its counted kind (the quantity's <c>Kind</c> is the contract's <c>unit</c>).</summary>
public sealed record NumberMention(int Start, int End, string Text, string Rule, Quantity Quantity) : Mention(Start, End, Text, Rule)
{
    /// <inheritdoc/>
    public override MentionKind Kind => MentionKind.Number;

    /// <inheritdoc/>
    public override object Value => new NumberValue(Quantity.Low, Quantity.High, Quantity.Approximate, Quantity.LowerBound, Quantity.UpperBound, Quantity.Kind);
}

/// <summary>The <c>value</c> of a number mention (CONTRACT §3).</summary>
public sealed record NumberValue(decimal Low, decimal High, bool Approximate, bool LowerBound, bool UpperBound, string? Unit);

/// <summary>A date or period resolved against the document's date.</summary>
public sealed record DateMention(int Start, int End, string Text, string Rule, DateValue Date) : Mention(Start, End, Text, Rule)
{
    /// <inheritdoc/>
    public override MentionKind Kind => MentionKind.Date;

    /// <inheritdoc/>
    public override object Value => Date;
}

/// <summary>A place name resolved in the gazetteer.</summary>
public sealed record PlaceMention(int Start, int End, string Text, string Rule, Location Location) : Mention(Start, End, Text, Rule)
{
    /// <inheritdoc/>
    public override MentionKind Kind => MentionKind.Place;

    /// <inheritdoc/>
    public override object Value => Location;
}

/// <summary>An actor recognised by name, role, metonymy or coreference.</summary>
public sealed record ActorMention(int Start, int End, string Text, string Rule, Actor Actor) : Mention(Start, End, Text, Rule)
{
    /// <inheritdoc/>
    public override MentionKind Kind => MentionKind.Actor;

    /// <inheritdoc/>
    public override object Value => Actor;
}
