namespace Vigie.Pipeline.Export;

/// <summary>What the ACLED export needs to know of a country.</summary>
public sealed record CountryInfo(string Iso2, string Iso3, string IsoNumeric, string Name, string Region);

/// <summary>Countries by ISO alpha-2, read from <c>data/geo/countries.tsv</c> (written by the gazetteer build).</summary>
public static class CountryTable
{
    /// <summary>Loads the table; an absent file gives an empty lookup (the export then leaves those columns blank).</summary>
    public static Func<string, CountryInfo?> Load(string path)
    {
        var map = new Dictionary<string, CountryInfo>(StringComparer.OrdinalIgnoreCase);
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var c = line.Split('\t');
                if (c.Length >= 5) map[c[0]] = new CountryInfo(c[0], c[1], c[2], c[3], c[4]);
            }
        }
        return iso2 => map.GetValueOrDefault(iso2);
    }
}
