using Vigie.Text;

namespace Vigie.Geo;

/// <summary>Kinds of words around place names (data/lang/&lt;code&gt;/geo-cues.tsv).</summary>
public enum CueKind
{
    /// <summary>"la province de X": X is a province.</summary>
    ProvinceBefore,
    /// <summary>"X province".</summary>
    ProvinceAfter,
    /// <summary>"district de X".</summary>
    DistrictBefore,
    /// <summary>"X district".</summary>
    DistrictAfter,
    /// <summary>"ville de X".</summary>
    CityBefore,
    /// <summary>"X city".</summary>
    CityAfter,
    /// <summary>"l'aéroport de X".</summary>
    AirportBefore,
    /// <summary>"X airport".</summary>
    AirportAfter,
    /// <summary>"la capitale": the focus country's capital.</summary>
    Capital,
    /// <summary>"à 150 km de X": X only locates something else.</summary>
    ReferenceBefore,
    /// <summary>A title before a person's name.</summary>
    PersonBefore,
    /// <summary>A word that is never a place by itself.</summary>
    NotPlace,
    /// <summary>"the village of X", "near X": X is a place even when the gazetteer does not hold it.</summary>
    UnlistedBefore,
    /// <summary>"X village", "X camp".</summary>
    UnlistedAfter,
    /// <summary>Words between a comma and a qualifying unit: "Dublin, dans l'Ohio", "Athènes, en Géorgie".</summary>
    QualifierGap,
    /// <summary>A word inside a compound toponym ("Mocímboa da Praia", "Porto del Sol"): a known head and the words after
    /// it are one name, not two places.</summary>
    NameConnector,
}

/// <summary>One language's cue phrases, folded into token arrays.</summary>
public sealed class GeoCues
{
    private readonly Dictionary<CueKind, List<string[]>> _phrases = [];
    private readonly HashSet<string> _notPlace = new(StringComparer.Ordinal);

    /// <summary>No cues at all.</summary>
    public static GeoCues Empty { get; } = new();

    /// <summary>Folded words that are never places by themselves.</summary>
    public IReadOnlySet<string> NotPlace => _notPlace;

    /// <summary>The folded phrases of one kind.</summary>
    public IReadOnlyList<string[]> Phrases(CueKind kind) => _phrases.TryGetValue(kind, out var list) ? list : [];

    /// <summary>Reads one or more geo-cues.tsv files (later files add to earlier ones).</summary>
    /// <exception cref="InvalidDataException">A line is malformed (the message gives file:line).</exception>
    public static GeoCues Load(params string[] files)
    {
        var cues = new GeoCues();
        foreach (var file in files)
        {
            if (!File.Exists(file)) continue;
            var lineNo = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNo++;
                if (line.Length == 0 || line[0] == '#') continue;
                var tab = line.IndexOf('\t');
                if (tab <= 0) throw new InvalidDataException($"{file}:{lineNo}: expected kind<TAB>phrase");
                var kind = ParseKind(line[..tab]) ?? throw new InvalidDataException($"{file}:{lineNo}: unknown cue kind '{line[..tab]}'");
                var phrase = Folding.FoldWords(line.AsSpan(tab + 1));
                if (phrase.Length == 0) throw new InvalidDataException($"{file}:{lineNo}: empty phrase");
                if (kind == CueKind.NotPlace) { cues._notPlace.Add(phrase); continue; }
                if (!cues._phrases.TryGetValue(kind, out var list)) cues._phrases[kind] = list = [];
                list.Add(phrase.Split(' '));
            }
        }
        foreach (var list in cues._phrases.Values) list.Sort((a, b) => b.Length.CompareTo(a.Length));
        return cues;
    }

    /// <summary>The union of several languages' cues, for a text whose language has none of its own.</summary>
    public static GeoCues Combine(IEnumerable<GeoCues> all)
    {
        var cues = new GeoCues();
        foreach (var one in all)
        {
            cues._notPlace.UnionWith(one._notPlace);
            foreach (var (kind, list) in one._phrases)
            {
                if (!cues._phrases.TryGetValue(kind, out var into)) cues._phrases[kind] = into = [];
                into.AddRange(list);
            }
        }
        foreach (var list in cues._phrases.Values) list.Sort((a, b) => b.Length.CompareTo(a.Length));
        return cues;
    }

    private static CueKind? ParseKind(string s) => s switch
    {
        "province-before" => CueKind.ProvinceBefore,
        "province-after" => CueKind.ProvinceAfter,
        "district-before" => CueKind.DistrictBefore,
        "district-after" => CueKind.DistrictAfter,
        "city-before" => CueKind.CityBefore,
        "city-after" => CueKind.CityAfter,
        "airport-before" => CueKind.AirportBefore,
        "airport-after" => CueKind.AirportAfter,
        "capital" => CueKind.Capital,
        "reference-before" => CueKind.ReferenceBefore,
        "person-before" => CueKind.PersonBefore,
        "not-place" => CueKind.NotPlace,
        "unlisted-before" => CueKind.UnlistedBefore,
        "unlisted-after" => CueKind.UnlistedAfter,
        "qualifier-gap" => CueKind.QualifierGap,
        "name-connector" => CueKind.NameConnector,
        _ => null,
    };
}
