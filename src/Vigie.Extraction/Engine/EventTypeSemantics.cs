using System.Collections.Frozen;
using Vigie.Core;

namespace Vigie.Extraction.Engine;

/// <summary>How arguments attach to each event type: language-independent event semantics.</summary>
public static class EventTypeSemantics
{
    private static readonly FrozenSet<string> PerPlaceTypes = new[] { "territory_taken", "territory_transferred", "territory_held" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Types whose events carry a toll of the dead and wounded.</summary>
    public static readonly FrozenSet<string> Violent = new[]
    {
        "armed_clash", "attack", "air_strike", "shelling", "suicide_bombing", "explosive_device", "grenade", "chemical_weapon",
        "mob_violence", "riot", "protest_repressed", "sexual_violence", "territory_taken", "abduction", "natural_disaster", "man_made_disaster", "organized_crime",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Types that a sentence may report as the consequence of another event it tells: its toll, its damage, its
    /// fires, its abductions.</summary>
    public static readonly FrozenSet<string> Consequences = new[]
    {
        "casualties", "looting_destruction", "man_made_disaster", "abduction",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Types that, told in the sentence of an act that absorbs them, only qualify it: what protesters demand or
    /// denounce, the attack or the damage a mob or an armed group carries out, its toll, the arrests it ends in, the
    /// crime that names its perpetrators or its motive ("a gang attacked…", "a robbery suspect was beaten to death"), the
    /// fight with police a riot is.</summary>
    public static readonly FrozenSet<string> Accessories = new[]
    {
        "demand", "criticism", "attack", "casualties", "looting_destruction", "protest", "protest_with_intervention", "abduction",
        "arrest", "organized_crime", "armed_clash",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Accessories only to an act that harmed people: a gang that kills is an attack's perpetrator, a gang that
    /// robs a shop is a crime of its own.</summary>
    public static readonly FrozenSet<string> AccessoryWhenHarmful = new[] { "organized_crime" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>State forces (1) or non-state armed groups (2); null for who bears no arms.</summary>
    public static int? ArmedSide(string? role) => role switch
    {
        "MIL" or "COP" or "POL" or "SPY" => 1,
        "REB" or "INS" or "UAF" or "PMC" => 2,
        _ => null,
    };

    /// <summary>An attack on armed men is a fight between armed groups (ACLED's codebook: "Attack" is violence against
    /// unarmed civilians; an organised armed group attacking state forces or another armed group is an "Armed clash").</summary>
    public static Event ByTarget(Event e, EventTypeCatalog catalog)
    {
        // Only an attack told as having happened: the target of a feared or planned one is too often read from the clause
        // that says what would follow ("in case of an attack, the troops will withdraw").
        if (e.Type != "attack" || e.Modality is not (Modality.Asserted or Modality.Claimed)) return e;
        if (e.Actor2 is not { } target || ArmedSide(target.Role) is not { } side) return e;
        if (e.Actor1 is { } a && (a.Id == target.Id || ArmedSide(a.Role) is not { } own || own == side)) return e;
        const string clash = "armed_clash";
        return e with { Type = clash, Codes = catalog.Get(clash).CodesFor(e.Actor1?.Role) };
    }

    private static readonly FrozenSet<string> InheritActorTypes = new[] { "territory_taken", "offensive" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string[]> Kinds = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["deployment"] = ["troops", "vehicles", "people"],
        ["withdrawal"] = ["troops", "vehicles", "people"],
        ["evacuation"] = ["people", "troops", "displaced"],
        ["casualties"] = ["fatalities", "injured"],
        ["arrest"] = ["detained", "people", "fatalities", "injured"],
        ["abduction"] = ["people", "detained", "fatalities", "injured"],
        ["protest"] = ["people", "detained", "injured", "fatalities"],
        ["protest_with_intervention"] = ["people", "detained", "injured", "fatalities"],
        ["protest_repressed"] = ["fatalities", "injured", "detained", "people"],
        ["riot"] = ["fatalities", "injured", "detained", "people"],
        ["natural_disaster"] = ["fatalities", "injured", "displaced", "people"],
        ["man_made_disaster"] = ["fatalities", "injured", "displaced", "people"],
        ["weapons_seized"] = ["vehicles", "detained"],
        ["aid"] = ["people"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] ViolentKinds = ["fatalities", "injured", "detained", "displaced"];

    private static readonly FrozenDictionary<string, string> DefaultKind = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["deployment"] = "troops",
        ["withdrawal"] = "troops",
        ["casualties"] = "fatalities",
        ["arrest"] = "detained",
        ["evacuation"] = "people",
        ["protest"] = "people",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SpeechActs = new[]
    {
        "talks", "proposal", "threat", "criticism", "rejection", "demand", "sanction", "aid", "responsibility_claim", "agreement",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> GenitiveAgents = new[]
    {
        "withdrawal", "offensive", "deployment", "protest", "riot", "territory_transferred", "talks", "group_change",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Types whose noun takes its actor as complement ("the withdrawal of US troops").</summary>
    public static bool GenitiveAgent(string type) => GenitiveAgents.Contains(type);

    /// <summary>Acts done by the very act that seeks them: "gathered to protest" is a protest, "fired tear gas to disperse
    /// them" an intervention, where a purpose clause of another type tells no event ("sent troops to attack").</summary>
    public static bool DoneByPurpose(string type) => type is "protest" or "protest_with_intervention";

    /// <summary>Events that people can be against as a grievance, so that a protest against one is its background
    /// ("a protest against attacks"); a disaster fought against is the story itself ("se battait contre la sécheresse").</summary>
    public static bool CanBeGrievance(string type) => type is not ("natural_disaster" or "man_made_disaster");

    /// <summary>Events that are themselves statements: a reporting verb does not make them claims.</summary>
    public static bool IsSpeechAct(string type) => SpeechActs.Contains(type);

    /// <summary>One event per place for coordinated places.</summary>
    public static bool PerPlace(string type) => PerPlaceTypes.Contains(type);

    /// <summary>Without an actor in its sentence, the event's actor is the document's main actor.</summary>
    public static bool InheritsActor(string type) => InheritActorTypes.Contains(type);

    /// <summary>The quantity kinds an event of the type can carry.</summary>
    public static IReadOnlyList<string> AcceptedKinds(string type) =>
        Kinds.TryGetValue(type, out var k) ? k : Violent.Contains(type) ? ViolentKinds : [];

    /// <summary>Whether a kind counts people harmed: the kinds of a toll (<c>casualties</c>).</summary>
    public static bool IsHarm(string? kind) => kind is not null && Array.IndexOf(Kinds["casualties"], kind) >= 0;

    /// <summary>Whether a kind names who is counted (people, troops) rather than what happened to them (fatalities, injured…).</summary>
    public static bool IsGroupKind(string kind) => kind is "people" or "troops";

    /// <summary>The kind of a number that no word qualifies.</summary>
    public static string? DefaultKindOf(string type) => DefaultKind.GetValueOrDefault(type);
}
