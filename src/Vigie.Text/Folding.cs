using System.Collections.Frozen;

namespace Vigie.Text;

/// <summary>Vigie's one fold, for every lookup of every part: lower case, accents and combining marks removed (letters
/// fold exactly as the gazetteer's build script folds them), typographic apostrophes and hyphens made ASCII, no-break
/// and thin spaces made blanks, soft hyphens and format characters dropped, ligatures spelled out (œ → oe).</summary>
public static class Folding
{
    // Every UTF-16 unit's fold, built once: Single[c] is its one-character fold, '\0' when dropped, and Multiple
    // when it folds to several characters (then Several[c] holds them).
    private const char Multiple = '\uffff';
    private static readonly char[] Single = new char[0x10000];
    private static readonly Dictionary<char, string> Several = BuildTable();

    private static Dictionary<char, string> BuildTable()
    {
        var several = new Dictionary<char, string>();
        for (var i = 0; i < Single.Length; i++)
        {
            var c = (char)i;
            Single[i] = c < 0x80 ? (c is >= 'A' and <= 'Z' ? (char)(c + 32) : c == '`' ? '\'' : c)
                : IsIgnorable(c) || IsMark(c) ? '\0'
                : IsApostrophe(c) || c is '\u2032' or '\u00b4' or '\u0060' ? '\''
                : IsHyphen(c) ? '-'
                : c is '\u00a0' or '\u202f' or '\u2009' or '\u2007' ? ' '
                : char.ToLowerInvariant(c);
        }
        for (var k = 0; k < FoldTable.Keys.Length; k++)
        {
            var key = FoldTable.Keys[k];
            var value = FoldTable.Values[k];
            if (value.Length == 1) Single[key] = value[0];
            else { Single[key] = Multiple; several[key] = value; }
        }
        // Superscript letters of French ordinals ("1ᵉʳ", "2ᵉ", "XXᵉ") are the letters themselves.
        for (var i = 0x80; i < Single.Length; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.ModifierLetter || IsApostrophe(c)) continue;
            var k = c.ToString().Normalize(System.Text.NormalizationForm.FormKD);
            if (k.Length == 1 && k[0] is >= 'a' and <= 'z') Single[i] = k[0];
        }
        // Dutch ĳ is two letters in running text (the gazetteer has no name with it).
        foreach (var c in "\u0132\u0133") { Single[c] = Multiple; several[c] = "ij"; }
        return several;
    }

    private static bool IsMark(char c) =>
        System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;

    /// <summary>Folds one character; returns the folded character, or <c>'\0'</c> when the character is dropped.
    /// Characters folding to two letters (æ, œ, ß, þ) return their first letter; use <see cref="Fold(ReadOnlySpan{char}, Span{char})"/> for exact results.</summary>
    public static char FoldChar(char c)
    {
        var f = Single[c];
        return f == Multiple ? Several[c][0] : f;
    }

    /// <summary>Whether the character is dropped by folding's tokenisation rules (soft hyphen, zero-width and combining marks).</summary>
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
            var f = Single[c];
            if (f == '\0') continue;
            if (f == Multiple)
            {
                var s = Several[c];
                if (k + s.Length > destination.Length) return -1;
                s.CopyTo(destination[k..]);
                k += s.Length;
                continue;
            }
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

    /// <summary>Whether a character belongs to a word part: a letter, a digit, a combining mark or a character folding drops
    /// (the runs that place and actor names are read over, as the gazetteer's build script splits names).</summary>
    public static bool IsWordPartChar(char c) =>
        c < 0x80 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 : char.IsLetterOrDigit(c) || Single[c] == '\0';

    /// <summary>The folded word parts of a phrase joined by single spaces ("Mazâr-e Charîf" → "mazar e charif"): the key
    /// of gazetteer names, cue phrases and actor aliases.</summary>
    public static string FoldWords(ReadOnlySpan<char> phrase)
    {
        var sb = new System.Text.StringBuilder(phrase.Length);
        var i = 0;
        while (i < phrase.Length)
        {
            if (!IsWordPartChar(phrase[i])) { i++; continue; }
            var start = i;
            while (i < phrase.Length && IsWordPartChar(phrase[i])) i++;
            var folded = Fold(phrase[start..i]);
            if (folded.Length == 0) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(folded);
        }
        return sb.ToString();
    }

    /// <summary>The fold of a name reduced to its letters and digits ("Mazâr-e Charîf" → "mazarecharif"), to compare names however they are spaced or punctuated.</summary>
    public static string FoldLettersAndDigits(ReadOnlySpan<char> source)
    {
        var folded = Fold(source);
        var sb = new System.Text.StringBuilder(folded.Length);
        foreach (var c in folded) if (char.IsLetterOrDigit(c)) sb.Append(c);
        return sb.ToString();
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
    public static Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ThreadCache =>
        (t_cache ??= new Dictionary<string, string>(StringComparer.Ordinal)).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The shared string for a folded span, or a new one.</summary>
    public string Intern(ReadOnlySpan<char> folded)
    {
        if (folded.Length == 1 && folded[0] < CharStrings.Length) return CharStrings[folded[0]];
        return _lookup.TryGetValue(folded, out var s) ? s : new string(folded);
    }

    /// <summary>The shared string for a folded span: the vocabulary's, else the cache's, else a new one the cache keeps.</summary>
    public string Intern(ReadOnlySpan<char> folded, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> cache)
    {
        if (folded.Length == 1 && folded[0] < CharStrings.Length) return CharStrings[folded[0]];
        if (_lookup.TryGetValue(folded, out var s) || cache.TryGetValue(folded, out s)) return s;
        var words = cache.Dictionary;
        if (words.Count >= CacheLimit) words.Clear();
        s = new string(folded);
        words[s] = s;
        return s;
    }

    private static string[] BuildCharStrings()
    {
        var a = new string[0x2200];
        for (var i = 0; i < a.Length; i++) a[i] = ((char)i).ToString();
        return a;
    }
}
