namespace Vigie.Text.Syntax;

/// <summary>An arc-eager parser configuration (Nivre 2003): a stack, a buffer of the words not read yet, the arcs so far.</summary>
/// <remarks>Words are numbered 1..n; 0 is the root, at the bottom of the stack. Children are tracked as the two
/// outermost on each side, as the features need them.</remarks>
internal sealed class ParserState
{
    public const int Shift = 0, Reduce = 1, LeftArc = 2, RightArc = 3, TransitionCount = 4;

    private readonly int[] _stack;

    public ParserState(int length)
    {
        Length = length;
        _stack = new int[length + 2];
        Heads = new int[length + 1];
        LeftMost = new int[length + 1];
        LeftSecond = new int[length + 1];
        RightMost = new int[length + 1];
        RightSecond = new int[length + 1];
        LeftCount = new int[length + 1];
        RightCount = new int[length + 1];
        Reset();
    }

    public int Length { get; }

    public int[] Heads { get; }

    public int[] LeftMost { get; }

    public int[] LeftSecond { get; }

    public int[] RightMost { get; }

    public int[] RightSecond { get; }

    public int[] LeftCount { get; }

    public int[] RightCount { get; }

    public int StackSize { get; private set; }

    /// <summary>The first word of the buffer; past <see cref="Length"/> when it is empty.</summary>
    public int Buffer { get; private set; }

    public bool Done => Buffer > Length;

    public void Reset()
    {
        Array.Fill(Heads, -1);
        Array.Clear(LeftMost);
        Array.Clear(LeftSecond);
        Array.Clear(RightMost);
        Array.Clear(RightSecond);
        Array.Clear(LeftCount);
        Array.Clear(RightCount);
        _stack[0] = 0;
        StackSize = 1;
        Buffer = 1;
    }

    /// <summary>The word <paramref name="depth"/> below the top of the stack, or -1.</summary>
    public int Stack(int depth) => depth < StackSize ? _stack[StackSize - 1 - depth] : -1;

    /// <summary>The word at <paramref name="offset"/> in the buffer, or -1.</summary>
    public int Input(int offset) => Buffer + offset <= Length ? Buffer + offset : -1;

    public bool IsValid(int transition)
    {
        if (Done) return false;
        var s0 = _stack[StackSize - 1];
        return transition switch
        {
            Shift => true,
            Reduce => s0 != 0 && Heads[s0] >= 0,
            LeftArc => s0 != 0 && Heads[s0] < 0,
            RightArc => true,
            _ => false,
        };
    }

    public void Apply(int transition)
    {
        var s0 = _stack[StackSize - 1];
        switch (transition)
        {
            case Shift:
                _stack[StackSize++] = Buffer++;
                break;
            case Reduce:
                StackSize--;
                break;
            case LeftArc:
                Attach(Buffer, s0);
                StackSize--;
                break;
            case RightArc:
                Attach(s0, Buffer);
                _stack[StackSize++] = Buffer++;
                break;
        }
    }

    private void Attach(int head, int dependent)
    {
        Heads[dependent] = head;
        if (dependent < head)
        {
            LeftSecond[head] = LeftMost[head];
            LeftMost[head] = dependent;
            LeftCount[head]++;
        }
        else
        {
            RightSecond[head] = RightMost[head];
            RightMost[head] = dependent;
            RightCount[head]++;
        }
    }

    /// <summary>Finishes the tree: words left without a head hang from the root, and a single word heads the sentence;
    /// with <paramref name="closed"/> (see <see cref="Parser.Parse"/>), a word outside the closed phrases if one is free,
    /// a verb before other content words before function words (<paramref name="tags"/>, the parser's).</summary>
    public void Finish(ReadOnlySpan<int> closed = default, ReadOnlySpan<int> tags = default)
    {
        var root = -1;
        for (var i = 1; i <= Length; i++) if (Heads[i] == 0) { root = i; break; }
        // A free word to head the sentence where none does, or where only punctuation does: a verb first, then any other
        // content word, then any word but punctuation, then a mark (whose dependents the parser then lifts); outside the
        // closed phrases.
        if (!tags.IsEmpty && (root < 0 || (Upos)tags[root] == Upos.PUNCT))
            for (var rank = 0; rank < (root < 0 ? 4 : 3); rank++)
            {
                var found = -1;
                for (var i = 1; i <= Length && found < 0; i++)
                    if (Heads[i] < 0 && (closed.IsEmpty || closed[i] == 0) && HeadRank(tags[i]) == rank) found = i;
                if (found < 0) continue;
                if (root >= 0) Heads[root] = -1;
                root = found;
                Heads[found] = 0;
                break;
            }
        for (var i = 1; i <= Length; i++)
        {
            if (Heads[i] < 0)
            {
                if (root < 0) { root = i; Heads[i] = 0; }
                else Heads[i] = root;
            }
            else if (Heads[i] == 0 && i != root) Heads[i] = root;
        }
    }

    /// <summary>The cost of each transition against a projective gold tree: how many gold arcs it makes unreachable
    /// (the dynamic oracle of Goldberg and Nivre 2012). Invalid transitions get <see cref="int.MaxValue"/>.</summary>
    public void Costs(ReadOnlySpan<int> gold, Span<int> costs)
    {
        var s0 = _stack[StackSize - 1];
        var b = Buffer;
        var n = Length;
        for (var t = 0; t < TransitionCount; t++) costs[t] = IsValid(t) ? 0 : int.MaxValue;
        if (costs[LeftArc] == 0)
        {
            var c = 0;
            for (var k = b; k <= n; k++)
            {
                if (gold[s0] == k && k != b) c++;
                if (gold[k] == s0) c++;
            }
            costs[LeftArc] = c;
        }
        if (costs[RightArc] == 0)
        {
            var c = 0;
            var g = gold[b];
            if (g != s0)
            {
                if (g > b) c++;
                else for (var d = 0; d < StackSize; d++) if (_stack[d] == g) { c++; break; }
            }
            for (var d = 0; d < StackSize; d++)
            {
                var k = _stack[d];
                if (k != 0 && Heads[k] < 0 && gold[k] == b) c++;
            }
            costs[RightArc] = c;
        }
        if (costs[Reduce] == 0)
        {
            var c = 0;
            for (var k = b; k <= n; k++) if (gold[k] == s0) c++;
            costs[Reduce] = c;
        }
        if (costs[Shift] == 0)
        {
            var c = 0;
            for (var d = 0; d < StackSize; d++)
            {
                var k = _stack[d];
                if (gold[b] == k) c++;
                if (k != 0 && Heads[k] < 0 && gold[k] == b) c++;
            }
            costs[Shift] = c;
        }
    }

    /// <summary>How well a word of the tag heads a sentence: 0 a verb, 1 another content word, 2 a function word, 3
    /// punctuation.</summary>
    public static int HeadRank(int tag) => (Upos)tag switch
    {
        Upos.VERB => 0,
        Upos.NOUN or Upos.PROPN or Upos.ADJ or Upos.NUM or Upos.PRON or Upos.AUX => 1,
        Upos.PUNCT => 3,
        _ => 2,
    };

    /// <summary>Makes a tree projective by lifting each non-projective arc to the head's head until none is left.</summary>
    public static int[] Projectivize(ReadOnlySpan<int> heads)
    {
        var h = heads.ToArray();
        for (var guard = 0; guard < h.Length * 2; guard++)
        {
            var worst = -1;
            var shortest = int.MaxValue;
            for (var d = 1; d < h.Length; d++)
            {
                var len = Math.Abs(h[d] - d);
                if (len < shortest && !IsProjective(h, d)) { worst = d; shortest = len; }
            }
            if (worst < 0) break;
            h[worst] = h[h[worst]];
        }
        return h;
    }

    private static bool IsProjective(int[] h, int d)
    {
        var head = h[d];
        var (from, to) = head < d ? (head, d) : (d, head);
        for (var k = from + 1; k < to; k++)
        {
            var a = k;
            var steps = 0;
            while (a != head && a != 0 && steps++ < h.Length) a = h[a];
            if (a != head) return false;
        }
        return true;
    }
}
