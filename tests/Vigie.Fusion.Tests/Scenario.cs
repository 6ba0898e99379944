using Vigie.Core;
using static Vigie.Fusion.Tests.Build;

namespace Vigie.Fusion.Tests;

/// <summary>A small August 2021 as several outlets tell it: falls, claims, clashes and tolls.</summary>
internal static class Scenario
{
    public static List<Event> Events() =>
    [
        Ev("reuters-06", actor1: Taliban, at: Zaranj, date: Day("2021-08-06"), id: "r06-zaranj"),
        Ev("afp-07", actor1: Taliban, at: Zaranj, date: Day("2021-08-07"), id: "a07-zaranj"),
        Ev("afp-07", type: "armed_clash", actor1: Taliban, actor2: Army, at: Kunduz, date: Day("2021-08-07"), id: "a07-kunduz-clash"),
        Ev("taliban-08", actor1: Taliban, at: Kunduz, date: Day("2021-08-08"), modality: Modality.Claimed, id: "t08-kunduz"),
        Ev("bbc-09", actor1: Taliban, at: Kunduz, date: Day("2021-08-08"), id: "b09-kunduz"),
        Ev("bbc-09", type: "armed_clash", actor1: Army, actor2: Taliban, at: Kunduz, date: Day("2021-08-07"), id: "b09-kunduz-clash"),
        Ev("lemonde-10", actor1: Taliban, at: Kunduz, date: Month("2021-08"), id: "l10-kunduz"),
        Ev("gov-12", type: "territory_held", actor1: Government, at: Herat, date: Day("2021-08-12"), modality: Modality.Claimed, id: "g12-herat"),
        Ev("reuters-12", actor1: Taliban, at: Herat, date: Day("2021-08-12"), id: "r12-herat"),
        Ev("reuters-13", actor1: Taliban, at: Kandahar, date: Day("2021-08-13"), id: "r13-kandahar"),
        Ev("afp-13", actor1: Taliban, at: Kandahar, date: Day("2021-08-12"), id: "a13-kandahar"),
        Ev("lemonde-14", actor1: Taliban, at: Kandahar, date: Day("2021-08-14"), id: "l14-kandahar"),
        Ev("reuters-26", type: "suicide_bombing", at: Kabul, date: Day("2021-08-26"), id: "r26-kabul", quantities: Killed(60)),
        Ev("afp-27", type: "suicide_bombing", at: Kabul, date: Day("2021-08-26"), id: "a27-kabul", quantities: Killed(170)),
        Ev("bbc-27", type: "suicide_bombing", at: North(Kabul, 5), date: Day("2021-08-26"), id: "b27-kabul", quantities: Killed(13, atLeast: true)),
        Ev("lemonde-30", type: "suicide_bombing", at: Kabul, date: Month("2021-08"), id: "l30-kabul"),
        Ev("reuters-15", actor1: Taliban, at: Kabul, date: Day("2021-08-15"), id: "r15-kabul"),
        Ev("afp-16", type: "territory_transferred", actor1: Taliban, actor2: Government, at: Kabul, date: Day("2021-08-15"), id: "a16-kabul"),
        Ev("mali-01", type: "deployment", actor1: Wagner, at: Bamako, date: Month("2021-12"), id: "m01-bamako"),
    ];
}
