using Vigie.Text;

namespace Vigie.Storage;

/// <summary>Folds names for case- and accent-insensitive filters, the same way on write and on query.</summary>
public static class TextFolding
{
    /// <summary>Lower case without diacritics: Vigie's one fold (<see cref="Folding"/>).</summary>
    public static string Fold(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Folding.Fold(s);
    }

    /// <summary>An FTS5 query that matches every word of the user's text literally (no FTS syntax leaks through).</summary>
    public static string ToFtsQuery(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
    }
}
