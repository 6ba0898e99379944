using System.Collections.Frozen;
using Vigie.Core;
using Vigie.Text;

namespace Vigie.Geo;

/// <summary>Finds place names in a text and resolves each to one gazetteer entry; thread-safe once built.</summary>
public sealed partial class PlaceRecognizer : IRecognizer<PlaceMention>
{
    /// <summary>Rule of a mention that only locates something else ("à 150 km de Kaboul"); events must not be placed there.</summary>
    public const string ReferenceRule = "geo/reference";

    /// <summary>Rule of a place the gazetteer does not hold, kept at the unit the text puts it in ("X (Macomia, Cabo Delgado)").</summary>
    public const string UnlistedRule = "geo/unlisted";

    /// <summary>Roles (data/actors/roles.tsv) whose holders act in their own country.</summary>
    private static readonly FrozenSet<string> HomeRoles = FrozenSet.ToFrozenSet(["COP", "REB", "INS", "UAF", "OPP", "PTY", "LEG", "JUD", "LAB", "EDU", "CRM"], StringComparer.Ordinal);

    private const int MaxNameTokens = 8;
    private const int ProbeCacheLimit = 20_000;
    [ThreadStatic] private static Dictionary<string, (int, bool)>? t_probes;
    [ThreadStatic] private static Gazetteer? t_probesOf;
    private readonly Gazetteer _gazetteer;
    private readonly Dictionary<string, GeoCues> _cues;
    private readonly GeoCues _allCues;
    private readonly TextLayer _text;

    /// <summary>Builds a recogniser over a gazetteer and per-language cues (keyed by language code); <paramref name="text"/>
    /// reads the texts given as strings.</summary>
    public PlaceRecognizer(Gazetteer gazetteer, TextLayer text, IReadOnlyDictionary<string, GeoCues>? cues = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        _gazetteer = gazetteer;
        _text = text;
        _cues = cues?.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase) ?? new(StringComparer.OrdinalIgnoreCase);
        _allCues = _cues.Count == 0 ? GeoCues.Empty : Merge(_cues.Values);
    }

    /// <summary>The gazetteer this recogniser reads.</summary>
    public Gazetteer Gazetteer => _gazetteer;

    /// <summary>Loads data/geo/gazetteer.bin and the geo-cues.tsv of every language pack under a data root.</summary>
    /// <exception cref="FileNotFoundException">The gazetteer was not built: run tools/gazetteer/build.sh.</exception>
    public static PlaceRecognizer Load(string dataRoot) => Load(dataRoot, LanguagePacks.Load(dataRoot));

    /// <summary>Loads data/geo/gazetteer.bin under a data root and the geo-cues.tsv of every pack (its own or a parent's).</summary>
    /// <exception cref="FileNotFoundException">The gazetteer was not built: run tools/gazetteer/build.sh.</exception>
    public static PlaceRecognizer Load(string dataRoot, LanguagePacks packs) => Load(Gazetteer.Load(Path.Combine(dataRoot, "geo", "gazetteer.bin")), packs);

    /// <summary>A recogniser over a gazetteer already loaded and the geo-cues.tsv of every pack (its own or a parent's).</summary>
    public static PlaceRecognizer Load(Gazetteer gazetteer, LanguagePacks packs)
    {
        ArgumentNullException.ThrowIfNull(packs);
        var cues = new Dictionary<string, GeoCues>(StringComparer.OrdinalIgnoreCase);
        foreach (var pack in packs.All)
            if (pack.Find("geo-cues.tsv") is { } file) cues[pack.Code] = GeoCues.Load(file);
        return new PlaceRecognizer(gazetteer, new TextLayer(packs), cues);
    }

    /// <summary>True when a mention only locates something else and places nothing there.</summary>
    public static bool IsReference(PlaceMention mention) => mention.Rule == ReferenceRule;

    /// <summary>Recognises the places of a text in a language ("fr", "en"; another code uses every language's cues
    /// and the first language's tokeniser).</summary>
    public IReadOnlyList<PlaceMention> Recognize(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = _text.Languages.Contains(language) ? language : _text.Packs.Codes[0];
        return Recognize(_text.Read(text, reader, null), language);
    }

    /// <summary>Recognises the places of a document read by the text layer.</summary>
    public IReadOnlyList<PlaceMention> Recognize(DocumentAnalysis document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Recognize(document, document.Language);
    }

    private List<PlaceMention> Recognize(DocumentAnalysis document, string language)
    {
        var cues = _cues.TryGetValue(language, out var c) ? c : _allCues;
        // Actors the analysis holds already (when they were recognised first) name the states the text is about: those
        // whose role keeps them at home (police, rebels, parties), not armies and governments that act abroad.
        var states = new List<string>();
        foreach (var m in document.Mentions)
        {
            if (m is ActorMention { Actor: { Country: { } state, Role: { } role } } && HomeRoles.Contains(role) && !states.Contains(state))
                states.Add(state);
        }
        var doc = new DocumentPass(this, document.Text, GeoTokens.Of(document), cues, document.Pack.Lexicon, states);
        return doc.Run();
    }

    private static GeoCues Merge(IEnumerable<GeoCues> all)
    {
        var files = all.ToList();
        return files.Count == 1 ? files[0] : GeoCues.Combine(files);
    }

    /// <summary>One document's recognition: candidate names, the focus country, then resolution.</summary>
    private sealed partial class DocumentPass(PlaceRecognizer owner, string text, IReadOnlyList<GeoToken> tokens, GeoCues cues, Lexicon lexicon, IReadOnlyList<string> actorStates)
    {
        private readonly Gazetteer _g = owner._gazetteer;
        private readonly List<Candidate> _found = [];
        private readonly Dictionary<string, double> _countryVotes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, double> _actorVotes = new(StringComparer.Ordinal);
        private string? _focus;

        /// <summary>Finds the names, then resolves them together: country focus, qualifiers ("Paris, Tenn.",
        /// "X (District, Province)"), then the document's admin-1 units and the places already placed near each other.</summary>
        public List<PlaceMention> Run()
        {
            FindNames();
            Vote();
            foreach (var cand in _found) cand.Chosen = Best(cand, Stage.Country, -1, out cand.Margin, out cand.ChosenFlags);
            LinkQualifiers();
            ApplyQualifiers();
            ResolveTogether();
            var kept = new List<(int Index, PlaceMention Mention)>();
            var dropped = new List<int>();
            for (var i = 0; i < _found.Count; i++)
            {
                var mention = Resolve(_found[i]);
                if (mention is not null) kept.Add((i, mention));
                else { dropped.Add(i); _found[i].Dropped = true; }
            }
            RelocateForeignNamesakes(kept, dropped);
            var result = kept.ConvertAll(k => k.Mention);
            foreach (var m in result) _placedInFocus |= m.Location.Country == _focus && m.Rule != UnlistedRule;
            foreach (var i in dropped)
            {
                if (AsUnlisted(i) is { } unlisted) result.Add(unlisted);
            }
            FindUnlisted(result);
            FindCapitals(result);
            result.Sort((a, b) => a.Start.CompareTo(b.Start));
            return result;
        }

    }

    /// <summary>A name found in the text and what it resolves to, stage by stage.</summary>
    private sealed class Candidate(int first, int last, int key)
    {
        /// <summary>The chosen gazetteer entry, or -1.</summary>
        public int Chosen = -1;
        public double Margin;
        public NameFlags ChosenFlags;
        /// <summary>The unit the text puts this name in (its qualifier) when no entry of the name lies there: the name is
        /// kept as an unlisted place at that unit, or -1.</summary>
        public int Enclosing = -1;
        /// <summary>Candidates that qualify this one (", Texas", "(Macomia, Cabo Delgado)"), nearest first.</summary>
        public List<Candidate>? Qualifiers;
        /// <summary>The qualifiers are the brackets right after the name, whatever names they hold that the gazetteer lacks.</summary>
        public bool BracketQualifiers;
        /// <summary>A foreign namesake in a text about another country: kept at that country when nothing finer places it.</summary>
        public bool AtFocus;
        /// <summary>No mention came of the name: it places nothing else either.</summary>
        public bool Dropped;
        /// <summary>The choice was fixed by a qualifier.</summary>
        public bool Anchored;
        /// <summary>Stands after another name and a comma or an opening bracket, where abbreviations qualify it.</summary>
        public bool QualifierPosition { get; init; }
        public bool InBrackets { get; init; }
        public int First { get; } = first;
        public int Last { get; } = last;
        public int Key { get; } = key;
        public bool Common { get; init; }
        public bool SentenceStart { get; init; }
        public bool AllCaps { get; init; }
        public bool PersonContext { get; set; }
        public bool ProperNounNeighbour { get; set; }
        public bool ProvinceCue { get; set; }
        public bool DistrictCue { get; set; }
        public bool CityCue { get; set; }
        public int AirportStart { get; set; } = -1;
        public int AirportEnd { get; set; } = -1;
        public bool Reference { get; set; }
    }
}
