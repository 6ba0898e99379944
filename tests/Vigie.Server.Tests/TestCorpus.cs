using Vigie.Core;
using Vigie.Ingest;
using Vigie.Storage;

namespace Vigie.Server.Tests;

/// <summary>A hand-built database: documents written here and events whose evidence offsets point into them, so the tests
/// do not depend on the extraction engine.</summary>
internal static class TestCorpus
{
    public static readonly Actor Taliban = new("taliban", "Taliban", "AFG", "REB");
    public static readonly Actor AfghanGovernment = new("afg_government", "Afghan government", "AFG", "GOV");
    public static readonly Actor IslamicStateKhorasan = new("isis_k", "Islamic State Khorasan", null, "INS");
    public static readonly Location Kandahar = new("Kandahar", "AF", "Kandahar", 31.6133, 65.7101, "city", 1138336);
    public static readonly Location Kabul = new("Kabul", "AF", "Kabul", 34.5281, 69.1723, "city", 1138958);
    public static readonly Location Paris = new("Paris", "FR", "Île-de-France", 48.8534, 2.3488, "city", 2988507);

    public const string KandaharTakenId = "ev-kandahar-taken";
    public const string KandaharHeldId = "ev-kandahar-held";
    public const string KabulAttackId = "ev-kabul-attack";
    public const string ParisProtestId = "ev-paris-protest";
    public const string ScriptEventId = "ev-script";
    public const string KabulSecondReportId = "ev-kabul-attack-2";
    public const string AirportHeldId = "ev-airport-held";
    public static readonly Actor UsForces = new("usa_military", "US forces", "USA", "MIL");
    public static readonly Location KandaharAirport = new("Kandahar International Airport", "AF", "Kandahar", 31.5058, 65.8478, "airport", null);

    public const string KandaharTakenSentence = "Les talibans ont pris Kandahar le 13 août 2021 après une semaine de combats contre 3 500 soldats afghans.";
    public const string ScriptPayload = "<script>window.__vigiePwned = 1;</script><img src=x onerror=\"window.__vigiePwned = 2\">";

    /// <summary>Creates a new SQLite database in a temporary folder, filled with the corpus.</summary>
    public static async Task<(IVigieStore Store, string Path)> CreateAsync()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"vigie-server-tests-{Guid.NewGuid():N}.db");
        var store = await StoreFactory.OpenAsync(path);
        await store.StoreAsync(Documents());
        return (store, path);
    }

    public static void Delete(string path)
    {
        foreach (var f in new[] { path, path + "-wal", path + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }

    private static List<StoredDocument> Documents()
    {
        var docs = new List<StoredDocument>();

        var fr = $"Kandahar tombe aux mains des talibans\n\n{KandaharTakenSentence} La deuxième ville du pays est désormais sous leur contrôle.";
        var frDoc = new Document("doc-kandahar-fr", fr, new PartialDate(2021, 8, 14), "fr", "Kandahar tombe aux mains des talibans", "Agence test", "https://example.org/kandahar");
        docs.Add(Stored(frDoc, Event(KandaharTakenId, frDoc, "territory_taken", Taliban, null, [Kandahar], DateValue.OfDay(new DateOnly(2021, 8, 13)),
            [new Quantity("troops", 3500, 3500, false, false, false, "3 500")], Modality.Asserted, KandaharTakenSentence, "fr/territory/prendre")));

        const string heldSentence = "Government forces still hold Kandahar, officials said on Sunday.";
        var en = $"Kandahar holds out\n\nFighting continued on the outskirts of the city. {heldSentence}";
        var enDoc = new Document("doc-kandahar-en", en, new PartialDate(2021, 8, 1), "en", "Kandahar holds out", "Test wire");
        docs.Add(Stored(enDoc, ReportedBy(Event(KandaharHeldId, enDoc, "territory_held", AfghanGovernment, null, [Kandahar], DateValue.OfDay(new DateOnly(2021, 8, 1), "sunday"),
            [], Modality.Asserted, heldSentence, "en/territory/hold"), enDoc, HeldSource)));

        const string attackSentence = "A suicide attack near Kabul airport killed at least 170 people on 26 August, the Islamic State Khorasan said.";
        var kabul = $"Carnage at Kabul airport\n\n{attackSentence}";
        var kabulDoc = new Document("doc-kabul", kabul, new PartialDate(2021, 8, 27), "en", "Carnage at Kabul airport");
        docs.Add(Stored(kabulDoc, Event(KabulAttackId, kabulDoc, "attack", IslamicStateKhorasan, null, [Kabul], DateValue.OfDay(new DateOnly(2021, 8, 26)),
            [new Quantity("fatalities", 170, 170, false, true, false, "at least 170")], Modality.Claimed, attackSentence, "en/attack/suicide-attack")));

        const string protestSentence = "Des milliers de personnes ont manifesté à Paris samedi en soutien aux Afghanes.";
        var paris = $"Manifestation à Paris\n\n{protestSentence}";
        var parisDoc = new Document("doc-paris", paris, new PartialDate(2021, 8, 28), "fr", "Manifestation à Paris");
        docs.Add(Stored(parisDoc, Event(ParisProtestId, parisDoc, "protest", null, null, [Paris], DateValue.OfDay(new DateOnly(2021, 8, 28), "saturday"),
            [], Modality.Asserted, protestSentence, "fr/protest/manifester")));

        var scriptSentence = $"The Taliban criticised the report {ScriptPayload} as lies.";
        var script = $"<b>Not bold</b> headline\n\n{scriptSentence}";
        var scriptDoc = new Document("doc-script", script, new PartialDate(2021, 8, 20), "en", "<i>Script</i> test");
        docs.Add(Stored(scriptDoc, Event(ScriptEventId, scriptDoc, "criticism", Taliban, null, [Kabul], DateValue.OfDay(new DateOnly(2021, 8, 20)),
            [], Modality.Asserted, scriptSentence, "en/criticism/criticise")));
        return docs;
    }

    /// <summary>Two more documents for the browser: a second source on the Kabul attack (so that fusion has two reports of
    /// one event) and a point-precision control, US forces holding Kandahar's airport, which must not colour the province.</summary>
    public static List<StoredDocument> BrowserExtras()
    {
        const string second = "At least 175 people died when a bomber struck the crowd at Kabul airport on 26 August.";
        var doc = new Document("wire/kabul-2", $"Kabul airport blast toll rises\n\n{second}", new PartialDate(2021, 8, 28), "en", "Kabul airport blast toll rises", "Second wire");
        const string airport = "US forces held Kandahar airport on Tuesday while the city was under siege.";
        var airportDoc = new Document("doc-airport", $"Airport held\n\n{airport}", new PartialDate(2021, 8, 11), "en", "Airport held");
        return
        [
            Stored(doc, Event(KabulSecondReportId, doc, "attack", null, null, [Kabul], DateValue.OfDay(new DateOnly(2021, 8, 26)),
                [new Quantity("fatalities", 175, 175, false, true, false, "At least 175")], Modality.Asserted, second, "en/attack/struck")),
            Stored(airportDoc, Event(AirportHeldId, airportDoc, "territory_held", UsForces, null, [KandaharAirport], DateValue.OfDay(new DateOnly(2021, 8, 10), "tuesday"),
                [], Modality.Asserted, airport, "en/territory/hold")),
        ];
    }

    /// <summary>The neutral source of the Kandahar-held report ("…, officials said"): a name, not an actor.</summary>
    public const string HeldSource = "officials";

    // The event as reported by a source the text names, with the span where it names it.
    private static Event ReportedBy(Event e, Document doc, string source)
    {
        var at = doc.Text.IndexOf(source, e.Evidence[0].Start, StringComparison.Ordinal);
        return e with { AttributedTo = new Source(source), Spans = [.. e.Spans.Append(new EventSpan("attributed_to", at, at + source.Length, source)).OrderBy(x => x.Start)] };
    }

    private static StoredDocument Stored(Document d, Event e) => new(d, DocumentKeys.ContentKey(d.Text, d.Date), [e]);

    private static Event Event(string id, Document doc, string type, Actor? actor1, Actor? actor2, IReadOnlyList<Location> locations, DateValue date,
        IReadOnlyList<Quantity> quantities, Modality modality, string sentence, string rule)
    {
        var start = doc.Text.IndexOf(sentence, StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException("The evidence sentence is not in the document.");
        var codes = EventTypeCatalog.Default.Get(type).CodesFor(actor1?.Role);
        return new Event(id, doc.Id, doc.Language, type, codes, actor1, actor2, null, locations, date, quantities, modality, 0.9,
            [new Evidence(doc.Id, 1, start, start + sentence.Length, sentence, rule)])
        {
            // The spans an engine keeps with its events: where the sentence names the actor, the places and the numbers.
            Spans = [.. new[] { ("actor1", actor1?.Name) }.Concat(locations.Select(l => ("place", (string?)l.Name))).Concat(quantities.Select(q => ("quantity", (string?)q.Text)))
                .Select(x => (x.Item1, x.Item2, At: x.Item2 is null ? -1 : sentence.IndexOf(x.Item2, StringComparison.OrdinalIgnoreCase)))
                .Where(x => x.At >= 0)
                .Select(x => new EventSpan(x.Item1, start + x.At, start + x.At + x.Item2!.Length, doc.Text.Substring(start + x.At, x.Item2.Length)))
                .OrderBy(x => x.Start)],
        };
    }
}
