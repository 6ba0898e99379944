namespace Vigie.Text;

/// <summary>A unit the recognisers match: a token, or one part of a hyphenated word ("mi-août" → "mi", "aout").</summary>
internal readonly record struct Atom(int Start, int End, string Text, int Token, TokenShape Shape)
{
    public bool IsCapitalized => Shape is TokenShape.Capitalized or TokenShape.Upper or TokenShape.Mixed;
    public bool IsWord => Shape <= TokenShape.Mixed;
}

/// <summary>Builds the atoms of a tokenised text: its tokens, with each hyphenated word split at its hyphens.</summary>
internal static class HyphenAtoms
{
    public static Atom[] Build(string text, List<Token> tokens)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        var count = span.Length;
        foreach (ref readonly var t in span)
            if (t.IsWord && t.Folded.Contains('-', StringComparison.Ordinal)) count += t.Folded.AsSpan().Count('-');
        var atoms = new Atom[count];
        var n = 0;
        for (var k = 0; k < span.Length; k++)
        {
            ref readonly var t = ref span[k];
            if (!t.IsWord || !t.Folded.Contains('-', StringComparison.Ordinal))
            {
                atoms[n++] = new Atom(t.Start, t.End, t.Folded, k, t.Shape);
                continue;
            }
            var s = t.Start;
            for (var i = t.Start; i <= t.End; i++)
            {
                if (i < t.End && !Folding.IsHyphen(text[i])) continue;
                if (i > s)
                {
                    var part = text.AsSpan(s, i - s);
                    var shape = char.IsUpper(part[0]) ? TokenShape.Capitalized : TokenShape.Word;
                    atoms[n++] = new Atom(s, i, Folding.Fold(part), k, shape);
                }
                s = i + 1;
            }
        }
        return n == atoms.Length ? atoms : atoms[..n];
    }

    /// <summary>Splits a phrase from a data file into folded atoms with the language's tokeniser.</summary>
    public static string[] OfPhrase(Tokenizer tokenizer, string phrase)
    {
        // An elided word alone ("d'", "jusqu'") is read as it is before a word, so that it matches the text's token.
        var elided = phrase.Length > 1 && Folding.IsApostrophe(phrase[^1]);
        var text = elided ? phrase + "x" : phrase;
        var tokens = new List<Token>();
        tokenizer.Run(text, tokens, []);
        var atoms = Build(text, tokens).Select(a => a.Text).ToList();
        if (elided && atoms.Count > 0 && atoms[^1] == "x") atoms.RemoveAt(atoms.Count - 1);
        return [.. atoms];
    }
}

/// <summary>Phrases of folded atoms mapped to values; finds the longest phrase starting at an atom.</summary>
internal sealed class PhraseTrie<T> where T : class
{
    private sealed class Node
    {
        public Dictionary<string, Node>? Next;
        public T? Value;
    }

    private readonly Node _root = new();

    public int Count { get; private set; }

    /// <summary>Adds a phrase; returns false when it was already there (the first value stays).</summary>
    public bool Add(IReadOnlyList<string> atoms, T value)
    {
        var node = _root;
        foreach (var a in atoms)
        {
            node.Next ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Next.TryGetValue(a, out var child)) node.Next[a] = child = new Node();
            node = child;
        }
        if (node.Value is not null) return false;
        node.Value = value;
        Count++;
        return true;
    }

    /// <summary>The atoms phrases start with.</summary>
    public IEnumerable<string> FirstAtoms => _root.Next?.Keys ?? Enumerable.Empty<string>();

    /// <summary>Whether some phrase starts with this atom.</summary>
    public bool Starts(string atom) => _root.Next is { } n && n.ContainsKey(atom);

    /// <summary>The longest phrase starting at <paramref name="start"/>; <paramref name="end"/> is the atom after it.</summary>
    public T? Match(Atom[] atoms, int start, out int end)
    {
        end = start;
        T? best = null;
        var node = _root;
        for (var i = start; i < atoms.Length; i++)
        {
            if (node.Next is null || !node.Next.TryGetValue(atoms[i].Text, out var child)) break;
            node = child;
            if (node.Value is not null) { best = node.Value; end = i + 1; }
        }
        return best;
    }

    /// <summary>The longest phrase ending just before <paramref name="end"/> (phrases are few and short: tries each start).</summary>
    public T? MatchEndingAt(Atom[] atoms, int end, int maxAtoms, out int start)
    {
        start = end;
        T? best = null;
        for (var s = Math.Max(0, end - maxAtoms); s < end; s++)
        {
            var node = _root;
            var i = s;
            for (; i < end; i++)
                if (node.Next is null || !node.Next.TryGetValue(atoms[i].Text, out node)) break;
            if (i == end && node?.Value is not null) { start = s; return node.Value; }
        }
        return best;
    }
}
