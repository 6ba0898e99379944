namespace Vigie.Extraction.Actors;

/// <summary>How an alias names its target.</summary>
internal enum AliasKind
{
    Name,
    StateName,
    Demonym,
    DemonymPlural,
    Capital,
    Generic,
    Anaphor,
}

/// <summary>One reading of an alias: what it names and how. <c>Target</c> is an actor id, a generic id or an anaphor class.</summary>
internal sealed record AliasEntry(AliasKind Kind, string Target, bool CaseSensitive, string Source)
{
    public bool IsState => Kind is AliasKind.StateName or AliasKind.Demonym or AliasKind.DemonymPlural or AliasKind.Capital;

    /// <summary>Which reading wins when two matches of the same length overlap (lower first).</summary>
    public int Priority => Kind switch
    {
        AliasKind.Name => 0,
        AliasKind.StateName or AliasKind.Capital => 1,
        AliasKind.Demonym or AliasKind.DemonymPlural => 2,
        AliasKind.Generic => 3,
        _ => 4,
    };
}

/// <summary>A trie over folded words: each path of words ends on the readings of the alias it spells.</summary>
/// <remarks>Built once at load, then only read, so concurrent readers are safe.</remarks>
internal sealed class AliasTrie
{
    private sealed class Node
    {
        public Dictionary<string, Node>? Children;
        public List<AliasEntry>? Entries;
    }

    private readonly Node _root = new();

    public void Add(IReadOnlyList<string> words, AliasEntry entry)
    {
        var node = _root;
        foreach (var w in words)
        {
            node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Children.TryGetValue(w, out var next)) node.Children[w] = next = new Node();
            node = next;
        }
        node.Entries ??= [];
        if (!node.Entries.Contains(entry)) node.Entries.Add(entry);
    }

    /// <summary>Every alias that starts at word token <paramref name="start"/>, shortest first: its end (exclusive token
    /// index) and readings, added to <paramref name="into"/> (cleared first). No allocation: it runs for every word.</summary>
    public void MatchesAt(List<ActorToken> tokens, int start, List<(int End, List<AliasEntry> Entries)> into)
    {
        into.Clear();
        var node = _root;
        for (var k = start; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (!t.IsWord || node.Children is null || !node.Children.TryGetValue(t.Folded, out var next)) return;
            node = next;
            if (node.Entries is not null) into.Add((k + 1, node.Entries));
        }
    }
}
