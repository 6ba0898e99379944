using Vigie.Text;

namespace Vigie.Extraction.Actors;

/// <summary>One token of the text the actor recogniser reads: a word or a punctuation mark, with offsets into the original text.</summary>
internal readonly record struct ActorToken(int Start, int End, string Folded, bool IsWord, bool IsCapitalized, bool IsUpper, int Sentence);

/// <summary>Case and accent folding, and the minimal tokenizer the actor recogniser uses until Vigie.Text offers one.</summary>
/// <remarks>Hyphens and apostrophes inside words split them without producing a token, so "États-Unis" and
/// "Etats Unis" read alike and "l'Afghanistan" gives "l" + "afghanistan"; the dots of "U.S." do the same.
/// A sentence ends at . ! ? … and at every line break.</remarks>
internal static class ActorText
{
    /// <summary>Folds a string with Vigie's one fold.</summary>
    public static string Fold(ReadOnlySpan<char> s) => Folding.Fold(s);

    // Folded words recur within and across documents: a per-thread cache saves one string per token.
    [ThreadStatic] private static Dictionary<string, string>? t_cache;
    private const int CacheLimit = 20_000;

    /// <summary><see cref="Fold"/>, sharing the string of a word already folded on this thread.</summary>
    private static string FoldShared(ReadOnlySpan<char> s)
    {
        Span<char> buffer = stackalloc char[64];
        if (s.Length * 2 > buffer.Length) return Fold(s);
        var n = Folding.Fold(s, buffer);
        var folded = buffer[..n];
        var cache = t_cache ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(folded, out var shared)) return shared;
        if (cache.Count >= CacheLimit) cache.Clear();
        shared = new string(folded);
        cache[shared] = shared;
        return shared;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ' or '‘';

    private static bool IsHyphen(char c) => c is '-' or '‐' or '‑';

    /// <summary>Splits a text into word and punctuation tokens, numbering sentences.</summary>
    public static List<ActorToken> Tokenize(string text)
    {
        var tokens = new List<ActorToken>();
        Tokenize(text, 0, text.Length, tokens, fixedSentence: null);
        return tokens;
    }

    /// <summary>Re-reads the text layer's tokens the way aliases are read (hyphens and apostrophes split words),
    /// keeping the text layer's sentences, which know abbreviations.</summary>
    public static List<ActorToken> FromTextLayer(string text, IReadOnlyList<Vigie.Text.Token> layerTokens)
    {
        var tokens = new List<ActorToken>(layerTokens.Count + 8);
        foreach (var t in layerTokens) Tokenize(text, t.Start, t.End, tokens, t.Sentence);
        return tokens;
    }

    private static void Tokenize(string text, int from, int to, List<ActorToken> tokens, int? fixedSentence)
    {
        var sentence = fixedSentence ?? 0;
        var i = from;
        while (i < to)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < to && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark)) i++;
                var span = text.AsSpan(start, i - start);
                var upper = true;
                foreach (var ch in span) if (char.IsLetter(ch) && !char.IsUpper(ch)) { upper = false; break; }
                tokens.Add(new ActorToken(start, i, FoldShared(span), true, char.IsUpper(span[0]), upper && char.IsLetter(span[0]), sentence));
                continue;
            }
            if (c == '\n')
            {
                if (fixedSentence is null && tokens.Count > 0 && tokens[^1].Sentence == sentence) sentence++;
                i++;
                continue;
            }
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var prevIsWord = i > 0 && char.IsLetterOrDigit(text[i - 1]);
            var nextIsWord = i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
            if ((IsApostrophe(c) || IsHyphen(c)) && prevIsWord) { i++; continue; }
            if (c == '.' && prevIsWord && tokens.Count > 0 && tokens[^1].IsWord && tokens[^1].End == i
                && tokens[^1].End - tokens[^1].Start == 1 && tokens[^1].IsUpper)
            {
                // An initial's dot ("U.S.", "U.N."): neither a token nor a sentence end.
                i++;
                continue;
            }
            tokens.Add(new ActorToken(i, i + 1, c.ToString(), false, false, false, sentence));
            if (fixedSentence is null && c is '.' or '!' or '?' or '…' && !nextIsWord) sentence++;
            i++;
        }
    }

    /// <summary>The folded words of an alias as the tokenizer reads them; empty when it has none or holds punctuation.</summary>
    public static string[] AliasWords(string alias, out bool allUpper)
    {
        var tokens = Tokenize(alias);
        allUpper = tokens.Count > 0;
        var words = new string[tokens.Count];
        for (var k = 0; k < tokens.Count; k++)
        {
            if (!tokens[k].IsWord) return [];
            words[k] = tokens[k].Folded;
            allUpper &= tokens[k].IsUpper;
        }
        return words;
    }
}
