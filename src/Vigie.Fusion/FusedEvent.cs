using System.Text.Json.Serialization;
using Vigie.Core;

namespace Vigie.Fusion;

/// <summary>One event as several documents report it: the merged event and everything its sources said.</summary>
/// <param name="Id">Stable id computed from the sorted member ids.</param>
/// <param name="Event">The merged event: its id is <paramref name="Id"/>, its evidence that of every member.</param>
/// <param name="MemberIds">The ids of the extracted events merged here, sorted.</param>
/// <param name="Documents">The distinct documents that report it, sorted.</param>
/// <param name="SourcesCount">Corroboration: the number of distinct sources (documents, or outlets with <see cref="FusionOptions.SourceOf"/>).</param>
/// <param name="Tolls">Per quantity kind, the low / best / high estimate across sources (UCDP style).</param>
/// <param name="Contradictions">What the sources disagree on, kept visible.</param>
public sealed record FusedEvent(
    string Id,
    Event Event,
    IReadOnlyList<string> MemberIds,
    IReadOnlyList<string> Documents,
    int SourcesCount,
    IReadOnlyList<TollEstimate> Tolls,
    IReadOnlyList<Contradiction> Contradictions)
{
    /// <summary>The merged modality: claimed becomes asserted once an independent source asserts it.</summary>
    [JsonIgnore]
    public Modality Modality => Event.Modality;

    /// <summary>The fatalities estimate, when any source gives one.</summary>
    [JsonIgnore]
    public TollEstimate? Fatalities => Tolls.FirstOrDefault(t => t.Kind == "fatalities");
}

/// <summary>A quantity as several sources report it: the lowest, best (median of the sources) and highest figures.</summary>
/// <param name="Kind">The quantity kind (<c>fatalities</c>, <c>injured</c>, <c>troops</c>…).</param>
/// <param name="Low">The lowest figure any source gives.</param>
/// <param name="Best">The median of the sources' own best figures (midpoint of each source's range).</param>
/// <param name="High">The highest figure any source gives.</param>
/// <param name="Sources">How many sources give a figure.</param>
public sealed record TollEstimate(string Kind, decimal Low, decimal Best, decimal High, int Sources);

/// <summary>Kinds of disagreement between sources.</summary>
public static class ContradictionKinds
{
    /// <summary>Different actors said to control the same place on overlapping dates.</summary>
    public const string Controller = "controller";

    /// <summary>Figures of one kind whose ranges do not overlap.</summary>
    public const string Toll = "toll";

    /// <summary>Different day-precise dates for the same event.</summary>
    public const string Date = "date";

    /// <summary>A source denies or negates what others report.</summary>
    public const string Denial = "denial";
}

/// <summary>One disagreement between sources, with the events on each side.</summary>
/// <param name="Kind">One of <see cref="ContradictionKinds"/>.</param>
/// <param name="Description">A short sentence for humans.</param>
/// <param name="EventIds">The events involved: member events, or for <c>controller</c> the other fused events.</param>
public sealed record Contradiction(string Kind, string Description, IReadOnlyList<string> EventIds);

/// <summary>What one call to <see cref="EventFuser.Add(IEnumerable{Event})"/> changed: fused events to write, ids to delete.</summary>
public sealed record FusionChanges(IReadOnlyList<FusedEvent> Upserted, IReadOnlyList<string> Removed)
{
    /// <summary>Nothing changed.</summary>
    public static FusionChanges None { get; } = new([], []);
}
