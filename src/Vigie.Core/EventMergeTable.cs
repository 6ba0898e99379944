namespace Vigie.Core;

/// <summary>Which event types two reports of one event may carry, and the type of the event they make
/// (the data file <c>data/event-merge.tsv</c>, compiled into this assembly).</summary>
public sealed class EventMergeTable
{
    private readonly Dictionary<string, HashSet<string>> _absorbs;
    private readonly Dictionary<string, HashSet<string>> _direct;
    private readonly Dictionary<string, string> _family;

    private EventMergeTable(Dictionary<string, HashSet<string>> absorbs, Dictionary<string, HashSet<string>> direct)
    {
        _absorbs = absorbs;
        _direct = direct;
        _family = Families(absorbs);
    }

    /// <summary>The table shipped with Vigie.</summary>
    public static EventMergeTable Default { get; } = LoadEmbedded();

    /// <summary>The type of the one event that reports of types <paramref name="a"/> and <paramref name="b"/> make, or null when
    /// they cannot be one event.</summary>
    public string? Combine(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal)) return a;
        if (_absorbs.TryGetValue(a, out var x) && x.Contains(b)) return a;
        if (_absorbs.TryGetValue(b, out var y) && y.Contains(a)) return b;
        return null;
    }

    /// <summary>True when the file lists <paramref name="absorbed"/> among what <paramref name="type"/> absorbs (not through
    /// another type): an IED and the attack it is the means of.</summary>
    public bool AbsorbsDirectly(string type, string absorbed) => _direct.TryGetValue(type, out var d) && d.Contains(absorbed);

    /// <summary>A key shared by every type that may combine with this one, directly or through others (for indexes).</summary>
    public string Family(string type) => _family.GetValueOrDefault(type) ?? type;

    /// <summary>Parses the TSV format; types are checked against the catalogue and errors name the line.</summary>
    public static EventMergeTable Parse(TextReader reader, string fileName, EventTypeCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(catalog);
        var direct = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        // "=arrest": absorbed by this type only, not by the types that absorb it (an attack's arrests are that attack; a
        // takeover does not take in every arrest told after it).
        var own = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var header = false;
        var n = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            n++;
            if (line.Length == 0 || line[0] == '#') continue;
            if (!header) { header = true; continue; }
            var c = line.Split('\t');
            if (c.Length != 2) throw new FormatException($"{fileName}:{n}: expected 2 tab-separated columns, found {c.Length}.");
            if (catalog.Find(c[0]) is null) throw new FormatException($"{fileName}:{n}: unknown event type '{c[0]}'.");
            if (direct.ContainsKey(c[0])) throw new FormatException($"{fileName}:{n}: type '{c[0]}' is listed twice.");
            var set = new HashSet<string>(StringComparer.Ordinal);
            var ownSet = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in c[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var t = entry.StartsWith('=') ? entry[1..] : entry;
                if (t.Length < entry.Length) ownSet.Add(t);
                if (catalog.Find(t) is null) throw new FormatException($"{fileName}:{n}: unknown event type '{t}'.");
                if (t == c[0]) throw new FormatException($"{fileName}:{n}: '{t}' absorbs itself.");
                set.Add(t);
            }
            direct[c[0]] = set;
            own[c[0]] = ownSet;
        }
        // What an absorbed type absorbs is absorbed too; a type reached again from itself is a cycle.
        var closed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (type, _) in direct)
        {
            var all = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>(direct[type]);
            while (stack.Count > 0)
            {
                var t = stack.Pop();
                if (t == type) throw new FormatException($"{fileName}: '{type}' absorbs itself through other types.");
                if (!all.Add(t)) continue;
                if (direct.TryGetValue(t, out var more))
                    foreach (var m in more)
                        if (!own[t].Contains(m)) stack.Push(m);
            }
            closed[type] = all;
        }
        return new EventMergeTable(closed, direct);
    }

    private static Dictionary<string, string> Families(Dictionary<string, HashSet<string>> absorbs)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string t)
        {
            while (parent.TryGetValue(t, out var p) && p != t) t = p;
            return t;
        }
        foreach (var (type, set) in absorbs)
        {
            parent.TryAdd(type, type);
            foreach (var t in set)
            {
                parent.TryAdd(t, t);
                string ra = Find(type), rb = Find(t);
                if (ra == rb) continue;
                // The smaller name roots the family, so that the key does not depend on the file's order.
                if (string.CompareOrdinal(ra, rb) < 0) parent[rb] = ra; else parent[ra] = rb;
            }
        }
        return parent.Keys.ToDictionary(t => t, Find, StringComparer.Ordinal);
    }

    private static EventMergeTable LoadEmbedded()
    {
        using var s = typeof(EventMergeTable).Assembly.GetManifestResourceStream("event-merge.tsv")
            ?? throw new InvalidOperationException("event-merge.tsv is not embedded.");
        using var r = new StreamReader(s);
        return Parse(r, "data/event-merge.tsv", EventTypeCatalog.Default);
    }
}
