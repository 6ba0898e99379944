using System.Globalization;
using Vigie.Core;
using Vigie.Fusion;
using Vigie.Text;

namespace Vigie.Pipeline.Evaluation;

/// <summary>One capital of a reference file: where it is and the day the public record says it fell.</summary>
public sealed record ReferenceCapital(
    string Province,
    string Capital,
    long? GeonamesId,
    double Lat,
    double Lon,
    DateOnly FellOn,
    IReadOnlyList<string> Aliases,
    string Sources,
    string Note);

/// <summary>A reference list of capitals and when they fell (e.g. <c>data/reference/afghanistan-2021-capitals.tsv</c>);
/// the file names its country (<c># country: AF</c>) and who took the capitals (<c># taker: taliban</c>).</summary>
public sealed class CapitalsReference
{
    private readonly HashSet<long> _geonames;
    private readonly Dictionary<string, ReferenceCapital> _byName;

    private CapitalsReference(IReadOnlyList<ReferenceCapital> capitals, string country, string taker)
    {
        Capitals = capitals;
        Country = country;
        Taker = taker;
        _geonames = capitals.Where(c => c.GeonamesId is not null).Select(c => c.GeonamesId!.Value).ToHashSet();
        _byName = new Dictionary<string, ReferenceCapital>(StringComparer.Ordinal);
        foreach (var c in capitals)
            foreach (var n in c.Aliases.Prepend(c.Capital))
                _byName.TryAdd(Folding.FoldLettersAndDigits(n), c);
    }

    /// <summary>The capitals, in file order.</summary>
    public IReadOnlyList<ReferenceCapital> Capitals { get; }

    /// <summary>The ISO alpha-2 country the capitals are in.</summary>
    public string Country { get; }

    /// <summary>The taker's name as the file gives it; an actor whose folded id or name contains its fold took a capital.</summary>
    public string Taker { get; }

    /// <summary>Whether an actor is the file's taker.</summary>
    public bool IsTaker(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var taker = Folding.FoldLettersAndDigits(Taker);
        return Folding.FoldLettersAndDigits(actor.Id).Contains(taker, StringComparison.Ordinal) || Folding.FoldLettersAndDigits(actor.Name).Contains(taker, StringComparison.Ordinal);
    }

    /// <summary>How far (km) a place without a GeoNames id may lie from a capital and be taken for it when its name matches.</summary>
    public double NameMatchKm { get; init; } = 15;

    /// <summary>Reads a reference file; errors name the line. <paramref name="country"/> overrides the file's.</summary>
    public static CapitalsReference Load(string path, string? country = null)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path, country);
    }

    /// <summary>Parses the TSV format: <c>province, capital, geonames_id, lat, lon, fell_on, aliases (|-separated), sources, note</c>,
    /// after comment lines of which <c># country: CC</c> and <c># taker: NAME</c> are required.</summary>
    public static CapitalsReference Parse(TextReader reader, string fileName, string? country = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var list = new List<ReferenceCapital>();
        string? fileCountry = null, taker = null;
        var header = false;
        var n = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            n++;
            if (line.Length > 0 && line[0] == '#')
            {
                var directive = line.AsSpan(1).Trim();
                if (directive.StartsWith("country:", StringComparison.Ordinal)) fileCountry = directive[8..].Trim().ToString();
                else if (directive.StartsWith("taker:", StringComparison.Ordinal)) taker = directive[6..].Trim().ToString();
                continue;
            }
            if (line.Length == 0) continue;
            if (!header) { header = true; continue; }
            var c = line.Split('\t');
            if (c.Length < 6) throw new FormatException($"{fileName}:{n}: expected at least 6 tab-separated columns, found {c.Length}.");
            long? gn = c[2].Length == 0 ? null
                : long.TryParse(c[2], NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g
                : throw new FormatException($"{fileName}:{n}: geonames_id '{c[2]}' is not a number.");
            if (!double.TryParse(c[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(c[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
                throw new FormatException($"{fileName}:{n}: lat/lon are not numbers.");
            if (!DateOnly.TryParseExact(c[5], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fell))
                throw new FormatException($"{fileName}:{n}: fell_on '{c[5]}' is not YYYY-MM-DD.");
            var aliases = c.Length > 6 ? c[6].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            list.Add(new ReferenceCapital(c[0], c[1], gn, lat, lon, fell, aliases, c.Length > 7 ? c[7] : "", c.Length > 8 ? c[8] : ""));
        }
        country ??= fileCountry;
        if (string.IsNullOrEmpty(country)) throw new FormatException($"{fileName}:1: no '# country: CC' line (the capitals' ISO country).");
        if (string.IsNullOrEmpty(taker)) throw new FormatException($"{fileName}:1: no '# taker: NAME' line (who took the capitals).");
        return new CapitalsReference(list, country, taker);
    }

    /// <summary>The capital a place is, or null: by GeoNames id, else by name (or alias) near the capital's coordinates.</summary>
    public ReferenceCapital? Match(ControlPlace place)
    {
        if (place.GeonamesId is { } id) return _geonames.Contains(id) ? Capitals.First(c => c.GeonamesId == id) : null;
        if (place.Country is not null && !string.Equals(place.Country, Country, StringComparison.OrdinalIgnoreCase)) return null;
        if (place.Feature is "province" or "country" or "region") return null;
        if (!_byName.TryGetValue(Folding.FoldLettersAndDigits(place.Name), out var c)) return null;
        return GeoMath.DistanceKm(place.Lat, place.Lon, c.Lat, c.Lon) <= NameMatchKm ? c : null;
    }

    /// <summary>True when the place is one of the capitals: the predicate <see cref="ControlTimeline.Summarize"/> takes.</summary>
    public bool IsCapital(ControlPlace place) => Match(place) is not null;
}
