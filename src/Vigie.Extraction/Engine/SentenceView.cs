using Vigie.Core;
using Vigie.Extraction.Patterns;
using Vigie.Text;

namespace Vigie.Extraction.Engine;

/// <summary>A sentence boundary as the text layer gives it.</summary>
public sealed record SentenceSpan(int Index, int Paragraph, int Start, int End);

/// <summary>A mention placed on the tokens of a sentence.</summary>
public sealed class MentionRef
{
    /// <summary>Creates a reference.</summary>
    public MentionRef(Mention mention, int first, int last, bool reference)
    {
        Mention = mention;
        First = first;
        Last = last;
        Reference = reference;
    }

    /// <summary>The mention.</summary>
    public Mention Mention { get; }

    /// <summary>Its kind.</summary>
    public MentionKind Kind => Mention.Kind;

    /// <summary>Index of its first token.</summary>
    public int First { get; }

    /// <summary>Index of its last token.</summary>
    public int Last { get; }

    /// <summary>A place named only as a reference point ("à 150 km de Kaboul").</summary>
    public bool Reference { get; }

    /// <summary>The actor, for an actor mention.</summary>
    public Actor? Actor => (Mention as ActorMention)?.Actor;

    /// <summary>The location, for a place mention.</summary>
    public Location? Location => (Mention as PlaceMention)?.Location;

    /// <inheritdoc/>
    public override string ToString() => $"{Kind}:{Mention.Text}";
}

/// <summary>A sentence read for matching: tokens with lemmas, mentions on tokens, clauses and parentheses.</summary>
public sealed class SentenceView
{
    private static readonly List<MentionRef> NoMentions = [];

    private SentenceView(SentenceSpan span, List<WordToken> tokens)
    {
        Span = span;
        Tokens = tokens;
        Clause = new int[tokens.Count];
        AsideOf = new int[tokens.Count];
        ParenMatch = new int[tokens.Count];
        StartingAt = new List<MentionRef>?[tokens.Count];
        EndingAt = new List<MentionRef>?[tokens.Count];
    }

    /// <summary>The sentence boundary.</summary>
    public SentenceSpan Span { get; }

    /// <summary>Words and signs.</summary>
    public List<WordToken> Tokens { get; }

    /// <summary>Clause number of each token.</summary>
    public int[] Clause { get; }

    /// <summary>For a token inside parentheses or quotes, the clause around the aside; -1 elsewhere.</summary>
    public int[] AsideOf { get; }

    /// <summary>True when token <paramref name="i"/> belongs to <paramref name="clause"/>, or to an aside within it
    /// (<paramref name="inAside"/> is then true).</summary>
    public bool InClause(int i, int clause, out bool inAside)
    {
        inAside = false;
        if (Clause[i] == clause) return true;
        for (var c = AsideOf[i]; ; )
        {
            if (c < 0) return false;
            inAside = true;
            if (c == clause) return true;
            var k = Array.IndexOf(Clause, c);
            if (k < 0) return false;
            c = AsideOf[k];
        }
    }

    /// <summary>For a "(" the index of its ")", and back; -1 elsewhere.</summary>
    public int[] ParenMatch { get; }

    /// <summary>Mentions starting at each token.</summary>
    public List<MentionRef>?[] StartingAt { get; }

    /// <summary>Mentions ending at each token.</summary>
    public List<MentionRef>?[] EndingAt { get; }

    /// <summary>Every mention of the sentence in text order.</summary>
    public List<MentionRef> Mentions { get; } = [];

    /// <summary>Mentions starting at a token.</summary>
    public List<MentionRef> Starting(int i) => i >= 0 && i < Tokens.Count ? StartingAt[i] ?? NoMentions : NoMentions;

    /// <summary>Mentions ending at a token.</summary>
    public List<MentionRef> Ending(int i) => i >= 0 && i < Tokens.Count ? EndingAt[i] ?? NoMentions : NoMentions;

    /// <summary>The folded form of a token, or "" outside the sentence.</summary>
    public string Word(int i) => i >= 0 && i < Tokens.Count ? Tokens[i].Folded : "";

    /// <summary>The token whose span holds the offset, or -1.</summary>
    public int TokenAt(int offset)
    {
        var lo = 0;
        var hi = Tokens.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (Tokens[mid].End <= offset) lo = mid + 1;
            else if (Tokens[mid].Start > offset) hi = mid - 1;
            else return mid;
        }
        return lo < Tokens.Count ? lo : -1;
    }

    /// <summary>Builds the view of one sentence.</summary>
    public static SentenceView Build(DocumentAnalysis document, Sentence sentence, IReadOnlyList<Mention> sortedMentions, int firstMention, LanguageData lang)
    {
        var span = new SentenceSpan(sentence.Index, sentence.Paragraph, sentence.Start, sentence.End);
        var v = new SentenceView(span, lang.Words.Read(document, sentence));
        var toks = v.Tokens;
        Array.Fill(v.ParenMatch, -1);
        var stack = new Stack<int>();
        for (var i = 0; i < toks.Count; i++)
        {
            if (toks[i].Folded == "(") stack.Push(i);
            else if (toks[i].Folded == ")" && stack.Count > 0)
            {
                var o = stack.Pop();
                v.ParenMatch[o] = i;
                v.ParenMatch[i] = o;
            }
        }
        // Clauses: a break starts a new clause; parentheses and quotations are asides with their own number, and the
        // text after them goes on with the clause before them.
        var clause = 0;
        var next = 1;
        var saved = new Stack<(int Clause, string Closer)>();
        Array.Fill(v.AsideOf, -1);
        for (var i = 0; i < toks.Count; i++)
        {
            var f = toks[i].Folded;
            if (saved.Count > 0 && f == saved.Peek().Closer && (f != "\"" || i > 0))
            {
                v.Clause[i] = clause;
                v.AsideOf[i] = saved.Peek().Clause;
                clause = saved.Pop().Clause;
                continue;
            }
            var closer = f switch { "(" when v.ParenMatch[i] > i => ")", "«" => "»", "\u201c" => "\u201d", "\"" => "\"", _ => null };
            if (closer is not null && (closer != "\"" || HasLater(toks, i, "\"")))
            {
                saved.Push((clause, closer));
                clause = next++;
            }
            else
            {
                if (lang.Grammar.ClauseBreaks.MatchAt(toks, i) is not null || lang.Modality.Purpose.MatchAt(toks, i) is not null) clause = next++;
            }
            v.Clause[i] = clause;
            v.AsideOf[i] = saved.Count > 0 ? saved.Peek().Clause : -1;
        }
        // Mentions.
        var actors = new List<Mention>();
        var dates = new List<Mention>();
        for (var k = firstMention; k < sortedMentions.Count && sortedMentions[k].Start < span.End; k++)
        {
            var m = sortedMentions[k];
            if (m.End <= span.Start) continue;
            if (m.Kind == MentionKind.Actor) actors.Add(m);
            else if (m.Kind == MentionKind.Date) dates.Add(m);
        }
        for (var k = firstMention; k < sortedMentions.Count && sortedMentions[k].Start < span.End; k++)
        {
            var m = sortedMentions[k];
            if (m.End <= span.Start || m.Start < span.Start) continue;
            var first = v.TokenAt(m.Start);
            var last = v.TokenAt(Math.Max(m.Start, m.End - 1));
            if (first < 0 || last < first) continue;
            var reference = false;
            if (m.Kind == MentionKind.Place)
            {
                var preposition = first > 0 && toks[first - 1].Is(lang.Grammar.PlacePrepositions);
                if (!preposition && Overlaps(m, actors)) continue;
                reference = IsReference(m, first, v, lang);
            }
            else if (m.Kind == MentionKind.Number && Overlaps(m, dates)) continue;
            var r = new MentionRef(m, first, last, reference);
            (v.StartingAt[first] ??= []).Add(r);
            (v.EndingAt[last] ??= []).Add(r);
            v.Mentions.Add(r);
        }
        return v;
    }

    private static bool HasLater(List<WordToken> toks, int i, string f)
    {
        for (var k = i + 1; k < toks.Count; k++)
            if (toks[k].Folded == f) return true;
        return false;
    }

    private static bool Overlaps(Mention m, List<Mention> others)
    {
        foreach (var o in others)
            if (o.Start < m.End && m.Start < o.End) return true;
        return false;
    }

    private static bool IsReference(Mention m, int first, SentenceView v, LanguageData lang)
    {
        if (m.Rule.Contains("reference", StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var seq in lang.Grammar.ReferenceMarkers)
        {
            var at = first - seq.Words.Length;
            if (at >= 0 && seq.MatchesAt(v.Tokens, at)) return true;
        }
        return false;
    }
}
