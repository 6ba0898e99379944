using System.Collections.Frozen;

namespace Vigie.Text;

/// <summary>Folds text for dictionary lookups: lower case, accents and combining marks removed, typographic apostrophes
/// and hyphens made ASCII, soft hyphens and format characters dropped, ligatures spelled out (œ → oe).</summary>
public static class Folding
{
    // Base letters of U+00C0–U+017F; '\0' marks a letter folded to two letters (see Ligature) or kept as is.
    private const string Latin1 = "aaaaaa\0ceeeeiiiidnooooo\u00d7ouuuuy\u00fe\0aaaaaa\0ceeeeiiiidnooooo\u00f7ouuuuy\u00fey";
    private const string LatinExtendedA =
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii\0\0jjkkkllllllllllnnnnnnnnnoooooo\0\0rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

    /// <summary>Folds one character; returns the folded character, or <c>'\0'</c> when the character is dropped.
    /// Characters folding to two letters (æ, œ, ß, ĳ) return their first letter; use <see cref="Fold(ReadOnlySpan{char}, Span{char})"/> for exact results.</summary>
    public static char FoldChar(char c)
    {
        if (c < 0x80) return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c == '`' ? '\'' : c;
        if (c is >= '\u00c0' and <= '\u00ff') { var f = Latin1[c - 0xc0]; return f != '\0' ? f : Ligature(c)![0]; }
        if (c is >= '\u0100' and <= '\u017f') { var f = LatinExtendedA[c - 0x100]; return f != '\0' ? f : Ligature(c)![0]; }
        return c switch
        {
            '\u00ad' or '\u200b' or '\u200c' or '\u200d' or '\u2060' or '\ufeff' => '\0',
            >= '\u0300' and <= '\u036f' => '\0',
            '\u2019' or '\u2018' or '\u02bc' or '\u2032' or '\u00b4' or '\u0060' => '\'',
            '\u2010' or '\u2011' => '-',
            '\u00a0' or '\u202f' or '\u2009' or '\u2007' => ' ',
            _ => char.ToLowerInvariant(c),
        };
    }

    private static string? Ligature(char c) => c switch
    {
        '\u00c6' or '\u00e6' => "ae",
        '\u0152' or '\u0153' => "oe",
        '\u00df' => "ss",
        '\u0132' or '\u0133' => "ij",
        _ => null,
    };

    /// <summary>Whether the character is dropped by folding (soft hyphen, zero-width and combining marks).</summary>
    public static bool IsIgnorable(char c) => c is '\u00ad' or '\u200b' or '\u200c' or '\u200d' or '\u2060' or '\ufeff' or (>= '\u0300' and <= '\u036f');

    /// <summary>Whether the character is an apostrophe, straight, typographic or a look-alike (grave and acute accents, prime).</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02bc' or '\u2018' or '`' or '\u00b4' or '\u2032';

    /// <summary>Whether the character is a hyphen that joins words (not a dash).</summary>
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    /// <summary>Folds <paramref name="source"/> into <paramref name="destination"/>; returns the folded length, or -1 when it does not fit.</summary>
    public static int Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        var k = 0;
        foreach (var c in source)
        {
            if (c >= '\u00c0' && Ligature(c) is { } two)
            {
                if (k + 2 > destination.Length) return -1;
                destination[k++] = two[0];
                destination[k++] = two[1];
                continue;
            }
            var f = FoldChar(c);
            if (f == '\0') continue;
            if (k >= destination.Length) return -1;
            destination[k++] = f;
        }
        return k;
    }

    /// <summary>Folds a string.</summary>
    public static string Fold(ReadOnlySpan<char> source)
    {
        Span<char> buffer = source.Length <= 128 ? stackalloc char[source.Length * 2] : new char[source.Length * 2];
        var n = Fold(source, buffer);
        return new string(buffer[..n]);
    }
}

/// <summary>A set of shared folded strings, so that frequent tokens do not allocate.</summary>
internal sealed class Vocabulary
{
    private readonly FrozenDictionary<string, string> _words;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private static readonly string[] CharStrings = BuildCharStrings();

    public Vocabulary(IEnumerable<string> words)
    {
        var set = new HashSet<string>(words, StringComparer.Ordinal);
        _words = set.ToFrozenDictionary(w => w, w => w, StringComparer.Ordinal);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _words.Count;

    // Words outside the vocabulary recur within and across documents: a per-thread cache saves their allocation.
    // Callers fetch it once per text (thread-static access is slow) and pass it to Intern.
    [ThreadStatic] private static Dictionary<string, string>? t_cache;
    private const int CacheLimit = 20_000;

    /// <summary>This thread's cache of folded words outside the vocabulary.</summary>
    public static Dictionary<string, string> ThreadCache => t_cache ??= new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The shared string for a folded span, or a new one.</summary>
    public string Intern(ReadOnlySpan<char> folded, Dictionary<string, string>? cache = null)
    {
        if (folded.Length == 1 && folded[0] < CharStrings.Length) return CharStrings[folded[0]];
        if (_lookup.TryGetValue(folded, out var s)) return s;
        if (cache is null) return new string(folded);
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(folded, out s)) return s;
        if (cache.Count >= CacheLimit) cache.Clear();
        s = new string(folded);
        cache[s] = s;
        return s;
    }

    private static string[] BuildCharStrings()
    {
        var a = new string[0x2200];
        for (var i = 0; i < a.Length; i++) a[i] = ((char)i).ToString();
        return a;
    }
}
