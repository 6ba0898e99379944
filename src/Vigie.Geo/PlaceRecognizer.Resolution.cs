using Vigie.Core;
using Vigie.Text;

namespace Vigie.Geo;

public sealed partial class PlaceRecognizer
{
    /// <summary>The focus country, scoring and resolving candidates.</summary>
    private sealed partial class DocumentPass
    {
        // ------------------------------------------------------------------ focus country
        private void Vote()
        {
            foreach (var cand in _found)
            {
                var best = Best(cand, Stage.Prior, -1, out var margin, out _);
                if (best < 0) continue;
                var cc = _g.CountryCode(best);
                if (cc is null) continue;
                var kind = _g.KindOf(best);
                // "Les insurgés": a frequent word is a place only as a country, a capital or a big city; as anything else it
                // says nothing of the country either.
                if (cand.Common && kind is not (PlaceKind.Country or PlaceKind.Region or PlaceKind.Nation or PlaceKind.Capital)
                    && _g.PopulationOf(best) < 100_000) continue;
                var weight = kind == PlaceKind.Country ? 1.0 : margin >= 2 ? 1.0 : margin >= 0.5 ? 0.5 : 0.2;
                // A town of unknown size (a small place of the gazetteer) does not alone make the text about its country:
                // "le Sud-Ouest" is no Montreal borough.
                if (_g.PopulationOf(best) == 0 && kind is PlaceKind.City or PlaceKind.Admin2Seat or PlaceKind.Locality && (_g.FlagsOf(best) & PlaceFlags.Curated) == 0) weight = Math.Min(weight, 0.2);
                _countryVotes[cc] = _countryVotes.GetValueOrDefault(cc) + weight;
            }
            // The states of the actors already recognised that act at home ("Renamo", "Mozambican police") help pick the
            // focus, a little more than one name, but make no country known: a short note that names only "Palma" is about
            // Renamo's country. A second name of one country outweighs its actor.
            foreach (var state in actorStates)
            {
                if (_g.Alpha2Of(state) is { } cc) _actorVotes[cc] = 1.25;
            }
            double top = 0;
            // Ties go to the country named first.
            foreach (var cc in _countryVotes.Keys.Concat(_actorVotes.Keys.Where(k => !_countryVotes.ContainsKey(k))))
            {
                var v = _countryVotes.GetValueOrDefault(cc) + _actorVotes.GetValueOrDefault(cc);
                if (v > top) { top = v; _focus = cc; }
            }
        }

        private const double FarKm = 2500;

        /// <summary>"Palma" in a note about Renamo: a town whose country nothing else the text places or names is about,
        /// in a text whose actors are of another, far country, is an unlisted place of that country rather than a namesake abroad. Capitals,
        /// big cities and names the text qualifies keep their entry. Only kept names and actors count as what the text is
        /// about, not the guesses of names dropped.</summary>
        private void RelocateForeignNamesakes(List<(int Index, PlaceMention Mention)> kept, List<int> dropped)
        {
            if (_focus is null) return;
            var keysIn = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
            foreach (var (i, m) in kept)
            {
                if (m.Location.Country is not { } cc || m.Rule == UnlistedRule) continue;
                if (!keysIn.TryGetValue(cc, out var keys)) keysIn[cc] = keys = [];
                keys.Add(_found[i].Key);
            }
            bool About(string cc, int key) => _actorVotes.GetValueOrDefault(cc) > 0
                || (keysIn.TryGetValue(cc, out var keys) && keys.Any(k => k != key));
            for (var n = kept.Count - 1; n >= 0; n--)
            {
                var cand = _found[kept[n].Index];
                if (cand.Anchored || cand.Chosen < 0) continue;
                var place = _g[cand.Chosen];
                if (place.Country is not { } cc || cc == _focus) continue;
                if (place.Kind is not (PlaceKind.City or PlaceKind.Admin1Seat or PlaceKind.Admin2Seat or PlaceKind.Locality)) continue;
                if (place.Population >= 1_000_000 || (place.Flags & PlaceFlags.Curated) != 0) continue;
                // The focus rests on the text's actors, and the namesake lies far from it (a town across the border is
                // plausibly the one meant).
                if (About(cc, cand.Key) || _actorVotes.GetValueOrDefault(_focus) <= 0) continue;
                if (_g.Country(_focus) is not { } focus || GeoMath.DistanceKm(focus.Lat, focus.Lon, place.Lat, place.Lon) < FarKm) continue;
                cand.AtFocus = true;
                cand.Dropped = true;
                dropped.Add(kept[n].Index);
                kept.RemoveAt(n);
            }
            dropped.Sort();
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
                // "Cook County": the unit's word is part of the name.
                PlaceKind.Admin2 => 6.0,
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
            if (cand.DistrictCue && kind is PlaceKind.Admin2Seat or PlaceKind.Admin2) score += 3;
            return score;
        }

        /// <summary>The best entry of a candidate's name: by prior, then with the focus country, then with the document's
        /// admin-1 units and the other places; only entries inside <paramref name="within"/> when it is not -1.</summary>
        private int Best(Candidate cand, Stage stage, int within, out double margin, out NameFlags bestFlags)
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
                var nf = (NameFlags)flags[p];
                // An abbreviation ("Tenn.", "GA") only qualifies the name before it.
                if ((nf & NameFlags.Qualifier) != 0 && (nf & ~(NameFlags.Qualifier | NameFlags.Acronym)) == 0 && !cand.QualifierPosition) continue;
                if (within >= 0 && !_g.Within(place, within, NearKm)) continue;
                var s = Prior(place, nf, cand);
                if (stage >= Stage.Country)
                {
                    var cc = _g.CountryCode(place);
                    if (cc is not null)
                    {
                        if (cc == _focus) s += _g.KindOf(place) == PlaceKind.Admin1 && countryClash ? 4.0 : 3.0;
                        else if (_countryVotes.GetValueOrDefault(cc) >= 2) s += 1.5;
                    }
                }
                if (stage == Stage.Together) s += Nearness(cand, place);
                if (s > best || (s == best && bestPlace >= 0 && place < bestPlace))
                {
                    second = best; best = s; bestPlace = place; bestFlags = nf;
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
            if (cand.Enclosing >= 0) return Unlisted(cand.First, cand.Last, cand.Enclosing, cand.Reference);
            var best = cand.Chosen;
            var nameFlags = cand.ChosenFlags;
            if (best < 0) return null;
            var place = _g[best];
            var cc = place.Country;
            // Known: a country the text is about (a name's own vote counts: a short note names one place).
            var known = cc is not null && (cc == _focus || _countryVotes.GetValueOrDefault(cc) >= 1);
            var major = Major(best);
            if (cand.PersonContext && place.Kind != PlaceKind.Country) return null;
            // A qualifier's choice is the text's own word: none of the frequency filters below apply.
            if (cand.Anchored) known = true;
            var alternateOnly = (nameFlags & (NameFlags.Primary | NameFlags.Curated)) == 0;
            // A country's other names ("Turkey" beside "Türkiye") stand alone, not inside another name: "Matemo Island" is no Iceland.
            if (alternateOnly && !known && place.Kind != PlaceKind.Country && (place.Population < 1_000_000 || cand.AllCaps)) return null;
            if (alternateOnly && place.Kind == PlaceKind.Country && !cand.Anchored
                && (cand.AllCaps || cand.ProperNounNeighbour || (cand.Common && cand.SentenceStart))) return null;
            if (cand.Common && !cand.Anchored)
            {
                // A frequent word: only a country, region, capital or big city; an admin-1 region only in a country the text is about.
                var strong = place.Kind is PlaceKind.Country or PlaceKind.Region or PlaceKind.Nation or PlaceKind.Capital
                    || (place.IsSettlement && place.Population >= 100_000)
                    || (place.Kind == PlaceKind.Admin1 && known);
                if (!strong) return null;
                if (cand.SentenceStart && place.Kind is not (PlaceKind.Country or PlaceKind.Region or PlaceKind.Nation or PlaceKind.Capital) && place.Population < 1_000_000) return null;
            }
            if (cand.ProperNounNeighbour && !major && !cand.ProvinceCue && !cand.DistrictCue) return null;
            // "Independence Day", "Liberty Square": a common word inside a longer name is no town.
            if (cand.ProperNounNeighbour && cand.Common && !cand.Anchored && place.Kind is not (PlaceKind.Country or PlaceKind.Capital or PlaceKind.Nation)) return null;
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
            // "Moatize district": the district is placed at the town it is named after (as ACLED codes it).
            else if (cand.DistrictCue && place.Kind is PlaceKind.Admin2Seat or PlaceKind.City or PlaceKind.Admin1Seat or PlaceKind.Capital)
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

    }
}
