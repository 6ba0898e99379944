using System.IO.Compression;
using System.Text;

namespace Vigie.Text.Syntax;

/// <summary>The syntax of one sentence's words: tags, features, lemmas, heads (1-based, 0 = root) and relations.</summary>
public sealed record WordAnalysis(Upos[] Tags, string[] Feats, string[] Lemmas, int[] Heads, string[] Relations);

/// <summary>One language's trained tagger, morphology, lemmatiser, multiword splitter and dependency parser, loaded
/// from <c>data/lang/&lt;code&gt;/syntax.model</c>; immutable and thread-safe.</summary>
public sealed class SyntaxAnalyzer
{
    private const string Magic = "VIGIE-SYNTAX";
    // Version 2 adds the tagger's second pass at the end; version 1 models (no second pass) still read.
    private const int Version = 2;

    private readonly Tagger _tagger;
    private readonly Tagger? _retagger;
    private readonly FeatsTagger _feats;
    private readonly Lemmatizer _lemmatizer;
    private readonly Parser _parser;
    private readonly Labeler _labeler;
    private readonly MultiwordSplitter _multiwords;
    private readonly IWordClasses _classes;

    internal SyntaxAnalyzer(string language, string trainedOn, Tagger tagger, Tagger? retagger, FeatsTagger feats, Lemmatizer lemmatizer, Parser parser, Labeler labeler, MultiwordSplitter multiwords, IWordClasses classes)
    {
        Language = language;
        TrainedOn = trainedOn;
        _tagger = tagger;
        _retagger = retagger;
        _feats = feats;
        _lemmatizer = lemmatizer;
        _parser = parser;
        _labeler = labeler;
        _multiwords = multiwords;
        _classes = classes;
    }

    /// <summary>The language code the model was trained for.</summary>
    public string Language { get; }

    /// <summary>The treebank files the model was trained on (recorded in the model).</summary>
    public string TrainedOn { get; }

    /// <summary>How many weighted features the model holds, part by part.</summary>
    public string Size => $"tagger {_tagger.Weights.FeatureCount:N0}{(_retagger is null ? "" : $" + {_retagger.Weights.FeatureCount:N0}")}, parser {_parser.Weights.FeatureCount:N0}, labeler {_labeler.Weights.FeatureCount:N0} features";

    /// <summary>Splits surface tokens into syntactic words; each word says which token it came from.</summary>
    public List<(string Form, int Token)> Words(IReadOnlyList<string> tokens)
    {
        var words = new List<(string, int)>(tokens.Count + 4);
        for (var i = 0; i < tokens.Count; i++)
        {
            var parts = _multiwords.Split(tokens, i, _classes);
            if (parts is null) words.Add((tokens[i], i));
            else foreach (var p in parts) words.Add((p, i));
        }
        return words;
    }

    /// <summary>Tags, lemmatises and parses a sentence given as its syntactic words. <paramref name="phrases"/>, when
    /// given, numbers each word's closed phrase (0 for none): phrases the text layer recognised, which the parse keeps
    /// whole (see <see cref="Parser.Parse"/>).</summary>
    public WordAnalysis Analyze(IReadOnlyList<string> forms, ReadOnlySpan<int> phrases = default)
    {
        var n = forms.Count;
        var atoms = new WordAtoms[n + 1];
        var lower = new string[n];
        atoms[0] = WordAtoms.Root;
        for (var i = 0; i < n; i++)
        {
            lower[i] = WordAtoms.LowerForm(forms[i]);
            atoms[i + 1] = WordAtoms.Of(forms[i], lower[i], _classes);
        }
        var tags = new Upos[n];
        var wordAtoms = atoms.AsSpan(1);
        _tagger.Tag(wordAtoms, tags);
        if (_retagger is not null)
        {
            Span<int> first = n <= 256 ? stackalloc int[n] : new int[n];
            for (var i = 0; i < n; i++) first[i] = (int)tags[i];
            _retagger.Retag(wordAtoms, first, tags);
        }
        var featAtoms = new ulong[n + 1];
        featAtoms[0] = FeatureHash.None;
        var feats = _feats.Predict(wordAtoms, tags, featAtoms.AsSpan(1));
        var lemmas = new string[n];
        for (var i = 0; i < n; i++) lemmas[i] = _lemmatizer.Lemma(forms[i], lower[i], tags[i], _classes);
        var parserTags = Parser.TagsWithRoot(tags);
        var closed = phrases.IsEmpty ? default : new int[n + 1];
        if (closed is not null) phrases[..n].CopyTo(closed.AsSpan(1));
        var heads = _parser.Parse(atoms, parserTags, closed);
        var labels = _labeler.Label(atoms, parserTags, featAtoms, heads);
        var relations = new string[n];
        var resultHeads = new int[n];
        for (var i = 0; i < n; i++)
        {
            resultHeads[i] = heads[i + 1];
            relations[i] = heads[i + 1] == 0 ? "root" : _labeler.Labels[labels[i + 1]];
            if (relations[i] == "root" && heads[i + 1] != 0) relations[i] = "dep";
        }
        return new WordAnalysis(tags, feats, lemmas, resultHeads, relations);
    }

    internal static ulong[] FeatAtoms(IReadOnlyList<string> feats)
    {
        var result = new ulong[feats.Count + 1];
        result[0] = FeatureHash.None;
        for (var i = 0; i < feats.Count; i++) result[i + 1] = FeatureHash.Of(feats[i]);
        return result;
    }

    /// <summary>Writes the model, compressed.</summary>
    public void Save(string path)
    {
        using var file = File.Create(path);
        using var zip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(zip, Encoding.UTF8);
        w.Write(Magic);
        w.Write(Version);
        w.Write(Language);
        w.Write(TrainedOn);
        _tagger.Weights.Write(w);
        w.Write(_feats.Values.Count);
        for (var t = 0; t < _feats.Values.Count; t++)
        {
            var values = _feats.Values[t];
            w.Write(values.Length);
            foreach (var v in values) w.Write(v);
            var table = _feats.Tables[t];
            w.Write(table is not null);
            table?.Write(w);
        }
        w.Write(_lemmatizer.Known.Count);
        foreach (var ((form, tag), lemma) in _lemmatizer.Known.OrderBy(k => k.Key.Item1, StringComparer.Ordinal).ThenBy(k => k.Key.Item2))
        {
            w.Write(form);
            w.Write((byte)tag);
            w.Write(lemma == form ? "" : lemma);
        }
        w.Write(_lemmatizer.Rules.Count);
        foreach (var ((suffix, tag), (strip, append)) in _lemmatizer.Rules.OrderBy(k => k.Key.Item1, StringComparer.Ordinal).ThenBy(k => k.Key.Item2))
        {
            w.Write(suffix);
            w.Write((byte)tag);
            w.Write((byte)strip);
            w.Write(append);
        }
        _parser.Weights.Write(w);
        w.Write(_labeler.Labels.Count);
        foreach (var l in _labeler.Labels) w.Write(l);
        _labeler.Weights.Write(w);
        w.Write(_multiwords.Expansions.Count);
        foreach (var (form, parts) in _multiwords.Expansions.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            w.Write(form);
            w.Write(string.Join(' ', parts));
            w.Write(_multiwords.Ambiguous.Contains(form));
        }
        w.Write(_multiwords.Weights is not null);
        _multiwords.Weights?.Write(w);
        w.Write(_retagger is not null);
        _retagger?.Weights.Write(w);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a Vigie syntax model of this version.</exception>
    public static SyntaxAnalyzer Load(string path, IWordClasses classes)
    {
        using var file = File.OpenRead(path);
        using var zip = new GZipStream(file, CompressionMode.Decompress);
        using var r = new BinaryReader(new BufferedStream(zip, 1 << 16), Encoding.UTF8);
        try
        {
            if (r.ReadString() != Magic) throw new InvalidDataException($"{path}: not a Vigie syntax model");
            var version = r.ReadInt32();
            if (version is not (1 or Version)) throw new InvalidDataException($"{path}: model version {version}, this Vigie reads version {Version}; retrain with ./vigie train-syntax");
            var language = r.ReadString();
            var trainedOn = r.ReadString();
            var tagger = new Tagger(WeightTable.Read(r));
            var tagCount = r.ReadInt32();
            var values = new string[tagCount][];
            var tables = new WeightTable?[tagCount];
            for (var t = 0; t < tagCount; t++)
            {
                values[t] = new string[r.ReadInt32()];
                for (var k = 0; k < values[t].Length; k++) values[t][k] = r.ReadString();
                tables[t] = r.ReadBoolean() ? WeightTable.Read(r) : null;
            }
            var knownCount = r.ReadInt32();
            var known = new Dictionary<(string, Upos), string>(knownCount);
            for (var i = 0; i < knownCount; i++)
            {
                var form = r.ReadString();
                var tag = (Upos)r.ReadByte();
                var lemma = r.ReadString();
                known[(form, tag)] = lemma.Length == 0 ? form : lemma;
            }
            var ruleCount = r.ReadInt32();
            var rules = new Dictionary<(string, Upos), (int, string)>(ruleCount);
            for (var i = 0; i < ruleCount; i++)
            {
                var suffix = r.ReadString();
                var tag = (Upos)r.ReadByte();
                var strip = r.ReadByte();
                rules[(suffix, tag)] = (strip, r.ReadString());
            }
            var parser = new Parser(WeightTable.Read(r));
            var labels = new string[r.ReadInt32()];
            for (var i = 0; i < labels.Length; i++) labels[i] = r.ReadString();
            var labeler = new Labeler(WeightTable.Read(r), labels);
            var mwtCount = r.ReadInt32();
            var expansions = new Dictionary<string, string[]>(mwtCount, StringComparer.Ordinal);
            var ambiguous = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < mwtCount; i++)
            {
                var form = r.ReadString();
                expansions[form] = r.ReadString().Split(' ');
                if (r.ReadBoolean()) ambiguous.Add(form);
            }
            var mwtWeights = r.ReadBoolean() ? WeightTable.Read(r) : null;
            var retagger = version >= 2 && r.ReadBoolean() ? new Tagger(WeightTable.Read(r)) : null;
            return new SyntaxAnalyzer(language, trainedOn, tagger, retagger, new FeatsTagger(tables, values), new Lemmatizer(known, rules), parser, labeler,
                new MultiwordSplitter(expansions, ambiguous, mwtWeights), classes);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or InvalidDataException && !e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: not a readable Vigie syntax model ({e.Message})", e);
        }
    }
}
