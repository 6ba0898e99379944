namespace Vigie.Extraction.Engine;

/// <summary>Folds words for matching: lower case, no diacritics, typographic apostrophes made plain.</summary>
public static class TextFold
{
    /// <summary>The folded form of a word.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var ascii = true;
        foreach (var c in word)
            if (c > 127 || char.IsUpper(c)) { ascii = false; break; }
        if (ascii) return word.ToString();
        Span<char> buf = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        var n = 0;
        foreach (var c in word)
        {
            var f = FoldChar(c);
            if (f == '\0') continue;
            if (f == 'œ') { if (n + 2 > buf.Length) break; buf[n++] = 'o'; buf[n++] = 'e'; continue; }
            if (f == 'æ') { if (n + 2 > buf.Length) break; buf[n++] = 'a'; buf[n++] = 'e'; continue; }
            if (n < buf.Length) buf[n++] = f;
        }
        return new string(buf[..n]);
    }

    /// <summary>Folds a word into <paramref name="destination"/>; returns the folded length, or -1 when it does not fit.</summary>
    public static int FoldInto(ReadOnlySpan<char> word, Span<char> destination)
    {
        var n = 0;
        foreach (var c in word)
        {
            var f = FoldChar(c);
            if (f == '\0') continue;
            if (f is 'œ' or 'æ')
            {
                if (n + 2 > destination.Length) return -1;
                destination[n++] = f == 'œ' ? 'o' : 'a';
                destination[n++] = 'e';
                continue;
            }
            if (n >= destination.Length) return -1;
            destination[n++] = f;
        }
        return n;
    }

    /// <summary>Folds one character; '\0' drops it.</summary>
    public static char FoldChar(char c)
    {
        if (c < 128) return char.ToLowerInvariant(c);
        switch (c)
        {
            case '\u2019' or '\u2018' or '\u02BC' or '\u00B4' or '`': return '\'';
            case 'œ' or 'Œ': return 'œ';
            case 'æ' or 'Æ': return 'æ';
            case '\u2010' or '\u2011' or '\u2012' or '\u2013': return '-';
        }
        if (c >= '\u0300' && c <= '\u036f') return '\0';
        if (c >= '\u00c0' && c < '\u0250') return Latin[c - '\u00c0'];
        return char.ToLowerInvariant(c);
    }

    // U+00C0..U+024F folded to their lower-case base letter (computed from Unicode decompositions, which invariant
    // globalisation does not provide at run time).
    private const string Latin = "aaaaaa\u00e6ceeeeiiii\u00f0nooooo\u00d7\u00f8uuuuy\u00fe\u00dfaaaaaa\u00e6ceeeeiiii\u00f0nooooo\u00f7\u00f8uuuuy\u00feyaaaaaaccccccccdd\u0111\u0111eeeeeeeeeegggggggghh\u0127\u0127iiiiiiiii\u0131\u0133\u0133jjkk\u0138llllll\u0140\u0140\u0142\u0142nnnnnn\u0149\u014b\u014boooooo\u0153\u0153rrrrrrsssssssstttt\u0167\u0167uuuuuuuuuuuuwwyyyzzzzzz\u017f\u0180\u0253\u0183\u0183\u0185\u0185\u0254\u0188\u0188\u0256\u0257\u018c\u018c\u018d\u01dd\u0259\u025b\u0192\u0192\u0260\u0263\u0195\u0269\u0268\u0199\u0199\u019a\u019b\u026f\u0272\u019e\u0275oo\u01a3\u01a3\u01a5\u01a5\u0280\u01a8\u01a8\u0283\u01aa\u01ab\u01ad\u01ad\u0288uu\u028a\u028b\u01b4\u01b4\u01b6\u01b6\u0292\u01b9\u01b9\u01ba\u01bb\u01bd\u01bd\u01be\u01bf\u01c0\u01c1\u01c2\u01c3\u01c6\u01c6\u01c6\u01c9\u01c9\u01c9\u01cc\u01cc\u01ccaaiioouuuuuuuuuu\u01ddaaaa\u01e3\u01e3\u01e5\u01e5ggkkoooo\u01ef\u01efj\u01f3\u01f3\u01f3gg\u0195\u01bfnnaa\u01fd\u01fd\u01ff\u01ffaaaaeeeeiiiioooorrrruuuusstt\u021d\u021dhh\u019e\u0221\u0223\u0223\u0225\u0225aaeeooooooooyy\u0234\u0235\u0236\u0237\u0238\u0239\u2c65\u023c\u023c\u019a\u2c66\u023f\u0240\u0242\u0242\u0180\u0289\u028c\u0247\u0247\u0249\u0249\u024b\u024b\u024d\u024d\u024f\u024f";
}
