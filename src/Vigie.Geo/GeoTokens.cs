using Vigie.Text;

namespace Vigie.Geo;

/// <summary>A word of the text as the place recogniser sees it.</summary>
/// <param name="Start">Offset of the first character in the original text.</param>
/// <param name="End">Offset after the last character (exclusive).</param>
/// <param name="Folded">The folded form.</param>
/// <param name="Capitalized">The first character is an upper-case letter.</param>
/// <param name="AllCaps">Every letter is upper case (and there are at least two).</param>
/// <param name="SentenceStart">The first word of a sentence or line, whose capital says little.</param>
public readonly record struct GeoToken(int Start, int End, string Folded, bool Capitalized, bool AllCaps, bool SentenceStart);

/// <summary>The words of a document's analysis as the place recogniser reads them: its word parts, with sentence starts.</summary>
internal static class GeoTokens
{
    /// <summary>The word parts of the analysis; a part starts a sentence when it is the first of a sentence, or follows
    /// a full stop (not an initial's), a colon, a semicolon, an exclamation or question mark, or an opening quote.</summary>
    public static List<GeoToken> Of(DocumentAnalysis analysis)
    {
        var text = analysis.Text;
        var parts = analysis.Parts;
        var tokens = new List<GeoToken>(parts.Count);
        var sentence = -1;
        var start = true;
        foreach (var p in parts)
        {
            if (!p.IsWord)
            {
                if (StartsNext(text, p)) start = true;
                continue;
            }
            if (p.Sentence != sentence) { sentence = p.Sentence; start = true; }
            tokens.Add(new GeoToken(p.Start, p.End, p.Folded, p.Capitalized, p.Letters >= 2 && p.Upper, start));
            start = false;
        }
        return tokens;
    }

    private static bool StartsNext(string text, WordPart p)
    {
        var c = text[p.Start];
        if (c is not ('.' or '!' or '?' or ':' or ';' or '\u00ab' or '"' or '\u201c' or '\u2022')) return false;
        // A full stop after a single capital (initials) does not end a sentence.
        var i = p.Start;
        return !(c == '.' && i >= 1 && char.IsUpper(text[i - 1]) && (i < 2 || !char.IsLetter(text[i - 2])));
    }
}
