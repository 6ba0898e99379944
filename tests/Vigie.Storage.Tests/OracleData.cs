using System.Globalization;
using Vigie.Core;

namespace Vigie.Storage.Tests;

/// <summary>Random events and queries, and what a query must return computed by scanning every event: the reference the
/// stores' query plans are checked against.</summary>
internal static class OracleData
{
    private static readonly Actor[] Actors =
    [
        new("taliban", "Taliban", "AFG", "REB"), new("afg_army", "Armée afghane", "AFG", "MIL"), new("wagner", "Groupe Wagner", null, "MIL"),
        new("jnim", "JNIM", null, "REB"), new("usa", "États-Unis", "USA", "GOV"), new("protesters", "Manifestants", null, "PRO"),
    ];

    private static readonly Location[] Places =
    [
        Sample.Kandahar, Sample.Herat, Sample.Bamako, new("Kaboul", "AF", "Kabul", 34.5, 69.2, "city", 1138958),
        new("Gao", "ML", "Gao", 16.3, -0.04, "city", null), new("Kharkiv", "UA", "Kharkiv", 50.0, 36.2, "city", 706483),
        new("Marioupol", "UA", null, 47.1, 37.5, "city", null), new("Afghanistan", "AF", null, 33.9, 67.7, "country", 1149361),
    ];

    private static readonly string[] Types = ["territory_taken", "armed_clash", "protest", "air_strike"];

    private static readonly string[] Words = ["talibans", "armée", "combats", "ville", "prise", "frappe", "drone", "manifestation", "morts", "civils", "Kandahar", "Hérat", "forces"];

    public static (List<StoredDocument> Documents, List<Event> Events) Make(Random r)
    {
        var documents = new List<StoredDocument>();
        var all = new List<Event>();
        for (var d = 0; d < 40; d++)
        {
            var docId = $"doc{d:D2}";
            var events = new List<Event>();
            for (var k = r.Next(12); k > 0; k--)
            {
                var id = $"{(char)('a' + r.Next(26))}{r.Next(1000):D3}-{docId}-{k}";
                var evidence = string.Join(' ', Enumerable.Range(0, 3 + r.Next(4)).Select(_ => Words[r.Next(Words.Length)])) + ".";
                var e = Sample.Ev(id, docId, type: Types[r.Next(Types.Length)], modality: r.Next(4) switch { 0 => Modality.Claimed, 1 => Modality.Planned, _ => Modality.Asserted },
                    actor1: Pick(r, Actors, 4), actor2: Pick(r, Actors, 2), claimant: Pick(r, Actors, 8),
                    at: [.. Enumerable.Range(0, r.Next(3)).Select(_ => Places[r.Next(Places.Length)]).Distinct()],
                    evidence: evidence) with { Date = RandomDate(r) };
                events.Add(e);
            }
            documents.Add(Sample.Stored(Sample.Doc(docId), [.. events]));
            all.AddRange(events);
        }
        return (documents, all);
    }

    public static EventQuery Query(Random r)
    {
        var q = new EventQuery();
        if (r.Next(4) == 0) q = q with { Type = Types[r.Next(Types.Length)] };
        if (r.Next(3) == 0) q = q with { Actor = r.Next(3) == 0 ? Actors[r.Next(Actors.Length)].Name.ToUpperInvariant() : Actors[r.Next(Actors.Length)].Id };
        if (r.Next(4) == 0) q = q with { Country = Places[r.Next(Places.Length)].Country!.ToLowerInvariant() };
        if (r.Next(4) == 0)
        {
            var p = Places[r.Next(Places.Length)];
            q = q with { Place = r.Next(2) == 0 && p.GeonamesId is { } g ? g.ToString(CultureInfo.InvariantCulture) : p.Name };
        }
        if (r.Next(3) == 0) q = q with { From = new DateOnly(2019, 1, 1).AddDays(r.Next(1500)) };
        if (r.Next(3) == 0) q = q with { To = (q.From ?? new DateOnly(2019, 1, 1)).AddDays(r.Next(400)) };
        if (r.Next(6) == 0) q = q with { Modality = Modality.Claimed };
        if (r.Next(5) == 0) q = q with { Text = r.Next(2) == 0 ? Words[r.Next(Words.Length)] : $"{Words[r.Next(Words.Length)]} {Words[r.Next(Words.Length)].ToUpperInvariant()}" };
        if (r.Next(10) == 0) q = q with { Document = $"doc{r.Next(40):D2}" };
        return q;
    }

    /// <summary>The query's meaning, written as a scan.</summary>
    public static bool Matches(Event e, EventQuery q)
    {
        var actors = new[] { e.Actor1, e.Actor2, e.Claimant }.OfType<Actor>();
        return (q.Type is null || e.Type == q.Type)
            && (q.Modality is null || e.Modality == q.Modality)
            && (q.Document is null || e.Document == q.Document)
            && (q.From is null || (e.Date is not null && e.Date.LastDay >= q.From))
            && (q.To is null || (e.Date is not null && e.Date.FirstDay <= q.To))
            && (q.Actor is null || actors.Any(a => a.Id == q.Actor || a.Id == Vigie.Text.Folding.Fold(q.Actor) || Vigie.Text.Folding.Fold(a.Name) == Vigie.Text.Folding.Fold(q.Actor)))
            && (q.Country is null || e.Locations.Any(l => string.Equals(l.Country, q.Country, StringComparison.OrdinalIgnoreCase)))
            && (q.Place is null || e.Locations.Any(l => Vigie.Text.Folding.Fold(l.Name) == Vigie.Text.Folding.Fold(q.Place) || l.GeonamesId?.ToString(CultureInfo.InvariantCulture) == q.Place))
            && (q.Text is null || e.Evidence.Any(x => q.Text.Split(' ').All(w => Tokens(x.Text).Contains(Vigie.Text.Folding.Fold(w)))));
    }

    private static HashSet<string> Tokens(string text) =>
        [.. Vigie.Text.Folding.Fold(text).Split([' ', '.', ',', '\''], StringSplitOptions.RemoveEmptyEntries)];

    private static Actor? Pick(Random r, Actor[] actors, int oneIn) => r.Next(oneIn) == 0 ? null : actors[r.Next(actors.Length)];

    // Undated, days, months, years and long periods, over about four years, so that date ranges cut through all kinds.
    private static DateValue? RandomDate(Random r)
    {
        var day = new DateOnly(2019, 1, 1).AddDays(r.Next(1500));
        return r.Next(10) switch
        {
            0 => null,
            1 => new DateValue(day.ToString("yyyy-MM", CultureInfo.InvariantCulture), DatePrecision.Month, null, null),
            2 => new DateValue(day.ToString("yyyy", CultureInfo.InvariantCulture), DatePrecision.Year, null, null),
            3 => new DateValue(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DatePrecision.Day, null, day.AddDays(r.Next(2) == 0 ? 20 : 200).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ => DateValue.OfDay(day),
        };
    }
}
