using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigie.Pipeline.Evaluation;

/// <summary>A gold file (CONTRACT §4): a document, the events a perfect reader extracts, and what it must not.</summary>
public sealed record GoldFile(
    string Document,
    string? Language,
    GoldDate? DocumentDate,
    IReadOnlyList<GoldEvent> Events,
    IReadOnlyList<GoldMustNot> MustNot)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        Converters = { new StringOrListConverter() },
    };

    /// <summary>Parses a gold file's JSON.</summary>
    public static GoldFile Parse(string json) =>
        JsonSerializer.Deserialize<GoldFile>(json, Options) ?? throw new JsonException("The gold file is empty.");
}

/// <summary>A gold date: value, precision and, where it matters, the weekday.</summary>
public sealed record GoldDate(string Value, string Precision, string? Weekday);

/// <summary>A gold location; <c>Level</c> "country" matches any place in that country.</summary>
public sealed record GoldLocation(string Name, string? Country, double Lat, double Lon, string? Level);

/// <summary>A gold quantity; a null <c>High</c> is not checked.</summary>
public sealed record GoldQuantity(string Kind, decimal Low, decimal? High, bool? Approximate, bool? LowerBound, bool? UpperBound);

/// <summary>One event a perfect reader extracts.</summary>
public sealed record GoldEvent(
    string Id,
    [property: JsonConverter(typeof(StringOrListConverter))] IReadOnlyList<string> Type,
    IReadOnlyList<string>? Actor1,
    IReadOnlyList<GoldLocation>? Locations,
    GoldDate? Date,
    string? Modality,
    IReadOnlyList<string>? Claimant,
    IReadOnlyList<GoldQuantity>? Quantities,
    int? Paragraph,
    bool? Required)
{
    /// <summary>Whether missing it costs recall.</summary>
    public bool IsRequired => Required ?? true;
}

/// <summary>Something that must not be extracted.</summary>
public sealed record GoldMustNot(
    string? Why,
    [property: JsonConverter(typeof(StringOrListConverter))] IReadOnlyList<string> Type,
    GoldLocation? Location,
    int? Paragraph,
    string? SentenceTextContains,
    IReadOnlyList<string>? UnlessModality);

/// <summary>Reads either one string or a list of strings.</summary>
internal sealed class StringOrListConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return [reader.GetString()!];
        var list = new List<string>();
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("Expected a string or a list of strings.");
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(reader.GetString() ?? "");
        return list;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var v in value) writer.WriteStringValue(v);
        writer.WriteEndArray();
    }
}
