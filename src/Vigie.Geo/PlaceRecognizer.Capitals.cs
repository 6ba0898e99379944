using Vigie.Core;
using Vigie.Text;

namespace Vigie.Geo;

public sealed partial class PlaceRecognizer
{
    /// <summary>"la capitale", "the capital": the focus country's capital.</summary>
    private sealed partial class DocumentPass
    {
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
}
