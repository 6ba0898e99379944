using System.Globalization;

namespace Vigie.Text;

/// <summary>Digits: separators, groups split by blanks, scale words and suffixes, a sign or a bare decimal point.</summary>
internal sealed partial class NumberLexicon
{
    /// <summary>Parses a token of digits with this language's separators ("8,000", "1,5", "2.000", "3.5").</summary>
    public bool TryParseDigits(string s, out decimal value)
    {
        value = 0;
        var seps = 0;
        foreach (var c in s)
        {
            if (c is '.' or ',') seps++;
            else if (c is < '0' or > '9') return false;
        }
        if (seps == 0) return decimal.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        var parts = s.Split('.', ',');
        var sepChars = new List<char>(seps);
        foreach (var c in s) if (c is '.' or ',') sepChars.Add(c);
        var allGroups = sepChars.TrueForAll(c => c == sepChars[0]) && GroupSeparators.Contains(sepChars[0], StringComparison.Ordinal)
                        && parts.Skip(1).All(p => p.Length == 3) && parts[0].Length is >= 1 and <= 3;
        if (allGroups && !(seps == 1 && sepChars[0] == DecimalSeparator))
            return decimal.TryParse(string.Concat(parts), NumberStyles.None, CultureInfo.InvariantCulture, out value);
        // A last separator that is not a well-formed group is the decimal point.
        var intParts = parts[..^1];
        if (intParts.Length > 1 && (intParts[0].Length > 3 || intParts.Skip(1).Any(p => p.Length != 3))) return false;
        if (seps == 1 && sepChars[0] != DecimalSeparator && parts[1].Length == 3 && GroupSeparators.Contains(sepChars[0], StringComparison.Ordinal))
            return decimal.TryParse(string.Concat(parts), NumberStyles.None, CultureInfo.InvariantCulture, out value);
        return decimal.TryParse(string.Concat(intParts) + "." + parts[^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsPlainDigits(string s, int min, int max)
    {
        if (s.Length < min || s.Length > max) return false;
        foreach (var c in s) if (c is < '0' or > '9') return false;
        return true;
    }

    /// <summary>Digits glued to a scale abbreviation: "2.5bn", "1.2m", "10k".</summary>
    private bool TryParseSuffixed(in Atom a, int i, out NumberParse result)
    {
        result = default;
        var k = 0;
        while (k < a.Text.Length && a.Text[k] is (>= '0' and <= '9') or '.' or ',') k++;
        if (k == 0 || !ScaleSuffixes.TryGetValue(a.Text[k..], out var scale) || !TryParseDigits(a.Text[..k], out var value)) return false;
        value *= scale;
        result = new NumberParse(i + 1, value, value, false, false, scale);
        return true;
    }

    /// <summary>Whether atom <paramref name="i"/> is a minus sign or a bare decimal point glued to the digits after it,
    /// standing alone before them ("-3", ",05", ".05"), not inside a range or a word ("3-1", "F-16").</summary>
    public bool StartsSignedNumber(Atom[] atoms, int i)
    {
        if (i + 1 >= atoms.Length || atoms[i].Shape is not (TokenShape.Punct or TokenShape.Symbol)
            || atoms[i + 1].Shape != TokenShape.Number || atoms[i + 1].Start != atoms[i].End) return false;
        var t = atoms[i].Text;
        var isSign = Minus.Contains(t) || (t.Length == 1 && t[0] == DecimalSeparator);
        if (!isSign || atoms[i + 1].Shape != TokenShape.Number || atoms[i + 1].Start != atoms[i].End) return false;
        if (t[0] == DecimalSeparator && !IsPlainDigits(atoms[i + 1].Text, 1, 12)) return false;
        return i == 0 || atoms[i - 1].End < atoms[i].Start || atoms[i - 1].Text is "(" or "[" or "\"" or "«";
    }

    private bool TryParseSigned(string text, Atom[] atoms, int i, out NumberParse result)
    {
        result = default;
        if (!StartsSignedNumber(atoms, i)) return false;
        var digits = atoms[i + 1].Text;
        if (atoms[i].Text[0] == DecimalSeparator && !Minus.Contains(atoms[i].Text))
        {
            var v = decimal.Parse("0." + digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            result = new NumberParse(i + 2, v, v, false, false, 1);
            return true;
        }
        if (!TryParseDigitsAt(text, atoms, i + 1, out var n)) return false;
        result = n with { Low = -n.High, High = -n.Low };
        return true;
    }

    private bool TryParseDigitsAt(string text, Atom[] atoms, int i, out NumberParse result)
    {
        result = default;
        var a = atoms[i];
        if (!TryParseDigits(a.Text, out var value)) return false;
        var end = i + 1;
        if (GroupSeparators.Length > 0 && IsPlainDigits(a.Text, 1, 3))
        {
            while (end < atoms.Length && atoms[end].Shape == TokenShape.Number && atoms[end].Start == atoms[end - 1].End + 1
                   && GroupSeparators.Contains(text[atoms[end - 1].End], StringComparison.Ordinal))
            {
                var g = atoms[end].Text;
                if (IsPlainDigits(g, 3, 3)) value = value * 1000 + decimal.Parse(g, CultureInfo.InvariantCulture);
                // The last group may carry the decimals: "4 300,25", "2 345 678,50".
                else if (g.Length > 4 && g[3] == DecimalSeparator && IsPlainDigits(g[..3], 3, 3) && IsPlainDigits(g[4..], 1, 12))
                {
                    value = value * 1000 + decimal.Parse(g[..3] + "." + g[4..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                    end++;
                    break;
                }
                else break;
                end++;
            }
        }
        decimal scale = 1;
        var approximate = false;
        if (end < atoms.Length && Words.Match(atoms, end, out var e) is { } w)
        {
            if ((w.Scale ?? w.Hundred) is { } s && s > 1)
            {
                scale = s;
                value *= s;
                end = e;
            }
            else if ((w.Group ?? w.PluralGroup) is { } g && value is >= 1 and < 100 && value == decimal.Truncate(value))
            {
                // "3 douzaines", "3 dozen": a multiple of a round noun, exact for dozens only.
                value *= g;
                approximate = !w.ExactGroup;
                end = e;
            }
        }
        result = new NumberParse(end, value, value, approximate, false, scale);
        return true;
    }
}
