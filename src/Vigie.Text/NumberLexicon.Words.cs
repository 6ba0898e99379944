using System.Globalization;

namespace Vigie.Text;

/// <summary>Numbers said in words: cardinals and their scales ("deux mille trois cents"), groups and approximate nouns
/// ("cinq douzaines", "une vingtaine", "des centaines"), articles as one, and a spoken decimal point ("virgule cinq").</summary>
internal sealed partial class NumberLexicon
{
    private bool TryParseWords(Atom[] atoms, int i, bool allowWeak, out NumberParse result)
    {
        result = default;
        var w = Words.Match(atoms, i, out var e);
        if (w is null) return false;
        // "des centaines", "plusieurs milliers", "several hundred", "thousands": a vague range of 2 to 9 times the base.
        if (w.Indefinite || (w.PluralGroup is not null && w.Cardinal is null))
        {
            var baseValue = w.PluralGroup;
            var end = e;
            if (w.Indefinite)
            {
                var w2 = Words.Match(atoms, e, out var e2);
                baseValue = w2?.PluralGroup ?? w2?.Group ?? w2?.Hundred ?? w2?.Scale;
                end = e2;
            }
            if (baseValue is not { } b) return TryWeak(w, i, e, allowWeak, out result);
            decimal low = 2 * b, high = 9 * b;
            // "des dizaines de milliers", "tens of thousands", "several hundred thousand"
            var k = end;
            if (k < atoms.Length && Of.Contains(atoms[k].Text)) k++;
            if (Words.Match(atoms, k, out var e3) is { } w3 && (w3.PluralGroup ?? w3.Scale) is { } m && m > b)
            {
                low *= m;
                high *= m;
                end = e3;
            }
            result = new NumberParse(end, low, high, true, true, 1);
            return true;
        }
        return TryCardinalWords(atoms, i, allowWeak, out result);
    }

    private static bool TryWeak(NumberWord w, int i, int e, bool allowWeak, out NumberParse result)
    {
        result = default;
        if (!w.Weak) return false;
        _ = i;
        result = new NumberParse(e, 1, 1, false, true, 1);
        return allowWeak;
    }

    private bool TryCardinalWords(Atom[] atoms, int i, bool allowWeak, out NumberParse result)
    {
        result = default;
        decimal total = 0, current = 0, lastCardinal = decimal.MaxValue, lastScale = decimal.MaxValue;
        var any = false;
        var approximate = false;
        var end = i;
        while (end < atoms.Length)
        {
            var w = Words.Match(atoms, end, out var e);
            if (w is null) break;
            if (!any && w.Weak)
            {
                // "un millier", "une centaine", "a dozen": approximate; "un million", "a thousand", "a hundred": exact.
                var next = Words.Match(atoms, e, out var e2);
                if (next?.Group is { } g)
                {
                    // "une dizaine de milliers", "a couple of hundred": the round noun counts a larger unit.
                    var k = e2 < atoms.Length && Of.Contains(atoms[e2].Text) ? e2 + 1 : e2;
                    if (Words.Match(atoms, k, out var e3) is { } unit && (unit.PluralGroup ?? unit.Scale ?? unit.Hundred) is { } u && u > g)
                    {
                        result = new NumberParse(e3, g * u, g * u, true, true, 1);
                        return true;
                    }
                    result = new NumberParse(e2, g, g, true, true, 1);
                    return true;
                }
                if (next?.Scale is not null || next?.Hundred is not null) { current = 1; any = true; end = e; continue; }
                // "une demi-douzaine", "a half-dozen".
                if (next?.Cardinal is { } f && f < 1 && Words.Match(atoms, e2, out var e4) is { Group: { } half } hw)
                {
                    result = new NumberParse(e4, f * half, f * half, !hw.ExactGroup, true, 1);
                    return true;
                }
                if (!allowWeak) return false;
                result = new NumberParse(e, 1, 1, false, true, 1);
                return true;
            }
            if (w.Cardinal is { } c)
            {
                // "un million et demi", "a million and a half": a fraction after a scale is a fraction of it.
                if (c < 1 && current == 0 && lastScale != decimal.MaxValue)
                {
                    total += c * lastScale;
                    lastCardinal = c;
                    end = e;
                    continue;
                }
                if (c >= lastCardinal) break;
                current += c;
                lastCardinal = c;
                any = true;
                end = e;
                continue;
            }
            if (w.Hundred is { } h && (any || current == 0) && current < h)
            {
                current = (current == 0 ? 1 : current) * h;
                lastCardinal = decimal.MaxValue;
                any = true;
                end = e;
                continue;
            }
            if (w.Scale is { } s && (any || (current == 0 && total == 0 && w.PluralGroup is null)) && s < lastScale)
            {
                total += (current == 0 ? 1 : current) * s;
                current = 0;
                lastScale = s;
                lastCardinal = decimal.MaxValue;
                any = true;
                end = e;
                continue;
            }
            if ((w.Group ?? w.PluralGroup) is { } group && any && total == 0 && current is > 0 and < 100)
            {
                // "deux centaines": approximately two hundred; "cinq douzaines": sixty.
                current *= group;
                approximate = !w.ExactGroup;
                end = e;
                break;
            }
            if (w.Conjunction && any && Words.Match(atoms, e, out _) is { Cardinal: not null } or { Hundred: not null })
            {
                end = e;
                continue;
            }
            break;
        }
        if (!any) return false;
        var value = total + current;
        var scale = lastScale == decimal.MaxValue ? 1 : lastScale;
        if (!approximate && Words.Match(atoms, end, out var pe) is { DecimalPoint: true } && TryFraction(atoms, pe, out var fraction, out var fe))
        {
            // "trois cent virgule cinq", "two point five million": the decimals, then maybe a scale for the whole.
            value += fraction;
            end = fe;
            if (Words.Match(atoms, end, out var se) is { Scale: { } s } && s > 1 && (scale == 1 || s < scale) && value < 1000)
            {
                value *= s;
                scale = s;
                end = se;
            }
        }
        result = new NumberParse(end, value, value, approximate, true, scale);
        return true;
    }

    /// <summary>The decimals after a spoken decimal point: digit by digit ("point one four", "virgule zéro cinq") or
    /// as one number ("virgule vingt-cinq" = .25).</summary>
    private bool TryFraction(Atom[] atoms, int i, out decimal fraction, out int end)
    {
        fraction = 0;
        end = i;
        var digits = new System.Text.StringBuilder();
        var k = i;
        while (Words.Match(atoms, k, out var e) is { Cardinal: { } c } && c is >= 0 and <= 9 && c == decimal.Truncate(c))
        {
            digits.Append((int)c);
            k = e;
        }
        if (digits.Length >= 2 || (digits.Length == 1 && digits[0] == '0'))
        {
            fraction = decimal.Parse("0." + digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            end = k;
            return true;
        }
        // One number of tens and units, no scale: the scale after it scales the whole ("deux virgule cinq milliards").
        decimal whole = 0, last = decimal.MaxValue;
        k = i;
        while (Words.Match(atoms, k, out var e) is { } w)
        {
            if (w.Cardinal is { } c && c >= 1 && c == decimal.Truncate(c) && c < last) { whole += c; last = c; k = e; continue; }
            if (w.Conjunction && whole > 0 && Words.Match(atoms, e, out _) is { Cardinal: not null }) { k = e; continue; }
            break;
        }
        if (whole == 0) return false;
        var scaleDown = 1m;
        while (scaleDown <= whole) scaleDown *= 10;
        fraction = whole / scaleDown;
        end = k;
        return true;
    }
}
