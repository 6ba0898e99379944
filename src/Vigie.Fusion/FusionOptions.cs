using Vigie.Core;

namespace Vigie.Fusion;

/// <summary>The thresholds of cross-document fusion; the defaults are the ones documented in docs/decisions/fusion.md.</summary>
public sealed record FusionOptions
{
    /// <summary>The defaults.</summary>
    public static FusionOptions Default { get; } = new();

    /// <summary>Greatest distance between two point or city locations of one event.</summary>
    public double CityKm { get; init; } = 25;

    /// <summary>Greatest distance when one location is a district.</summary>
    public double DistrictKm { get; init; } = 50;

    /// <summary>Greatest distance when one location is a province.</summary>
    public double ProvinceKm { get; init; } = 150;

    /// <summary>Days of slack either side of a day-precise date (reports of a night attack straddle two days).</summary>
    public int DaySlack { get; init; } = 1;

    /// <summary>The coarsest date precision that may merge; coarser events stay alone (a year matches too much).</summary>
    public DatePrecision CoarsestMergeablePrecision { get; init; } = DatePrecision.Month;

    /// <summary>Types whose two actors may be reported in either order (A fought B = B fought A).</summary>
    public IReadOnlySet<string> SymmetricTypes { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "armed_clash", "talks", "agreement" };

    /// <summary>Types whose place is the thing itself: a country-level taking never merges with a city's.</summary>
    public IReadOnlySet<string> TerritorialTypes { get; init; } = ControlTimeline.ControlTypes;

    /// <summary>The outlet of a document, so that two documents of one outlet count as one source; default: the document itself.</summary>
    public Func<string, string>? SourceOf { get; init; }

    internal string Source(string document) => SourceOf?.Invoke(document) ?? document;

    internal double ToleranceKm(int precisionRank) => precisionRank switch
    {
        <= 1 => CityKm,
        2 => DistrictKm,
        _ => ProvinceKm,
    };

    internal double MaxToleranceKm => Math.Max(CityKm, Math.Max(DistrictKm, ProvinceKm));
}
