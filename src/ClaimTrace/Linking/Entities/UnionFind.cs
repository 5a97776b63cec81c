namespace ClaimTrace;

/// <summary>
/// Disjoint sets over 0..n-1. The root of a set is always its smallest member, so which member stands for a
/// set depends only on the sets, never on the order of the unions.
/// </summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;

    public UnionFind(int count)
    {
        _parent = new int[count];
        for (var i = 0; i < count; i++)
            _parent[i] = i;
    }

    public int Find(int x)
    {
        var root = x;
        while (_parent[root] != root)
            root = _parent[root];
        while (_parent[x] != root)
            (x, _parent[x]) = (_parent[x], root);
        return root;
    }

    public void Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
            return;
        if (ra < rb)
            _parent[rb] = ra;
        else
            _parent[ra] = rb;
    }
}
