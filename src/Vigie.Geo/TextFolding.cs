using System.Globalization;
using System.Text;
using Vigie.Text;

namespace Vigie.Geo;

/// <summary>Folds gazetteer names and cue phrases as place recognition reads them: words of letters and digits, folded by <see cref="Folding"/>, one space between.</summary>
public static class TextFolding
{
    /// <summary>Folds a whole phrase: its words folded and joined by single spaces.</summary>
    public static string FoldPhrase(string phrase)
    {
        var sb = new StringBuilder(phrase.Length);
        foreach (var t in GeoTokenizer.Tokenize(phrase))
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(t.Folded);
        }
        return sb.ToString();
    }
}

/// <summary>A word of the text as the place recogniser sees it.</summary>
/// <param name="Start">Offset of the first character in the original text.</param>
/// <param name="End">Offset after the last character (exclusive).</param>
/// <param name="Folded">The folded form.</param>
/// <param name="Capitalized">The first character is an upper-case letter.</param>
/// <param name="AllCaps">Every letter is upper case (and there are at least two).</param>
/// <param name="SentenceStart">The first word of a sentence or line, whose capital says little.</param>
public readonly record struct GeoToken(int Start, int End, string Folded, bool Capitalized, bool AllCaps, bool SentenceStart);

/// <summary>A small tokenizer for place recognition: runs of letters and digits, with sentence starts.</summary>
public static class GeoTokenizer
{
    /// <summary>Splits a text into words with offsets into the original text.</summary>
    public static List<GeoToken> Tokenize(string text)
    {
        var tokens = new List<GeoToken>(text.Length / 5);
        var sb = new StringBuilder(32);
        var cache = t_cache ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var interned = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> chars = stackalloc char[64];
        var i = 0;
        var sentenceStart = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (c is '.' or '!' or '?' or '\n' or ':' or ';' or '«' or '"' or '“' or '•')
                {
                    // A full stop after a single capital (initials, "U.S.") does not end a sentence.
                    var initial = c == '.' && i >= 1 && char.IsUpper(text[i - 1]) && (i < 2 || !char.IsLetter(text[i - 2]));
                    if (!initial) sentenceStart = true;
                }
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsMark(text[i]))) i++;
            var span = text.AsSpan(start, i - start);
            sb.Clear();
            sb.Append(Folding.Fold(span));
            if (sb.Length == 0) continue;
            var capitalized = char.IsUpper(span[0]);
            var letters = 0;
            var upper = 0;
            foreach (var ch in span)
            {
                if (!char.IsLetter(ch)) continue;
                letters++;
                if (char.IsUpper(ch)) upper++;
            }
            tokens.Add(new GeoToken(start, i, Intern(sb, chars, cache, interned), capitalized, letters >= 2 && upper == letters, sentenceStart));
            sentenceStart = false;
        }
        return tokens;
    }

    // Folded words recur within and across documents: a per-thread cache saves one string per token.
    [ThreadStatic] private static Dictionary<string, string>? t_cache;
    private const int CacheLimit = 20_000;

    private static string Intern(StringBuilder sb, Span<char> chars, Dictionary<string, string> cache,
        Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> interned)
    {
        if (sb.Length > chars.Length) return sb.ToString();
        var span = chars[..sb.Length];
        sb.CopyTo(0, span, sb.Length);
        if (interned.TryGetValue(span, out var s)) return s;
        if (cache.Count >= CacheLimit) cache.Clear();
        s = new string(span);
        cache[s] = s;
        return s;
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
