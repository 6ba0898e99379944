namespace Vigie.Text.Syntax;

/// <summary>Headline copies of treebank sentences: news headlines and wire notes drop articles and the final full stop
/// ("Crowd lynches driver after crash"), a register the treebanks hardly hold, so a tagger trained on them alone reads
/// "kills" after a bare noun as a plural noun. A copy keeps the tree: only leaves go.</summary>
/// <remarks>Language-neutral: articles are the <c>det</c> leaves marked <c>PronType=Art</c>, and a sentence whose removed
/// word lies inside a multiword token gives no copy. Passive auxiliaries stay: without them the labeler learnt to read
/// the subject of any bare past form as passive ("A bus crash killed twenty passengers").</remarks>
public static class Headlines
{
    /// <summary>The sentences with, after every <paramref name="every"/>-th one that has something to drop, its headline
    /// copy (0: none); <paramref name="origins"/> gives each its original's index, so that jackknifing keeps a copy in
    /// its original's fold (a tagger that has seen the original would tag the copy all but perfectly).</summary>
    public static List<ConlluSentence> Augment(IReadOnlyList<ConlluSentence> sentences, int every, out int[] origins)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new List<ConlluSentence>(sentences.Count);
        var from = new List<int>(sentences.Count);
        var seen = 0;
        for (var i = 0; i < sentences.Count; i++)
        {
            var s = sentences[i];
            result.Add(s);
            from.Add(i);
            if (every <= 0 || Of(s) is not { } copy) continue;
            if (seen++ % every != 0) continue;
            result.Add(copy);
            from.Add(i);
        }
        origins = [.. from];
        return result;
    }

    /// <summary>The headline form of a sentence, or null when it has nothing to drop.</summary>
    public static ConlluSentence? Of(ConlluSentence s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var words = s.Words;
        var n = words.Count;
        var hasChild = new bool[n + 1];
        foreach (var w in words)
            if (w.Head >= 0 && w.Head <= n) hasChild[w.Head] = true;
        var drop = new bool[n + 1];
        var any = false;
        for (var i = 1; i <= n; i++)
        {
            var w = words[i - 1];
            if (hasChild[i]) continue;
            var article = w.Relation == "det" && w.Feats.Contains("PronType=Art", StringComparison.Ordinal);
            var finalStop = i == n && w.Upos == Upos.PUNCT && w.Form is "." && n > 2;
            if (article || finalStop) { drop[i] = true; any = true; }
        }
        if (!any || drop.Count(d => d) >= n - 1) return null;
        foreach (var m in s.Multiwords)
            for (var k = m.First; k <= m.Last; k++)
                if (drop[k]) return null;
        var newIndex = new int[n + 1];
        for (int i = 1, j = 0; i <= n; i++) newIndex[i] = drop[i] ? -1 : ++j;
        var kept = new List<ConlluWord>(n);
        for (var i = 1; i <= n; i++)
        {
            if (drop[i]) continue;
            var w = words[i - 1];
            // The first word takes a capital, as a headline's does.
            var form = kept.Count == 0 && w.Upos != Upos.PROPN && w.Form.Length > 0 && char.IsLower(w.Form[0])
                ? char.ToUpperInvariant(w.Form[0]) + w.Form[1..]
                : w.Form;
            kept.Add(w with { Form = form, Head = w.Head == 0 ? 0 : newIndex[w.Head] });
        }
        var multiwords = s.Multiwords.Select(m => new MultiwordToken(newIndex[m.First], newIndex[m.Last], m.Form)).ToList();
        return new ConlluSentence(null, kept, multiwords, s.Id is null ? null : s.Id + "-headline");
    }
}
