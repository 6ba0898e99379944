namespace Vigie.Text;

/// <summary>A part of a token that names are read over: a run of letters and digits ("l'Afghanistan" → "l",
/// "afghanistan"; "Mazar-i-Sharif" → "mazar", "i", "sharif"; "U.S." → "u", "s"), or a whole punctuation token.</summary>
/// <param name="Start">Offset of the first character in the original text.</param>
/// <param name="End">Offset after the last character (exclusive).</param>
/// <param name="Folded">The folded form.</param>
/// <param name="Token">The index of the token the part belongs to.</param>
/// <param name="Sentence">The index of the token's sentence.</param>
/// <param name="IsWord">Letters or digits, not punctuation.</param>
/// <param name="Capitalized">The first character is an upper-case letter.</param>
/// <param name="Upper">The first character is a letter and every letter is upper case.</param>
/// <param name="Letters">How many letters the part has.</param>
public readonly record struct WordPart(int Start, int End, string Folded, int Token, int Sentence, bool IsWord, bool Capitalized, bool Upper, int Letters);

/// <summary>Splits a text's tokens into word parts (no second reading of the text: the parts lie inside the tokens).</summary>
internal static class WordParts
{
    // Folded parts of hyphenated or elided tokens recur within and across documents: a per-thread cache saves their strings.
    [ThreadStatic] private static Dictionary<string, string>? t_cache;
    private const int CacheLimit = 20_000;

    public static WordPart[] Build(string text, IReadOnlyList<Token> tokens)
    {
        var parts = new List<WordPart>(tokens.Count + tokens.Count / 8);
        Span<char> buffer = stackalloc char[64];
        Dictionary<string, string>? cache = null;
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (!t.IsWord && t.Shape is not (TokenShape.Number or TokenShape.NumberWithSuffix))
            {
                // An apostrophe or hyphen right after a word only marks it ("Workers' Party"): names read past it.
                if (t.Length == 1 && t.Start > 0 && (Folding.IsApostrophe(text[t.Start]) || Folding.IsHyphen(text[t.Start])) && char.IsLetterOrDigit(text[t.Start - 1]))
                    continue;
                parts.Add(new WordPart(t.Start, t.End, t.Folded, k, t.Sentence, false, false, false, 0));
                continue;
            }
            var whole = true;
            for (var i = t.Start; i < t.End && whole; i++) whole = Folding.IsWordPartChar(text[i]);
            if (whole)
            {
                parts.Add(Part(text, t.Start, t.End, t.Folded, k, t.Sentence));
                continue;
            }
            var j = t.Start;
            while (j < t.End)
            {
                if (!Folding.IsWordPartChar(text[j])) { j++; continue; }
                var s = j;
                while (j < t.End && Folding.IsWordPartChar(text[j])) j++;
                var span = text.AsSpan(s, j - s);
                string folded;
                if (span.Length * 2 <= buffer.Length)
                {
                    var n = Folding.Fold(span, buffer);
                    if (n == 0) continue;
                    cache ??= t_cache ??= new Dictionary<string, string>(StringComparer.Ordinal);
                    var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
                    if (!lookup.TryGetValue(buffer[..n], out var shared))
                    {
                        if (cache.Count >= CacheLimit) cache.Clear();
                        shared = new string(buffer[..n]);
                        cache[shared] = shared;
                    }
                    folded = shared;
                }
                else folded = Folding.Fold(span);
                if (folded.Length > 0) parts.Add(Part(text, s, j, folded, k, t.Sentence));
            }
        }
        return [.. parts];
    }

    private static WordPart Part(string text, int start, int end, string folded, int token, int sentence)
    {
        var span = text.AsSpan(start, end - start);
        int letters = 0, upper = 0;
        foreach (var ch in span)
        {
            if (!char.IsLetter(ch)) continue;
            letters++;
            if (char.IsUpper(ch)) upper++;
        }
        return new WordPart(start, end, folded, token, sentence, true, char.IsUpper(span[0]), letters > 0 && upper == letters && char.IsLetter(span[0]), letters);
    }
}
