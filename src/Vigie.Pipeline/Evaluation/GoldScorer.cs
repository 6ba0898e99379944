using System.Globalization;
using System.Text;
using Vigie.Core;
using Vigie.Fusion;
using Vigie.Text;

namespace Vigie.Pipeline.Evaluation;

/// <summary>The scores of one document against its gold file.</summary>
public sealed record GoldScore(
    string File,
    int Required,
    int MatchedRequired,
    int MatchedOptional,
    int Predicted,
    int UnmatchedPredictions,
    FieldAccuracy Date,
    FieldAccuracy Modality,
    FieldAccuracy Quantities,
    IReadOnlyList<string> Violations,
    IReadOnlyList<string> Missed,
    IReadOnlyList<string> FalsePositives)
{
    /// <summary>matched required / (matched required + unmatched predictions).</summary>
    public double Precision => MatchedRequired + UnmatchedPredictions == 0 ? 0 : (double)MatchedRequired / (MatchedRequired + UnmatchedPredictions);

    /// <summary>matched required / required.</summary>
    public double Recall => Required == 0 ? 1 : (double)MatchedRequired / Required;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>How many matched events had a field right, of those where the gold checks it.</summary>
public readonly record struct FieldAccuracy(int Correct, int Checked)
{
    /// <summary>The share right; 1 when nothing was checked.</summary>
    public double Value => Checked == 0 ? 1 : (double)Correct / Checked;

    /// <summary>Adds two tallies.</summary>
    public static FieldAccuracy operator +(FieldAccuracy a, FieldAccuracy b) => new(a.Correct + b.Correct, a.Checked + b.Checked);

    /// <summary>Adds two tallies.</summary>
    public static FieldAccuracy Add(FieldAccuracy a, FieldAccuracy b) => a + b;
}

/// <summary>Scores predicted events against a gold file exactly as CONTRACT §4 says.</summary>
public static class GoldScorer
{
    /// <summary>The distance within which a predicted place matches a gold one.</summary>
    public const double MatchKilometres = 50;

    /// <summary>Scores one document's events.</summary>
    public static GoldScore Score(string file, GoldFile gold, string documentText, IReadOnlyList<Event> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(documentText);
        var taken = new bool[predicted.Count];
        int required = 0, matchedRequired = 0, matchedOptional = 0;
        FieldAccuracy date = default, modality = default, quantities = default;
        var missed = new List<string>();
        // Required events first, so an optional one never takes a prediction a required one needs.
        foreach (var g in gold.Events.OrderBy(e => e.IsRequired ? 0 : 1))
        {
            if (g.IsRequired) required++;
            var best = -1;
            for (var i = 0; i < predicted.Count; i++)
            {
                if (taken[i] || !Matches(predicted[i], g)) continue;
                // Prefer a prediction read on the gold event's own line.
                if (best < 0 || (g.Paragraph is { } p && LineOf(documentText, predicted[i]) == p && LineOf(documentText, predicted[best]) != p)) best = i;
            }
            if (best < 0)
            {
                if (g.IsRequired) missed.Add(g.Id);
                continue;
            }
            taken[best] = true;
            if (!g.IsRequired) { matchedOptional++; continue; }
            matchedRequired++;
            var e = predicted[best];
            if (g.Date is not null) date += new FieldAccuracy(DateCorrect(e.Date, g.Date) ? 1 : 0, 1);
            if (g.Modality is not null) modality += new FieldAccuracy(string.Equals(ModalityName(e.Modality), g.Modality, StringComparison.Ordinal) ? 1 : 0, 1);
            if (g.Quantities is { Count: > 0 }) quantities += new FieldAccuracy(QuantitiesCorrect(e.Quantities, g.Quantities) ? 1 : 0, 1);
        }
        var falsePositives = new List<string>();
        for (var i = 0; i < predicted.Count; i++)
            if (!taken[i]) falsePositives.Add($"{predicted[i].Type} line {LineOf(documentText, predicted[i])} ({string.Join(", ", predicted[i].Locations.Select(l => l.Name))})");
        var violations = new List<string>();
        foreach (var m in gold.MustNot)
            foreach (var e in predicted)
                if (Violates(e, m, documentText))
                    violations.Add($"{e.Type} on line {m.Paragraph}: {m.Why}");
        return new GoldScore(file, required, matchedRequired, matchedOptional, predicted.Count, falsePositives.Count,
            date, modality, quantities, violations, missed, falsePositives);
    }

    /// <summary>Whether a prediction matches a gold event (type, place within 50 km or same country, actor alias).</summary>
    public static bool Matches(Event e, GoldEvent g)
    {
        if (!g.Type.Contains(e.Type, StringComparer.Ordinal)) return false;
        if (g.Locations is { Count: > 0 } && !g.Locations.Any(gl => e.Locations.Any(pl => LocationMatches(pl, gl)))) return false;
        if (g.Actor1 is { Count: > 0 })
        {
            if (e.Actor1 is null) return false;
            var id = Folding.FoldLettersAndDigits(e.Actor1.Id);
            var name = Folding.FoldLettersAndDigits(e.Actor1.Name);
            if (!g.Actor1.Any(a => { var f = Folding.FoldLettersAndDigits(a); return id == f || name == f || id.Contains(f, StringComparison.Ordinal) || name.Contains(f, StringComparison.Ordinal); }))
                return false;
        }
        return true;
    }

    private static bool LocationMatches(Location p, GoldLocation g) =>
        string.Equals(g.Level, "country", StringComparison.OrdinalIgnoreCase)
            ? string.Equals(p.Country, g.Country, StringComparison.OrdinalIgnoreCase)
            : GeoMath.DistanceKm(p.Lat, p.Lon, g.Lat, g.Lon) <= MatchKilometres;

    private static bool DateCorrect(DateValue? d, GoldDate g) =>
        d is not null
        && d.Value == g.Value
        && string.Equals(PrecisionName(d.Precision), g.Precision, StringComparison.Ordinal)
        && (g.Weekday is null || string.Equals(d.Weekday, g.Weekday, StringComparison.OrdinalIgnoreCase));

    private static bool QuantitiesCorrect(IReadOnlyList<Quantity> predicted, IReadOnlyList<GoldQuantity> gold) =>
        gold.All(g => predicted.Any(q => string.Equals(q.Kind, g.Kind, StringComparison.Ordinal) && q.Low == g.Low && (g.High is null || q.High == g.High)));

    private static bool Violates(Event e, GoldMustNot m, string text)
    {
        if (!m.Type.Contains(e.Type, StringComparer.Ordinal)) return false;
        if (m.UnlessModality is { } unless && unless.Contains(ModalityName(e.Modality), StringComparer.Ordinal)) return false;
        if (m.Location is { } loc && !e.Locations.Any(l => GeoMath.DistanceKm(l.Lat, l.Lon, loc.Lat, loc.Lon) <= MatchKilometres)) return false;
        foreach (var ev in e.Evidence)
        {
            if (m.Paragraph is { } p && LineOfOffset(text, ev.Start) != p) continue;
            if (m.SentenceTextContains is { } s && !ev.Text.Contains(s, StringComparison.Ordinal)
                && !Normalise(ev.Text).Contains(Normalise(s), StringComparison.Ordinal)) continue;
            return true;
        }
        return false;
    }

    /// <summary>The 1-based line of the document on which an event's first evidence starts.</summary>
    public static int LineOf(string text, Event e) => e.Evidence.Count == 0 ? 0 : LineOfOffset(text, e.Evidence[0].Start);

    /// <summary>The 1-based line of an offset.</summary>
    public static int LineOfOffset(string text, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        return 1 + text.AsSpan(0, Math.Clamp(offset, 0, text.Length)).Count('\n');
    }

    private static string ModalityName(Modality m) => VigieJson.Serialize(m).Trim('"');

    private static string PrecisionName(DatePrecision p) => VigieJson.Serialize(p).Trim('"');

    private static string Normalise(string s) => s.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"');
}
