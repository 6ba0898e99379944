using Vigie.Core;
using Vigie.Extraction.Engine;

namespace Vigie.Extraction;

/// <summary>What the event engine reads: the document, its sentences and every recognised mention.</summary>
/// <param name="Document">The document (its text, date and id).</param>
/// <param name="Language">The language whose patterns apply.</param>
/// <param name="Sentences">Sentence boundaries; when empty the engine splits sentences itself.</param>
/// <param name="Mentions">Places, actors, numbers and dates, with offsets into the document text.</param>
/// <param name="FutureDate">Re-resolves a date mention for a future verb (a bare "jeudi"/"on Thursday" is then the coming
/// one, CONTRACT §2); null leaves dates as the text layer resolved them.</param>
public sealed record ExtractionInput(
    Document Document,
    string Language,
    IReadOnlyList<SentenceSpan> Sentences,
    IReadOnlyList<Mention> Mentions,
    Func<DateMention, DateValue>? FutureDate = null);

/// <summary>A plain sentence splitter for when no text layer is at hand (tests, tools): ends at . ? ! and line breaks.</summary>
public static class SimpleSentences
{
    /// <summary>Splits the text into sentences; a blank line starts a new paragraph.</summary>
    public static List<SentenceSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<SentenceSpan>();
        var para = 1;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                if (text[i] == '\n') para++;
                i++;
            }
            if (i >= text.Length) break;
            var s = i;
            while (i < text.Length && text[i] != '\n')
            {
                var c = text[i++];
                if (c is '.' or '?' or '!' && (i >= text.Length || char.IsWhiteSpace(text[i]))) break;
            }
            var e = i;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) list.Add(new SentenceSpan(list.Count, para, s, e));
        }
        return list;
    }
}
