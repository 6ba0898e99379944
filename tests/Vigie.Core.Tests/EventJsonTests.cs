using System.Text.Json;
using Vigie.Core;

namespace Vigie.Core.Tests;

public sealed class EventJsonTests
{
    private static Event Sample() => new(
        "id1", "doc1", "fr", "territory_taken",
        EventTypeCatalog.Default.Get("territory_taken").CodesFor("REB"),
        new Actor("taliban", "Taliban", "AFG", "REB"), null, new Actor("taliban", "Taliban", "AFG", "REB"),
        [new Location("Kandahar", "AF", "Kandahar", 31.6133, 65.7101, "city", 1138336)],
        DateValue.OfMonth(2021, 8, "friday"),
        [new Quantity("troops", 3500, 4000, false, false, false, "3 500 à 4 000")],
        Modality.Claimed, 0.8,
        [new Evidence("doc1", 1, 118, 260, "the whole sentence", "fr/territory/revendiquer-prise")]);

    [Fact]
    public void An_event_serialises_with_exactly_the_contract_fields()
    {
        using var json = JsonDocument.Parse(VigieJson.Serialize(Sample()));
        var root = json.RootElement;
        Assert.Equal(
            ["id", "document", "language", "type", "codes", "actor1", "actor2", "claimant", "locations", "date", "quantities", "modality", "confidence", "evidence", "attributed_to"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["cameo", "plover", "acled_event_type", "acled_sub_event_type"], root.GetProperty("codes").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("actor2").ValueKind);
        Assert.Equal("claimed", root.GetProperty("modality").GetString());
        Assert.Equal(["name", "country", "admin1", "lat", "lon", "precision", "geonames_id"], root.GetProperty("locations")[0].EnumerateObject().Select(p => p.Name));
        var date = root.GetProperty("date");
        Assert.Equal(["value", "precision", "weekday", "end"], date.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("2021-08", "month", "friday"), (date.GetProperty("value").GetString(), date.GetProperty("precision").GetString(), date.GetProperty("weekday").GetString()));
        var q = root.GetProperty("quantities")[0];
        Assert.Equal(["kind", "low", "high", "approximate", "lower_bound", "upper_bound", "text"], q.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3500, q.GetProperty("low").GetInt32());
        Assert.Equal(["document", "sentence", "start", "end", "text", "rule"], root.GetProperty("evidence")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void An_event_round_trips()
    {
        var e = Sample();
        var back = JsonSerializer.Deserialize<Event>(VigieJson.Serialize(e), VigieJson.Options)!;
        Assert.Equal(VigieJson.Serialize(e), VigieJson.Serialize(back));
    }

    [Theory]
    [InlineData("2021", 2021, null, null)]
    [InlineData("2021-08", 2021, 8, null)]
    [InlineData("2021-08-31", 2021, 8, 31)]
    public void Partial_dates_parse(string s, int y, int? m, int? d) => Assert.Equal(new PartialDate(y, m, d), PartialDate.TryParse(s));

    [Theory]
    [InlineData("21-08")]
    [InlineData("2021-13")]
    [InlineData("2021-02-29")]
    [InlineData("2021/08/01")]
    [InlineData("")]
    public void Bad_partial_dates_do_not_parse(string s) => Assert.Null(PartialDate.TryParse(s));

    [Fact]
    public void Every_event_type_of_the_contract_has_its_codes()
    {
        var catalog = EventTypeCatalog.Default;
        Assert.Equal(41, catalog.All.Count);
        Assert.Equal("Government regains territory", catalog.Get("territory_taken").CodesFor("MIL").AcledSubEventType);
        Assert.Equal("Non-state actor overtakes territory", catalog.Get("territory_taken").CodesFor("REB").AcledSubEventType);
        Assert.Equal("ART_MISS_ATTACK", catalog.Get("shelling").CaseLabelFor(null));
        Assert.All(catalog.All, t => Assert.Matches("^[a-z_]+$", t.Type));
    }

    [Fact]
    public void The_catalogue_reports_bad_lines_with_file_and_line()
    {
        var ex = Assert.Throws<FormatException>(() => EventTypeCatalog.Parse(new StringReader("# c\nheader\nattack\t180\n"), "types.tsv"));
        Assert.StartsWith("types.tsv:3:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stable_ids_depend_only_on_their_parts() =>
        Assert.True(StableId.Of("a", "b") == StableId.Of("a", "b") && StableId.Of("a", "b") != StableId.Of("ab", ""));
}
