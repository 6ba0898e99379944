using Vigie.Core;
using Vigie.Text.Syntax;

namespace Vigie.Text;

/// <summary>A line of the document that holds sentences (gold files count paragraphs as lines, blank ones included).</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Start">Start offset of the line in the original text.</param>
/// <param name="End">End offset (exclusive) of the line in the original text.</param>
/// <param name="FirstSentence">The index of its first sentence in the document's sentences.</param>
/// <param name="SentenceCount">How many sentences it holds.</param>
public readonly record struct Paragraph(int Line, int Start, int End, int FirstSentence, int SentenceCount);

/// <summary>Everything read in one document, built once by its language pack and shared by every stage: paragraphs,
/// sentences, tokens (offsets into the original text, one folded form), numbers and dates, the syntax of each
/// sentence (parsed on first request), and the mentions recognised on it so far.</summary>
/// <remarks>Immutable and thread-safe: a stage adds mentions with <see cref="WithMentions"/>, which returns a new
/// analysis sharing everything else (the parses already made included).</remarks>
public sealed class DocumentAnalysis
{
    private readonly Shared _shared;

    private DocumentAnalysis(Shared shared, IReadOnlyList<Mention> mentions)
    {
        _shared = shared;
        Mentions = mentions;
    }

    internal DocumentAnalysis(TextAnalysis layer, LanguagePack pack, PartialDate? documentDate)
        : this(new Shared(layer, pack, documentDate), [.. layer.Numbers, .. layer.Dates])
    {
    }

    /// <summary>What the text layer read: sentences, tokens, numbers and dates (the parser's input).</summary>
    public TextAnalysis Layer => _shared.Layer;

    /// <summary>The original document text; every offset points into it.</summary>
    public string Text => _shared.Layer.Text;

    /// <summary>The language code the document was read in.</summary>
    public string Language => _shared.Layer.Language;

    /// <summary>The pack the document was read with.</summary>
    public LanguagePack Pack => _shared.Pack;

    /// <summary>The document's date, as precise as known.</summary>
    public PartialDate? DocumentDate => _shared.DocumentDate;

    /// <summary>The lines that hold sentences, in order.</summary>
    public IReadOnlyList<Paragraph> Paragraphs => _shared.Paragraphs;

    /// <summary>The sentences, in order.</summary>
    public IReadOnlyList<Sentence> Sentences => _shared.Layer.Sentences;

    /// <summary>The tokens, in order.</summary>
    public IReadOnlyList<Token> Tokens => _shared.Layer.Tokens;

    /// <summary>The tokens' word parts, which place and actor names are read over.</summary>
    public IReadOnlyList<WordPart> Parts => _shared.Parts;

    /// <summary>The numbers and quantities the text layer recognised.</summary>
    public IReadOnlyList<NumberMention> Numbers => _shared.Layer.Numbers;

    /// <summary>The dates the text layer recognised, resolved against the document date.</summary>
    public IReadOnlyList<DateMention> Dates => _shared.Layer.Dates;

    /// <summary>Every mention recognised so far: numbers and dates, then what later stages added, by start
    /// (longer first at one start).</summary>
    public IReadOnlyList<Mention> Mentions { get; }

    /// <summary>The words and tree of one sentence, parsed on first request (only the stages that need it pay for it).</summary>
    public ParsedSentence Syntax(int sentence) => _shared.Syntax(sentence);

    /// <summary>This analysis with no mention at all (not even the text layer's numbers and dates), for a stage that is given its mentions.</summary>
    public DocumentAnalysis WithoutMentions() => new(_shared, []);

    /// <summary>This analysis with more mentions: the current ones and <paramref name="groups"/>, in that order, sorted
    /// by start and, at one start, longer first.</summary>
    public DocumentAnalysis WithMentions(params IReadOnlyList<Mention>[] groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var count = Mentions.Count;
        foreach (var g in groups) count += g.Count;
        var all = new List<Mention>(count);
        all.AddRange(Mentions);
        foreach (var g in groups) all.AddRange(g);
        all.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return new DocumentAnalysis(_shared, all);
    }

    /// <summary>What every copy of one document's analysis shares.</summary>
    private sealed class Shared(TextAnalysis layer, LanguagePack pack, PartialDate? documentDate)
    {
        private IReadOnlyList<Paragraph>? _paragraphs;
        private WordPart[]? _parts;
        private ParsedSentence?[]? _syntax;

        public TextAnalysis Layer { get; } = layer;
        public LanguagePack Pack { get; } = pack;
        public PartialDate? DocumentDate { get; } = documentDate;

        // Built on first use; a race builds the same value twice and keeps one.
        public IReadOnlyList<Paragraph> Paragraphs => _paragraphs ?? Interlocked.CompareExchange(ref _paragraphs, BuildParagraphs(), null) ?? _paragraphs;

        public WordPart[] Parts => _parts ?? Interlocked.CompareExchange(ref _parts, WordParts.Build(Layer.Text, Layer.Tokens), null) ?? _parts;

        public ParsedSentence Syntax(int sentence)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(sentence);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sentence, Layer.Sentences.Count);
            var cache = _syntax ?? Interlocked.CompareExchange(ref _syntax, new ParsedSentence?[Layer.Sentences.Count], null) ?? _syntax;
            if (cache[sentence] is { } done) return done;
            var parsed = Pack.Parser.Parse(Layer, Layer.Sentences[sentence]);
            return Interlocked.CompareExchange(ref cache[sentence], parsed, null) ?? parsed;
        }

        private List<Paragraph> BuildParagraphs()
        {
            var list = new List<Paragraph>();
            var sentences = Layer.Sentences;
            for (var i = 0; i < sentences.Count;)
            {
                var j = i;
                while (j + 1 < sentences.Count && sentences[j + 1].Paragraph == sentences[i].Paragraph) j++;
                list.Add(new Paragraph(sentences[i].Paragraph, sentences[i].Start, sentences[j].End, i, j - i + 1));
                i = j + 1;
            }
            return list;
        }
    }
}

/// <summary>A stage that reads a document's analysis and recognises things in it (places, actors, events).</summary>
public interface IRecognizer<out T>
{
    /// <summary>What the stage recognises in the document.</summary>
    IReadOnlyList<T> Recognize(DocumentAnalysis document);
}
