using System.Text;

namespace Vigie.Storage;

/// <summary>Folds text for PostgreSQL's full-text index as SQLite's FTS5 <c>unicode61</c> tokenizer does: lower case, Latin accents removed.</summary>
/// <remarks>A table, not <c>string.Normalize</c>: normalisation does nothing under InvariantGlobalization.</remarks>
public static class PostgresSearchText
{
    // Base letters of U+00C0–U+017F; '\0' keeps the character (lower-cased).
    private const string Latin1 = "aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0\0aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0y";
    private const string LatinExtendedA =
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii\0\0jjkkkllllllllllnnnnnnnnnoooooo\0\0rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzz\0";

    /// <summary>Lower case without Latin diacritics; combining marks dropped.</summary>
    public static string Fold(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is >= '\u0300' and <= '\u036f') continue;
            var f = c switch
            {
                >= '\u00c0' and <= '\u00ff' => Latin1[c - 0xc0],
                >= '\u0100' and <= '\u017f' => LatinExtendedA[c - 0x100],
                _ => '\0',
            };
            sb.Append(f != '\0' ? f : char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
