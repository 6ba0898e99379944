using System.Globalization;
using System.Text;

namespace Vigie.Storage;

/// <summary>Folds names for case- and accent-insensitive filters, the same way on write and on query.</summary>
public static class TextFolding
{
    /// <summary>Lower case without diacritics.</summary>
    public static string Fold(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var d = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        foreach (var c in d)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    /// <summary>An FTS5 query that matches every word of the user's text literally (no FTS syntax leaks through).</summary>
    public static string ToFtsQuery(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
    }
}
