using Vigie.Core;
using Vigie.Text;

namespace Vigie.Geo;

/// <summary>Finds place names in a text and resolves each to one gazetteer entry; thread-safe once built.</summary>
public sealed class PlaceRecognizer : IRecognizer<PlaceMention>
{
    /// <summary>Rule of a mention that only locates something else ("à 150 km de Kaboul"); events must not be placed there.</summary>
    public const string ReferenceRule = "geo/reference";

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
    public static PlaceRecognizer Load(string dataRoot, LanguagePacks packs)
    {
        ArgumentNullException.ThrowIfNull(packs);
        var gazetteer = Gazetteer.Load(Path.Combine(dataRoot, "geo", "gazetteer.bin"));
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
        var doc = new DocumentPass(this, document.Text, GeoTokens.Of(document), cues);
        return doc.Run();
    }

    private static GeoCues Merge(IEnumerable<GeoCues> all)
    {
        var files = all.ToList();
        return files.Count == 1 ? files[0] : GeoCues.Combine(files);
    }

    /// <summary>One document's recognition: candidate names, the focus country, then resolution.</summary>
    private sealed class DocumentPass(PlaceRecognizer owner, string text, IReadOnlyList<GeoToken> tokens, GeoCues cues)
    {
        private readonly Gazetteer _g = owner._gazetteer;
        private readonly List<Candidate> _found = [];
        private readonly Dictionary<string, double> _countryVotes = new(StringComparer.Ordinal);
        private readonly HashSet<int> _lowercaseWords = [];
        private string? _focus;

        public List<PlaceMention> Run()
        {
            FindNames();
            Vote();
            var result = new List<PlaceMention>();
            foreach (var cand in _found)
            {
                var mention = Resolve(cand);
                if (mention is not null) result.Add(mention);
            }
            FindCapitals(result);
            result.Sort((a, b) => a.Start.CompareTo(b.Start));
            return result;
        }

        // ------------------------------------------------------------------ finding names
        private void FindNames()
        {
            var buffer = new char[512];
            var consumedUntil = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (i < consumedUntil) continue;
                var len = 0;
                var bestKey = -1;
                var bestEnd = -1;
                for (var j = i; j < tokens.Count && j < i + MaxNameTokens; j++)
                {
                    var f = tokens[j].Folded;
                    if (j > i)
                    {
                        // A name does not run across a sentence end or a comma.
                        if (!Joined(tokens[j - 1], tokens[j])) break;
                        buffer[len++] = ' ';
                    }
                    if (len + f.Length >= buffer.Length) break;
                    f.CopyTo(0, buffer, len, f.Length);
                    len += f.Length;
                    var key = j == i ? ProbeWord(f, out var hasLonger) : _g.Probe(buffer.AsSpan(0, len), out hasLonger);
                    if (key >= 0) { bestKey = key; bestEnd = j; }
                    if (!hasLonger) break;
                }
                if (bestKey < 0) continue;
                var cand = Accept(i, bestEnd, bestKey);
                if (cand is null) continue;
                _found.Add(cand);
                consumedUntil = bestEnd + 1;
            }
        }

        /// <summary><see cref="Gazetteer.Probe"/> of one word, remembered per thread: most words recur across documents.</summary>
        private int ProbeWord(string folded, out bool hasLonger)
        {
            var cache = t_probes;
            if (cache is null || !ReferenceEquals(t_probesOf, _g))
            {
                t_probes = cache = new Dictionary<string, (int, bool)>(StringComparer.Ordinal);
                t_probesOf = _g;
            }
            if (cache.TryGetValue(folded, out var hit))
            {
                hasLonger = hit.Item2;
                return hit.Item1;
            }
            var key = _g.Probe(folded, out hasLonger);
            if (cache.Count >= ProbeCacheLimit) cache.Clear();
            cache[folded] = (key, hasLonger);
            return key;
        }

        /// <summary>Two tokens may belong to one name: only spaces, hyphens, apostrophes or a full stop of an initial between.</summary>
        private bool Joined(GeoToken a, GeoToken b)
        {
            for (var k = a.End; k < b.Start; k++)
            {
                var ch = text[k];
                if (ch is ' ' or '-' or '\'' or '’' or '\u00a0' or '‑' or '–') continue;
                if (ch == '.' && a.End - a.Start <= 2) continue;
                return false;
            }
            return true;
        }

        private Candidate? Accept(int first, int last, int key)
        {
            var places = _g.Postings(key, out var flags);
            var single = first == last;
            var t0 = tokens[first];
            var folded = single ? t0.Folded : null;
            var surface = text.AsSpan(t0.Start, tokens[last].End - t0.Start);

            var anyCapital = false;
            var allCaps = true;
            for (var k = first; k <= last; k++)
            {
                anyCapital |= tokens[k].Capitalized || char.IsDigit(text[tokens[k].Start]);
                allCaps &= tokens[k].AllCaps || tokens[k].End - tokens[k].Start == 1;
            }
            var curatedMulti = !single;
            var onlyAcronym = true;
            var anyCurated = false;
            for (var p = 0; p < places.Length; p++)
            {
                var nf = (NameFlags)flags[p];
                if ((nf & NameFlags.Acronym) == 0) onlyAcronym = false;
                if ((nf & NameFlags.Curated) != 0) anyCurated = true;
            }
            if (!anyCapital && !(curatedMulti && anyCurated)) return null;
            if (onlyAcronym && !allCaps) return null;
            if (cues.NotPlace.Contains(KeyText(first, last))) return null;
            if (single)
            {
                if (folded!.Length < 3 && !onlyAcronym) return null;
                if (IsDigits(folded)) return null;
                if (_g.Demonyms.Contains(folded) && !HasPrimaryCountry(places, flags)) return null;
            }
            if (surface.Length < 2) return null;

            var cand = new Candidate(first, last, key)
            {
                Common = single && _g.CommonWords.Contains(folded!),
                SentenceStart = t0.SentenceStart && !allCaps,
                AllCaps = allCaps,
            };
            if (PrecededBy(first, CueKind.PersonBefore, caseSensitiveFirst: true)) cand.PersonContext = true;
            cand.ProperNounNeighbour = ProperNeighbour(first, last);
            cand.ProvinceCue = PrecededBy(first, CueKind.ProvinceBefore) || FollowedBy(last, CueKind.ProvinceAfter, out _);
            cand.DistrictCue = PrecededBy(first, CueKind.DistrictBefore) || FollowedBy(last, CueKind.DistrictAfter, out _);
            cand.CityCue = PrecededBy(first, CueKind.CityBefore) || FollowedBy(last, CueKind.CityAfter, out _);
            cand.AirportStart = PrecededStart(first, CueKind.AirportBefore);
            if (FollowedBy(last, CueKind.AirportAfter, out var airportEnd)) cand.AirportEnd = airportEnd;
            cand.Reference = PrecededBy(first, CueKind.ReferenceBefore);
            return cand;
        }

        private string KeyText(int first, int last)
        {
            if (first == last) return tokens[first].Folded;
            var parts = new string[last - first + 1];
            for (var k = first; k <= last; k++) parts[k - first] = tokens[k].Folded;
            return string.Join(' ', parts);
        }

        private static bool IsDigits(string s)
        {
            foreach (var ch in s) if (!char.IsDigit(ch)) return false;
            return true;
        }

        private bool HasPrimaryCountry(ReadOnlySpan<int> places, ReadOnlySpan<byte> flags)
        {
            for (var p = 0; p < places.Length; p++)
            {
                var k = _g.KindOf(places[p]);
                if ((k is PlaceKind.Country or PlaceKind.Region) && ((NameFlags)flags[p] & NameFlags.Primary) != 0) return true;
            }
            return false;
        }

        /// <summary>A capitalised word right before or after the name, that is not itself a sentence start: "Joe Biden", "Kabul Bank".</summary>
        private bool ProperNeighbour(int first, int last)
        {
            if (first > 0)
            {
                var prev = tokens[first - 1];
                if (prev.Capitalized && !prev.SentenceStart && !prev.AllCaps && Joined(prev, tokens[first]) && text[prev.End] == ' '
                    && _g.FindKey(prev.Folded) < 0 && !IsCueWord(prev.Folded)) return true;
            }
            if (last + 1 < tokens.Count)
            {
                var next = tokens[last + 1];
                if (next.Capitalized && !next.AllCaps && Joined(tokens[last], next) && text[tokens[last].End] == ' '
                    && _g.FindKey(next.Folded) < 0 && !IsCueWord(next.Folded)) return true;
            }
            return false;
        }

        private bool IsCueWord(string folded)
        {
            foreach (var kind in (ReadOnlySpan<CueKind>)[CueKind.ProvinceAfter, CueKind.DistrictAfter, CueKind.CityAfter, CueKind.AirportAfter])
            {
                foreach (var phrase in cues.Phrases(kind))
                {
                    if (Array.IndexOf(phrase, folded) >= 0) return true;
                }
            }
            return false;
        }

        private bool PrecededBy(int first, CueKind kind, bool caseSensitiveFirst = false) => PrecededStart(first, kind, caseSensitiveFirst) >= 0;

        /// <summary>Start offset of a cue phrase that ends right before token <paramref name="first"/>, or -1.</summary>
        private int PrecededStart(int first, CueKind kind, bool caseSensitiveFirst = false)
        {
            foreach (var phrase in cues.Phrases(kind))
            {
                var start = first - phrase.Length;
                if (start < 0) continue;
                var ok = true;
                for (var k = 0; k < phrase.Length && ok; k++) ok = tokens[start + k].Folded == phrase[k];
                if (!ok) continue;
                if (caseSensitiveFirst && !tokens[start].Capitalized && phrase[0].Length <= 2) continue;
                return tokens[start].Start;
            }
            return -1;
        }

        private bool FollowedBy(int last, CueKind kind, out int end)
        {
            foreach (var phrase in cues.Phrases(kind))
            {
                if (last + phrase.Length >= tokens.Count) continue;
                var ok = true;
                for (var k = 0; k < phrase.Length && ok; k++) ok = tokens[last + 1 + k].Folded == phrase[k];
                if (!ok) continue;
                end = tokens[last + phrase.Length].End;
                return true;
            }
            end = -1;
            return false;
        }

        // ------------------------------------------------------------------ focus country
        private void Vote()
        {
            foreach (var cand in _found)
            {
                var best = Best(cand, withContext: false, out var margin);
                if (best < 0) continue;
                var cc = _g.CountryCode(best);
                if (cc is null) continue;
                var kind = _g.KindOf(best);
                var weight = kind == PlaceKind.Country ? 1.0 : margin >= 2 ? 1.0 : margin >= 0.5 ? 0.5 : 0.2;
                _countryVotes[cc] = _countryVotes.GetValueOrDefault(cc) + weight;
            }
            double top = 0;
            foreach (var (cc, v) in _countryVotes)
            {
                if (v > top) { top = v; _focus = cc; }
            }
        }

        // ------------------------------------------------------------------ scoring
        private double Prior(int place, NameFlags nameFlags, Candidate cand)
        {
            var kind = _g.KindOf(place);
            var pop = _g.PopulationOf(place);
            var score = kind switch
            {
                PlaceKind.Country => 9.0,
                PlaceKind.Region or PlaceKind.Nation => 8.5,
                PlaceKind.Admin1 => 3.5 + (0.4 * Math.Log10(pop + 1)),
                PlaceKind.Airport => 5.5,
                _ => Math.Log10(pop + 1),
            };
            score += kind switch
            {
                PlaceKind.Capital => 2.0,
                PlaceKind.Admin1Seat => 1.5,
                PlaceKind.Admin2Seat => 0.5,
                PlaceKind.Locality => -1.0,
                _ => 0,
            };
            var flags = _g.FlagsOf(place);
            if ((flags & PlaceFlags.ProvincialCapital) != 0) score += 1.0;
            if ((nameFlags & NameFlags.Curated) != 0) score += 1.0;
            else if ((nameFlags & NameFlags.Primary) == 0) score -= 1.0;
            if (cand.ProvinceCue) score += kind == PlaceKind.Admin1 ? 8 : 0;
            if (cand.CityCue && kind is PlaceKind.City or PlaceKind.Capital or PlaceKind.Admin1Seat or PlaceKind.Admin2Seat or PlaceKind.Locality) score += 3;
            if (cand.DistrictCue && kind == PlaceKind.Admin2Seat) score += 3;
            return score;
        }

        private int Best(Candidate cand, bool withContext, out double margin) => Best(cand, withContext, out margin, out _);

        private int Best(Candidate cand, bool withContext, out double margin, out NameFlags bestFlags)
        {
            bestFlags = NameFlags.None;
            var places = _g.Postings(cand.Key, out var flags);
            double best = double.MinValue, second = double.MinValue;
            var bestPlace = -1;
            // Georgia, the country or the US state: in a text about the state's country, the state.
            var countryClash = false;
            foreach (var q in places) countryClash |= _g.KindOf(q) == PlaceKind.Country;
            for (var p = 0; p < places.Length; p++)
            {
                var place = places[p];
                var s = Prior(place, (NameFlags)flags[p], cand);
                if (withContext)
                {
                    var cc = _g.CountryCode(place);
                    if (cc is not null)
                    {
                        if (cc == _focus) s += _g.KindOf(place) == PlaceKind.Admin1 && countryClash ? 4.0 : 3.0;
                        else if (_countryVotes.GetValueOrDefault(cc) >= 2) s += 1.5;
                    }
                }
                if (s > best || (s == best && bestPlace >= 0 && place < bestPlace))
                {
                    second = best; best = s; bestPlace = place; bestFlags = (NameFlags)flags[p];
                }
                else if (s > second) second = s;
            }
            margin = second == double.MinValue ? 10 : best - second;
            return bestPlace;
        }

        private bool Major(int place)
        {
            var kind = _g.KindOf(place);
            if (kind is PlaceKind.Country or PlaceKind.Region or PlaceKind.Nation or PlaceKind.Admin1 or PlaceKind.Airport or PlaceKind.Capital) return true;
            return _g.PopulationOf(place) >= 100_000 || (_g.FlagsOf(place) & PlaceFlags.Curated) != 0;
        }

        private PlaceMention? Resolve(Candidate cand)
        {
            var best = Best(cand, withContext: true, out _, out var nameFlags);
            if (best < 0) return null;
            var place = _g[best];
            var cc = place.Country;
            var known = cc is not null && (cc == _focus || _countryVotes.GetValueOrDefault(cc) >= 1);
            var major = Major(best);
            if (cand.PersonContext && place.Kind != PlaceKind.Country) return null;
            var alternateOnly = (nameFlags & (NameFlags.Primary | NameFlags.Curated)) == 0;
            if (alternateOnly && !known && (place.Population < 1_000_000 || cand.AllCaps)) return null;
            if (cand.Common)
            {
                // A frequent word: only a country, region, capital or big city; an admin-1 region only in a country the text is about.
                var strong = place.Kind is PlaceKind.Country or PlaceKind.Region or PlaceKind.Nation or PlaceKind.Capital
                    || (place.IsSettlement && place.Population >= 100_000)
                    || (place.Kind == PlaceKind.Admin1 && known);
                if (!strong) return null;
                if (cand.SentenceStart && place.Kind is not (PlaceKind.Country or PlaceKind.Region or PlaceKind.Nation or PlaceKind.Capital) && place.Population < 1_000_000) return null;
            }
            if (cand.ProperNounNeighbour && !major && !cand.ProvinceCue && !cand.DistrictCue) return null;
            if (place.IsSettlement && !major && !known)
            {
                if (place.Population < 15_000 && place.Kind is not (PlaceKind.Admin1Seat or PlaceKind.Admin2Seat)) return null;
                if (cand.SentenceStart && place.Population < 50_000) return null;
            }

            var start = tokens[cand.First].Start;
            var end = tokens[cand.Last].End;
            var rule = "geo/name";
            Location location;
            if (cand.ProvinceCue && place.Kind != PlaceKind.Admin1 && place.IsSettlement && place.Admin1 is not null)
            {
                var region = FindAdmin1(place);
                location = region?.ToLocation() ?? place.ToLocation();
                rule = "geo/name/province";
            }
            else if ((cand.AirportStart >= 0 || cand.AirportEnd >= 0) && place.GeonamesId is long gid && _g.AirportsOf(gid) is { Count: > 0 } airports)
            {
                location = airports[0].ToLocation();
                rule = "geo/airport";
                if (cand.AirportStart >= 0) start = cand.AirportStart;
                if (cand.AirportEnd >= 0) end = cand.AirportEnd;
            }
            else if (cand.DistrictCue && place.Kind == PlaceKind.Admin2Seat)
            {
                location = place.ToLocation("district");
                rule = "geo/name/district";
            }
            else
            {
                location = place.ToLocation();
                if (cand.ProvinceCue && place.Kind == PlaceKind.Admin1) rule = "geo/name/province";
            }
            if (cand.Reference) rule = ReferenceRule;
            return new PlaceMention(start, end, text[start..end], rule, location);
        }

        private Place? FindAdmin1(Place settlement)
        {
            foreach (var p in _g.Lookup(settlement.Admin1!))
            {
                if (p.Kind == PlaceKind.Admin1 && p.Country == settlement.Country) return p;
            }
            foreach (var p in _g.Lookup(settlement.Name))
            {
                if (p.Kind == PlaceKind.Admin1 && p.Country == settlement.Country) return p;
            }
            return null;
        }

        // ------------------------------------------------------------------ "la capitale", "the capital"
        private void FindCapitals(List<PlaceMention> result)
        {
            if (_focus is null) return;
            var capital = _g.CapitalOf(_focus);
            if (capital is null) return;
            var taken = new bool[tokens.Count];
            foreach (var cand in _found)
            {
                for (var k = cand.First; k <= cand.Last; k++) taken[k] = true;
            }
            foreach (var phrase in cues.Phrases(CueKind.Capital))
            {
                for (var i = 0; i + phrase.Length <= tokens.Count; i++)
                {
                    var j = i;
                    var ok = true;
                    for (var k = 0; k < phrase.Length && ok; k++, j++)
                    {
                        // One demonym may stand inside the phrase ("the Afghan capital").
                        if (k > 0 && tokens[j].Folded != phrase[k] && _g.Demonyms.Contains(tokens[j].Folded)) j++;
                        ok = j < tokens.Count && tokens[j].Folded == phrase[k];
                    }
                    if (!ok) continue;
                    var last = j - 1;
                    // "la capitale afghane" / "the capital, Kabul" / "capital of Helmand": only the first is an anaphor.
                    if (last + 1 < tokens.Count && _g.Demonyms.Contains(tokens[last + 1].Folded)) last++;
                    if (NamedNext(last, taken)) continue;
                    var start = tokens[i].Start;
                    var end = tokens[last].End;
                    var rule = "geo/capital";
                    var location = capital.Value.ToLocation();
                    var airportStart = PrecededStart(i, CueKind.AirportBefore);
                    if (FollowedBy(last, CueKind.AirportAfter, out var airportEnd)) { airportStart = start; end = airportEnd; }
                    if (airportStart >= 0 && capital.Value.GeonamesId is long gid && _g.AirportsOf(gid) is { Count: > 0 } airports)
                    {
                        location = airports[0].ToLocation();
                        start = airportStart;
                        rule = "geo/airport";
                    }
                    if (PrecededBy(i, CueKind.ReferenceBefore)) rule = ReferenceRule;
                    result.Add(new PlaceMention(start, end, text[start..end], rule, location));
                }
            }
        }

        /// <summary>The capital phrase is followed by a name (", Kabul", "of Helmand") or qualified ("provinciale").</summary>
        private bool NamedNext(int last, bool[] taken)
        {
            for (var k = last + 1; k < tokens.Count && k <= last + 3; k++)
            {
                if (taken[k]) return true;
                var f = tokens[k].Folded;
                if (f is "provinciale" or "provincial" or "regionale" or "regional" or "provinciales") return true;
                if (f is "de" or "du" or "d" or "of" or "des") continue;
                if (tokens[k].Capitalized && !tokens[k].SentenceStart) return true;
                return false;
            }
            return false;
        }
    }

    private sealed class Candidate(int first, int last, int key)
    {
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
