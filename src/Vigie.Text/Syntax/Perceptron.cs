using System.Runtime.CompilerServices;

namespace Vigie.Text.Syntax;

/// <summary>Deterministic 64-bit hashing of feature atoms and templates (string.GetHashCode is randomised per process).</summary>
internal static class FeatureHash
{
    /// <summary>The atom of a missing position (no word there).</summary>
    public const ulong None = 0x6A09E667F3BCC909UL;

    /// <summary>Hashes a string (FNV-1a over UTF-16 code units, then mixed).</summary>
    public static ulong Of(ReadOnlySpan<char> s)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var c in s)
        {
            h ^= c;
            h *= 0x100000001B3UL;
        }
        return Mix(h ^ (ulong)s.Length);
    }

    /// <summary>Hashes a small integer atom (a tag, a distance, a count).</summary>
    public static ulong Of(int value) => Mix(0x9E3779B97F4A7C15UL * (ulong)(value + 1));

    /// <summary>The splitmix64 finaliser.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a) => Mix(((ulong)template << 56) ^ a) | 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a, ulong b) => Mix(F(template, a) + b * 0xC2B2AE3D27D4EB4FUL) | 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F(int template, ulong a, ulong b, ulong c) => Mix(F(template, a, b) + c * 0x165667B19E3779F9UL) | 1;
}

/// <summary>An averaged perceptron being trained: one weight per (feature, class), features added when first updated.</summary>
internal sealed class PerceptronTrainer
{
    private readonly Dictionary<ulong, int> _index = [];
    private float[] _weights;
    private float[] _totals;
    private int _instances = 1;

    public PerceptronTrainer(int classes)
    {
        Classes = classes;
        _weights = new float[classes * 1024];
        _totals = new float[classes * 1024];
    }

    public int Classes { get; }

    /// <summary>Adds the current weights of every feature to <paramref name="scores"/>.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        var c = Classes;
        foreach (var f in features)
        {
            if (!_index.TryGetValue(f, out var row)) continue;
            var w = _weights.AsSpan(row * c, c);
            for (var k = 0; k < c; k++) scores[k] += w[k];
        }
    }

    /// <summary>Counts one training instance (the clock of the averaging).</summary>
    public void Tick() => _instances++;

    /// <summary>Moves weights toward <paramref name="truth"/> and away from <paramref name="guess"/>.</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
    {
        if (truth == guess) return;
        foreach (var f in features)
        {
            var row = Row(f) * Classes;
            _weights[row + truth] += 1;
            _totals[row + truth] += _instances;
            _weights[row + guess] -= 1;
            _totals[row + guess] -= _instances;
        }
    }

    private int Row(ulong feature)
    {
        if (_index.TryGetValue(feature, out var row)) return row;
        row = _index.Count;
        _index[feature] = row;
        if ((row + 1) * Classes > _weights.Length)
        {
            Array.Resize(ref _weights, _weights.Length * 2);
            Array.Resize(ref _totals, _totals.Length * 2);
        }
        return row;
    }

    /// <summary>The averaged weights, quantised and pruned into a compact table.</summary>
    public WeightTable Average(float pruneBelow)
    {
        var c = Classes;
        var entries = new List<(ulong Key, ushort[] Classes, float[] Weights)>(_index.Count);
        var max = 1e-9f;
        var averaged = new float[c];
        foreach (var (key, row) in _index.OrderBy(kv => kv.Key))
        {
            var keep = new List<int>();
            for (var k = 0; k < c; k++)
            {
                averaged[k] = _weights[row * c + k] - _totals[row * c + k] / _instances;
                if (MathF.Abs(averaged[k]) >= pruneBelow) keep.Add(k);
            }
            if (keep.Count == 0) continue;
            entries.Add((key, keep.Select(k => (ushort)k).ToArray(), keep.Select(k => averaged[k]).ToArray()));
            foreach (var k in keep) max = MathF.Max(max, MathF.Abs(averaged[k]));
        }
        return WeightTable.Build(c, entries, 32000f / max);
    }
}

/// <summary>A trained, read-only feature table: for each feature hash the classes it votes for, as quantised weights.</summary>
internal sealed class WeightTable
{
    private readonly ulong[] _slots;
    private readonly int[] _slotFeature;
    private readonly int[] _starts;
    private readonly ushort[] _classes;
    private readonly short[] _weights;
    private readonly int _mask;

    private WeightTable(int classCount, float scale, ulong[] keys, int[] starts, ushort[] classes, short[] weights)
    {
        ClassCount = classCount;
        Scale = scale;
        _starts = starts;
        _classes = classes;
        _weights = weights;
        var capacity = 16;
        while (capacity < keys.Length * 2) capacity <<= 1;
        _mask = capacity - 1;
        _slots = new ulong[capacity];
        _slotFeature = new int[capacity];
        Keys = keys;
        for (var i = 0; i < keys.Length; i++)
        {
            var s = (int)(keys[i] >> 20) & _mask;
            while (_slots[s] != 0) s = (s + 1) & _mask;
            _slots[s] = keys[i];
            _slotFeature[s] = i;
        }
    }

    public int ClassCount { get; }

    public float Scale { get; }

    public ulong[] Keys { get; }

    public int FeatureCount => Keys.Length;

    public static WeightTable Build(int classCount, List<(ulong Key, ushort[] Classes, float[] Weights)> entries, float scale)
    {
        var keys = new ulong[entries.Count];
        var starts = new int[entries.Count + 1];
        var total = entries.Sum(e => e.Classes.Length);
        var classes = new ushort[total];
        var weights = new short[total];
        var at = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            keys[i] = entries[i].Key;
            starts[i] = at;
            for (var j = 0; j < entries[i].Classes.Length; j++)
            {
                classes[at] = entries[i].Classes[j];
                weights[at] = (short)Math.Clamp(MathF.Round(entries[i].Weights[j] * scale), -32767, 32767);
                at++;
            }
        }
        starts[entries.Count] = at;
        return new WeightTable(classCount, scale, keys, starts, classes, weights);
    }

    /// <summary>Adds the weights of every feature to <paramref name="scores"/> (integer units).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<int> scores)
    {
        scores[..ClassCount].Clear();
        foreach (var f in features)
        {
            var s = (int)(f >> 20) & _mask;
            ulong k;
            while ((k = _slots[s]) != 0 && k != f) s = (s + 1) & _mask;
            if (k == 0) continue;
            var id = _slotFeature[s];
            for (var j = _starts[id]; j < _starts[id + 1]; j++) scores[_classes[j]] += _weights[j];
        }
    }

    /// <summary>Writes the table.</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(ClassCount);
        w.Write(Scale);
        w.Write(Keys.Length);
        foreach (var k in Keys) w.Write(k);
        for (var i = 0; i < Keys.Length; i++) w.Write((ushort)(_starts[i + 1] - _starts[i]));
        foreach (var c in _classes) w.Write(c);
        foreach (var x in _weights) w.Write(x);
    }

    /// <summary>Reads a table written by <see cref="Write"/>.</summary>
    public static WeightTable Read(BinaryReader r)
    {
        var classCount = r.ReadInt32();
        var scale = r.ReadSingle();
        var n = r.ReadInt32();
        var keys = new ulong[n];
        for (var i = 0; i < n; i++) keys[i] = r.ReadUInt64();
        var starts = new int[n + 1];
        for (var i = 0; i < n; i++) starts[i + 1] = starts[i] + r.ReadUInt16();
        var classes = new ushort[starts[n]];
        for (var i = 0; i < classes.Length; i++) classes[i] = r.ReadUInt16();
        var weights = new short[starts[n]];
        for (var i = 0; i < weights.Length; i++) weights[i] = r.ReadInt16();
        return new WeightTable(classCount, scale, keys, starts, classes, weights);
    }

    /// <summary>The best-scoring class among the first <paramref name="count"/>.</summary>
    public static int Best(ReadOnlySpan<int> scores, int count)
    {
        var best = 0;
        for (var k = 1; k < count; k++) if (scores[k] > scores[best]) best = k;
        return best;
    }
}
