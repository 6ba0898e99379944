using Vigie.Core;
using Vigie.Text;

namespace Vigie.Geo;

public sealed partial class PlaceRecognizer
{
    /// <summary>How much of the document a choice may read.</summary>
    private enum Stage
    {
        /// <summary>The name alone.</summary>
        Prior,
        /// <summary>With the document's focus country.</summary>
        Country,
        /// <summary>With the document's admin-1 units and the places already placed.</summary>
        Together,
    }

    /// <summary>Qualifiers, resolution of the document's places together, and places the gazetteer does not hold.</summary>
    private sealed partial class DocumentPass
    {
        /// <summary>How far a place may lie from a town or county that qualifies it.</summary>
        private const double NearKm = 80;
        /// <summary>Beyond this distance another place of the document says nothing about a choice.</summary>
        private const double ContextKm = 400;

        private readonly Dictionary<(string, string), int> _admin1Mentions = [];
        private readonly List<(Candidate Cand, int Place)> _anchors = [];
        private bool _placedInFocus;

        // ------------------------------------------------------------------ qualifiers
        /// <summary>"Paris, Texas", "Athens, Ga.", "Napala (Macomia, Cabo Delgado)": a name right after another one and a
        /// comma or an opening bracket may say where the first lies.</summary>
        private void LinkQualifiers()
        {
            for (var i = 0; i + 1 < _found.Count; i++)
            {
                var a = _found[i];
                var after = NextChar(tokens[a.Last].End);
                if (after >= 0 && text[after] is '(' or '[')
                {
                    // Every place inside the brackets, even past a name the gazetteer lacks: "Koko (Macomia, Cabo Delgado)".
                    var close = text.IndexOfAny([')', ']', '\n'], after);
                    for (var j = i + 1; j < _found.Count && close > 0 && tokens[_found[j].First].Start < close && NameList(after + 1, tokens[_found[j].First].Start); j++)
                        (a.Qualifiers ??= []).Add(_found[j]);
                    a.BracketQualifiers = true;
                    continue;
                }
                var b = _found[i + 1];
                if (Gap(tokens[a.Last].End, tokens[b.First].Start) == ',' || QualifierGap(a, b)) a.Qualifiers = [b];
            }
        }

        /// <summary>"Dublin, dans l'Ohio": a comma, then only one of the language's qualifying phrases before the next name.</summary>
        private bool QualifierGap(Candidate a, Candidate b)
        {
            var words = b.First - a.Last - 1;
            if (words < 1 || words > 3 || Gap(tokens[a.Last].End, tokens[a.Last + 1].Start) != ',') return false;
            foreach (var phrase in cues.Phrases(CueKind.QualifierGap))
            {
                if (phrase.Length != words) continue;
                var ok = true;
                for (var k = 0; k < words && ok; k++) ok = tokens[a.Last + 1 + k].Folded == phrase[k];
                if (ok) return true;
            }
            return false;
        }

        /// <summary>The one separator between two offsets (',' or '('), ' ' when there is only space, or '\0'.</summary>
        private char Gap(int from, int to)
        {
            var sep = ' ';
            for (var k = from; k < to; k++)
            {
                var ch = text[k];
                if (char.IsWhiteSpace(ch)) continue;
                if (sep != ' ' || ch is not (',' or '(' or '[')) return '\0';
                sep = ch == '[' ? '(' : ch;
            }
            return sep;
        }

        /// <summary>Restricts each qualified name to its qualifier's unit, from the last name of a chain back, so that
        /// "X (Y, Z)" sees Y already placed in Z. A name none of whose entries lies in the unit is kept at the unit.</summary>
        private void ApplyQualifiers()
        {
            for (var i = _found.Count - 1; i >= 0; i--)
            {
                var cand = _found[i];
                if (cand.Qualifiers is null || cand.Chosen < 0 && !HasEntries(cand)) continue;
                var unit = -1;
                var brackets = false;
                foreach (var q in cand.Qualifiers)
                {
                    if (q.Enclosing < 0 && !q.Anchored) Rechoose(cand, q);
                    var place = q.Enclosing >= 0 ? q.Enclosing : q.Chosen;
                    if (place < 0 || !Qualifies(cand, q, place)) continue;
                    unit = place;
                    brackets = q.InBrackets || cand.BracketQualifiers;
                    // A unit the text uses to place another name is meant as that unit.
                    q.Anchored |= q.Enclosing < 0;
                    break;
                }
                if (unit < 0) continue;
                var inside = Best(cand, Stage.Country, unit, out var margin, out var flags);
                if (inside >= 0)
                {
                    cand.Chosen = inside;
                    cand.ChosenFlags = flags;
                    cand.Margin = Math.Max(margin, 2);
                    cand.Anchored = true;
                }
                // After a comma only a smaller unit is placed in a larger one ("Georgia, Armenia" is a list); brackets
                // place any name that is not larger than their unit ("Koko (Montepuez)" is no Cocoa, Florida), and a larger
                // one only when it holds the unit ("Manica (Macomia, Cabo Delgado)" is no Manica province).
                else if (cand.Chosen < 0 || (brackets ? !Smaller(unit, cand.Chosen) || !_g.Within(unit, cand.Chosen, NearKm) : Smaller(cand.Chosen, unit)))
                {
                    cand.Enclosing = unit;
                }
            }
        }

        /// <summary>"Athens, Georgia": of the qualifier's entries, the best one that holds an entry of the name before it, so
        /// the state wins over the country when only the state has an Athens.</summary>
        private void Rechoose(Candidate cand, Candidate q)
        {
            if (q.Chosen >= 0 && Holds(cand, q.Chosen)) return;
            var places = _g.Postings(q.Key, out var flags);
            var best = double.MinValue;
            for (var p = 0; p < places.Length; p++)
            {
                var nf = (NameFlags)flags[p];
                if ((nf & NameFlags.Qualifier) != 0 && (nf & ~(NameFlags.Qualifier | NameFlags.Acronym)) == 0 && !q.QualifierPosition) continue;
                if (!Holds(cand, places[p])) continue;
                var s = Prior(places[p], nf, q) + (_g.CountryCode(places[p]) == _focus ? 3 : 0);
                if (s <= best) continue;
                best = s;
                q.Chosen = places[p];
                q.ChosenFlags = nf;
            }
        }

        private bool Holds(Candidate cand, int unit)
        {
            foreach (var p in _g.Postings(cand.Key, out _))
            {
                if (_g.Within(p, unit, NearKm)) return true;
            }
            return false;
        }

        private bool HasEntries(Candidate cand) => _g.Postings(cand.Key, out _).Length > 0;

        /// <summary>A comma qualifies with a larger unit only (a list of towns is no qualifier); brackets with any place.</summary>
        private bool Qualifies(Candidate cand, Candidate q, int place)
        {
            var kind = _g.KindOf(place);
            if (q.InBrackets || cand.BracketQualifiers)
                return kind is not (PlaceKind.Airport or PlaceKind.Locality);
            if (kind is not (PlaceKind.Country or PlaceKind.Admin1 or PlaceKind.Nation or PlaceKind.Admin2 or PlaceKind.Region)) return false;
            // "Kabul, Kandahar and Herat": a list of the same kind of place.
            var places = _g.Postings(cand.Key, out _);
            foreach (var p in places)
            {
                if (Smaller(p, place)) return true;
            }
            return false;
        }

        /// <summary>The place (or, for -1, a name the gazetteer does not hold: a town) is a smaller kind of unit.</summary>
        private bool Smaller(int place, int unit) => (place < 0 ? 1 : Rank(_g.KindOf(place))) < Rank(_g.KindOf(unit));

        private static int Rank(PlaceKind kind) => kind switch
        {
            PlaceKind.Airport or PlaceKind.Locality => 0,
            PlaceKind.City or PlaceKind.Capital or PlaceKind.Admin1Seat or PlaceKind.Admin2Seat => 1,
            PlaceKind.Admin2 => 2,
            PlaceKind.Admin1 => 3,
            PlaceKind.Nation => 4,
            PlaceKind.Country => 5,
            _ => 6,
        };

        // ------------------------------------------------------------------ resolving together
        /// <summary>Rescores the names no qualifier fixed by the document's other places: the admin-1 units it names or
        /// places things in, and the distance to the places chosen with confidence.</summary>
        private void ResolveTogether()
        {
            foreach (var cand in _found)
            {
                if (cand.Chosen < 0 || cand.Enclosing >= 0) continue;
                var kind = _g.KindOf(cand.Chosen);
                if (kind is PlaceKind.Country or PlaceKind.Region) continue;
                if (_g.Admin1Name(cand.Chosen) is { } a1 && _g.CountryCode(cand.Chosen) is { } cc)
                {
                    var weight = kind == PlaceKind.Admin1 || cand.Anchored ? 2 : cand.Margin >= 2 ? 1 : 0;
                    if (weight > 0) _admin1Mentions[(cc, a1)] = _admin1Mentions.GetValueOrDefault((cc, a1)) + weight;
                }
                if (cand.Anchored || cand.Margin >= 2) _anchors.Add((cand, cand.Chosen));
            }
            if (_anchors.Count == 0 && _admin1Mentions.Count == 0) return;
            foreach (var cand in _found)
            {
                if (cand.Anchored || cand.Enclosing >= 0 || cand.Chosen < 0 || cand.Margin >= 4) continue;
                cand.Chosen = Best(cand, Stage.Together, -1, out cand.Margin, out cand.ChosenFlags);
            }
        }

        /// <summary>What the document's other places say for one entry of a name: its admin-1 unit named or used elsewhere,
        /// and the nearest place chosen with confidence for another name.</summary>
        private double Nearness(Candidate cand, int place)
        {
            var kind = _g.KindOf(place);
            if (kind is PlaceKind.Country or PlaceKind.Region) return 0;
            var score = 0.0;
            if (_g.Admin1Name(place) is { } a1 && _g.CountryCode(place) is { } cc && _admin1Mentions.TryGetValue((cc, a1), out var n))
            {
                // The name's own earlier choice must not vote for itself.
                var own = cand.Chosen >= 0 && _g.Admin1Name(cand.Chosen) == a1 && _g.CountryCode(cand.Chosen) == cc ? 1 : 0;
                if (n - own > 0) score += 2.0;
            }
            var nearest = double.MaxValue;
            foreach (var (other, anchor) in _anchors)
            {
                if (other.Key == cand.Key) continue;
                nearest = Math.Min(nearest, _g.DistanceKm(place, anchor));
            }
            if (nearest < ContextKm) score += 1.5 * (1 - (nearest / ContextKm));
            return score;
        }

        // ------------------------------------------------------------------ places the gazetteer does not hold
        /// <summary>A place the gazetteer does not hold, kept at the unit the text puts it in, at that unit's precision:
        /// a village is in its district's town's surroundings, a province's or a country's extent.</summary>
        private PlaceMention Unlisted(int first, int last, int unit, bool reference)
        {
            var place = _g[unit];
            var precision = place.IsSettlement ? "district" : place.Precision;
            var start = tokens[first].Start;
            var end = tokens[last].End;
            var name = text[start..end];
            var location = new Location(name, place.Country, place.Kind == PlaceKind.Admin1 ? place.Name : place.Admin1,
                Math.Round(place.Lat, 5), Math.Round(place.Lon, 5), precision, null);
            return new PlaceMention(start, end, name, reference ? ReferenceRule : UnlistedRule, location);
        }

        /// <summary>Capitalised names outside the gazetteer that the text places: "Napala (Macomia, Cabo Delgado)",
        /// "the village of Nguri, Muidumbe district", "près de Xyz, dans la province de Tete".</summary>
        private void FindUnlisted(List<PlaceMention> result)
        {
            if (_found.Count == 0) return;
            var taken = new bool[tokens.Count];
            foreach (var cand in _found)
            {
                for (var k = cand.First; k <= cand.Last; k++) taken[k] = true;
            }
            var next = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (taken[i] || !LooksLikeName(i)) continue;
                var last = i;
                while (last + 1 < tokens.Count && !taken[last + 1] && LooksLikeName(last + 1) && Joined(tokens[last], tokens[last + 1])) last++;
                while (next < _found.Count && _found[next].First <= last) next++;
                var unit = UnitFor(i, last, next);
                if (unit >= 0)
                {
                    result.Add(Unlisted(i, last, unit, PrecededBy(i, CueKind.ReferenceBefore)));
                }
                i = last;
            }
        }

        /// <summary>A capitalised word that is no sentence start, no cue or other known word, no demonym or acronym.</summary>
        private bool LooksLikeName(int k)
        {
            var t = tokens[k];
            if (!t.Capitalized || t.AllCaps || t.End - t.Start < 3) return false;
            var f = t.Folded;
            if (cues.NotPlace.Contains(f) || _g.CommonWords.Contains(f) || _g.Demonyms.Contains(f) || IsCueWord(f)) return false;
            if (lexicon.Lookup(f).Length > 0) return false;
            return !t.SentenceStart || UnlistedCue(k);
        }

        private bool UnlistedCue(int first) => PrecededBy(first, CueKind.UnlistedBefore);

        /// <summary>The unit the text puts an unlisted name in: the first place of the brackets right after it ("X (Macomia,
        /// Cabo Delgado)"), the place after it inside the same brackets ("(X, Cabo Delgado)"), or after a cue ("village of
        /// X", "X village"), the next place of the same sentence a few words on; else, for a cued name, the focus country.</summary>
        private int UnitFor(int first, int last, int nextCandidate)
        {
            var after = NextChar(tokens[last].End);
            if (after >= 0 && text[after] is '(' or '[')
            {
                var close = text.IndexOfAny([')', ']'], after);
                for (var c = nextCandidate; c < _found.Count && close > 0 && tokens[_found[c].First].Start < close; c++)
                {
                    if (UnitOf(_found[c]) is >= 0 and var u && _g.KindOf(u) is not (PlaceKind.Country or PlaceKind.Region)) return u;
                }
                return -1;
            }
            if (nextCandidate < _found.Count && InBrackets(first) && after >= 0 && text[after] == ',')
            {
                var q = _found[nextCandidate];
                if (Gap(tokens[last].End, tokens[q.First].Start) == ',' && UnitOf(q) is >= 0 and var u && Smaller(-1, u)) return u;
            }
            if (!Cued(first, last)) return -1;
            if (nextCandidate >= _found.Count) return CuedAtFocus(first, last);
            var next = _found[nextCandidate];
            // "the village of X, Macomia district" / "X village in Muidumbe": a few words on, in the same sentence.
            if (next.First - last - 1 > 4 || tokens[next.First].SentenceStart) return CuedAtFocus(first, last);
            var unit = UnitOf(next);
            return unit >= 0 && _g.KindOf(unit) is not PlaceKind.Region ? unit : CuedAtFocus(first, last);
        }

        /// <summary>A name whose entries all fail ("Koko" is no Cocoa, Florida, in a text about Mozambique) is still a place
        /// where the text places it: brackets or a cue with a unit.</summary>
        private PlaceMention? AsUnlisted(int index)
        {
            var cand = _found[index];
            // A frequent word taken for a town abroad was read as a place already: it stays one where the text is.
            if (cand.PersonContext || (cand.Common && !cand.AtFocus) || cand.AllCaps) return null;
            var unit = UnitFor(cand.First, cand.Last, index + 1);
            if (unit < 0 && cand.AtFocus && _g.Country(_focus!) is { } country) unit = country.Index;
            return unit >= 0 ? Unlisted(cand.First, cand.Last, unit, cand.Reference) : null;
        }

        private static int UnitOf(Candidate c) => c.Enclosing >= 0 ? c.Enclosing : c.Dropped ? -1 : c.Chosen;

        /// <summary>The offset of the first non-space character at or after an offset, or -1.</summary>
        private int NextChar(int from)
        {
            for (var k = from; k < text.Length; k++) if (!char.IsWhiteSpace(text[k])) return k;
            return -1;
        }

        /// <summary>Only names and commas between two offsets: "(Macomia, Cabo Delgado)" is a list of units, "(150 km from
        /// Kabul)" is not.</summary>
        private bool NameList(int from, int to)
        {
            var wordStart = true;
            for (var k = from; k < to; k++)
            {
                var ch = text[k];
                if (ch == ',' || char.IsWhiteSpace(ch)) { wordStart = true; continue; }
                if (wordStart && !char.IsUpper(ch)) return false;
                if (!char.IsLetter(ch) && ch is not ('-' or '\'' or '’')) return false;
                wordStart = false;
            }
            return true;
        }

        /// <summary>The token stands inside brackets opened earlier on its line.</summary>
        private bool InBrackets(int first)
        {
            for (var k = tokens[first].Start - 1; k >= 0 && text[k] != '\n'; k--)
            {
                if (text[k] is ')' or ']') return false;
                if (text[k] is '(' or '[') return true;
            }
            return false;
        }

        private bool Cued(int first, int last) => UnlistedCue(first) || FollowedBy(last, CueKind.UnlistedAfter, out _);

        /// <summary>"près de X, dans le nord-est du pays": a cued name the text places nowhere finer is in the focus country.</summary>
        private int CuedAtFocus(int first, int last)
        {
            // The focus must rest on a name the text places there, not on the guesses of names dropped since.
            if (_focus is null || !Cued(first, last) || !_placedInFocus) return -1;
            return _g.Country(_focus) is { } country ? country.Index : -1;
        }
    }
}
