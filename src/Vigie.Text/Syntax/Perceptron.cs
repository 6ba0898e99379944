using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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

    private static readonly ulong[] SmallIntegers = [.. Enumerable.Range(-2, 64).Select(Compute)];

    /// <summary>Hashes a small integer atom (a tag, a distance, a count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(int value) => (uint)(value + 2) < 64 ? SmallIntegers[value + 2] : Compute(value);

    private static ulong Compute(int value) => Mix(0x9E3779B97F4A7C15UL * (ulong)(value + 1));

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
/// <remarks>Scoring is bound by memory latency (dozens of random lookups per word), so a table of few classes keeps
/// each feature's key and all its weights in one slot of an open-addressing array: one cache line per feature. A
/// table of many classes keeps in the slot where the feature's (class, weight) pairs start in one packed array: two
/// cache lines per feature. <see cref="Score"/> first reads the home slots of all the features, so that their cache
/// misses overlap instead of waiting one after the other.</remarks>
internal sealed class WeightTable
{
    private const int DenseLimit = 24;
    private const int MaxBatch = 128;

    private readonly ulong[] _keys;
    private readonly bool _dense;
    // A slot: the key, then either the class weights (dense, 4 per ulong) or start << 16 | count into _pairs (sparse).
    private readonly ulong[] _slots;
    // Sparse tables: each pair is class << 16 | (ushort)weight.
    private readonly int[] _pairs;
    private readonly int _stride;
    private readonly uint _capacity;

    private WeightTable(int classCount, float scale, ulong[] keys, int[] starts, ushort[] classes, short[] weights)
    {
        ClassCount = classCount;
        Scale = scale;
        _keys = keys;
        _capacity = (uint)Math.Max(16, keys.Length * 10L / 7 + 1);
        var dense = _dense = classCount <= DenseLimit;
        _pairs = dense ? [] : new int[classes.Length];
        for (var j = 0; j < _pairs.Length; j++) _pairs[j] = classes[j] << 16 | (ushort)weights[j];
        _stride = dense ? 1 + (classCount + 3) / 4 : 2;
        _slots = new ulong[_capacity * _stride];
        for (var i = 0; i < keys.Length; i++)
        {
            var s = Home(keys[i]);
            while (_slots[s * _stride] != 0) s = s + 1 == _capacity ? 0 : s + 1;
            var at = (int)(s * _stride);
            _slots[at] = keys[i];
            if (!dense) { _slots[at + 1] = (ulong)starts[i] << 16 | (uint)(starts[i + 1] - starts[i]); continue; }
            var w = System.Runtime.InteropServices.MemoryMarshal.Cast<ulong, short>(_slots.AsSpan(at + 1, _stride - 1));
            for (var j = starts[i]; j < starts[i + 1]; j++) w[classes[j]] = weights[j];
        }
    }

    public int ClassCount { get; }

    public float Scale { get; }

    public int FeatureCount => _keys.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Home(ulong key) => (uint)(((key >> 32) * _capacity) >> 32);

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

    /// <summary>Sets <paramref name="scores"/> to the summed weights of the features (integer units).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<int> scores)
    {
        scores[..ClassCount].Clear();
        for (var from = 0; from < features.Length; from += MaxBatch)
            ScoreBatch(features[from..Math.Min(features.Length, from + MaxBatch)], scores);
    }

    private void ScoreBatch(ReadOnlySpan<ulong> features, Span<int> scores)
    {
        var slots = _slots;
        var stride = _stride;
        var capacity = _capacity;
        Span<int> found = stackalloc int[features.Length];
        Span<ulong> keys = stackalloc ulong[features.Length];
        // Every home slot is read before any is used: the loads do not depend on each other, so their cache misses
        // overlap. The slot's last word is read too, for a slot that straddles two cache lines.
        // (Stored, so that the load is not optimised away.)
        Span<ulong> tails = stackalloc ulong[features.Length];
        for (var i = 0; i < features.Length; i++)
        {
            var at = (int)(Home(features[i]) * (uint)stride);
            found[i] = at;
            keys[i] = slots[at];
            tails[i] = slots[at + stride - 1];
        }
        var end = (int)(capacity * (uint)stride);
        for (var i = 0; i < features.Length; i++)
        {
            var f = features[i];
            var k = keys[i];
            if (k != f)
            {
                if (k == 0) { found[i] = -1; continue; }
                var at = found[i];
                do
                {
                    at += stride;
                    if (at == end) at = 0;
                }
                while ((k = slots[at]) != 0 && k != f);
                if (k == 0) { found[i] = -1; continue; }
                found[i] = at;
            }
            if (!_dense) keys[i] = slots[found[i] + 1];
        }
        if (_dense) AddDense(found, scores);
        else AddSparse(found, keys, scores);
    }

    private void AddDense(ReadOnlySpan<int> found, Span<int> scores)
    {
        var slots = _slots;
        var words = _stride - 1;
        // Four classes per slot word, widened to ints and summed four at a time.
        Span<Vector128<int>> sums = stackalloc Vector128<int>[words];
        sums.Clear();
        foreach (var at in found)
        {
            if (at < 0) continue;
            for (var q = 0; q < words; q++)
                sums[q] += Vector128.WidenLower(Vector128.CreateScalarUnsafe(slots[at + 1 + q]).AsInt16());
        }
        var c = ClassCount;
        for (var q = 0; q < words; q++)
            for (var k = 0; k < 4 && q * 4 + k < c; k++) scores[q * 4 + k] += sums[q][k];
    }

    private void AddSparse(ReadOnlySpan<int> found, ReadOnlySpan<ulong> packed, Span<int> scores)
    {
        var pairs = _pairs;
        for (var i = 0; i < found.Length; i++)
        {
            if (found[i] < 0) continue;
            var start = (int)(packed[i] >> 16);
            var end = start + (int)(packed[i] & 0xFFFF);
            for (var j = start; j < end; j++)
            {
                var p = pairs[j];
                scores[p >> 16] += (short)p;
            }
        }
    }

    /// <summary>Writes the table.</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(ClassCount);
        w.Write(Scale);
        w.Write(_keys.Length);
        foreach (var k in _keys) w.Write(k);
        if (!_dense)
        {
            foreach (var key in _keys) w.Write((ushort)(SlotOf(key)[1] & 0xFFFF));
            foreach (var key in _keys) foreach (var p in SparsePairs(key)) w.Write((ushort)(p >> 16));
            foreach (var key in _keys) foreach (var p in SparsePairs(key)) w.Write((short)p);
            return;
        }
        var pairs = new List<(ushort Class, short Weight)>();
        foreach (var key in _keys)
        {
            var weights = System.Runtime.InteropServices.MemoryMarshal.Cast<ulong, short>(SlotOf(key)[1..])[..ClassCount];
            var count = 0;
            foreach (var x in weights) if (x != 0) count++;
            w.Write((ushort)count);
            for (var j = 0; j < weights.Length; j++) if (weights[j] != 0) pairs.Add(((ushort)j, weights[j]));
        }
        foreach (var (c, _) in pairs) w.Write(c);
        foreach (var (_, x) in pairs) w.Write(x);
    }

    private ReadOnlySpan<ulong> SlotOf(ulong key)
    {
        var s = Home(key);
        while (_slots[s * _stride] != key) s = s + 1 == _capacity ? 0 : s + 1;
        return _slots.AsSpan((int)(s * _stride), _stride);
    }

    private ReadOnlySpan<int> SparsePairs(ulong key)
    {
        var packed = SlotOf(key)[1];
        return _pairs.AsSpan((int)(packed >> 16), (int)(packed & 0xFFFF));
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
