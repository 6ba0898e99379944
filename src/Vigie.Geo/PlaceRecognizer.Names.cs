using Vigie.Core;
using Vigie.Text;

namespace Vigie.Geo;

public sealed partial class PlaceRecognizer
{
    /// <summary>Finding candidate names and the cue words around them.</summary>
    private sealed partial class DocumentPass
    {
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
                bestEnd = CompoundEnd(bestEnd);
                var cand = Accept(i, bestEnd, bestKey);
                if (cand is null) continue;
                _found.Add(cand);
                consumedUntil = bestEnd + 1;
            }
        }

        /// <summary>The last token of a compound toponym whose head ends at <paramref name="end"/>: "Mocímboa da Praia" is
        /// the place the gazetteer knows as Mocímboa, and "Praia" no other place.</summary>
        private int CompoundEnd(int end)
        {
            var c = end + 1;
            if (c + 1 >= tokens.Count || !Joined(tokens[end], tokens[c]) || !Joined(tokens[c], tokens[c + 1]) || !tokens[c + 1].Capitalized) return end;
            foreach (var phrase in cues.Phrases(CueKind.NameConnector))
                if (phrase.Length == 1 && phrase[0] == tokens[c].Folded) return c + 1;
            return end;
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
            var onlyQualifier = true;
            var anyQualifier = false;
            for (var p = 0; p < places.Length; p++)
            {
                var nf = (NameFlags)flags[p];
                if ((nf & NameFlags.Acronym) == 0) onlyAcronym = false;
                if ((nf & NameFlags.Curated) != 0) anyCurated = true;
                if ((nf & NameFlags.Qualifier) != 0) anyQualifier = true;
                if ((nf & NameFlags.Qualifier) == 0 || (nf & ~(NameFlags.Qualifier | NameFlags.Acronym)) != 0) onlyQualifier = false;
            }
            var previous = _found.Count > 0 ? _found[^1] : null;
            var gap = previous is null ? '\0' : Gap(tokens[previous.Last].End, t0.Start);
            var qualifierPosition = gap is ',' or '(';
            if (onlyQualifier && !qualifierPosition) return null;
            if (anyQualifier && qualifierPosition) onlyAcronym = false; // "Ga." and "GA" alike once a name stands before
            if (onlyQualifier || (anyQualifier && qualifierPosition)) single = false;
            if (!anyCapital && !(curatedMulti && anyCurated)) return null;
            // "le Sud-Ouest": a name of small places only, whose article the text writes in lower case, is a phrase ("la
            // Haye" and "le Caire" are The Hague and Cairo).
            if (!single && !t0.Capitalized && !char.IsDigit(text[t0.Start]) && !anyCurated && !AnyPopulated(places)) return null;
            // "The river": a sentence's capital on its first word only makes no name of a phrase.
            if (!single && t0.SentenceStart && !anyCurated && OnlyFirstCapitalized(first, last)) return null;
            if (onlyAcronym && !allCaps) return null;
            // "DAG", "FDS": a short word in capitals is an organisation's acronym unless the name is one ("UK", "DRC").
            if (allCaps && single && t0.End - t0.Start <= 4 && !qualifierPosition && !AnyAcronym(flags)) return null;
            if (cues.NotPlace.Contains(KeyText(first, last))) return null;
            if (single)
            {
                if (folded!.Length < 3 && !onlyAcronym) return null;
                if (IsDigits(folded)) return null;
                if (_g.Demonyms.Contains(folded) && !HasPrimaryCountry(places, flags)) return null;
            }
            if (surface.Length < 2) return null;
            if (CommonWord(first) && CommonCompound(first, last)) return null;

            var cand = new Candidate(first, last, key)
            {
                Common = single && (_g.CommonWords.Contains(folded!) || CommonWord(first)),
                SentenceStart = t0.SentenceStart && !allCaps,
                AllCaps = allCaps,
                QualifierPosition = qualifierPosition,
                InBrackets = gap == '(' || (gap == ',' && previous!.InBrackets),
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

        /// <summary>A word of the document's language's lexicon (a common noun or adjective: "Mobile", "Liberty",
        /// "Grenade"), whose capital may only start a sentence or a title.</summary>
        private bool CommonWord(int k) => !tokens[k].AllCaps && lexicon.Lookup(tokens[k].Folded).Length > 0;

        private bool AnyPopulated(ReadOnlySpan<int> places)
        {
            foreach (var p in places) if (_g.PopulationOf(p) > 0) return true;
            return false;
        }

        /// <summary>A common word that starts a sentence and runs into a lower-case noun: "Grenade attack", "Mobile phones".</summary>
        private bool CommonCompound(int first, int last)
        {
            if (first != last || !tokens[first].SentenceStart || last + 1 >= tokens.Count) return false;
            var next = tokens[last + 1];
            if (next.Capitalized || !Joined(tokens[last], next)) return false;
            var readings = lexicon.Lookup(next.Folded);
            var noun = false;
            foreach (var r in readings)
            {
                noun |= r.Pos == 'n';
                // "Turkey attacks", "China said": a finite verb after the name makes it a subject.
                if (r.Pos == 'v' && (r.Forms & (VerbForm.Present | VerbForm.SimplePast | VerbForm.Imperfect | VerbForm.Future | VerbForm.Conditional)) != 0) return false;
            }
            return noun;
        }

        private bool OnlyFirstCapitalized(int first, int last)
        {
            for (var k = first + 1; k <= last; k++) if (tokens[k].Capitalized) return false;
            return true;
        }

        private static bool AnyAcronym(ReadOnlySpan<byte> flags)
        {
            foreach (var f in flags) if (((NameFlags)f & NameFlags.Acronym) != 0) return true;
            return false;
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

    }
}
