using Vigie.Core;
using Vigie.Storage;

namespace Vigie.Server.Infrastructure;

/// <summary>Whether an event held in memory (a fused event) passes a store query's filters, with the store's meanings:
/// an actor by id or folded name in any slot, a country or place of any location, dates overlapping the range, every
/// word of the text in the evidence.</summary>
internal static class EventMatch
{
    /// <summary>True when <paramref name="e"/> passes every filter of <paramref name="q"/> (its limit and cursor aside).</summary>
    public static bool Matches(Event e, EventQuery q)
    {
        if (q.Type is not null && e.Type != q.Type) return false;
        if (q.Modality is { } m && e.Modality != m) return false;
        if (q.Document is not null && e.Document != q.Document && !e.Evidence.Any(ev => ev.Document == q.Document)) return false;
        if (q.From is not null || q.To is not null)
        {
            if (e.Date is null) return false;
            if (q.From is { } from && e.Date.LastDay < from) return false;
            if (q.To is { } to && e.Date.FirstDay > to) return false;
        }
        if (q.Country is { } c && !e.Locations.Any(l => string.Equals(l.Country, c, StringComparison.OrdinalIgnoreCase))) return false;
        if (q.Place is { } p)
        {
            var folded = Vigie.Text.Folding.Fold(p);
            if (!e.Locations.Any(l => Vigie.Text.Folding.Fold(l.Name) == folded || l.GeonamesId?.ToString(System.Globalization.CultureInfo.InvariantCulture) == p)) return false;
        }
        if (q.Actor is { } a)
        {
            var folded = Vigie.Text.Folding.Fold(a);
            if (!new[] { e.Actor1, e.Actor2, e.Claimant }.Any(x => x is not null && (x.Id == a || x.Id == folded || Vigie.Text.Folding.Fold(x.Name) == folded))) return false;
        }
        if (q.Text is { } text)
        {
            var evidence = string.Join(' ', e.Evidence.Select(ev => Vigie.Text.Folding.Fold(ev.Text)));
            if (!Vigie.Text.Folding.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => evidence.Contains(w, StringComparison.Ordinal))) return false;
        }
        return true;
    }
}
