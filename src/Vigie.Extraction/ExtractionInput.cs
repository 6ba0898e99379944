using Vigie.Core;
using Vigie.Text;

namespace Vigie.Extraction;

/// <summary>What the event engine reads: the document and its analysis, with every mention recognised on it.</summary>
/// <param name="Document">The document (its text, date and id).</param>
/// <param name="Analysis">The document's analysis: sentences, tokens and the mentions (places, actors, numbers, dates)
/// that the earlier stages hung on it.</param>
/// <param name="FutureDate">Re-resolves a date mention for a future verb (a bare "jeudi"/"on Thursday" is then the coming
/// one, CONTRACT §2); null leaves dates as the text layer resolved them.</param>
public sealed record ExtractionInput(
    Document Document,
    DocumentAnalysis Analysis,
    Func<DateMention, DateValue>? FutureDate = null)
{
    /// <summary>The language whose patterns apply: the one the document was read in.</summary>
    public string Language => Analysis.Language;

    /// <summary>Places, actors, numbers and dates, with offsets into the document text.</summary>
    public IReadOnlyList<Mention> Mentions => Analysis.Mentions;
}
