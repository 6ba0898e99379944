namespace Vigie.Storage;

/// <summary>SQLite full-text (FTS5) queries built from a user's words.</summary>
/// <remarks>Names are folded with Vigie's one fold, <see cref="Vigie.Text.Folding"/>, on write and on query alike.</remarks>
internal static class FtsQuery
{
    /// <summary>An FTS5 query that matches every word of the user's text literally (no FTS syntax leaks through).</summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
    }
}
