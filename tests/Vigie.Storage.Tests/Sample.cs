using Vigie.Core;

namespace Vigie.Storage.Tests;

/// <summary>Documents and events for the store specification.</summary>
internal static class Sample
{
    public static readonly Actor Taliban = new("taliban", "Taliban", "AFG", "REB");
    public static readonly Actor Army = new("afg_army", "Armée afghane", "AFG", "MIL");
    public static readonly Location Kandahar = new("Kandahar", "AF", "Kandahar", 31.6133, 65.7101, "city", 1138336);
    public static readonly Location Herat = new("Hérat", "AF", "Herat", 34.3482, 62.1997, "city", 1140026);
    public static readonly Location Bamako = new("Bamako", "ML", "Bamako", 12.6392, -8.0029, "city", 2460596);

    public static Document Doc(string id, string? date = "2021-08-13", string text = "Les talibans ont pris Kandahar.", string language = "fr") =>
        new(id, text, date is null ? null : PartialDate.Parse(date), language, "Titre " + id, "source", "https://example.org/" + id);

    public static StoredDocument Stored(Document d, params Event[] events) => new(d, "key:" + d.Id, events);

    public static StoredDocument Stored(Document d, string contentKey, params Event[] events) => new(d, contentKey, events);

    public static Event Ev(
        string id,
        string document,
        string type = "territory_taken",
        string? date = "2021-08-13",
        DatePrecision precision = DatePrecision.Day,
        string? end = null,
        Actor? actor1 = null,
        Actor? actor2 = null,
        Actor? claimant = null,
        Location[]? at = null,
        Modality modality = Modality.Asserted,
        string evidence = "Les talibans se sont emparés de Kandahar vendredi.",
        Quantity[]? quantities = null) =>
        new(id, document, "fr", type, new EventCodes("192", "ASSAULT", "Strategic developments", "Non-state actor overtakes territory"),
            actor1, actor2, claimant, at ?? [Kandahar],
            date is null ? null : new DateValue(date, precision, precision == DatePrecision.Month ? "friday" : null, end),
            quantities ?? [], modality, 0.8,
            [new Evidence(document, 1, 0, evidence.Length, evidence, "fr/territory/test")]);

    public static Quantity Troops(decimal low, decimal high) => new("troops", low, high, false, false, false, $"{low} à {high}");
}
