using System.Text;

namespace Vigie.Text;

/// <summary>A normalised text and, for each of its characters, the offset of the original character it came from.</summary>
/// <remarks><c>Map</c> has one more entry than <c>Text</c> (the original length), so that an end offset maps too.</remarks>
public sealed record NormalizedText(string Text, int[] Map)
{
    /// <summary>The original offset of a normalised offset (start or exclusive end).</summary>
    public int ToOriginal(int offset) => Map[Math.Clamp(offset, 0, Map.Length - 1)];
}

/// <summary>Normalises text for display and comparison while keeping offsets: NFC composition of Latin letters, typographic apostrophes
/// and quotes made ASCII, no-break and thin spaces made blanks, soft hyphens and zero-width characters dropped.</summary>
/// <remarks>The tokeniser does not need this step (it reads these characters in place and folds them), so offsets
/// stay in the original text; use it to compare or show text, and <see cref="NormalizedText.ToOriginal"/> to go back.</remarks>
public static class Normalizer
{
    /// <summary>Normalises <paramref name="text"/>.</summary>
    public static NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var map = new List<int>(text.Length + 1);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            // A base letter followed by combining marks is composed (e + U+0301 → é); offsets of the output point at the base.
            if (i + 1 < text.Length && IsCombining(text[i + 1]) && !IsCombining(c))
            {
                var j = i + 1;
                while (j < text.Length && IsCombining(text[j])) j++;
                // Compose what has a precomposed form; keep other marks as they are.
                var composed = c;
                var k = i + 1;
                for (; k < j && Compose(composed, text[k]) is { } next; k++) composed = next;
                sb.Append(composed);
                map.Add(i);
                for (; k < j; k++) { sb.Append(text[k]); map.Add(k); }
                i = j;
                continue;
            }
            var n = c switch
            {
                '\u2019' or '\u2018' or '\u02bc' or '\u2032' => '\'',
                '\u201c' or '\u201d' or '\u201e' or '\u00ab' or '\u00bb' => '"',
                '\u00a0' or '\u202f' or '\u2009' or '\u2007' => ' ',
                '\u2010' or '\u2011' => '-',
                '\u00ad' or '\u200b' or '\u200c' or '\u200d' or '\u2060' or '\ufeff' => '\0',
                _ => c,
            };
            if (n != '\0') { sb.Append(n); map.Add(i); }
            i++;
        }
        map.Add(text.Length);
        return new NormalizedText(sb.ToString(), [.. map]);
    }

    private static bool IsCombining(char c) => c is >= '\u0300' and <= '\u036f';

    // Base letter and precomposed letter, pairwise, per combining mark. (Globalisation-invariant mode does not compose.)
    private static readonly Dictionary<(char, char), char> Compositions = BuildCompositions();

    private static char? Compose(char letter, char mark) => Compositions.TryGetValue((letter, mark), out var c) ? c : null;

    private static Dictionary<(char, char), char> BuildCompositions()
    {
        var table = new (char Mark, string Pairs)[]
        {
            ('\u0300', "a\u00e0e\u00e8i\u00eco\u00f2u\u00f9A\u00c0E\u00c8I\u00ccO\u00d2U\u00d9"),
            ('\u0301', "a\u00e1e\u00e9i\u00edo\u00f3u\u00fay\u00fdA\u00c1E\u00c9I\u00cdO\u00d3U\u00daY\u00ddc\u0107n\u0144s\u015bz\u017a"),
            ('\u0302', "a\u00e2e\u00eai\u00eeo\u00f4u\u00fbA\u00c2E\u00caI\u00ceO\u00d4U\u00db"),
            ('\u0303', "a\u00e3n\u00f1o\u00f5A\u00c3N\u00d1O\u00d5"),
            ('\u0308', "a\u00e4e\u00ebi\u00efo\u00f6u\u00fcy\u00ffA\u00c4E\u00cbI\u00cfO\u00d6U\u00dcY\u0178"),
            ('\u0327', "c\u00e7C\u00c7"),
            ('\u030a', "a\u00e5A\u00c5"),
            ('\u030c', "c\u010ds\u0161z\u017eC\u010cS\u0160Z\u017de\u011br\u0159n\u0148"),
        };
        var d = new Dictionary<(char, char), char>();
        foreach (var (mark, pairs) in table)
            for (var k = 0; k + 1 < pairs.Length; k += 2) d[(pairs[k], mark)] = pairs[k + 1];
        return d;
    }
}
