namespace Vigie.Storage.Tests;

/// <summary>The one filter parser of the CLI and the API: what it accepts, what it refuses and how it says so.</summary>
public sealed class EventFilterTests
{
    private static EventFilterResult Parse(EventFilter f) => f.Parse(n => $"'{n}'");

    [Fact]
    public void Blank_fields_mean_any_and_values_are_trimmed()
    {
        var q = Parse(new EventFilter(Type: " attack ", Actor: "  ", Country: "af", From: "2021-08", To: "2021", Modality: "Claimed")).Query!;
        Assert.Equal("attack", q.Type);
        Assert.Null(q.Actor);
        Assert.Equal("AF", q.Country);
        Assert.Equal(new DateOnly(2021, 8, 1), q.From);
        Assert.Equal(new DateOnly(2021, 12, 31), q.To);
        Assert.Equal(Vigie.Core.Modality.Claimed, q.Modality);
        Assert.Equal(EventFilter.DefaultLimit, q.Limit);
    }

    [Theory]
    [InlineData("from", "13/08/2021", "'from' must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not '13/08/2021'.")]
    [InlineData("to", "2021-02-30", "'to' must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not '2021-02-30'.")]
    [InlineData("limit", "0", "'limit' must be between 1 and 500.")]
    [InlineData("limit", "501", "'limit' must be between 1 and 500.")]
    [InlineData("modality", "3", "'modality' must be one of:")]
    [InlineData("type", "picnic", "'type' 'picnic' is not an event type.")]
    [InlineData("country", "AFG", "'country' must be an ISO 3166 alpha-2 code such as AF, not 'AFG'.")]
    [InlineData("cursor", "%%%", "'cursor' is not a cursor that a previous page gave.")]
    public void A_wrong_field_is_named_in_one_sentence(string field, string value, string message)
    {
        var f = field switch
        {
            "from" => new EventFilter(From: value),
            "to" => new EventFilter(To: value),
            "limit" => new EventFilter(Limit: value),
            "modality" => new EventFilter(Modality: value),
            "type" => new EventFilter(Type: value),
            "country" => new EventFilter(Country: value),
            _ => new EventFilter(Cursor: value),
        };
        var r = Parse(f);
        Assert.Null(r.Query);
        Assert.StartsWith(message, r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_actor_alias_becomes_the_actor_s_id_when_the_caller_knows_it()
    {
        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["insurgés du nord"] = "north_rebels" };
        Assert.Equal("north_rebels", new EventFilter(Actor: "Insurgés du Nord").Parse(n => n, a => aliases.GetValueOrDefault(a)).Query!.Actor);
        Assert.Equal("someone else", new EventFilter(Actor: "someone else").Parse(n => n, a => aliases.GetValueOrDefault(a)).Query!.Actor);
    }

    [Fact]
    public void The_caller_spells_the_names()
    {
        var r = new EventFilter(From: "2021-08-20", To: "2021-08-01").Parse(n => "--" + n);
        Assert.Equal("--from must not be after --to.", r.Error);
    }

    [Fact]
    public async Task The_first_and_last_days_of_the_calendar_are_valid_bounds()
    {
        var dir = Path.Combine(Path.GetTempPath(), "vigie-filter-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var store = await SqliteStore.OpenAsync(Path.Combine(dir, "v.db"));
            await store.StoreAsync([Sample.Stored(Sample.Doc("d1"), Sample.Ev("e1", "d1"))]);
            var q = Parse(new EventFilter(From: "0001-01-01", To: "9999-12-31")).Query!;
            Assert.Equal(["e1"], (await store.QueryEventsAsync(q)).Events.Select(e => e.Id));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
