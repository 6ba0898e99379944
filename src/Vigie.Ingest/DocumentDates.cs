using System.Globalization;
using System.Text.RegularExpressions;
using Vigie.Core;

namespace Vigie.Ingest;

/// <summary>The one date rule of every input format (dated-text header, JSON, CSV, feeds): ISO <c>YYYY</c>,
/// <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>, the last possibly with a valid time (<c>2021-08-15T09:30:00Z</c>), or an RFC 822
/// date (<c>Sun, 15 Aug 2021 09:30:00 GMT</c>, any zone name). The day is the one written, whatever the zone. Anything else is
/// rejected, numeric day-month orders above all (<c>01/02/2021</c> is January in one country and February in another).</summary>
public static partial class DocumentDates
{
    /// <summary>What a rejection says is expected.</summary>
    public const string Expected = "expected YYYY, YYYY-MM or YYYY-MM-DD, possibly with a time, or an RFC 822 date";

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The date <paramref name="s"/> gives, or null with the reason in <paramref name="error"/>.</summary>
    public static PartialDate? Parse(string s, out string? error)
    {
        ArgumentNullException.ThrowIfNull(s);
        error = null;
        var t = s.Trim();
        if (t.Length <= 64)
        {
            if (PartialDate.TryParse(t) is { } p) return p;
            if (t.Length > 10 && t[10] is 'T' or 't' or ' ' && PartialDate.TryParse(t.AsSpan(0, 10)) is { } day && IsoTime().IsMatch(t[11..])) return day;
            if (Rfc822(t) is { } r) return r;
        }
        var shown = InputName.Escape(t.Length > 40 ? t[..40] + "…" : t);
        error = AmbiguousNumeric().IsMatch(t)
            ? $"bad date '{shown}': a numeric day and month are ambiguous (write YYYY-MM-DD)"
            : $"bad date '{shown}' ({Expected})";
        return null;
    }

    private static PartialDate? Rfc822(string s)
    {
        var m = Rfc822Date().Match(s);
        if (!m.Success) return null;
        var day = int.Parse(m.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
        var month = Array.IndexOf(Months, m.Groups["m"].Value.ToLowerInvariant()) + 1;
        var year = int.Parse(m.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
        if (m.Groups["y"].Length == 2) year += year < 50 ? 2000 : 1900;
        if (year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new PartialDate(year, month, day);
    }

    [GeneratedRegex(@"^(?:[01]\d|2[0-3]):[0-5]\d(?::(?:[0-5]\d|60)(?:[.,]\d{1,9})?)?(?:[Zz]|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,\s*)?(?<d>\d{1,2})\s+(?<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(?<y>\d{4}|\d{2})(?:\s+(?:[01]\d|2[0-3]):[0-5]\d(?::(?:[0-5]\d|60))?(?:\s*(?:[+-]\d{4}|[A-Z]{1,5}))?)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822Date();

    [GeneratedRegex(@"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex AmbiguousNumeric();
}
