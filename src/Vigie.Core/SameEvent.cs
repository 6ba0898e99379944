namespace Vigie.Core;

/// <summary>The thresholds of "these two reports are the same event"; the defaults are those of docs/decisions/fusion.md.</summary>
public sealed record SameEventRules
{
    /// <summary>The defaults.</summary>
    public static SameEventRules Default { get; } = new();

    /// <summary>Greatest distance between two point or city locations of one event.</summary>
    public double CityKm { get; init; } = 25;

    /// <summary>Greatest distance when one location is a district.</summary>
    public double DistrictKm { get; init; } = 50;

    /// <summary>Greatest distance when one location is a province.</summary>
    public double ProvinceKm { get; init; } = 150;

    /// <summary>Days of slack either side of a day-precise date across documents (reports of a night attack straddle two days).</summary>
    public int DaySlack { get; init; } = 1;

    /// <summary>The coarsest date precision that may merge across documents; coarser events stay alone (a year matches too much).</summary>
    public DatePrecision CoarsestMergeablePrecision { get; init; } = DatePrecision.Month;

    /// <summary>Types whose two actors may be reported in either order (A fought B = B fought A).</summary>
    public IReadOnlySet<string> SymmetricTypes { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "armed_clash", "talks", "agreement" };

    /// <summary>Force used on a protest: within one report, it and a protest of compatible date and place are one event
    /// ("students protested; police tear-gassed the protesters"), whatever actors each names.</summary>
    public IReadOnlySet<string> InterventionTypes { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "protest_with_intervention", "protest_repressed" };

    /// <summary>The type an intervention is used on (<see cref="InterventionTypes"/>).</summary>
    public string ProtestType { get; init; } = "protest";

    /// <summary>Types whose place is the thing itself: a country-level taking never merges with a city's.</summary>
    public IReadOnlySet<string> TerritorialTypes { get; init; } =
        new HashSet<string>(StringComparer.Ordinal) { "territory_taken", "territory_transferred", "territory_held" };

    /// <summary>Which types two reports of one event may carry.</summary>
    public EventMergeTable Types { get; init; } = EventMergeTable.Default;

    /// <summary>The distance allowed when the coarser of two locations has this precision rank (<see cref="GeoMath.PrecisionRank"/>).</summary>
    public double ToleranceKm(int precisionRank) => precisionRank switch
    {
        <= 1 => CityKm,
        2 => DistrictKm,
        _ => ProvinceKm,
    };

    /// <summary>The largest distance any two locations may be apart.</summary>
    public double MaxToleranceKm => Math.Max(CityKm, Math.Max(DistrictKm, ProvinceKm));
}

/// <summary>Whether two reports are of one real-world event: the one test that document-level merging and cross-document
/// fusion share.</summary>
/// <remarks>
/// Types combine (<see cref="EventMergeTable"/>); modalities are in one group (asserted, claimed, denied and negated
/// together, so that a denial stays with what it denies; planned, conditional and question each apart); dates overlap
/// given their precision; actors are equal by id or one is missing (either order for symmetric types); one location of
/// each lies within the distance the coarser precision allows, or both are in one country at country level.
/// Within one document a report that names no place, or states no date (its date is then null), matches any; dates
/// get no slack (a document that tells two days, or a period and a day, tells two events); and two armed actors of one
/// kind (state forces, or non-state groups) may be one side named two ways.
/// </remarks>
public static class SameEvent
{
    /// <summary>True when two events of different documents may be reports of one event (both located and dated).</summary>
    public static bool AcrossDocuments(Event a, Event b, SameEventRules? rules = null)
    {
        var r = rules ?? SameEventRules.Default;
        return MergeWindow(a, r) is { } wa && MergeWindow(b, r) is { } wb && AcrossDocuments(a, wa, b, wb, r);
    }

    /// <summary>As <see cref="AcrossDocuments(Event, Event, SameEventRules?)"/> with the date windows already computed.</summary>
    public static bool AcrossDocuments(Event a, DateWindow wa, Event b, DateWindow wb, SameEventRules r)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(r);
        if (!KindsAgree(a, b, r)) return false;
        var bothDays = a.Date!.Precision == DatePrecision.Day && b.Date!.Precision == DatePrecision.Day;
        if (!(bothDays ? wa.Widen(r.DaySlack).Overlaps(wb) : wa.Overlaps(wb))) return false;
        return ActorsCompatible(a, b, r, withinDocument: false) && LocationsCompatible(a, b, r);
    }

    /// <summary>True when two events read in one document may be reports of one event; a null date is one the text did
    /// not state.</summary>
    public static bool WithinDocument(Event a, Event b, SameEventRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var r = rules ?? SameEventRules.Default;
        if (!KindsAgree(a, b, r)) return false;
        if (a.Date is not null && b.Date is not null)
        {
            if ((a.Date.End is null) != (b.Date.End is null)) return false;
            if (a.Date.Precision != b.Date.Precision && Math.Max((int)a.Date.Precision, (int)b.Date.Precision) >= (int)DatePrecision.Month) return false;
            if (DateWindow.Of(a.Date) is not { } wa || DateWindow.Of(b.Date) is not { } wb || !wa.Overlaps(wb)) return false;
        }
        if (!ActorsCompatible(a, b, r, withinDocument: true)) return false;
        return a.Locations.Count == 0 || b.Locations.Count == 0 || LocationsCompatible(a, b, r);
    }

    /// <summary>The event's date window when it may merge across documents at all: dated, located, and no coarser than
    /// the rules allow.</summary>
    public static DateWindow? MergeWindow(Event e, SameEventRules r)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(r);
        return e.Locations.Count == 0 || e.Date is null || e.Date.Precision > r.CoarsestMergeablePrecision ? null : DateWindow.Of(e.Date);
    }

    /// <summary>True when two locations may be the same place for an event.</summary>
    public static bool PlacesCompatible(Location a, Location b, bool territorial, SameEventRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var r = rules ?? SameEventRules.Default;
        int ra = GeoMath.PrecisionRank(a.Precision), rb = GeoMath.PrecisionRank(b.Precision);
        if (territorial && (ra >= 4) != (rb >= 4)) return false;
        var coarse = Math.Max(ra, rb);
        if (coarse >= 4)
        {
            if (a.Country is not null && b.Country is not null) return string.Equals(a.Country, b.Country, StringComparison.OrdinalIgnoreCase);
            return string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
        }
        if (a.GeonamesId is not null && a.GeonamesId == b.GeonamesId) return true;
        return GeoMath.DistanceKm(a, b) <= r.ToleranceKm(coarse);
    }

    /// <summary>The modality group: reports in different groups are never one event.</summary>
    public static int ModalityGroup(Modality m) => m switch
    {
        Modality.Asserted or Modality.Claimed or Modality.Denied or Modality.Negated => 0,
        Modality.Planned => 1,
        Modality.Conditional => 2,
        _ => 3,
    };

    private static bool KindsAgree(Event a, Event b, SameEventRules r) =>
        r.Types.Combine(a.Type, b.Type) is not null && ModalityGroup(a.Modality) == ModalityGroup(b.Modality);

    private static bool ActorsCompatible(Event a, Event b, SameEventRules r, bool withinDocument)
    {
        bool Same(Actor? x, Actor? y) => x is null || y is null || string.Equals(x.Id, y.Id, StringComparison.Ordinal)
            || (withinDocument && ArmedClass(x.Role) is { } cx && cx == ArmedClass(y.Role));
        if (Same(a.Actor1, b.Actor1) && Same(a.Actor2, b.Actor2)) return true;
        // Within one report, force used on protesters is used on its protest, whoever the text names on either side
        // ("students protested; police fired tear gas at the protesters"): the date and the place decide.
        if (withinDocument && (a.Type == r.ProtestType && r.InterventionTypes.Contains(b.Type) || b.Type == r.ProtestType && r.InterventionTypes.Contains(a.Type)))
            return true;
        return (r.SymmetricTypes.Contains(a.Type) || r.SymmetricTypes.Contains(b.Type)) && Same(a.Actor1, b.Actor2) && Same(a.Actor2, b.Actor1);
    }

    /// <summary>State forces (1) or non-state armed groups (2): within one report, "the gunmen", "the group" and the
    /// group named elsewhere are one side, as "the army" and "the security forces" are.</summary>
    private static int? ArmedClass(string? role) => role switch
    {
        "MIL" or "COP" or "POL" or "SPY" => 1,
        "REB" or "INS" or "UAF" or "PMC" => 2,
        _ => null,
    };

    private static bool LocationsCompatible(Event a, Event b, SameEventRules r)
    {
        var territorial = r.TerritorialTypes.Contains(a.Type) || r.TerritorialTypes.Contains(b.Type);
        foreach (var la in a.Locations)
            foreach (var lb in b.Locations)
                if (PlacesCompatible(la, lb, territorial, r)) return true;
        return false;
    }
}
