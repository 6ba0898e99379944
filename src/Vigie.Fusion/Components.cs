namespace Vigie.Fusion;

/// <summary>The connected components of held events (union-find by size with path halving), each with its members
/// and the clusters last built from them.</summary>
/// <typeparam name="TCluster">What a component's members are clustered into.</typeparam>
internal sealed class Components<TCluster>
{
    private readonly List<int> _parent = [];
    private readonly Dictionary<int, (List<int> Members, List<TCluster> Clusters)> _byRoot = [];

    /// <summary>Adds event <paramref name="i"/> (the next index) as a component of its own.</summary>
    public void Add(int i)
    {
        _parent.Add(i);
        _byRoot[i] = ([i], []);
    }

    /// <summary>The root of the component holding <paramref name="i"/>.</summary>
    public int Find(int i)
    {
        while (_parent[i] != i) { _parent[i] = _parent[_parent[i]]; i = _parent[i]; }
        return i;
    }

    /// <summary>Joins the components of two events; the larger one's root stays.</summary>
    public void Union(int a, int b)
    {
        int ra = Find(a), rb = Find(b);
        if (ra == rb) return;
        if (_byRoot[ra].Members.Count < _byRoot[rb].Members.Count) (ra, rb) = (rb, ra);
        _parent[rb] = ra;
        _byRoot[ra].Members.AddRange(_byRoot[rb].Members);
        _byRoot[ra].Clusters.AddRange(_byRoot[rb].Clusters);
        _byRoot.Remove(rb);
    }

    /// <summary>The members of the component of root <paramref name="root"/>.</summary>
    public IReadOnlyList<int> Members(int root) => _byRoot[root].Members;

    /// <summary>The clusters last built from the component of root <paramref name="root"/>.</summary>
    public List<TCluster> Clusters(int root) => _byRoot[root].Clusters;

    /// <summary>Replaces the clusters of the component of root <paramref name="root"/>.</summary>
    public void SetClusters(int root, List<TCluster> clusters) => _byRoot[root] = (_byRoot[root].Members, clusters);
}
