using System.Collections.Frozen;
using System.IO.Compression;

namespace Vigie.Text;

/// <summary>Verb tenses and moods a lexicon entry can carry.</summary>
[Flags]
public enum VerbForm
{
    /// <summary>No verb form: the entry is not a verb.</summary>
    None = 0,
    /// <summary>The infinitive ("attack", "attaquer").</summary>
    Infinitive = 1,
    /// <summary>The past participle ("attacked", "attaqué").</summary>
    PastParticiple = 2,
    /// <summary>The present participle or gerund ("attacking", "attaquant").</summary>
    PresentParticiple = 4,
    /// <summary>A finite present ("attacks", "attaque").</summary>
    Present = 8,
    /// <summary>The imperfect ("attaquait").</summary>
    Imperfect = 16,
    /// <summary>The simple past, preterite or passé simple ("attacked", "attaqua").</summary>
    SimplePast = 32,
    /// <summary>A synthetic future ("attaquera").</summary>
    Future = 64,
    /// <summary>The conditional mood ("attaquerait").</summary>
    Conditional = 128,
    /// <summary>The subjunctive mood ("qu'il attaque").</summary>
    Subjunctive = 256,
    /// <summary>The imperative mood.</summary>
    Imperative = 512,
}

/// <summary>One reading of a form: its lemma, part of speech and, for verbs, the tenses it may be.</summary>
public readonly record struct LexicalReading(string Lemma, char Pos, VerbForm Forms);

/// <summary>A suffix rewrite that guesses a lemma: <c>ed</c> → <c>e</c>.</summary>
public readonly record struct SuffixRule(string Suffix, string Replacement, VerbForm Forms);

/// <summary>A language pack's form→lemma lexicon, read from <c>lexicon.tsv.gz</c> (generated from a Hunspell dictionary)
/// and <c>lexicon-extra.tsv</c> (written by hand); keys are folded forms, looked up by the event engine and the tagger.</summary>
public sealed class Lexicon
{
    private readonly FrozenDictionary<string, LexicalReading[]> _readings;
    private readonly FrozenDictionary<string, LexicalReading[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private Lexicon(FrozenDictionary<string, LexicalReading[]> readings, IReadOnlyList<SuffixRule> suffixes)
    {
        _readings = readings;
        _lookup = readings.GetAlternateLookup<ReadOnlySpan<char>>();
        Suffixes = suffixes;
    }

    /// <summary>An empty lexicon: every word is its own lemma.</summary>
    public static Lexicon Empty { get; } = new(FrozenDictionary<string, LexicalReading[]>.Empty, []);

    /// <summary>Guesses for forms the dictionary lacks ("raped" → "rape", "criticised" → "criticize"), longest suffix first.</summary>
    public IReadOnlyList<SuffixRule> Suffixes { get; }

    /// <summary>How many forms the lexicon knows.</summary>
    public int Count => _readings.Count;

    /// <summary>The readings of a folded form (empty when unknown).</summary>
    public ReadOnlySpan<LexicalReading> Lookup(string folded) =>
        _readings.TryGetValue(folded, out var r) ? r : [];

    /// <summary>The readings of a folded form given as a span (empty when unknown), without allocating.</summary>
    public ReadOnlySpan<LexicalReading> Lookup(ReadOnlySpan<char> folded) =>
        _lookup.TryGetValue(folded, out var r) ? r : [];

    /// <summary>Reads the lexicon files of a language pack (<c>lexicon*.tsv[.gz]</c>, <c>lexicon-suffixes.tsv</c>); problems read <c>file:line: what</c>.</summary>
    internal static Lexicon Load(IEnumerable<string> files, DataProblems problems)
    {
        var map = new Dictionary<string, List<LexicalReading>>(StringComparer.Ordinal);
        var suffixes = new List<SuffixRule>();
        var lemmas = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var suffixFile = Path.GetFileName(file).StartsWith("lexicon-suffixes", StringComparison.Ordinal);
            using var stream = File.OpenRead(file);
            using var decoded = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
            using var reader = new StreamReader(decoded);
            string? line;
            var n = 0;
            while ((line = reader.ReadLine()) is not null)
            {
                n++;
                if (line.Length == 0 || line[0] == '#') continue;
                var c = line.Split('\t');
                if (suffixFile)
                {
                    if (c.Length < 2) { problems.Add(file, n, "expected suffix, replacement and optional tenses separated by tabs"); continue; }
                    suffixes.Add(new SuffixRule(Folding.Fold(c[0]), Folding.Fold(c[1]), c.Length > 2 ? ParseForms(c[2]) : VerbForm.None));
                    continue;
                }
                if (c.Length < 3 || c[2].Length != 1 || c[0].Length == 0 || c[1].Length == 0)
                {
                    problems.Add(file, n, "expected form, lemma, part of speech and tenses separated by tabs");
                    continue;
                }
                var form = Folding.Fold(c[0]);
                var lemmaFolded = Folding.Fold(c[1]);
                if (!lemmas.TryGetValue(lemmaFolded, out var lemma)) lemmas[lemmaFolded] = lemma = lemmaFolded;
                var forms = c.Length > 3 ? ParseForms(c[3]) : VerbForm.None;
                Add(map, form, new LexicalReading(lemma, c[2][0], forms));
                if (c[2][0] == 'v' && !map.ContainsKey(lemma)) Add(map, lemma, new LexicalReading(lemma, 'v', VerbForm.Infinitive));
            }
        }
        return new Lexicon(map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            [.. suffixes.OrderByDescending(x => x.Suffix.Length)]);
    }

    private static void Add(Dictionary<string, List<LexicalReading>> map, string form, LexicalReading reading)
    {
        if (!map.TryGetValue(form, out var list)) map[form] = list = new List<LexicalReading>(1);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Lemma == reading.Lemma && list[i].Pos == reading.Pos)
            {
                list[i] = reading with { Forms = list[i].Forms | reading.Forms };
                return;
            }
        }
        list.Add(reading);
    }

    private static VerbForm ParseForms(string s)
    {
        var f = VerbForm.None;
        foreach (var t in s.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            f |= t switch
            {
                "inf" => VerbForm.Infinitive,
                "ppas" => VerbForm.PastParticiple,
                "ppre" => VerbForm.PresentParticiple,
                "ipre" => VerbForm.Present,
                "iimp" => VerbForm.Imperfect,
                "ipsi" => VerbForm.SimplePast,
                "ifut" => VerbForm.Future,
                "cond" => VerbForm.Conditional,
                "spre" or "simp" => VerbForm.Subjunctive,
                "impe" => VerbForm.Imperative,
                _ => VerbForm.None,
            };
        }
        return f;
    }
}
