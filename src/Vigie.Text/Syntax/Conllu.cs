using System.Text;

namespace Vigie.Text.Syntax;

/// <summary>One word line of a CoNLL-U sentence (multiword token lines and empty nodes are kept apart).</summary>
public sealed record ConlluWord(string Form, string Lemma, Upos Upos, string Feats, int Head, string Relation);

/// <summary>A multiword token of a CoNLL-U sentence: words <c>First</c>..<c>Last</c> (1-based) written as <c>Form</c>.</summary>
public readonly record struct MultiwordToken(int First, int Last, string Form);

/// <summary>A CoNLL-U sentence: its <c># text</c>, its words and its multiword tokens.</summary>
public sealed record ConlluSentence(string? Text, IReadOnlyList<ConlluWord> Words, IReadOnlyList<MultiwordToken> Multiwords, string? Id = null);

/// <summary>Reads and writes the CoNLL-U format (https://universaldependencies.org/format.html).</summary>
public static class Conllu
{
    /// <summary>Parses a UPOS tag; unknown tags read as <see cref="Upos.X"/>.</summary>
    public static Upos ParseUpos(string tag) => Enum.TryParse<Upos>(tag, ignoreCase: false, out var u) && Enum.IsDefined(u) ? u : Upos.X;

    /// <summary>Reads every sentence of a file.</summary>
    /// <exception cref="FormatException">A line is malformed; the message says <c>file:line: what</c>.</exception>
    public static List<ConlluSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path);
    }

    /// <summary>Reads every sentence from a reader; <paramref name="name"/> names it in errors.</summary>
    public static List<ConlluSentence> Read(TextReader reader, string name)
    {
        var sentences = new List<ConlluSentence>();
        var words = new List<ConlluWord>();
        var multiwords = new List<MultiwordToken>();
        string? text = null, id = null;
        var lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            if (line[0] == '#')
            {
                if (line.StartsWith("# text = ", StringComparison.Ordinal)) text = line[9..];
                else if (line.StartsWith("# sent_id = ", StringComparison.Ordinal)) id = line[12..];
                continue;
            }
            var cols = line.Split('\t');
            if (cols.Length != 10) throw new FormatException($"{name}:{lineNumber}: expected 10 tab-separated columns, found {cols.Length}");
            var idField = cols[0];
            if (idField.Contains('.', StringComparison.Ordinal)) continue; // empty nodes of enhanced graphs
            var dash = idField.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                if (!int.TryParse(idField.AsSpan(0, dash), out var first) || !int.TryParse(idField.AsSpan(dash + 1), out var last))
                    throw new FormatException($"{name}:{lineNumber}: bad multiword range '{idField}'");
                multiwords.Add(new MultiwordToken(first, last, cols[1]));
                continue;
            }
            if (!int.TryParse(idField, out var index) || index != words.Count + 1)
                throw new FormatException($"{name}:{lineNumber}: word id '{idField}' out of sequence");
            var head = cols[6] == "_" ? 0 : int.TryParse(cols[6], out var h) ? h : throw new FormatException($"{name}:{lineNumber}: bad head '{cols[6]}'");
            words.Add(new ConlluWord(cols[1], cols[2], ParseUpos(cols[3]), cols[5] == "_" ? "" : cols[5], head, cols[7] == "_" ? "dep" : cols[7]));
        }
        Flush();
        return sentences;

        void Flush()
        {
            if (words.Count > 0)
            {
                foreach (var w in words)
                    if (w.Head < 0 || w.Head > words.Count) throw new FormatException($"{name}:{lineNumber}: head {w.Head} outside the sentence");
                sentences.Add(new ConlluSentence(text, words.ToArray(), multiwords.ToArray(), id));
            }
            words.Clear();
            multiwords.Clear();
            text = null;
            id = null;
        }
    }

    /// <summary>Writes one parsed sentence as CoNLL-U: <c># text</c>, multiword token lines, and the character offsets
    /// of each word in MISC (<c>TokenRange=start:end</c>, as UDPipe writes them).</summary>
    public static void Write(TextWriter writer, string documentText, ParsedSentence sentence, string sentenceId, int sentenceStart, int sentenceEnd)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(documentText);
        ArgumentNullException.ThrowIfNull(sentence);
        writer.Write("# sent_id = ");
        writer.WriteLine(sentenceId);
        writer.Write("# text = ");
        writer.WriteLine(documentText[sentenceStart..sentenceEnd].ReplaceLineEndings(" "));
        var words = sentence.Words;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            var last = i;
            while (last + 1 < words.Count && words[last + 1].Token == w.Token) last++;
            // The token's offsets (and SpaceAfter=No) go on the token's line: the range line of a multiword token.
            var misc = $"TokenRange={w.Start}:{w.End}";
            if (last + 1 < words.Count && w.End < documentText.Length && !char.IsWhiteSpace(documentText[w.End])) misc += "|SpaceAfter=No";
            if (last > i) writer.WriteLine($"{i + 1}-{last + 1}\t{documentText[w.Start..w.End]}\t_\t_\t_\t_\t_\t_\t_\t{misc}");
            for (var j = i; j <= last; j++)
            {
                var x = words[j];
                writer.WriteLine($"{j + 1}\t{x.Form}\t{x.Lemma}\t{x.Upos}\t_\t{(x.Feats.Length == 0 ? "_" : x.Feats)}\t{x.Head}\t{x.Relation}\t_\t{(last > i ? "_" : misc)}");
            }
            i = last;
        }
        writer.WriteLine();
    }
}
