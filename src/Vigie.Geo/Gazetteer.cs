using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using Vigie.Core;

using Vigie.Text;

namespace Vigie.Geo;

/// <summary>What kind of place a gazetteer entry is (the numbers are part of gazetteer.bin's format).</summary>
public enum PlaceKind : byte
{
    /// <summary>A populated place.</summary>
    City = 0,
    /// <summary>A country's capital (GeoNames PPLC).</summary>
    Capital = 1,
    /// <summary>The seat of a first-order division (GeoNames PPLA).</summary>
    Admin1Seat = 2,
    /// <summary>The seat of a second-order division, often the district's name too (GeoNames PPLA2).</summary>
    Admin2Seat = 3,
    /// <summary>A state, province or region (Natural Earth admin-1).</summary>
    Admin1 = 4,
    /// <summary>A country.</summary>
    Country = 5,
    /// <summary>A continent or a region that spans or divides countries.</summary>
    Region = 6,
    /// <summary>An airport or air base.</summary>
    Airport = 7,
    /// <summary>A nation inside a state (England, Scotland…).</summary>
    Nation = 8,
    /// <summary>A section of a populated place.</summary>
    Locality = 9,
    /// <summary>A second-order division (a US county): a district.</summary>
    Admin2 = 10,
}

/// <summary>Flags on a gazetteer entry.</summary>
[Flags]
public enum PlaceFlags : byte
{
    /// <summary>None.</summary>
    None = 0,
    /// <summary>Capital of a province (curated).</summary>
    ProvincialCapital = 1,
    /// <summary>Named or completed by Vigie's curated file.</summary>
    Curated = 2,
}

/// <summary>Flags on one name of a place.</summary>
[Flags]
public enum NameFlags : byte
{
    /// <summary>None.</summary>
    None = 0,
    /// <summary>The place's main name (or a curated one).</summary>
    Primary = 1,
    /// <summary>An acronym that only matches in capitals (UK, USA).</summary>
    Acronym = 2,
    /// <summary>An alternate name.</summary>
    Alternate = 4,
    /// <summary>From Vigie's curated file.</summary>
    Curated = 8,
    /// <summary>An abbreviation that only qualifies another name ("Paris, Tenn."), never a place alone.</summary>
    Qualifier = 16,
}

/// <summary>One gazetteer entry.</summary>
public readonly record struct Place(
    int Index, long? GeonamesId, string Name, string? Country, string? Admin1,
    double Lat, double Lon, int Population, PlaceKind Kind, PlaceFlags Flags, long? ServesGeonamesId)
{
    /// <summary>The contract's precision for this kind of place.</summary>
    public string Precision => Kind switch
    {
        PlaceKind.Country => "country",
        PlaceKind.Region => "region",
        PlaceKind.Admin1 or PlaceKind.Nation => "province",
        PlaceKind.Admin2 => "district",
        PlaceKind.Airport => "point",
        _ => "city",
    };

    /// <summary>True for a populated place of any kind.</summary>
    public bool IsSettlement => Kind is PlaceKind.City or PlaceKind.Capital or PlaceKind.Admin1Seat or PlaceKind.Admin2Seat or PlaceKind.Locality;

    /// <summary>The CONTRACT §2 location of this place.</summary>
    public Location ToLocation(string? precision = null) =>
        new(Name, Country, Admin1, Math.Round(Lat, 5), Math.Round(Lon, 5), precision ?? Precision, GeonamesId);
}

/// <summary>The compiled gazetteer (data/geo/gazetteer.bin): places, their folded names, and word lists; immutable and thread-safe.</summary>
public sealed class Gazetteer
{
    private const int Version = 2;
    private readonly byte[] _strings;
    private readonly int[] _gid, _pop, _of, _nameOff, _nameLen, _ccOff, _admOff, _admLen;
    private readonly float[] _lat, _lon;
    private readonly byte[] _kind, _flags;
    private readonly byte[] _keyBlob;
    private readonly int[] _keyOff, _postStart, _postPlace;
    private readonly byte[] _postFlag;
    private readonly Dictionary<string, int> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<long, int> _byGeonamesId = [];
    private readonly Dictionary<long, List<int>> _airportsOf = [];
    private readonly Dictionary<string, int> _capitals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _alpha2Of = new(StringComparer.OrdinalIgnoreCase);
    private readonly string?[] _nameCache;
    private readonly string?[] _countryCache;
    private readonly string?[] _admin1Cache;
    // Lower bound of the keys by their first two bytes (a missing second byte counts as 0), so a probe searches one bucket.
    private readonly int[] _bucketStart;

    /// <summary>Number of places.</summary>
    public int Count => _gid.Length;

    /// <summary>Number of distinct folded names.</summary>
    public int NameCount => _keyOff.Length - 1;

    /// <summary>Frequent words of the supported languages (folded) that a place name may collide with.</summary>
    public IReadOnlySet<string> CommonWords { get; }

    /// <summary>Folded demonyms ("afghan", "americains"), which are not places.</summary>
    public IReadOnlySet<string> Demonyms { get; }

    private Gazetteer(BinaryReader r)
    {
        if (r.ReadUInt32() != 0x5A474956 /* "VIGZ" */) throw new InvalidDataException("not a Vigie gazetteer file");
        var version = r.ReadInt32();
        if (version != Version) throw new InvalidDataException($"gazetteer format {version}, expected {Version}: rebuild it with tools/gazetteer/build.sh");
        _strings = Bytes(r);
        var n = r.ReadInt32();
        _gid = Ints(r); _lat = Floats(r); _lon = Floats(r); _pop = Ints(r); _of = Ints(r);
        _nameOff = Ints(r); _nameLen = Ints(r); _ccOff = Ints(r); _admOff = Ints(r); _admLen = Ints(r);
        _kind = Bytes(r); _flags = Bytes(r);
        if (_gid.Length != n || _kind.Length != n) throw new InvalidDataException("gazetteer place table is inconsistent");
        r.ReadInt32();
        _keyBlob = Bytes(r); _keyOff = Ints(r); _postStart = Ints(r); _postPlace = Ints(r); _postFlag = Bytes(r);
        CommonWords = WordSet(Bytes(r));
        Demonyms = WordSet(Bytes(r));
        foreach (var line in WordSet(Bytes(r)))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0) _alpha2Of[line[..tab]] = line[(tab + 1)..];
        }
        _nameCache = new string?[n];
        _countryCache = new string?[n];
        _admin1Cache = new string?[n];
        _bucketStart = new int[(1 << 16) + 1];
        for (var k = 0; k < NameCount; k++) _bucketStart[Bucket(KeyBytes(k)) + 1]++;
        for (var b = 1; b < _bucketStart.Length; b++) _bucketStart[b] += _bucketStart[b - 1];
        for (var i = 0; i < n; i++)
        {
            var kind = (PlaceKind)_kind[i];
            if (_gid[i] > 0 && kind != PlaceKind.Admin1 && kind != PlaceKind.Airport) _byGeonamesId.TryAdd(_gid[i], i);
            if (kind == PlaceKind.Country) _countries[CountryCode(i)!] = i;
            else if (kind == PlaceKind.Airport && _of[i] > 0)
            {
                if (!_airportsOf.TryGetValue(_of[i], out var list)) _airportsOf[_of[i]] = list = [];
                list.Add(i);
            }
            else if (kind == PlaceKind.Capital)
            {
                var cc = CountryCode(i)!;
                if (!_capitals.TryGetValue(cc, out var other) || _pop[other] < _pop[i]) _capitals[cc] = i;
            }
        }
        for (var i = 0; i < n; i++)
        {
            if ((PlaceKind)_kind[i] == PlaceKind.Admin1 && _gid[i] > 0) _byGeonamesId.TryAdd(_gid[i], i);
        }
    }

    /// <summary>Loads a compiled gazetteer file.</summary>
    /// <exception cref="FileNotFoundException">The file was not built: run tools/gazetteer/build.sh.</exception>
    public static Gazetteer Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The gazetteer {path} is missing: build it with tools/gazetteer/build.sh (needs node and npm).", path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        using var reader = new BinaryReader(stream);
        return new Gazetteer(reader);
    }

    /// <summary>The place at an index.</summary>
    public Place this[int index] => new(
        index, _gid[index] > 0 ? _gid[index] : null, Name(index), CountryCode(index),
        Admin1Of(index),
        _lat[index], _lon[index], _pop[index], (PlaceKind)_kind[index], (PlaceFlags)_flags[index], _of[index] > 0 ? _of[index] : null);

    /// <summary>The place with a GeoNames id (cities, then admin-1 regions), if any.</summary>
    public Place? ByGeonamesId(long id) => _byGeonamesId.TryGetValue(id, out var i) ? this[i] : null;

    /// <summary>The country with an ISO 3166 alpha-2 code, if any.</summary>
    public Place? Country(string iso2) => _countries.TryGetValue(iso2.ToUpperInvariant(), out var i) ? this[i] : null;

    /// <summary>The ISO alpha-2 code of a country's alpha-3 code ("MOZ" → "MZ"), as actors name their state, or null.</summary>
    public string? Alpha2Of(string alpha3) => _alpha2Of.GetValueOrDefault(alpha3);

    /// <summary>A country's capital, if the gazetteer knows it.</summary>
    public Place? CapitalOf(string iso2) => _capitals.TryGetValue(iso2.ToUpperInvariant(), out var i) ? this[i] : null;

    /// <summary>The airports serving the place with a GeoNames id.</summary>
    public IReadOnlyList<Place> AirportsOf(long geonamesId) =>
        _airportsOf.TryGetValue(geonamesId, out var list) ? list.Select(i => this[i]).ToArray() : [];

    /// <summary>Every place a name may refer to, whatever its case and accents.</summary>
    public IReadOnlyList<Place> Lookup(string name)
    {
        var key = Folding.FoldWords(name);
        var k = FindKey(key);
        if (k < 0) return [];
        var result = new List<Place>();
        for (var p = _postStart[k]; p < _postStart[k + 1]; p++) result.Add(this[_postPlace[p]]);
        return result;
    }

    internal string Name(int index) => _nameCache[index] ??= Encoding.UTF8.GetString(_strings, _nameOff[index], _nameLen[index]);

    internal string? CountryCode(int index) =>
        _ccOff[index] < 0 ? null : _countryCache[index] ??= Encoding.ASCII.GetString(_strings, _ccOff[index], 2);

    private string? Admin1Of(int index) =>
        _admOff[index] < 0 ? null : _admin1Cache[index] ??= Encoding.UTF8.GetString(_strings, _admOff[index], _admLen[index]);

    internal PlaceFlags FlagsOf(int index) => (PlaceFlags)_flags[index];

    internal string? Admin1Name(int index) => Admin1Of(index);

    internal double Lat(int index) => _lat[index];

    internal double Lon(int index) => _lon[index];

    /// <summary>Great-circle distance between two places in km.</summary>
    internal double DistanceKm(int a, int b) => GeoMath.DistanceKm(_lat[a], _lon[a], _lat[b], _lon[b]);

    /// <summary>True when place <paramref name="inner"/> lies in unit <paramref name="unit"/>: its country, its admin-1
    /// region, or within <paramref name="nearKm"/> of a smaller unit (a county, a district's seat).</summary>
    internal bool Within(int inner, int unit, double nearKm)
    {
        if (inner == unit) return false;
        var cc = CountryCode(unit);
        if (cc is null || CountryCode(inner) != cc) return false;
        return KindOf(unit) switch
        {
            PlaceKind.Country => true,
            PlaceKind.Admin1 => Admin1Of(inner) is { } a1 ? a1 == Admin1Of(unit) : DistanceKm(inner, unit) <= 4 * nearKm,
            PlaceKind.Region or PlaceKind.Nation => DistanceKm(inner, unit) <= 4 * nearKm,
            _ => (KindOf(unit) != PlaceKind.Admin2 || Admin1Of(inner) == Admin1Of(unit)) && DistanceKm(inner, unit) <= nearKm,
        };
    }

    internal PlaceKind KindOf(int index) => (PlaceKind)_kind[index];

    internal int PopulationOf(int index) => _pop[index];

    internal ReadOnlySpan<int> Postings(int key, out ReadOnlySpan<byte> flags)
    {
        flags = _postFlag.AsSpan(_postStart[key], _postStart[key + 1] - _postStart[key]);
        return _postPlace.AsSpan(_postStart[key], _postStart[key + 1] - _postStart[key]);
    }

    /// <summary>Finds a folded key: its index, or -1; <paramref name="hasLonger"/> tells whether longer keys start with it and a space.</summary>
    internal int Probe(ReadOnlySpan<char> folded, out bool hasLonger)
    {
        var max = Encoding.UTF8.GetMaxByteCount(folded.Length + 1);
        byte[]? rented = null;
        var buffer = max <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var len = Encoding.UTF8.GetBytes(folded, buffer);
            var key = buffer[..len];
            var lo = LowerBound(key);
            var exact = lo < NameCount && KeyBytes(lo).SequenceEqual(key);
            var next = exact ? lo + 1 : lo;
            buffer[len] = (byte)' ';
            hasLonger = next < NameCount && KeyBytes(next).StartsWith(buffer[..(len + 1)]);
            return exact ? lo : -1;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    internal int FindKey(string folded) => Probe(folded, out _);

    private ReadOnlySpan<byte> KeyBytes(int i) => _keyBlob.AsSpan(_keyOff[i], _keyOff[i + 1] - _keyOff[i]);

    private int LowerBound(ReadOnlySpan<byte> key)
    {
        if (key.IsEmpty) return 0;
        var bucket = Bucket(key);
        int lo = _bucketStart[bucket], hi = _bucketStart[bucket + 1];
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (KeyBytes(mid).SequenceCompareTo(key) < 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int Bucket(ReadOnlySpan<byte> key) => key.IsEmpty ? 0 : (key[0] << 8) | (key.Length > 1 ? key[1] : 0);

    private static byte[] Bytes(BinaryReader r) => r.ReadBytes(r.ReadInt32());

    private static int[] Ints(BinaryReader r) => MemoryMarshal.Cast<byte, int>(Bytes(r)).ToArray();

    private static float[] Floats(BinaryReader r) => MemoryMarshal.Cast<byte, float>(Bytes(r)).ToArray();

    private static HashSet<string> WordSet(byte[] blob) =>
        new(Encoding.UTF8.GetString(blob).Split('\n', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
}
