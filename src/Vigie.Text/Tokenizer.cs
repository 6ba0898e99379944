using System.Collections.Frozen;

namespace Vigie.Text;

/// <summary>How an abbreviation followed by a full stop behaves at a possible sentence end.</summary>
internal enum AbbreviationKind
{
    /// <summary>Never ends a sentence (titles: M., Dr, Gen.).</summary>
    Title,
    /// <summary>Ends a sentence only when a capitalised word follows (km., etc.).</summary>
    Other,
}

/// <summary>The language-specific parts of tokenisation and segmentation, read from <c>lang.yaml</c> and <c>abbreviations.tsv</c>.</summary>
internal sealed class TokenRules
{
    public required FrozenSet<string> Elisions { get; init; }
    public required FrozenSet<string> Clitics { get; init; }
    public required string? NegationClitic { get; init; }
    public required FrozenDictionary<string, AbbreviationKind> Abbreviations { get; init; }
    public required Vocabulary Vocabulary { get; init; }
}

/// <summary>Splits a text into tokens and sentences in one pass, offsets into the original text.</summary>
internal sealed class Tokenizer
{
    private readonly TokenRules _rules;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _elisions;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _clitics;
    private readonly FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> _abbreviations;

    public Tokenizer(TokenRules rules)
    {
        _rules = rules;
        _elisions = rules.Elisions.GetAlternateLookup<ReadOnlySpan<char>>();
        _clitics = rules.Clitics.GetAlternateLookup<ReadOnlySpan<char>>();
        _abbreviations = rules.Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public void Run(string text, List<Token> tokens, List<Sentence> sentences)
    {
        var n = text.Length;
        var i = 0;
        var line = 1;
        var lineFirstToken = tokens.Count;
        Span<char> buffer = stackalloc char[64];
        var cache = Vocabulary.ThreadCache;
        while (i < n)
        {
            var c = text[i];
            if (c == '\n')
            {
                Segment(tokens, lineFirstToken, line, sentences);
                lineFirstToken = tokens.Count;
                line++;
                i++;
                continue;
            }
            if (c == ' ' || char.IsWhiteSpace(c) || Folding.IsIgnorable(c)) { i++; continue; }
            if (c is >= '0' and <= '9') i = ReadNumber(text, i, tokens, buffer, cache);
            else if (IsWordChar(c)) i = ReadWord(text, i, tokens, buffer, cache);
            else i = ReadPunct(text, i, tokens);
        }
        Segment(tokens, lineFirstToken, line, sentences);
    }

    // U+02BC, a letter to Unicode, is written as an apostrophe ("yesterdayʼs").
    private static bool IsWordChar(char c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (c >= '\u0080' && c != '\u02bc' && (char.IsLetter(c) || Folding.IsIgnorable(c)));

    private int ReadWord(string text, int start, List<Token> tokens, Span<char> buffer, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> cache)
    {
        var n = text.Length;
        // Acronyms with inner full stops: U.S., U.N.
        if (start + 3 < n && text[start + 1] == '.' && char.IsLetter(text[start + 2]) && text[start + 3] == '.')
        {
            var e = start;
            while (e + 1 < n && char.IsLetter(text[e]) && text[e + 1] == '.' && (e + 2 >= n || !char.IsLetter(text[e + 2]) || (e + 3 < n && text[e + 3] == '.') || e + 3 == n))
                e += 2;
            Add(text, start, e, tokens, buffer, cache);
            return e;
        }
        var j = start;
        while (j < n)
        {
            var c = text[j];
            if (IsWordChar(c)) { j++; continue; }
            if (Folding.IsApostrophe(c) && j > start && j + 1 < n && char.IsLetter(text[j + 1]))
            {
                if (IsElision(text, start, j, buffer))
                {
                    Add(text, start, j + 1, tokens, buffer, cache);
                    start = j + 1;
                    j++;
                    continue;
                }
                var e = j + 1;
                while (e < n && IsWordChar(text[e])) e++;
                if (_rules.Clitics.Count > 0 && IsClitic(text, j, e, buffer))
                {
                    Add(text, start, j, tokens, buffer, cache);
                    Add(text, j, e, tokens, buffer, cache);
                    return e;
                }
                if (_rules.NegationClitic is not null && e == j + 2 && j - 1 > start && (text[j - 1] is 'n' or 'N') && (text[j + 1] is 't' or 'T'))
                {
                    Add(text, start, j - 1, tokens, buffer, cache);
                    Add(text, j - 1, e, tokens, buffer, cache);
                    return e;
                }
                j = e;
                continue;
            }
            if (Folding.IsHyphen(c) && j > start && j + 1 < n && char.IsLetter(text[j + 1])) { j++; continue; }
            break;
        }
        Add(text, start, j, tokens, buffer, cache);
        return j;
    }

    private bool IsElision(string text, int start, int apostrophe, Span<char> buffer)
    {
        var len = apostrophe - start;
        if (len > 12 || _rules.Elisions.Count == 0) return false;
        var k = Folding.Fold(text.AsSpan(start, len), buffer);
        return k > 0 && _elisions.Contains(buffer[..k]);
    }

    private bool IsClitic(string text, int apostrophe, int end, Span<char> buffer)
    {
        if (end - apostrophe > 8) return false;
        var k = Folding.Fold(text.AsSpan(apostrophe, end - apostrophe), buffer);
        return k > 0 && _clitics.Contains(buffer[..k]);
    }

    private int ReadNumber(string text, int start, List<Token> tokens, Span<char> buffer, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> cache)
    {
        var n = text.Length;
        var j = start;
        while (j < n)
        {
            var c = text[j];
            if (c is >= '0' and <= '9') { j++; continue; }
            if (c is '.' or ',' or '/' or ':' && j + 1 < n && text[j + 1] is >= '0' and <= '9') { j++; continue; }
            break;
        }
        var digitsEnd = j;
        while (j < n && char.IsLetter(text[j])) j++;
        AddShaped(text, start, j, digitsEnd == j ? TokenShape.Number : TokenShape.NumberWithSuffix, tokens, buffer, cache);
        return j;
    }

    private int ReadPunct(string text, int start, List<Token> tokens)
    {
        var c = text[start];
        var j = start + 1;
        // Runs of full stops are one sign (an ellipsis), and so are runs of hyphens (a dash typed as "--").
        if (c is '.' or '-') while (j < text.Length && text[j] == c) j++;
        var shape = char.IsPunctuation(c) || c is '«' or '»' ? TokenShape.Punct : TokenShape.Symbol;
        var folded = j - start == 1 ? _rules.Vocabulary.Intern([Folding.FoldChar(c)]) : Folding.Fold(text.AsSpan(start, j - start));
        tokens.Add(new Token(start, j, folded, shape));
        return j;
    }

    private void Add(string text, int start, int end, List<Token> tokens, Span<char> buffer, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> cache)
    {
        if (end <= start) return;
        var span = text.AsSpan(start, end - start);
        int upper = 0, lower = 0;
        var firstUpper = false;
        var seenLetter = false;
        foreach (var ch in span)
        {
            if (!char.IsLetter(ch)) continue;
            var up = char.IsUpper(ch);
            if (!seenLetter) { firstUpper = up; seenLetter = true; }
            if (up) upper++; else lower++;
        }
        var shape = upper == 0 ? TokenShape.Word
            : lower == 0 ? (upper == 1 && span.Length > 1 && !span.Contains('.') ? TokenShape.Capitalized : TokenShape.Upper)
            : firstUpper && upper == 1 ? TokenShape.Capitalized
            : TokenShape.Mixed;
        AddShaped(text, start, end, shape, tokens, buffer, cache);
    }

    private void AddShaped(string text, int start, int end, TokenShape shape, List<Token> tokens, Span<char> buffer, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> cache)
    {
        var span = text.AsSpan(start, end - start);
        string folded;
        if (span.Length * 2 <= buffer.Length)
        {
            var k = Folding.Fold(span, buffer);
            folded = _rules.Vocabulary.Intern(buffer[..k], cache);
        }
        else folded = Folding.Fold(span);
        tokens.Add(new Token(start, end, folded, shape));
    }

    private static bool IsTerminal(string folded) => folded is "." or "?" or "!" or "\u2026" || (folded.Length > 1 && folded[0] == '.');

    private static bool IsCloser(in Token t, in Token previous) =>
        t.Shape == TokenShape.Punct && (t.Folded is ")" or "]" or "\u00bb" or "\u201d" || (t.Folded is "\"" or "'" && t.Start == previous.End));

    private void Segment(List<Token> tokens, int first, int line, List<Sentence> sentences)
    {
        var end = tokens.Count;
        if (first >= end) return;
        var start = first;
        for (var k = first; k < end; k++)
        {
            var t = tokens[k];
            if (t.Shape != TokenShape.Punct || !IsTerminal(t.Folded)) continue;
            if (t.Folded == "." && k > start)
            {
                var prev = tokens[k - 1];
                if (prev.End == t.Start && prev.IsWord)
                {
                    if (prev.Length == 1 && prev.IsCapitalized) continue;
                    if (_abbreviations.TryGetValue(prev.Folded, out var kind))
                    {
                        if (kind == AbbreviationKind.Title) continue;
                        if (k + 1 < end && !(tokens[k + 1].IsWord && tokens[k + 1].IsCapitalized)) continue;
                    }
                }
            }
            var e = k;
            while (e + 1 < end && IsCloser(tokens[e + 1], tokens[e])) e++;
            if (e + 1 >= end) break;
            var next = tokens[e + 1];
            if (next.Shape == TokenShape.Word) continue;
            Close(tokens, start, e + 1, line, sentences);
            start = e + 1;
            k = e;
        }
        Close(tokens, start, end, line, sentences);
    }

    private static void Close(List<Token> tokens, int first, int end, int line, List<Sentence> sentences)
    {
        if (end <= first) return;
        var index = sentences.Count;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        for (var k = first; k < end; k++) span[k] = span[k] with { Sentence = index };
        sentences.Add(new Sentence(index, line, tokens[first].Start, tokens[end - 1].End, first, end - first));
    }
}
